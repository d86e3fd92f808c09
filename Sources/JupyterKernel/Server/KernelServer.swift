import Foundation

/// A Jupyter kernel for pilot's cell language: the messaging protocol 5.3 over ZeroMQ.
///
/// It binds the five sockets the connection file names and serves them until a
/// `shutdown_request`: the shell channel on the calling thread (cells run there, one at a
/// time, in one session), the control channel and the heartbeat on threads of their own, so an
/// interrupt or a ping is answered while a cell runs.
///
/// ```swift
/// let connection = try ConnectionInfo.read(path)
/// try KernelServer(connection: connection, configuration: configuration) { print($0) }.run()
/// ```
public final class KernelServer {
    private let connection: ConnectionInfo
    private let configuration: KernelConfiguration
    private let log: @Sendable (String) -> Void

    /// - Parameter log: told what the kernel dropped or could not do (Jupyter shows a kernel's
    ///   standard error in its server log).
    public init(
        connection: ConnectionInfo, configuration: KernelConfiguration,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.connection = connection
        self.configuration = configuration
        self.log = log
    }

    /// Serves the kernel until it is asked to shut down.
    ///
    /// - Throws: ``KernelError`` when a socket cannot be made or bound (a port in use).
    public func run() throws(KernelError) {
        let context: ZMQContext
        do {
            context = try ZMQContext()
        } catch {
            throw .zeroMQ(error)
        }
        let signer = MessageSigner(key: connection.key)
        let session = UUID().uuidString.lowercased()
        func bind(_ channel: Channel, _ kind: ZMQSocket.Kind) throws(KernelError) -> ChannelSocket {
            do {
                let socket = try ZMQSocket(context, kind)
                try socket.bind(connection.endpoint(channel))
                return ChannelSocket(channel, socket: socket, signer: signer, session: session, log: log)
            } catch {
                throw .zeroMQ(error)
            }
        }
        let heartbeat = try bind(.heartbeat, .reply)
        let iopub = try bind(.iopub, .publisher)
        let control = try bind(.control, .router)
        let stdin = try bind(.stdin, .router)
        let shell = try bind(.shell, .router)

        InterruptSignal.install()
        let interruption = InterruptSignal.interruption
        iopub.publish(state: "starting", parent: nil)
        let controlHandler = ControlHandler(
            version: configuration.version, iopub: iopub, interruption: interruption, context: context, log: log)

        let pings = Thread {
            while let frames = try? heartbeat.receiveFrames() {
                try? heartbeat.sendFrames(frames)
            }
            heartbeat.close()
        }
        pings.name = "pilot kernel heartbeat"
        pings.start()
        let controlThread = Thread { controlHandler.run(on: control) }
        controlThread.name = "pilot kernel control"
        controlThread.start()

        ShellHandler(
            configuration: configuration, shell: shell, iopub: iopub, interruption: interruption,
            control: controlHandler
        ).run()

        shell.close()
        stdin.close()
        iopub.close()
        // Waits for the other threads to close their sockets, and for what was sent to go out.
        context.terminate()
    }
}
