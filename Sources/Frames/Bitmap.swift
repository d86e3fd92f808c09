/// One bit per row: which values are missing.
public struct Bitmap: Sendable, Equatable {
    private(set) var words: [UInt64]
    public private(set) var count: Int

    public init(count: Int = 0) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) >> 6)
    }

    public subscript(index: Int) -> Bool {
        get { words[index >> 6] & (1 << UInt64(index & 63)) != 0 }
        set {
            if newValue {
                words[index >> 6] |= 1 << UInt64(index & 63)
            } else {
                words[index >> 6] &= ~(1 << UInt64(index & 63))
            }
        }
    }

    /// Adds one bit at the end.
    public mutating func append(_ bit: Bool) {
        if count & 63 == 0 { words.append(0) }
        if bit { words[count >> 6] |= 1 << UInt64(count & 63) }
        count += 1
    }

    /// Adds `n` clear bits at the end.
    public mutating func appendClear(_ n: Int) {
        count += n
        let needed = (count + 63) >> 6
        if needed > words.count { words.append(contentsOf: repeatElement(0, count: needed - words.count)) }
    }

    /// Adds another bitmap's bits at the end.
    public mutating func append(contentsOf other: Bitmap) {
        if count & 63 == 0 {
            words.append(contentsOf: other.words)
            count += other.count
            return
        }
        for index in 0..<other.count { append(other[index]) }
    }

    public mutating func reserveCapacity(_ bits: Int) {
        words.reserveCapacity((bits + 63) >> 6)
    }

    /// How many bits are set.
    public var setCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
