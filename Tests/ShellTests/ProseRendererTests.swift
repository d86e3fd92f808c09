@testable import Shell
import TestSupport
import Testing
import TextLayout

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
        let rendered = ProseRenderer(width: 30, styled: false).render(markdown)
        #expect(rendered == """
        # Step 3: load

        The bank data has emp.var.rate
        and many more columns than fit
        on one narrow line.

        - a list item that is long
          enough to wrap
        ```
        keep   this
        ```

        """)
    }

    @Test("bold headings without the hashes when colour is on")
    func bold() {
        #expect(ProseRenderer(width: 80, styled: true).render("## Deploy\n") == "\u{1B}[1mDeploy\u{1B}[0m\n")
    }

    @Test("Japanese text wraps by display width, between characters")
    func japanese() {
        let rendered = ProseRenderer(width: 12, styled: false).render("日本語 の 説明文 です\n")
        #expect(rendered == "日本語 の 説\n明文 です\n")
    }

    @Test("a soft line break inside Japanese is no space; between Latin words it is one")
    func softBreaks() {
        let markdown = "もう一\n度実行しても、*別の値を*\n試せます。The seed\nstays.\n"
        #expect(ProseRenderer(width: 100, styled: false).render(markdown) == "もう一度実行しても、別の値を試せます。The seed stays.\n")
    }

    @Test("kinsoku: no line starts with 。 or 、 or a closing bracket, none ends with an opening one")
    func kinsoku() {
        let paragraph = """
            このワークブックのランダムな処理 (学習用とテスト用の分割、候補の探索) はすべて一つのシードに
            従うので、もう一度実行しても結果はバイト単位で同じです。シードはこのワークブックの
            *パラメーター* です。`params` が既定値とともに宣言し、`pilot run --param seed=7` で別の値を
            試せます (「パラメーター」の出力に、使った値とその出所が残ります)。

            """
        for width in 30...100 {  // from the widest unbreakable code span up
            let lines = ProseRenderer(width: width, styled: false).render(paragraph).split(separator: "\n")
            for line in lines.dropFirst() {
                #expect(!"。、」）ーっ".contains(line.first!), "at \(width): \(line)")
            }
            for line in lines.dropLast() {
                #expect(!"「（".contains(line.last!), "at \(width): \(line)")
                // Only a hanging 。 or 、 goes past the margin.
                #expect(line.displayWidth <= width || "。、".contains(line.last!), "at \(width): \(line)")
            }
        }
    }

    @Test("inline Markdown: styled on a terminal, plain text without markers otherwise")
    func inline() {
        let markdown = "Run `pilot` *now*, **twice**: [the guide](https://example.com/g) or <https://a.b>; max_candidates stays.\n"
        #expect(ProseRenderer(width: 200, styled: false).render(markdown) == """
            Run pilot now, twice: the guide (https://example.com/g) or https://a.b; max_candidates stays.

            """)
        #expect(ProseRenderer(width: 200, styled: true).render(markdown) == """
            Run \u{1B}[36mpilot\u{1B}[0m \u{1B}[3mnow\u{1B}[0m, \u{1B}[1mtwice\u{1B}[0m: \u{1B}[4mthe guide\u{1B}[0m\
            \u{1B}[2m (https://example.com/g)\u{1B}[0m or \u{1B}[2mhttps://a.b\u{1B}[0m; max_candidates stays.

            """)
    }

    @Test("a code span is never broken, and styles end at every line's end")
    func codeSpans() {
        let rendered = ProseRenderer(width: 16, styled: true).render("see `pilot run --trust` now\n")
        #expect(rendered == "see\n\u{1B}[36mpilot run --trust\u{1B}[0m\nnow\n")
    }
}

@Suite("Prose for the terminal, pinned")
struct ProseRendererSnapshotTests {
    static let prose = """
        ## 日本語の段落

        このワークブックのランダムな処理 (学習用とテスト用の分割、候補の探索) はすべて一つのシードに
        従うので、もう一度実行しても結果はバイト単位で同じです。シードはこのワークブックの
        *パラメーター* です。`params` が既定値とともに宣言し、`pilot run --param seed=7` で別の値を
        試せます (「パラメーター」の出力に、使った値とその出所が残ります)。

        Mixed: `deploy` は同じ種類のエンドポイントを 127.0.0.1 で起動し、SageMaker の推論の
        約束事に従って答えます。See [the guide](https://docs.aws.amazon.com/sagemaker/) for
        the contract.

        English prose keeps its line breaks as spaces: the **best candidate** is deployed, and
        predictions come back as CSV.

        """

    @Test("Japanese, mixed and English paragraphs at 40, 60 and 98 columns, plain and styled")
    func widths() {
        var rendered = ""
        for width in [40, 60, 98] {
            rendered += "=== \(width) columns, plain\n" + ProseRenderer(width: width, styled: false).render(Self.prose)
        }
        rendered += "=== 60 columns, styled\n" + ProseRenderer(width: 60, styled: true).render(Self.prose)
        #expect(rendered == Snapshot.expected(rendered, named: "prose-mixed.txt"))
    }
}
