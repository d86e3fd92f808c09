import Learners

/// Small generated problems with known structure, the same on every machine.
struct SyntheticData {
    var values: [Float] = []
    var labels: [Float] = []
    var rows = 0
    let columns: Int

    /// Binary: y = 1 when 2·x0 − x1 + (category 2 ? 1.5 : 0) + noise > 0.5. Column 2 is a
    /// category code 0...3; column 3 is noise.
    static func binary(rows: Int, seed: UInt64) -> SyntheticData {
        var generator = Generator(seed: seed)
        var data = SyntheticData(columns: 4)
        for _ in 0..<rows {
            let x0 = generator.uniform(), x1 = generator.uniform()
            let category = Float(generator.next() % 4)
            let noise = generator.uniform()
            let signal = 2 * x0 - x1 + (category == 2 ? 1.5 : 0) + 0.3 * (generator.uniform() - 0.5)
            data.values += [x0, x1, category, noise]
            data.labels.append(signal > 0.5 ? 1 : 0)
            data.rows += 1
        }
        return data
    }

    struct Generator {
        var state: UInt64
        init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func uniform() -> Float { Float(next() >> 40) / Float(1 << 24) }
    }
}
