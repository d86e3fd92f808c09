import Completion
import Commands
import Foundation
import Kernel
import TestSupport
import Testing

@Suite("Tab completion")
struct CompleterTests {
    let folder = ScratchFolder()
    let session: Session
    let completer: Completer

    init() {
        folder.write("x1,x2,color,y\n1,2,red,yes\n", to: "data.csv")
        _ = folder.write("", to: "notes.txt")
        try? FileManager.default.createDirectory(atPath: folder.file("raw"), withIntermediateDirectories: true)
        let session = Session(workingDirectory: folder.path)
        _ = Kernel.standard.run(cell: "load data.csv as sales", in: session)
        self.session = session
        completer = Completer(commands: .standard, shellCommands: [":save", ":quit"]) { session }
    }

    @Test("completes", arguments: [
        ("desc", ["describe"]),
        ("autopilot sales tar", ["target="]),
        ("autopilot sales target=y m", ["metric=", "mode=", "max_candidates=", "max_runtime=", "max_trial_runtime="]),
        ("autopilot sales target=", ["target=x1", "target=x2", "target=color", "target=y"]),
        ("counts sa", ["sales"]),
        ("counts sales co", ["color"]),
        ("load da", ["data.csv"]),
        ("load r", ["raw/"]),
        (":s", [":save"]),
        ("nosuchcommand x", []),
        // What the declarations say comes next.
        ("head ", ["sales"]),
        ("describe sales x", ["x1", "x2"]),
        ("describe sales x1 i", ["into"]),
        ("filter sales ", ["where"]),
        ("filter sales where c", ["color"]),
        ("filter sales where color ", ["==", "!=", "<", "<=", ">", ">="]),
        ("split sales ", ["into"]),
        ("autopilot sales target=y metric=A", ["metric=AUC", "metric=Accuracy"]),
        ("autopilot sales target=y exclude=x1,", ["exclude=x1,x1", "exclude=x1,x2", "exclude=x1,color", "exclude=x1,y"]),
        ("autopilot sales target=y candidates_only=", ["candidates_only=yes", "candidates_only=no"]),
        ("set s", ["seed="]),
        ("help lo", ["load"]),
        ("sh ca", []),
    ])
    func completes(typed: String, expected: [String]) {
        #expect(completer.complete(typed).candidates == expected)
    }

    @Test("the shared prefix is what Tab inserts")
    func sharedPrefix() {
        let completion = completer.complete("autopilot sales target=y max_")
        #expect(completion.word == "max_")
        #expect(completion.sharedPrefix == "max_")
        #expect(completer.complete("he").sharedPrefix == "he")
    }

    @Test("candidates in columns fit the width")
    func columns() {
        let text = Completer.columns(["describe", "download", "drop"], width: 20)
        #expect(text == "describe  download\ndrop\n")
    }
}
