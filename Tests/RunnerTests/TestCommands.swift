import Commands
import Kernel

/// Commands the runner tests add to the kernel: an SVG plot, and the working directory.
enum TestCommands {
    static let kernel: Kernel = {
        var table = CommandTable.standard
        table.add([Plot.self, PrintWorkingDirectory.self])
        return Kernel(commands: table)
    }()

    /// `plot N`: N bars as an SVG image.
    struct Plot: CellCommand {
        static let configuration = CommandConfiguration("plot", area: .frames, summary: "draw N bars")

        @Argument(.int(in: 0...100), default: 1) var bars: Int

        func run(in context: CommandContext) throws {
            let rects = (0..<bars).map { #"<rect x="\#($0 * 10)" y="0" width="8" height="\#(10 + $0)"/>"# }
            context.print("\(bars) bars")
            context.output.image(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\">\(rects.joined())</svg>\n",
                                 alt: "\(bars) bars")
        }
    }

    /// `pwd`: the session's folder.
    struct PrintWorkingDirectory: CellCommand {
        static let configuration = CommandConfiguration("pwd", area: .files, summary: "print the working directory")

        func run(in context: CommandContext) throws {
            context.print(context.session.workingDirectory)
        }
    }
}
