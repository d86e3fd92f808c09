import Foundation
import Testing

/// The messaging protocol as jupyter_client speaks it: the kernel started by hand with a
/// connection file, as Jupyter's provisioner does.
@Suite(
    "pilot kernel: the messaging protocol, driven by jupyter_client",
    .enabled(if: JupyterHarness.python != nil, "needs PILOT_JUPYTER_PYTHON (scripts/test makes one)"))
struct KernelProtocolTests {
    @Test("kernel_info says protocol 5.3 and pilot's language; a cell's output is the text a workbook stores")
    func execute() throws {
        let harness = try JupyterHarness()
        let result = try harness.scenario("execute")
        let info = result[object: "kernel_info"]
        #expect(info[string: "protocol_version"] == "5.3")
        #expect(info[string: "implementation"] == "pilot")
        let language = info[object: "language_info"]
        #expect(language[string: "name"] == "pilot")
        #expect(language[string: "mimetype"] == "text/x-pilot")
        #expect(language[string: "file_extension"] == ".pilot")

        let first = CellRun(result[object: "first"])
        // busy, the input, live progress (loading), the output, idle.
        #expect(first.types.prefix(2) == ["status", "execute_input"])
        #expect(first.types.suffix(3) == ["clear_output", "display_data", "status"])
        #expect(first.contents("execute_input").first?["execution_count"] as? Int == 1)
        #expect(
            first.text
                == "data: 300 rows × 4 columns (data.csv)\ncolumns: 2 float, 2 string\ndata: 300 rows × 4 columns\n")
        #expect(first.reply[string: "status"] == "ok")
        #expect(first.reply["execution_count"] as? Int == 1)

        // Silent: nothing broadcast but busy and idle, and not counted.
        let silent = CellRun(result[object: "silent"])
        #expect(silent.types == ["status", "status"])
        #expect(silent.reply[string: "status"] == "ok")

        // A table: text/plain as stored, and an HTML table beside it.
        let second = CellRun(result[object: "second"])
        #expect(second.reply["execution_count"] as? Int == 2)
        let data = try #require(second.contents("display_data").first?[object: "data"])
        #expect(data[string: "text/plain"]?.hasPrefix("┌───────┬───────┬") == true)
        let html = try #require(data[string: "text/html"])
        #expect(html.contains("<thead>\n<tr><th>color</th><th>count</th><th>share</th>"))
        #expect(html.contains("<td>blue</td><td>100</td>"))

        #expect(result[object: "history"][string: "status"] == "ok")
        #expect(result[object: "history"][list: "history"].isEmpty)
        #expect(result[object: "comms"][string: "status"] == "ok")
        #expect(result["exit"] as? Int == 0)
        #expect(result[string: "stderr"] == "")
    }

    @Test("an error is an error message with the diagnostic as traceback; stop_on_error aborts what was queued")
    func error() throws {
        let harness = try JupyterHarness()
        let result = try harness.scenario("error")
        let failed = CellRun(result[object: "failed"])
        #expect(failed.reply[string: "status"] == "error")
        #expect(failed.reply[string: "ename"] == "Error")
        #expect(failed.reply[string: "evalue"] == "unknown command 'descrbe'")
        let error = try #require(failed.contents("error").first)
        #expect(
            error["traceback"] as? [String] == ["error: unknown command 'descrbe'", "hint: did you mean 'describe'?"])
        // The line before the failure ran and kept its output.
        #expect(failed.text == "data: 300 rows × 4 columns (data.csv)\ncolumns: 2 float, 2 string\n")

        #expect(result[object: "failing"][string: "status"] == "error")
        #expect(result[object: "queued"][string: "status"] == "aborted")
        // The aborted cell did not run: no 'queued' frame.
        let after = CellRun(result[object: "after"])
        #expect(after.reply[string: "status"] == "ok")
        #expect(after.text.contains("data"))
        #expect(!after.text.contains("queued"))
        #expect(result["exit"] as? Int == 0)
    }

    @Test("completion, inspection and is_complete come from the command declarations")
    func completion() throws {
        let harness = try JupyterHarness()
        let result = try harness.scenario("complete")
        let complete = result[object: "complete"]
        func matches(_ name: String) -> [String] { complete[object: name]["matches"] as? [String] ?? [] }
        #expect(matches("command") == ["describe"])
        #expect(complete[object: "command"]["cursor_start"] as? Int == 0)
        #expect(complete[object: "command"]["cursor_end"] as? Int == 4)
        #expect(matches("frame") == ["data"])
        #expect(complete[object: "frame"]["cursor_start"] as? Int == 5)
        #expect(matches("column") == ["color"])
        #expect(matches("option") == ["target="])
        #expect(matches("second_line") == ["hist"])
        #expect(complete[object: "second_line"]["cursor_start"] as? Int == 11)

        let inspect = result[object: "inspect"]
        #expect(inspect["found"] as? Bool == true)
        let help = try #require(inspect[object: "data"][string: "text/plain"])
        #expect(help.hasPrefix("usage: autopilot FRAME target=COL [as EXP]"))
        #expect(help.contains("target="))
        #expect(result[object: "inspect_unknown"]["found"] as? Bool == false)

        #expect(result[object: "is_complete"][string: "status"] == "complete")
        #expect(result[object: "is_incomplete"][string: "status"] == "incomplete")
        #expect(result["exit"] as? Int == 0)
    }

    @Test("a message with a bad signature is dropped and logged, never run")
    func badSignature() throws {
        let harness = try JupyterHarness()
        let result = try harness.scenario("bad-signature")
        #expect(result["forged_answered"] as? Bool == false)
        let after = CellRun(result[object: "after"])
        #expect(after.reply[string: "status"] == "ok")
        #expect(!after.text.contains("stolen"))
        #expect(result[string: "stderr"]?.contains("signature does not match") == true)
        #expect(result["exit"] as? Int == 0)
    }

    @Test("the heartbeat echoes what it is sent")
    func heartbeat() throws {
        let harness = try JupyterHarness()
        let result = try harness.scenario("heartbeat")
        #expect(result["echoes"] as? [String] == ["ping", "\u{0}\u{1}binary"])
        #expect(result["exit"] as? Int == 0)
    }
}
