import Foundation

/// The folder a workbook is checked in: a fresh temporary folder holding a copy of the workbook
/// and, beside it, what lies beside the original (data files, folders) as symbolic links in
/// folders of its own, but not the experiment store `.pilot/`, other workbooks or `.assets`
/// folders. Cells run there, so checks side by side never share downloads or experiments, and
/// what cells write lands in the scratch folder.
///
/// Commands that replace a file (download, unzip, save) replace the link, never what it points
/// at; only a shell command that writes into an existing file in place (`sh echo >> data.csv`)
/// would reach the original. Past ``linkBudget`` entries (a workbook in a home folder, say),
/// folders are linked whole instead of entry by entry, and what cells write into them lands in
/// the original folder, as in a run. Paths that climb out of the workbook's folder (`../data.csv`)
/// resolve from the scratch folder; absolute paths and `PILOT_MIRROR` work as in a run.
struct ScratchCopy {
    let folder: URL
    /// The copy of the workbook.
    let bookPath: String

    init(of bookPath: String) {
        let fm = FileManager.default
        folder = fm.temporaryDirectory.appendingPathComponent("pilot-check-\(UUID().uuidString)")
        try? fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = URL(fileURLWithPath: bookPath)
        let home = source.deletingLastPathComponent()
        var budget = Self.linkBudget
        for name in (try? fm.contentsOfDirectory(atPath: home.path)) ?? [] where Self.isLinked(name) {
            Self.link(home.appendingPathComponent(name), at: folder.appendingPathComponent(name), budget: &budget)
        }
        let copy = folder.appendingPathComponent(source.lastPathComponent)
        try? fm.copyItem(at: source, to: copy)
        self.bookPath = copy.path
    }

    /// Whether an entry beside the workbook appears in the scratch folder.
    static func isLinked(_ name: String) -> Bool {
        name != ".pilot" && !name.hasSuffix(".pilotbook") && !name.hasSuffix(".assets") && !name.hasSuffix(".part")
    }

    /// How many links and folders a scratch folder gets at most before folders are linked whole.
    static let linkBudget = 10_000

    /// A link to `original` at `place`; a folder (not a link to one) becomes a folder of links
    /// while `budget` lasts.
    private static func link(_ original: URL, at place: URL, budget: inout Int) {
        let fm = FileManager.default
        budget -= 1
        let attributes = try? fm.attributesOfItem(atPath: original.path)
        if attributes?[.type] as? FileAttributeType == .typeDirectory,
            let names = try? fm.contentsOfDirectory(atPath: original.path), names.count < budget
        {
            try? fm.createDirectory(at: place, withIntermediateDirectories: false)
            for name in names {
                link(original.appendingPathComponent(name), at: place.appendingPathComponent(name), budget: &budget)
            }
        } else {
            try? fm.createSymbolicLink(at: place, withDestinationURL: original)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
