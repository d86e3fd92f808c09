/// A workbook on disk: read once, then saved safely after every change.
///
/// Saving refuses to overwrite the file when it changed on disk since it was read or last saved
/// (another editor, a `git checkout`), so nothing a user wrote elsewhere is lost; the caller can
/// then save to another file instead. A file that failed to parse is never opened, so never
/// overwritten.
public final class BookFile {
    /// Where the workbook lives, as the user named it.
    public let path: String
    /// The workbook as last read or saved.
    public private(set) var workbook: Workbook
    /// The SHA-256 of the bytes last read or written, to notice changes made by others.
    private var diskDigest: String?

    /// Reads and parses the workbook at `path`.
    ///
    /// - Throws: ``WorkbookError`` naming the file: `.io` when it cannot be read, a parse error
    ///   with line and column otherwise.
    public init(path: String) throws(WorkbookError) {
        self.path = path
        let bytes: [UInt8]
        do {
            bytes = try AtomicFile.read(path)
        } catch {
            throw error.about(path)
        }
        do {
            workbook = try Workbook(parsing: bytes)
        } catch {
            throw error.about(path)
        }
        diskDigest = SourceHash.sha256Hex(bytes)
    }

    /// A workbook that will be written to `path`, which need not exist yet.
    public init(path: String, workbook: Workbook) {
        self.path = path
        self.workbook = workbook
        diskDigest = nil
    }

    /// Whether the file on disk still holds what was last read or saved.
    public var isUnchangedOnDisk: Bool {
        guard let diskDigest else { return (try? AtomicFile.read(path)) == nil }
        guard let bytes = try? AtomicFile.read(path) else { return false }
        return SourceHash.sha256Hex(bytes) == diskDigest
    }

    /// Treats whatever the file holds now as what this workbook last saw, so the next save may
    /// replace it.
    func adoptCurrentDiskState() {
        diskDigest = (try? AtomicFile.read(path)).map { SourceHash.sha256Hex($0) }
    }

    /// Writes `workbook` to disk atomically (temporary file, fsync, rename).
    ///
    /// - Throws: ``WorkbookError/Code/changedOnDisk`` when the file changed since it was read;
    ///   `.io` when it cannot be written. In both cases the file on disk is untouched.
    public func save(_ workbook: Workbook) throws(WorkbookError) {
        guard isUnchangedOnDisk else {
            throw WorkbookError(
                .changedOnDisk, "\(path) changed on disk since pilot read it; not overwriting it",
                hint: "keep your edits and run it again, or write this run elsewhere with --output FILE")
        }
        try forceSave(workbook)
    }

    /// Writes `workbook` to disk atomically, whatever the file holds now.
    public func forceSave(_ workbook: Workbook) throws(WorkbookError) {
        let bytes = workbook.bytes
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw error.about(path)
        }
        self.workbook = workbook
        diskDigest = SourceHash.sha256Hex(bytes)
    }
}

extension BookFile {
    /// A workbook to be written to `path`, replacing whatever is there now (`--output FILE`).
    ///
    /// Later saves are still refused if someone else changes the file in between.
    public convenience init(overwriting path: String, with workbook: Workbook) {
        self.init(path: path, workbook: workbook)
        adoptCurrentDiskState()
    }
}
