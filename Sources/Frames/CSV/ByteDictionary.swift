#if canImport(Glibc)
import Glibc
#endif

/// An insertion-ordered set of byte strings, each given a dense code (0, 1, 2...) in order of
/// first appearance: the dictionary of a string column while it is being read.
///
/// Open addressing over an arena of bytes, so that looking up a field never allocates; a
/// `String` is made once per distinct value, at the end. The owner calls ``release()`` once.
struct ByteDictionary {
    private struct Entry {
        var offset: Int
        var length: Int
        var hash: UInt64
        /// The first 16 bytes, zero-padded: short values compare in two word compares.
        var w0: UInt64
        var w1: UInt64
    }

    private var arena = RawBuffer<UInt8>(capacity: 256)
    private var entries = RawBuffer<Entry>(capacity: 16)
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int

    init() {
        let size = 64
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { entries.count }

    /// The bytes of the value with this code.
    func bytes(of code: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = entries[code]
        return UnsafeBufferPointer(start: arena.base + entry.offset, count: entry.length)
    }

    /// The code of these bytes, adding them if new; `isNew` tells which.
    @inline(__always)
    mutating func code(of p: UnsafePointer<UInt8>, _ n: Int) -> (code: UInt32, isNew: Bool) {
        let w0 = n >= 8 ? UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) : ByteDictionary.partialWord(p, n)
        let w1 =
            n >= 16
            ? UnsafeRawPointer(p + 8).loadUnaligned(as: UInt64.self)
            : n > 8 ? ByteDictionary.partialWord(p + 8, n - 8) : 0
        let hash =
            n <= 16
            ? ByteDictionary.mix(w0 &* 0x9E37_79B9_7F4A_7C15 ^ (w1 &+ UInt64(n)) &* 0xC2B2_AE3D_27D4_EB4F)
            : ByteDictionary.hash(p, n)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let existing = slots[slot]
            if existing < 0 { break }
            let entry = entries[Int(existing)]
            if entry.hash == hash, entry.length == n, entry.w0 == w0, entry.w1 == w1,
                n <= 16 || memcmp(arena.base + entry.offset, p, n) == 0
            {
                return (UInt32(existing), false)
            }
            slot = (slot + 1) & mask
        }
        let code = entries.count
        entries.append(Entry(offset: arena.count, length: n, hash: hash, w0: w0, w1: w1))
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        slots[slot] = Int32(code)
        if entries.count * 2 > mask + 1 { grow() }
        return (UInt32(code), true)
    }

    mutating func code(of bytes: UnsafeBufferPointer<UInt8>) -> (code: UInt32, isNew: Bool) {
        guard let base = bytes.baseAddress else {
            var empty: UInt8 = 0
            return code(of: &empty, 0)
        }
        return code(of: base, bytes.count)
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        mask = size - 1
        for index in 0..<entries.count {
            var slot = Int(truncatingIfNeeded: entries[index].hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// The first `n` (< 8) bytes at `p` as a little-endian word, zero-padded, without reading past them.
    @inline(__always)
    static func partialWord(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var word: UInt64 = 0
        var i = 0
        if n & 4 != 0 { word = UInt64(raw.loadUnaligned(as: UInt32.self)); i = 4 }
        if n & 2 != 0 { word |= UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt16.self)) << UInt64(i * 8); i += 2 }
        if n & 1 != 0 { word |= UInt64(p[i]) << UInt64(i * 8) }
        return word
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }

    /// A fast 64-bit hash of a byte string (FNV-1a over 8-byte words, then a mix).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(n)
        var i = 0
        while i + 8 <= n {
            let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            h = (h ^ word) &* 0x100_0000_01b3
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n { tail |= UInt64(p[i]) << shift; shift += 8; i += 1 }
            h = (h ^ tail) &* 0x100_0000_01b3
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

    func release() {
        arena.release()
        entries.release()
        slots.deallocate()
    }
}
