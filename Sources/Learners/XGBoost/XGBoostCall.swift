import CXGBoost

/// The one place every XGBoost C call goes through: run it, and when it returns non-zero read
/// the thread-local last error at once, before anything else can overwrite it.
enum XGBoostCall {
    @inline(__always)
    static func check(_ function: String, _ body: () -> Int32) throws(XGBoostError) {
        if body() != 0 {
            throw XGBoostError(function: function, raw: String(cString: XGBGetLastError()))
        }
    }

    /// The library's version, e.g. `1.7.4`.
    static var version: String {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        XGBoostVersion(&major, &minor, &patch)
        return "\(major).\(minor).\(patch)"
    }
}
