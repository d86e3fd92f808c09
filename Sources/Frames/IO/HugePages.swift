#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to back a large, not yet touched array with 2 MB pages (transparent huge
/// pages), which turns tens of thousands of page faults into a few dozen when a big column is
/// filled. Harmless where huge pages are off.
enum HugePages {
    static let pageSize = 2 << 20

    /// Advises the whole-page interior of the array's reserved storage.
    static func advise<T>(_ array: inout [T]) {
        let bytes = array.capacity * MemoryLayout<T>.stride
        guard bytes >= 2 * pageSize else { return }
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let start = (Int(bitPattern: base) + pageSize - 1) & ~(pageSize - 1)
            let end = (Int(bitPattern: base) + bytes) & ~(pageSize - 1)
            guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
            madvise(pointer, end - start, 14)  // MADV_HUGEPAGE
            // Fault the pages in with one call rather than one trap per page (Linux 5.14+;
            // harmless where unknown).
            let small = 4096
            let first = (Int(bitPattern: base) + small - 1) & ~(small - 1)
            let last = (Int(bitPattern: base) + bytes) & ~(small - 1)
            if last > first, let whole = UnsafeMutableRawPointer(bitPattern: first) {
                madvise(whole, last - first, 23)  // MADV_POPULATE_WRITE
            }
        }
    }
}
