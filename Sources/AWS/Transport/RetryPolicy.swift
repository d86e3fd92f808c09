/// How often and how long to wait before trying a failed call again: exponential backoff with
/// full jitter (AWS's "standard" retry mode), for throttling, 5xx answers and dropped connections.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The first wait's upper bound, in seconds; it doubles each attempt up to ``maxDelay``.
    public var baseDelay: Double
    public var maxDelay: Double

    public init(maxAttempts: Int = 4, baseDelay: Double = 0.2, maxDelay: Double = 5) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The standard policy: 4 attempts, waits up to 0.2 s, 0.4 s, 0.8 s.
    public static let standard = RetryPolicy()

    /// A random wait in [0, min(maxDelay, baseDelay × 2^(attempt-1))] before attempt `attempt + 1`.
    func delay(after attempt: Int) -> Double {
        let ceiling = min(maxDelay, baseDelay * Double(1 << min(attempt - 1, 20)))
        return Double.random(in: 0...ceiling)
    }
}
