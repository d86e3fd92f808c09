import Frames

@testable import Autopilot

/// Small generated data sets with known answers, the same on every machine.
enum Generated {
    /// A frame from CSV text.
    static func frame(_ csv: String) -> Frame {
        try! CSVReader.read(Array(csv.utf8), source: "generated.csv")
    }

    /// `rows` rows: x1, x2 numbers, color (red/green/blue), id (unique), constant, and targets:
    /// `binary` (yes/no), `multi` (a/b/c), `value` (a number).
    static func table(rows: Int, seed: UInt64, withUnknownColor: Bool = false) -> Frame {
        var generator = SplitMix64(seed: seed)
        func uniform() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
        var csv = "id,x1,x2,color,constant,binary,multi,value\n"
        let colors = ["red", "green", "blue"]
        for row in 0..<rows {
            let x1 = uniform() * 4 - 2, x2 = uniform() * 4 - 2
            var color = colors[Int(generator.next() % 3)]
            if withUnknownColor, row % 10 == 0 { color = "purple" }
            let noise = (uniform() - 0.5) * 0.4
            let signal = x1 + 0.5 * x2 + (color == "red" ? 1 : 0) + noise
            let binary = signal > 0.5 ? "yes" : "no"
            let multi = x1 < -0.7 ? "a" : (x1 < 0.7 ? "b" : "c")
            let value = 3 * x1 - 2 * x2 + (color == "blue" ? 2 : 0) + noise
            csv += "id\(row),\(x1),\(x2),\(color),7,\(binary),\(multi),\(value)\n"
        }
        return frame(csv)
    }
}

extension AutopilotSettings {
    /// The generated table's binary target from its features, on one thread.
    static func binary(candidates: Int) -> AutopilotSettings {
        var settings = AutopilotSettings(target: "binary")
        settings.exclude = ["id", "multi", "value"]
        settings.maxCandidates = candidates
        settings.threads = 1
        return settings
    }
}
