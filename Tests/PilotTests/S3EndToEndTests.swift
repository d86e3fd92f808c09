import Foundation
import TestSupport
import Testing
import Workbook

/// S3 from a workbook, end to end: the built `pilot` against moto's server with signature
/// checking on. AWS itself is never called.
@Suite("S3 from a workbook", .serialized, .enabled(if: MotoServer.python != nil, "PILOT_AWS_PYTHON is not set"))
struct S3EndToEndTests {
    static let csv = "age,job,y\n30,admin.,no\n45,日本語の職業,yes\n61,retired,no\n"

    /// moto's server, and a bucket made in it with the aws CLI.
    static func server(bucket: String) throws -> MotoServer {
        let moto = try MotoServer.shared.get()
        let made = try Self.aws(["s3", "mb", "s3://\(bucket)"], moto.environment)
        #expect(made.status == 0 || made.output.contains("BucketAlreadyOwnedByYou"), "\(made.output)")
        return moto
    }

    /// Runs the aws CLI from PILOT_AWS_PYTHON.
    static func aws(_ arguments: [String], _ environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: MotoServer.python!)
        process.arguments = ["-m", "awscli"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("a frame and a file go up, come back down and load to the same shape and bytes")
    func roundTrip() throws {
        let moto = try Self.server(bucket: "pilot-round-trip")
        let folder = ScratchFolder()
        folder.write(Self.csv, to: "people.csv")
        folder.write(
            """
            ```pilot id=up
            load people.csv as people
            upload people to s3://pilot-round-trip/frames/
            upload people.csv to s3://pilot-round-trip/raw/people.csv
            ```

            ```pilot id=down
            download s3://pilot-round-trip/raw/people.csv to copies/
            load s3://pilot-round-trip/frames/people.csv as again
            shape again
            ```

            """, to: "s3.pilotbook")
        let result = try PilotProcess.run(
            ["run", "--trust", "s3.pilotbook"], in: folder.path, environment: moto.environment)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(folder.read("copies/people.csv") == Self.csv)
        let book = try BookFile(path: folder.file("s3.pilotbook")).workbook
        let up = book.output(forCell: "up")?.normalizedText ?? ""
        #expect(up.contains("uploaded people (3 rows × 3 columns) as CSV to s3://pilot-round-trip/frames/people.csv"))
        #expect(up.contains("uploaded people.csv to s3://pilot-round-trip/raw/people.csv"))
        let down = book.output(forCell: "down")?.normalizedText ?? ""
        #expect(down.contains("again: 3 rows × 3 columns (s3://pilot-round-trip/frames/people.csv)"))
        // What the aws CLI fetches is what pilot sent: the frame as CSV with its header.
        let fetched = try Self.aws(["s3", "cp", "s3://pilot-round-trip/frames/people.csv", "-"], moto.environment)
        #expect(fetched.output == Self.csv)
    }

    /// Runs a one-cell workbook that uploads, with `environment`, and returns the stored output
    /// and pilot's exit status; the workbook must still hold its prose and cell.
    func failing(_ line: String, environment: [String: String]) throws -> (status: Int32, output: String) {
        let folder = ScratchFolder()
        folder.write(Self.csv, to: "people.csv")
        let book = "# Upload\n\nProse stays.\n\n```pilot id=up\n\(line)\n```\n"
        folder.write(book, to: "s3.pilotbook")
        let result = try PilotProcess.run(["run", "--trust", "s3.pilotbook"], in: folder.path, environment: environment)
        let saved = try BookFile(path: folder.file("s3.pilotbook")).workbook
        #expect(folder.read("s3.pilotbook").hasPrefix(book), "the workbook keeps its prose and cell")
        return (result.status, saved.output(forCell: "up")?.normalizedText ?? "")
    }

    @Test("a missing bucket, a wrong secret and no credentials each say what went wrong and what to do")
    func errors() throws {
        let moto = try Self.server(bucket: "pilot-errors")
        let missing = try failing("upload people.csv to s3://no-such-bucket-here/x.csv", environment: moto.environment)
        #expect(missing.status == 1)
        #expect(missing.output.contains("NoSuchBucket"), "\(missing.output)")
        #expect(missing.output.contains("hint: "))

        var wrong = moto.environment
        wrong["AWS_SECRET_ACCESS_KEY"] = "not-the-secret"
        let refused = try failing("upload people.csv to s3://pilot-errors/x.csv", environment: wrong)
        #expect(refused.output.contains("SignatureDoesNotMatch"), "\(refused.output)")

        let home = ScratchFolder()
        let none = try failing(
            "upload people.csv to s3://pilot-errors/x.csv",
            environment: [
                "HOME": home.path, "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "",
                "AWS_PROFILE": "", "AWS_ENDPOINT_URL": moto.endpoint, "AWS_REGION": "us-east-1",
            ])
        #expect(none.output.contains("AWS_ACCESS_KEY_ID"), "\(none.output)")
        #expect(none.output.contains(home.path + "/.aws/credentials"), "\(none.output)")
    }
}
