import Commands
import Foundation
import Synchronization
import TestSupport
import Testing
@testable import Downloads
@testable import Kernel

@Suite("Downloading over real HTTP on loopback", .serialized)
struct HTTPDownloaderTests {
    static let payload: [UInt8] = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }

    @Test("downloads a file with progress, and the download command reports size and sha256")
    func download() throws {
        let server = try LoopbackServer(routes: ["/data/bank.zip": .init(status: 200, body: Self.payload)])
        let folder = ScratchFolder("download")
        let session = Session(workingDirectory: folder.path, services: [HTTPDownloader()])
        let result = Kernel.standard.run(cell: "download \(server.url("/data/bank.zip"))", in: session)
        #expect(result.status == .ok)
        let text = result.transcript()
        let digest = SHA256Hex.of(Self.payload)
        #expect(text == "bank.zip: 3,145,728 bytes (3.1 MB)\nsha256 \(digest)\n")
        #expect(folder.bytes("bank.zip") == Self.payload)
        #expect(!FileManager.default.fileExists(atPath: folder.file("bank.zip.part")))

        let calls = Mutex(0)
        _ = try HTTPDownloader().download(server.url("/data/bank.zip"), to: folder.file("again.zip"),
                                          progress: { _, total in calls.withLock { $0 += 1 }; #expect(total == 3 << 20) },
                                          isCancelled: { false })
        #expect(calls.withLock { $0 } > 1)
    }

    @Test("a 404 says so and leaves no file")
    func notFound() throws {
        let server = try LoopbackServer(routes: [:])
        let folder = ScratchFolder("download")
        let session = Session(workingDirectory: folder.path, services: [HTTPDownloader()])
        let result = Kernel.standard.run(cell: "download \(server.url("/missing.zip"))", in: session)
        #expect(result.status == .error)
        #expect(result.transcript() == "error: 127.0.0.1 answered 404 Not Found for /missing.zip\nhint: check the URL\n")
        #expect(result.blocks.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("offline (nothing listening): a clear error that mentions PILOT_MIRROR")
    func offline() throws {
        let port: UInt16
        do { let server = try LoopbackServer(routes: [:]); port = server.port }
        let folder = ScratchFolder("download")
        let session = Session(workingDirectory: folder.path, services: [HTTPDownloader(timeout: 5)])
        let result = Kernel.standard.run(cell: "download http://127.0.0.1:\(port)/bank-additional.zip", in: session)
        #expect(result.status == .error)
        let text = result.transcript()
        #expect(text.hasPrefix("error: cannot reach 127.0.0.1: "))
        #expect(text.hasSuffix("hint: check the network, or set PILOT_MIRROR to a folder holding bank-additional.zip\n"))
    }

    @Test("PILOT_MIRROR is searched by file name before the network")
    func mirror() throws {
        let mirror = ScratchFolder("mirror")
        mirror.write(Self.payload, to: "bank.zip")
        let folder = ScratchFolder("download")
        let session = Session(workingDirectory: folder.path, environment: ["PILOT_MIRROR": mirror.path], services: [])
        let result = Kernel.standard.run(cell: "download https://example.invalid/x/bank.zip to data/", in: session)
        #expect(result.status == .ok)
        #expect(folder.bytes("data/bank.zip") == Self.payload)
        // A second run finds the file and does not fetch again: the same output.
        #expect(Kernel.standard.run(cell: "download https://example.invalid/x/bank.zip to data/", in: session) == result)
    }
}

enum SHA256Hex {
    static func of(_ bytes: [UInt8]) -> String {
        let folder = ScratchFolder("sha")
        folder.write(bytes, to: "f")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [folder.file("f")]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        process.waitUntilExit()
        return String(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64))
    }
}
