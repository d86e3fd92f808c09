extension CheckReport {
    /// The report as JUnit XML, the schema GitHub Classroom, GitLab CI and Jenkins read (Ant's,
    /// as windyroad's `JUnit.xsd` writes it down): `<testsuites>` holding one `<testsuite>` per
    /// workbook, with the parameter values used as `<property>`s and one `<testcase>` per cell.
    /// A cell whose output differs carries a `<failure>` with the diff; the cells of a workbook
    /// that was not run carry an `<error>` saying why; cells not run after an interruption are
    /// `<skipped>`. A workbook that could not be read has one test case, `workbook`, in error.
    ///
    /// Times are not measured: every `time` is `0`, so the file is the same however many jobs
    /// checked the workbooks.
    ///
    /// - Parameters:
    ///   - timestamp: when the check ran, `2026-11-30T15:49:52` (UTC, no zone, as the schema asks).
    ///   - hostname: the machine's name.
    public func junit(timestamp: String, hostname: String) -> String {
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<testsuites>"]
        for (index, book) in books.enumerated() {
            let cases = testCases(book)
            let failures = cases.filter { $0.outcome == .failure }.count
            let errors = cases.filter { $0.outcome == .error }.count
            let skipped = cases.filter { $0.outcome == .skipped }.count
            xml.append(
                "  <testsuite name=\(attribute(book.path)) package=\"pilot-check\" id=\"\(index)\""
                    + " timestamp=\(attribute(timestamp)) hostname=\(attribute(hostname)) tests=\"\(cases.count)\""
                    + " failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"0\">")
            if book.parameters.isEmpty {
                xml.append("    <properties/>")
            } else {
                xml.append("    <properties>")
                for parameter in book.parameters {
                    xml.append(
                        "      <property name=\(attribute(parameter.name)) value=\(attribute(parameter.value))/>")
                }
                xml.append("    </properties>")
            }
            for testCase in cases {
                let open = "    <testcase classname=\(attribute(book.path)) name=\(attribute(testCase.name)) time=\"0\""
                switch testCase.outcome {
                case .passed:
                    xml.append(open + "/>")
                case .failure:
                    xml.append(open + ">")
                    xml.append(
                        "      <failure message=\(attribute(testCase.message)) type=\"difference\">"
                            + Self.escaped(testCase.body, quotes: false) + "</failure>")
                    xml.append("    </testcase>")
                case .error:
                    xml.append(open + ">")
                    xml.append("      <error message=\(attribute(testCase.message)) type=\"not run\"/>")
                    xml.append("    </testcase>")
                case .skipped:
                    xml.append(open + ">")
                    xml.append("      <skipped message=\(attribute(testCase.message))/>")
                    xml.append("    </testcase>")
                }
            }
            xml.append("    <system-out/>")
            xml.append("    <system-err/>")
            xml.append("  </testsuite>")
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    private struct TestCase {
        enum Outcome { case passed, failure, error, skipped }
        var name: String
        var outcome: Outcome
        var message = ""
        var body = ""
    }

    private func testCases(_ book: BookCheck.Report) -> [TestCase] {
        if let problem = book.problem, book.cellIDs.isEmpty {
            return [TestCase(name: "workbook", outcome: .error, message: problem)]
        }
        return book.cellIDs.map { id in
            if let skipped = book.notRun.first(where: { $0.cellID == id }) {
                return TestCase(name: id, outcome: book.problem == nil ? .skipped : .error, message: skipped.reason)
            }
            if let difference = book.differences.first(where: { $0.cellID == id }) {
                let message =
                    difference.wasStale
                    ? "the output differs from the stored one, which is stale: the cell changed after it ran"
                    : "the output differs from the stored one"
                return TestCase(name: id, outcome: .failure, message: message, body: difference.diff)
            }
            return TestCase(name: id, outcome: .passed)
        }
    }

    private func attribute(_ value: String) -> String {
        "\"" + Self.escaped(value, quotes: true) + "\""
    }

    /// `text` escaped for XML 1.0: markup characters as entities, line breaks and tabs in
    /// attributes as character references (so they survive attribute normalisation), and the
    /// control characters XML cannot hold as U+FFFD.
    static func escaped(_ text: String, quotes: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "\n" where quotes: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t" where quotes: result += "&#9;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
