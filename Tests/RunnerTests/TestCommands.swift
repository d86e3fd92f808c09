import Kernel

/// Commands the runner tests add to the kernel: an SVG plot, and the working directory.
enum TestCommands {
    static let kernel: Kernel = {
        var table = CommandTable.builtin
        table.add([
            Command("plot", area: .frames, usage: "plot N", summary: "draw N bars") { line, context in
                let n = Int(line.words.first ?? "1") ?? 1
                let bars = (0..<n).map { #"<rect x="\#($0 * 10)" y="0" width="8" height="\#(10 + $0)"/>"# }
                context.print("\(n) bars")
                context.output.image(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\">\(bars.joined())</svg>\n",
                                     alt: "\(n) bars")
            },
            Command("pwd", area: .files, usage: "pwd", summary: "print the working directory") { _, context in
                context.print(context.session.workingDirectory)
            },
        ])
        return Kernel(commands: table)
    }()
}
