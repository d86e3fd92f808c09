import Dispatch
import Kernel
#if canImport(Glibc)
import Glibc
import Shell
#endif

/// Turns the first Ctrl-C into a graceful stop of the running cell; a second one quits at once.
enum Interrupts {
    nonisolated(unsafe) private static var source: DispatchSourceSignal?

    static func install(_ interruption: Interruption) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if interruption.isRaised {
                Terminal.standard.line("\ninterrupted twice: quitting; outputs of finished cells are saved", to: .err)
                exit(130)
            }
            interruption.raise()
            Terminal.standard.line("\nstopping after the current step (Ctrl-C again to quit now)", to: .err)
        }
        source.resume()
        Self.source = source
    }
}
