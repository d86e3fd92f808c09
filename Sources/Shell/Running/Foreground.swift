import Dispatch
import Foundation
import Kernel

/// Runs a cell's work on its own thread while the shell's thread watches for Ctrl-C.
///
/// The first Ctrl-C raises the ``Interruption`` the kernel checks between steps (autopilot
/// stops after its current trial and keeps the best finished candidate); the cell ends as
/// `interrupted` and the shell goes on. A second Ctrl-C before the cell has stopped quits.
struct Foreground {
    let terminal: Terminal

    /// Runs `work` and returns its result once it has finished.
    func run<Result>(raising interruption: Interruption, _ work: @escaping () -> Result) -> Result {
        _ = Signals.takeInterrupts()
        let box = ResultBox<Result>(work)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.run()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        var asked = false
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            guard Signals.takeInterrupt() else { continue }
            if asked {
                terminal.line("\ninterrupted twice: quitting; outputs of finished cells are saved", to: .err)
                exit(130)
            }
            asked = true
            interruption.raise()
            terminal.line("\nstopping after the current step (Ctrl-C again to quit now)", to: .err)
        }
        return box.result!
    }
}

/// Hands the work to the other thread and its result back; the semaphore orders the accesses.
private final class ResultBox<Result>: @unchecked Sendable {
    private let work: () -> Result
    var result: Result?

    init(_ work: @escaping () -> Result) {
        self.work = work
    }

    func run() {
        result = work()
    }
}
