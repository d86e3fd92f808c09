#if canImport(Glibc)
import Glibc
#endif

/// A file mapped into memory read-only, so a large CSV is read without copying it first.
///
/// Pages already read can be handed back to the kernel with ``release(upTo:)``, which keeps the
/// resident memory of a load close to the size of the frame being built.
public final class MappedFile: @unchecked Sendable {  // immutable after init
    public let path: String
    private let base: UnsafeMutableRawPointer?
    public let count: Int

    /// Maps the file at `path`.
    ///
    /// - Throws: ``CSVError`` with the system's reason (no such file, a directory, no permission).
    public init(path: String, displayName: String) throws(CSVError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw MappedFile.failure(displayName, errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw MappedFile.failure(displayName, errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw CSVError("this is a folder, not a file", hint: "name a file inside it", source: displayName)
        }
        count = Int(info.st_size)
        if count == 0 {
            base = nil
            return
        }
        let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else { throw MappedFile.failure(displayName, errno) }
        madvise(mapped, count, MADV_SEQUENTIAL)
        base = mapped
    }

    deinit {
        if let base { munmap(base, count) }
    }

    /// Calls `body` with the file's bytes.
    public func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        guard let base else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// Tells the kernel the whole pages inside `range` need not stay mapped. The file is mapped
    /// read-only and private, so this is safe at any time: a later read maps them again.
    public func release(_ range: Range<Int>) {
        guard let base else { return }
        let page = 4096
        let start = (range.lowerBound + page - 1) / page * page
        let end = min(range.upperBound, count) / page * page
        guard end > start else { return }
        madvise(base + start, end - start, MADV_DONTNEED)
    }

    private static func failure(_ name: String, _ code: Int32) -> CSVError {
        switch code {
        case ENOENT:
            CSVError(
                "no such file", hint: "check the path; it is relative to the workbook's folder", source: name,
                code: .noSuchFile)
        case EACCES: CSVError("permission denied", hint: "check the file's permissions", source: name)
        default: CSVError("cannot read the file: \(String(cString: strerror(code)))", source: name)
        }
    }
}

extension CSVReader {
    /// Reads a frame from a file, mapping it into memory and releasing pages as rows are read.
    public static func read(
        path: String, displayName: String, options: CSVOptions = CSVOptions(),
        onProgress: ((Double) -> Void)? = nil
    ) throws(CSVError) -> Frame {
        let file = try MappedFile(path: path, displayName: displayName)
        return try file.withBytes { bytes throws(CSVError) in
            try read(
                bytes, options: options, source: displayName, onProgress: onProgress,
                release: { [file] range in file.release(range) })
        }
    }
}
