import Foundation
import Workbook

/// Reads the SVG images an export inlines, from the workbook's `BOOK.assets/` folder only.
///
/// Output regions link images by a path relative to the workbook. An export of a workbook
/// someone else wrote must not copy other files into the page, so only plain names inside the
/// asset folder are read (`tutorial.assets/3f2a….svg`): no `..`, no absolute paths, no hidden
/// files, nothing but `.svg`, nothing over 10 MB.
struct AssetReader: Sendable {
    /// The asset folder of the workbook being exported.
    let folder: AssetFolder

    /// The largest image inlined, in bytes.
    static let maximumSize = 10 << 20

    init(bookPath: String) {
        folder = AssetFolder(bookPath: bookPath)
    }

    /// The SVG markup linked as `path`, ready to sit inside an HTML page (no XML declaration or
    /// doctype); nil when the path is not a file of the asset folder or not an SVG image.
    func svg(at path: String) -> String? {
        guard let name = assetName(path), name.hasSuffix(".svg"),
            let data = FileManager.default.contents(atPath: folder.path + "/" + name),
            data.count <= AssetReader.maximumSize,
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        let markup = AssetReader.droppingProlog(text)
        return markup.hasPrefix("<svg") ? markup : nil
    }

    /// The file name inside the asset folder that `path` names, if it names one.
    func assetName(_ path: String) -> String? {
        let prefix = folder.linkPrefix + "/"
        guard path.hasPrefix(prefix) else { return nil }
        let name = path.dropFirst(prefix.count)
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/"), !name.contains("\\") else { return nil }
        return String(name)
    }

    /// The markup without a byte order mark, XML declaration, doctype or leading comments.
    static func droppingProlog(_ text: String) -> String {
        var rest = Substring(text)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        while true {
            rest = rest.drop { $0.isWhitespace }
            let closing: String
            if rest.hasPrefix("<?") {
                closing = "?>"
            } else if rest.hasPrefix("<!--") {
                closing = "-->"
            } else if rest.hasPrefix("<!") {
                closing = ">"
            } else {
                break
            }
            guard let end = rest.range(of: closing) else { return "" }
            rest = rest[end.upperBound...]
        }
        var markup = String(rest)
        while markup.last?.isWhitespace == true { markup.removeLast() }
        return markup
    }
}
