/// An insertion-ordered set of byte strings, each given a dense code (0, 1, 2...) in order of
/// first appearance: the dictionary of a string column while it is being read.
///
/// Open addressing over an arena of bytes, so that looking up a field never allocates; a
/// `String` is made once per distinct value, at the end.
struct ByteDictionary {
    private(set) var arena: [UInt8] = []
    private(set) var offsets: [Int] = [0]
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { offsets.count - 1 }

    /// The bytes of the value with this code.
    func bytes(of code: Int) -> ArraySlice<UInt8> {
        arena[offsets[code]..<offsets[code + 1]]
    }

    /// The code of these bytes, adding them if new; `isNew` tells which.
    @inline(__always)
    mutating func code(of bytes: UnsafeBufferPointer<UInt8>) -> (code: UInt32, isNew: Bool) {
        let hash = ByteDictionary.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let existing = slots[slot]
            if existing < 0 { break }
            let index = Int(existing)
            if hashes[index] == hash, equals(index, bytes) { return (UInt32(index), false) }
            slot = (slot + 1) & mask
        }
        let code = count
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        hashes.append(hash)
        slots[slot] = Int32(code)
        if count * 2 > slots.count { grow() }
        return (UInt32(code), true)
    }

    @inline(__always)
    private func equals(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[index], end = offsets[index + 1]
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            var i = 0
            while i < bytes.count {
                if arena[start + i] != bytes[i] { return false }
                i += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for index in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// A fast 64-bit hash of a short byte string (FNV-1a over 8-byte words, then a mix).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var i = 0
        let n = bytes.count
        if let base = bytes.baseAddress {
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                h = (h ^ word) &* 0x100_0000_01b3
                h ^= h >> 29
                i += 8
            }
            while i < n {
                h = (h ^ UInt64(base[i])) &* 0x100_0000_01b3
                i += 1
            }
        }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }

    /// Every value as a `String`, in code order.
    func strings() -> [String] {
        (0..<count).map { String(decoding: bytes(of: $0), as: UTF8.self) }
    }
}
