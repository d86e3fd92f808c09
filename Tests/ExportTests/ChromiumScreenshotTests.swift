import Export
import Foundation
import TestSupport
import Testing

/// Headless Chromium: `PILOT_CHROMIUM`, else Debian's `chromium` (scripts/test installs it);
/// nil when there is none.
enum Chromium {
    static let executable: String? = {
        let candidates = [ProcessInfo.processInfo.environment["PILOT_CHROMIUM"], "/usr/bin/chromium",
                          "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Renders `page` in a viewport of `width` × `height` CSS pixels into the PNG file `png`;
    /// dark asks the page for its dark colours (`prefers-color-scheme: dark`).
    ///
    /// Headless Chromium lays a window out at least 500 pixels wide whatever `--window-size`
    /// says (and crops the screenshot), so the page is shown in an iframe exactly `width` wide,
    /// from a frame page written beside it: the page's own viewport is then a phone's.
    static func screenshot(_ page: String, to png: String, width: Int, height: Int, dark: Bool = false) throws -> (status: Int32, log: String) {
        let frame = page + ".\(width).frame.html"
        let name = URL(fileURLWithPath: page).lastPathComponent
        try """
        <!DOCTYPE html><html><head><meta charset="utf-8"><style>html, body { margin: 0; } iframe { border: 0; display: block; }</style></head>
        <body><iframe src="\(name)" width="\(width)" height="\(height)"></iframe></body></html>

        """.write(toFile: frame, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: frame) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable!)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-chromium-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: profile) }
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--no-first-run", "--allow-file-access-from-files", "--user-data-dir=\(profile)", "--force-device-scale-factor=1",
            "--window-size=\(width),\(height)", "--screenshot=\(png)",
        ] + (dark ? ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"] : []) + [URL(fileURLWithPath: frame).absoluteString]
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        // Headless Chromium can hang on a broken setup; two minutes is far more than a page needs.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        let data = log.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The width and height a PNG file declares (its IHDR chunk), nil when it is not a PNG.
    static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }
}

@Suite("Exported pages in headless Chromium", .serialized)
struct ChromiumScreenshotTests {
    /// Exports `book` to HTML and screenshots it into `.build/export-tests/screenshots/`, where
    /// the PNG files stay for a person to look at.
    @Test("the tutorial and the small workbook render at phone and desktop widths, light and dark",
          .enabled(if: Chromium.executable != nil,
                   "needs Chromium: scripts/test installs Debian's chromium, or set PILOT_CHROMIUM"),
          arguments: [
            ("tutorial", 412, 2400, false), ("tutorial", 1280, 1600, false),
            ("small", 412, 1800, false), ("small", 412, 1800, true), ("small", 1280, 1400, false),
          ])
    func screenshot(book: String, width: Int, height: Int, dark: Bool) throws {
        let folder = ExportFixture.keptFolder("screenshots")
        let source = book == "small" ? ExportFixture.smallPath : ExportFixture.tutorialPath
        let page = folder + "/\(book).html"
        try ExportFixture.export(source, to: .html).write(toFile: page, atomically: true, encoding: .utf8)
        let png = folder + "/\(book)-\(width)\(dark ? "-dark" : "").png"
        try? FileManager.default.removeItem(atPath: png)

        let result = try Chromium.screenshot(page, to: png, width: width, height: height, dark: dark)
        #expect(result.status == 0, "chromium failed:\n\(result.log)")
        let bytes = Array(FileManager.default.contents(atPath: png) ?? Data())
        let size = try #require(Chromium.pngSize(bytes), "no PNG at \(png):\n\(result.log)")
        #expect(size.width == width && size.height == height)
        #expect(bytes.count > 20_000, "a page of text and plots compresses to more than 20 kB, not \(bytes.count) bytes")
    }
}
