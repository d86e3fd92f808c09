import Foundation
import TestSupport
import Testing

/// `pilot serve ...` running in the background until ``stop()``: started, and read until it has
/// printed where it listens.
final class ServeProcess {
    private let process = Process()
    private let out = Pipe()
    /// What it has printed: the serving line and the export line, and after ``stop()`` the rest.
    private(set) var output = ""
    /// Where it listens, from its serving line: `http://127.0.0.1:PORT`.
    let url: String

    init(_ arguments: [String], in directory: String) throws {
        process.executableURL = URL(fileURLWithPath: PilotProcess.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        while !output.contains("# boto3 and the aws CLI\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            output += String(decoding: chunk, as: UTF8.self)
        }
        let match = output.firstMatch(of: #/serving \S+ at (http://127\.0\.0\.1:\d+) /#)
        if match == nil, process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        url = try #require(match.map { String($0.1) }, "pilot serve printed: \(output)")
    }

    deinit {
        stop()
    }

    /// Stops it with SIGTERM, as Ctrl-C would, reads the rest of its output and returns its exit
    /// status. Stopping twice is harmless.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            output += String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    /// A scratch folder whose `.pilot/` holds `exp`, trained by `pilot run` on generated rows
    /// (`id,x1,x2,color,y` with `withID`), ready for `pilot serve exp.best`.
    static func trainedFolder(_ label: String, rows: Int = 300, seed: UInt64, withID: Bool = true,
                              train: String = "algorithm=xgboost num_round=30") throws -> ScratchFolder {
        let folder = ScratchFolder(label)
        folder.write(GeneratedData.binaryCSV(rows: rows, seed: seed, withID: withID), to: "data.csv")
        folder.write("```pilot id=a\nload data.csv as data\ntrain data target=y \(train) as exp\n```\n", to: "t.pilotbook")
        let run = try PilotProcess.run(["run", "--trust", "t.pilotbook"], in: folder.path)
        try #require(run.status == 0, "\(run.stdout)\(run.stderr)")
        return folder
    }
}
