import Archives
import Diagnostics
import Kernel
import TextLayout

/// `unzip ZIP [to DIR]`: an archive's files, without the litter.
struct Unzip: CellCommand {
    static let configuration = CommandConfiguration(
        "unzip", area: .files, summary: "extract a zip archive, skipping archive litter such as __MACOSX/",
        discussion:
            "Files already extracted (same size) are left alone. Entries that would land outside DIR are refused.",
        examples: ["unzip bank-additional.zip"], risk: "writes files outside the workbook's folder")

    @Argument(.path.named("ZIP")) var archive: String
    @Clause("to", .path.named("DIR")) var destination: String?

    func risk() -> String? {
        guard let destination, Kernel.Risk.leavesFolder(destination) else { return nil }
        return "writes files outside the workbook's folder (\(destination))"
    }

    func run(in context: CommandContext) throws {
        let folder = destination ?? "."
        let extraction: ZipFile.Extraction
        do throws(ArchiveError) {
            let zip = try ZipFile(path: context.session.resolve(archive), displayName: archive)
            let interruption = context.interruption
            extraction = try zip.extractAll(
                to: context.session.resolve(folder), folderDisplayName: folder,
                isCancelled: { interruption.isRaised })
        } catch {
            guard error.code == .noSuchFile else { throw error }
            throw error.diagnostic.hinting(FileHints.missing(archive, in: context.session) ?? error.hint)
        }
        try context.checkInterruption()
        let files = (extraction.extracted + extraction.alreadyPresent).sorted { $0.path < $1.path }
        if !extraction.alreadyPresent.isEmpty {
            context.note("\(extraction.alreadyPresent.count) file(s) were already extracted and left alone")
        }
        let prefix = folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        let table = TextTable(
            columns: [.init("file"), .init("size", alignment: .right)],
            rows: files.map { [prefix + $0.path, Sizes.bytes(Int64($0.size))] })
        context.print("\(archive): \(files.count) file\(files.count == 1 ? "" : "s")")
        context.print(table.render(maxWidth: context.width))
        if !extraction.skippedLitter.isEmpty {
            let kinds = Set(extraction.skippedLitter.map(Self.litterKind)).sorted()
            context.print(
                "skipped \(extraction.skippedLitter.count) archive litter entries (\(kinds.joined(separator: ", ")))")
        }
    }

    static func litterKind(_ path: String) -> String {
        if path.hasPrefix("__MACOSX") { return "__MACOSX/" }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasPrefix("._") ? "._*" : name
    }
}
