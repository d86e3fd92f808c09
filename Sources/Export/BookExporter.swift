import Workbook

/// Turns a workbook into something to share: an HTML page, a Jupyter notebook or plain
/// Markdown (see ``ExportFormat``).
///
/// Nothing runs: an export shows the outputs stored in the workbook, marking those that are
/// stale (the cell changed since), failed or interrupted. The same workbook and assets always
/// give the same bytes.
///
/// ```swift
/// let file = try BookFile(path: "tutorial.pilotbook")
/// let exporter = BookExporter(workbook: file.workbook, bookPath: file.path)
/// let html = exporter.render(.html)
/// ```
public struct BookExporter: Sendable {
    let outline: BookOutline
    let assets: AssetReader
    let bookName: String

    /// An exporter for `workbook`, read from `bookPath`; images are read from the `BOOK.assets/`
    /// folder beside that path.
    public init(workbook: Workbook, bookPath: String) {
        outline = BookOutline(workbook)
        assets = AssetReader(bookPath: bookPath)
        bookName = bookPath.split(separator: "/").last.map(String.init) ?? bookPath
    }

    /// The export in `format`.
    ///
    /// - Parameters:
    ///   - imagePrefix: for Markdown, put before every image link so it reaches the asset folder
    ///     from where the file is written (see ``RelativePath/prefix(from:to:)``).
    ///   - joinLines: for Markdown, remove soft line breaks inside East Asian prose, as the HTML
    ///     and notebook exports always do (``SoftBreaks``).
    public func render(_ format: ExportFormat, imagePrefix: String = "", joinLines: Bool = false) -> String {
        switch format {
        case .html: HTMLExporter(outline: outline, assets: assets, bookName: bookName).render()
        case .ipynb: NotebookExporter(outline: outline, assets: assets).render()
        case .md: MarkdownExporter(outline: outline, imagePrefix: imagePrefix, joinLines: joinLines).render()
        }
    }

    /// How many cells the workbook has.
    public var cellCount: Int { outline.cells.count }

    /// The image links of stored outputs whose SVG file cannot be inlined: missing, outside the
    /// asset folder, or not SVG. HTML and notebook exports show a placeholder for each.
    public var missingImages: [String] {
        outline.cells.flatMap(\.items).compactMap { item in
            guard case .image(let path, _) = item, assets.svg(at: path) == nil else { return nil }
            return path
        }
    }
}
