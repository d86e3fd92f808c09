#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader, or a crash at any moment, sees either the old file or the new
/// one, never a mix: write a temporary file beside it, fsync it, rename it over the old one,
/// fsync the folder.
public enum AtomicFile {
    /// Replaces the file at `path` with `bytes`, keeping the old file's permissions.
    ///
    /// - Throws: ``WorkbookError/Code/io`` naming the step that failed; the old file is then untouched.
    public static func write(_ bytes: [UInt8], to path: String) throws(WorkbookError) {
        let (folder, name) = split(path)
        let temporary = folder + "/." + name + ".pilot-save"
        var mode: mode_t = 0o644
        var info = stat()
        if stat(path, &info) == 0 { mode = info.st_mode & 0o7777 }

        let fd = try call("create \(temporary)") { open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let error = failure("write \(temporary)")
                close(fd)
                unlink(temporary)
                throw error
            }
            written += n
        }
        if fsync(fd) != 0 {
            let error = failure("fsync \(temporary)")
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        _ = try call("rename \(temporary) to \(path)") { rename(temporary, path) }
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    /// The whole file at `path`.
    static func read(_ path: String) throws(WorkbookError) -> [UInt8] {
        let fd = try call("open \(path)") { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("read \(path)")
            }
            if n == 0 { break }
            result.append(contentsOf: chunk[..<n])
        }
        return result
    }

    /// Runs a C call that returns -1 on failure, turning errno into a ``WorkbookError``.
    private static func call(_ what: String, _ body: () -> Int32) throws(WorkbookError) -> Int32 {
        while true {
            let result = body()
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw failure(what)
        }
    }

    private static func failure(_ what: String) -> WorkbookError {
        let reason = String(cString: strerror(errno))
        return WorkbookError(
            .io, "cannot \(what): \(reason)",
            hint: errno == EACCES || errno == EROFS
                ? "check that you may write to this folder" : nil)
    }

    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }
}
