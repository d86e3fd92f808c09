import Kernel
@testable import Shell
import Testing

@Suite("Ctrl-C")
struct InterruptsTests {
    @Test("during work the first Ctrl-C raises the interruption and the second quits; at the prompt it clears the line")
    func presses() {
        let output = MemoryOutput()
        let quits = Counter()
        let interrupts = Interrupts(terminal: Terminal(output: output, isInteractive: true)) { quits.add() }
        interrupts.press()
        #expect(interrupts.promptInterruptPending)
        #expect(interrupts.takePromptInterrupt())
        #expect(!interrupts.takePromptInterrupt())

        let interruption = Interruption()
        let value = interrupts.during(interruption) {
            interrupts.press()
            #expect(interruption.isRaised)
            interrupts.press()
            return 7
        }
        #expect(value == 7)
        #expect(quits.value == 1)
        #expect(!interrupts.promptInterruptPending)
        #expect(output.err == """

        stopping after the current step (Ctrl-C again to quit now)

        interrupted twice: quitting; outputs of finished cells are saved

        """)
        #expect(output.out == "")
    }
}
