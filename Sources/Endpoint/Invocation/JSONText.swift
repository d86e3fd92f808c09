/// Pieces of JSON text, written directly (responses are small and their shape is fixed).
enum JSONText {
    /// A float as the shortest text that reads back as the same float; `null` when not finite.
    static func number(_ value: Float) -> String {
        value.isFinite ? "\(value)" : "null"
    }
}
