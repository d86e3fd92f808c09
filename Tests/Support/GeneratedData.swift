/// A small binary-classification CSV with known structure, the same on every machine:
/// `y` is yes when x1 + ½·x2 (+1 for red) plus a little noise exceeds ½.
public enum GeneratedData {
    public static func binaryCSV(rows: Int, seed: UInt64, withID: Bool = false) -> String {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var csv = (withID ? "id," : "") + "x1,x2,color,y\n"
        for row in 0..<rows {
            let x1 = next() * 4 - 2, x2 = next() * 4 - 2
            let color = ["red", "green", "blue"][row % 3]
            let y = x1 + 0.5 * x2 + (color == "red" ? 1 : 0) + (next() - 0.5) * 0.5 > 0.5 ? "yes" : "no"
            csv += (withID ? "c\(row)," : "") + "\(x1),\(x2),\(color),\(y)\n"
        }
        return csv
    }
}
