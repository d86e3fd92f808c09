/// What `pilot export` can turn a workbook into.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One self-contained HTML page: styles and SVG plots inline, nothing fetched.
    case html
    /// A Jupyter notebook (nbformat 4.5).
    case ipynb
    /// Plain Markdown, outputs as `text` fences and images as links to the asset files.
    case md

    /// The file name extension of an export, without the dot.
    public var fileExtension: String { rawValue }

    /// Where an export of the workbook at `bookPath` goes by default: beside it, with this
    /// format's extension instead of `.pilotbook` (`tutorial.pilotbook` → `tutorial.html`).
    public func defaultPath(forBook bookPath: String) -> String {
        var base = bookPath
        if base.hasSuffix(".pilotbook") { base.removeLast(".pilotbook".count) }
        return base + "." + fileExtension
    }
}
