import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

@Suite("Serving with the pilot binary: deploy, predict, cleanup; pilot serve", .serialized)
struct ServingEndToEndTests {
    static let workbook = """
        # Serving

        ```pilot id=data
        load data.csv as data
        split data into train test seed=1
        ```

        ```pilot id=autopilot
        autopilot train target=y as exp max_candidates=2 max_runtime=60s
        ```

        ```pilot id=deploy
        deploy exp.best as ep port=0 keys=predicted_label,probability
        endpoints
        ```

        ```pilot id=predict
        predict ep test into scored
        predict ep "c1,1.5,1,red"
        predict exp.best test
        ```

        ```pilot id=cleanup
        cleanup ep
        cleanup experiment exp confirm=yes
        ```

        """

    @Test("a workbook runs autopilot, deploys the best model, predicts over HTTP and cleans up")
    func workbook() throws {
        let folder = ScratchFolder("serving-e2e")
        folder.write(GeneratedData.binaryCSV(rows: 300, seed: 11, withID: true), to: "data.csv")
        folder.write(Self.workbook, to: "serve.pilotbook")
        let result = try PilotProcess.run(["run", "--trust", "serve.pilotbook"], in: folder.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let book = folder.read("serve.pilotbook")
        #expect(book.contains(try Regex(#"deployed exp\.best as endpoint 'ep': http://127\.0\.0\.1:(\d+)\n"#)))
        #expect(book.contains("  answers predicted_label, probability (ask for probabilities, labels with ?keys=)\n"))
        #expect(book.contains(try Regex(#"ep predicted \d+ rows in 1 request\n  predicted_label: no \d+ \(\d+\.\d%\), yes \d+"#)))
        #expect(book.contains("ep predicted 1 row in 1 request\n  predicted_label: yes 1 (100.0%)\n"))
        #expect(book.contains("kept as frame 'scored': "))
        #expect(book.contains(try Regex(#"exp\.best predicted \d+ rows in process \(batch transform\)"#)))
        #expect(book.contains("stopped endpoint 'ep' (exp.best, 2 requests served)\n"))
        #expect(book.contains("""
            deleted experiment 'exp':
              .pilot/exp (the experiment's record and model files)
              exp/data-exploration.pilotbook
              exp/candidate-definitions.pilotbook
              exp/train.csv

            """))
        #expect(!FileManager.default.fileExists(atPath: folder.file(".pilot/exp")))
        #expect(!book.contains("status=error"))
    }

    @Test("endpoints stop when the run ends")
    func stopsWithTheRun() throws {
        let folder = ScratchFolder("serving-e2e-end")
        folder.write(GeneratedData.binaryCSV(rows: 200, seed: 12), to: "data.csv")
        folder.write("""
            ```pilot id=a
            load data.csv as data
            train data target=y algorithm=linear as exp
            deploy exp.best as ep port=0
            ```

            """, to: "b.pilotbook")
        let result = try PilotProcess.run(["run", "--trust", "b.pilotbook"], in: folder.path)
        #expect(result.status == 0)
        let port = try #require(folder.read("b.pilotbook").firstMatch(of: #/http://127\.0\.0\.1:(\d+)/#)?.1)
        #expect(HTTP.get("http://127.0.0.1:\(port)/ping") == nil)
    }

    @Test("pilot serve EXP.best serves the stored model until SIGTERM")
    func serve() throws {
        let folder = try ServeProcess.trainedFolder("serving-e2e-serve", seed: 13)

        let server = try ServeProcess(["serve", "exp.best", "--port", "0", "--keys", "predicted_label,probability"],
                                      in: folder.path)
        let url = server.url
        #expect(server.output.hasPrefix("serving exp.best at \(url) as endpoint 'exp-best' "))
        #expect(HTTP.get("\(url)/ping")?.status == 200)
        let reply = HTTP.post("\(url)/invocations", body: "c1,1.5,1,red\n", contentType: "text/csv")
        #expect(reply?.status == 200)
        #expect(reply?.body.hasPrefix("yes,0.") == true)
        let refused = HTTP.post("\(url)/invocations", body: "c1,1.5,red\n", contentType: "text/csv")
        #expect(refused?.status == 400)
        #expect(refused?.body == #"{"error":"row 1: expected 4 values (id, x1, x2, color), got 3","row":1}"#)
        let taken = try PilotProcess.run(["serve", "exp.best", "--port", String(url.split(separator: ":").last!)], in: folder.path)
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("is taken: another program (or endpoint) listens on 127.0.0.1:"))

        #expect(server.stop() == 0)
        #expect(server.output.hasSuffix("stopped after 2 requests\n"))
    }

    @Test("pilot serve without such an experiment says what there is")
    func serveMistakes() throws {
        let folder = ScratchFolder("serving-e2e-none")
        let none = try PilotProcess.run(["serve", "bank.best"], in: folder.path)
        #expect(none.status == 1)
        #expect(none.stderr == "error: no experiment store in \(folder.path): .pilot/ is missing\nhint: run this in the folder of the workbook that ran autopilot\n")
    }
}

/// Blocking HTTP for the tests.
enum HTTP {
    struct Reply {
        var status: Int
        var body: String
    }

    static func get(_ url: String) -> Reply? { request(URLRequest(url: URL(string: url)!, timeoutInterval: 5)) }

    static func post(_ url: String, body: String, contentType: String) -> Reply? {
        var request = URLRequest(url: URL(string: url)!, timeoutInterval: 5)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        return Self.request(request)
    }

    private static func request(_ request: URLRequest) -> Reply? {
        final class Box: @unchecked Sendable { var reply: Reply? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, _ in
            if let response = response as? HTTPURLResponse {
                box.reply = Reply(status: response.statusCode, body: String(decoding: data ?? Data(), as: UTF8.self))
            }
            done.signal()
        }.resume()
        done.wait()
        return box.reply
    }
}
