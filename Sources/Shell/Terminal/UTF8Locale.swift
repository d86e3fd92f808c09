#if canImport(Glibc)
import Glibc
#endif

/// The C locale libedit reads keystrokes with: the user's (`setlocale(LC_ALL, "")`), so that
/// UTF-8 input, Japanese included, is edited a character at a time; C.UTF-8 when the user's
/// locale is plain C or POSIX, which would cut multi-byte characters apart.
enum UTF8Locale {
    static func enable() {
        let chosen = setlocale(LC_ALL, "").map { String(cString: $0) } ?? "C"
        if chosen == "C" || chosen == "POSIX" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
