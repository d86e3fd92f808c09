@testable import Shell
import Testing

@Suite("Prose for the terminal")
struct ProseRendererTests {
    @Test("headings, wrapped paragraphs, kept code spans and blocks, no comments")
    func renders() {
        let markdown = """
        <!-- pilotbook v1 -->
        # Step 3: load

        The bank data has `emp.var.rate` and many
        more columns than fit on one narrow line.

        - a list item that is long enough to wrap
        ```
        keep   this
        ```
        """
        let rendered = ProseRenderer(width: 30, bold: false).render(markdown)
        #expect(rendered == """
        # Step 3: load

        The bank data has
        `emp.var.rate` and many more
        columns than fit on one narrow
        line.

        - a list item that is long
          enough to wrap
        ```
        keep   this
        ```

        """)
    }

    @Test("bold headings without the hashes when colour is on")
    func bold() {
        #expect(ProseRenderer(width: 80, bold: true).render("## Deploy\n") == "\u{1B}[1mDeploy\u{1B}[0m\n")
    }

    @Test("Japanese text wraps by display width")
    func japanese() {
        let rendered = ProseRenderer(width: 12, bold: false).render("日本語 の 説明文 です\n")
        #expect(rendered == "日本語 の\n説明文 です\n")
    }
}
