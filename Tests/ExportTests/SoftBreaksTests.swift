import Foundation
import PropertyBased
import TestSupport
import Testing
import TextLayout
import Workbook

@testable import Export

@Suite("Soft line breaks in East Asian prose")
struct SoftBreaksTests {
    static let prose = """
        # 実験を作る

        このワークブックのランダムな処理はすべて一つのシードに
        従うので、もう一度実行しても結果は同じです。`pilot run --param seed=7` で*別の値を*
        試せます。

        Mixed: pilot の出力は
        English words stay apart
        across lines, and 日本語
        joins again.

        - 一つ目の項目は
          二行にわたります
        - second item

        ```text
        コードの中の
        改行はそのまま
        ```
        """

    @Test("Japanese lines join without a space; Latin, lists' items, code and headings keep their breaks")
    func joined() {
        #expect(SoftBreaks.joined(Self.prose) == """
            # 実験を作る

            このワークブックのランダムな処理はすべて一つのシードに従うので、もう一度実行しても結果は同じです。`pilot run --param seed=7` で*別の値を*試せます。

            Mixed: pilot の出力は
            English words stay apart
            across lines, and 日本語
            joins again.

            - 一つ目の項目は二行にわたります
            - second item

            ```text
            コードの中の
            改行はそのまま
            ```
            """)
    }

    func exported(_ prose: String, to format: ExportFormat, joinLines: Bool = false) throws -> String {
        let folder = ScratchFolder("soft-breaks")
        folder.write("<!-- pilotbook v1 -->\n" + prose + "\n", to: "book.pilotbook")
        let file = try BookFile(path: folder.path + "/book.pilotbook")
        return BookExporter(workbook: file.workbook, bookPath: file.path).render(format, joinLines: joinLines)
    }

    @Test("HTML, notebooks and Markdown with --join-lines join; plain Markdown export keeps the file's lines")
    func exports() throws {
        let html = try exported(Self.prose, to: .html)
        #expect(html.contains("<p>このワークブックのランダムな処理はすべて一つのシードに従うので、もう一度実行しても"))
        #expect(html.contains("<em>別の値を</em>試せます。</p>"))
        #expect(html.contains("English words stay apart"))
        let notebook = try exported(Self.prose, to: .ipynb)
        #expect(notebook.contains("一つのシードに従うので、"))
        #expect(try exported(Self.prose, to: .md).contains("一つのシードに\n従うので"))
        #expect(try exported(Self.prose, to: .md, joinLines: true).contains("一つのシードに従うので"))
    }

    static let pieces = Gen.element(of: [
        "日本語", "の", "テキスト", "です", "。", "、", "「", "」", "ー", "データ", " pilot run ", " seed ", "*強調*", "\n",
    ])

    @Test("for random CJK and Latin paragraphs, no HTML paragraph holds whitespace between two CJK characters")
    func property() async throws {
        await propertyCheck(count: 200, input: Self.pieces.array(of: 1...60)) { pieces in
            let paragraph = pieces.compactMap { $0 }.joined()
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .joined(separator: "\n")
            guard !paragraph.isEmpty else { return }
            let html = ProseRenderer().html(paragraph)
            let text = Array(html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression))
            for index in text.indices.dropFirst().dropLast() where text[index].isWhitespace {
                // The source has spaces only around Latin words: any whitespace between two East
                // Asian characters would be a line break turned into a space.
                #expect(
                    !(LineBreaker.isEastAsian(text[index - 1]) && LineBreaker.isEastAsian(text[index + 1])),
                    "\(paragraph) → \(html)")
            }
        }
    }
}

@Suite("The tutorials' stored outputs")
struct TutorialOutputWidthTests {
    @Test("no stored output line of either tutorial is wider than 100 columns")
    func widths() throws {
        let english = ExportFixture.tutorialPath
        let japanese = english.replacingOccurrences(of: ".pilotbook", with: ".ja.pilotbook")
        for path in [english, japanese] {
            let workbook = try BookFile(path: path).workbook
            var checked = 0
            for cell in workbook.cells {
                for item in workbook.output(forCell: cell.id ?? "")?.items ?? [] {
                    guard case .text(let text) = item else { continue }
                    for line in text.split(separator: "\n") {
                        checked += 1
                        #expect(line.displayWidth <= 100, "\(path), \(cell.id ?? "?"): \(line)")
                    }
                }
            }
            #expect(checked > 300)
        }
    }
}

@Suite("Prose in each export, pinned")
struct ProseSnapshotTests {
    /// A Japanese, a mixed and an English paragraph, wrapped as workbooks wrap them.
    static let prose = """
        ## 日本語の段落

        このワークブックのランダムな処理 (学習用とテスト用の分割、候補の探索) はすべて一つのシードに
        従うので、もう一度実行しても結果はバイト単位で同じです。シードはこのワークブックの
        *パラメーター* です。`params` が既定値とともに宣言し、`pilot run --param seed=7` で別の値を
        試せます。

        Mixed: `deploy` は同じ種類のエンドポイントを 127.0.0.1 で起動し、SageMaker の推論の
        約束事に従って答えます。See [the guide](https://docs.aws.amazon.com/sagemaker/) for
        the contract.

        English prose keeps its line breaks as spaces: the **best candidate** is deployed, and
        predictions come back as CSV.

        """

    func export(_ format: ExportFormat, joinLines: Bool = false) throws -> String {
        let folder = ScratchFolder("prose-snapshots")
        folder.write("<!-- pilotbook v1 -->\n" + Self.prose, to: "book.pilotbook")
        let file = try BookFile(path: folder.file("book.pilotbook"))
        return BookExporter(workbook: file.workbook, bookPath: file.path).render(format, joinLines: joinLines)
    }

    @Test("HTML")
    func html() throws {
        let body = try export(.html)
        let main = String(body[body.range(of: "<h2")!.lowerBound..<body.range(of: "</main>")!.lowerBound])
        #expect(main == Snapshot.expected(main, named: "prose-mixed.html"))
    }

    @Test("notebook")
    func notebook() throws {
        let notebook = try export(.ipynb)
        #expect(notebook == Snapshot.expected(notebook, named: "prose-mixed.ipynb"))
    }

    @Test("Markdown, as written and with --join-lines")
    func markdown() throws {
        let plain = try export(.md)
        #expect(plain == Snapshot.expected(plain, named: "prose-mixed.md"))
        let joined = try export(.md, joinLines: true)
        #expect(joined == Snapshot.expected(joined, named: "prose-mixed-joined.md"))
    }
}
