import Foundation
import TestSupport
import Testing

/// Starting, interrupting, restarting and stopping the kernel; its kernelspec.
@Suite(
    "pilot kernel: interrupts, restarts and the kernelspec",
    .enabled(if: JupyterHarness.python != nil, "needs PILOT_JUPYTER_PYTHON (scripts/test makes one)"))
struct KernelLifecycleTests {
    @Test(
        "an interrupt during autopilot stops it after the current candidate; the kernel stays up and the next cell runs",
        arguments: ["message", "signal"])
    func interrupt(mode: String) throws {
        let harness = try JupyterHarness(rows: 3000)
        let result = try harness.scenario("interrupt", mode)
        #expect(result["sent"] as? Bool == true, "no live progress was shown to interrupt on")
        if mode == "message" { #expect(result[object: "interrupt_reply"][string: "status"] == "ok") }
        let run = CellRun(result[object: "interrupted"])
        // Live progress went through one display id, and was cleared before the cell's own output.
        let live = run.contents("display_data").filter { $0[object: "transient"]["display_id"] != nil }
        #expect(live.count == 1)
        #expect(run.types.contains("clear_output"))
        #expect(run.reply[string: "status"] == "error")
        #expect(run.reply[string: "ename"] == "Interrupted")
        #expect(result["alive_after"] as? Bool == true)
        let after = CellRun(result[object: "after"])
        #expect(after.reply[string: "status"] == "ok")
        #expect(after.text.contains("exp"), "the interrupted experiment keeps what it finished")
        #expect(result["exit"] as? Int == 0)
    }

    @Test("a restart gives a fresh session; a shutdown ends the process without being killed")
    func restart() throws {
        let harness = try JupyterHarness()
        let result = try harness.scenario("restart")
        let before = CellRun(result[object: "before"])
        #expect(before.reply[string: "status"] == "ok")
        #expect(before.text.contains("data"))
        let after = CellRun(result[object: "after"])
        #expect(after.reply[string: "status"] == "ok")
        #expect(after.reply["execution_count"] as? Int == 1)
        #expect(!after.text.contains("data"))
        #expect(result["alive"] as? Bool == false)
        // jupyter_client waits 5 s for a kernel to exit before it kills it.
        #expect((result["shutdown_seconds"] as? Double ?? 99) < 4)
    }

    @Test("pilot kernel install writes a kernelspec jupyter kernelspec list shows; uninstall removes it")
    func kernelspec() throws {
        let harness = try JupyterHarness()
        let spec = harness.prefix + "/share/jupyter/kernels/pilot"
        let json = try #require(FileManager.default.contents(atPath: spec + "/kernel.json"))
        let kernel = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let binary = URL(fileURLWithPath: PilotBinary.path).resolvingSymlinksInPath().path
        #expect(kernel["argv"] as? [String] == [binary, "kernel", "-f", "{connection_file}"])
        #expect(kernel[string: "display_name"] == "pilot")
        #expect(kernel[string: "language"] == "pilot")
        #expect(kernel[string: "interrupt_mode"] == "message")
        #expect(FileManager.default.fileExists(atPath: spec + "/logo-svg.svg"))

        let python = try #require(JupyterHarness.python)
        let jupyter = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("jupyter").path
        let list = try harness.run(jupyter, ["kernelspec", "list", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        let listed = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any]
        let pilot = listed?[object: "kernelspecs"][object: "pilot"]
        #expect(pilot?[string: "resource_dir"] == spec)

        let removed = try harness.run(PilotBinary.path, ["kernel", "uninstall", "--prefix", harness.prefix])
        #expect(removed.status == 0)
        #expect(removed.stdout == "removed the pilot kernel from \(spec)\n")
        let again = try harness.run(PilotBinary.path, ["kernel", "uninstall", "--prefix", harness.prefix])
        #expect(again.status == 1)
        #expect(
            again.stderr.hasPrefix("error: no pilot kernelspec to remove in \(harness.prefix)/share/jupyter/kernels\n"))
    }

    @Test("a connection file that is not one says so and what to do")
    func badConnectionFile() throws {
        let harness = try JupyterHarness()
        harness.folder.write("{\"ip\": \"127.0.0.1\"}", to: "work/connection.json")
        let result = try harness.run(PilotBinary.path, ["kernel", "-f", "connection.json"])
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                error: cannot use the connection file connection.json: it is not a Jupyter connection file (no shell_port)
                hint: Jupyter starts the kernel with its own connection file; install the kernel with 'pilot kernel install' and pick 'pilot' in Jupyter

                """)
    }
}
