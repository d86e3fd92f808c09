import Diagnostics
import Foundation
import Frames
import Serving
import TestSupport
import Testing

@testable import Commands
@testable import Kernel

/// An endpoint host without sockets: endpoints are records, and requests are answered by a
/// rule (`yes` with probability 0.75 for a row that mentions `red`, else `no` with 0.25).
final class FakeEndpointHost: EndpointHost, @unchecked Sendable {  // used from one test's thread
    final class Endpoint: RunningEndpoint, @unchecked Sendable {
        let port: Int
        var requestsServed = 0
        var stopped = false
        var url: String { "http://127.0.0.1:\(port)" }
        init(port: Int) { self.port = port }
        func stop() { stopped = true }
    }

    var taken: Set<Int> = [9999]
    var endpoints: [Endpoint] = []
    var served: [ServedModel] = []
    /// The endpoint names models were started as, in order.
    var names: [String] = []
    var requests: [EndpointRequest] = []
    /// Answers a request with this reply instead, when it returns one.
    var refuse: (Int, EndpointRequest) -> EndpointReply? = { _, _ in nil }

    func start(_ model: ServedModel, name: String, port: Int?) throws(Diagnostic) -> any RunningEndpoint {
        if let port, taken.contains(port) || endpoints.contains(where: { $0.port == port && !$0.stopped }) {
            throw Diagnostic("port \(port) is taken", hint: "choose another port")
        }
        var chosen = port ?? defaultPort
        while port == nil, endpoints.contains(where: { $0.port == chosen && !$0.stopped }) { chosen += 1 }
        let endpoint = Endpoint(port: chosen)
        endpoints.append(endpoint)
        served.append(model)
        names.append(name)
        return endpoint
    }

    func send(_ request: EndpointRequest, to url: String) throws(Diagnostic) -> EndpointReply {
        guard let endpoint = endpoints.first(where: { $0.url == url && !$0.stopped }) else {
            throw Diagnostic("no answer from \(url)")
        }
        endpoint.requestsServed += 1
        requests.append(request)
        if let reply = refuse(requests.count, request) { return reply }
        let rows = String(decoding: request.body, as: UTF8.self).split(separator: "\n")
        let predictions = rows.map {
            $0.contains("red")
                ? #"{"predicted_label": "yes", "probability": 0.75}"#
                : #"{"predicted_label": "no", "probability": 0.25}"#
        }
        return EndpointReply(
            status: 200, contentType: "application/json",
            body: Array(#"{"predictions": [\#(predictions.joined(separator: ", "))]}"#.utf8))
    }
}

@Suite("Serving commands: deploy, endpoints, predict, cleanup")
struct ServingCommandTests {
    final class Fixture {
        let folder = ScratchFolder("serving")
        let host = FakeEndpointHost()
        let session: Session

        init(rows: Int = 300) {
            folder.write(GeneratedData.binaryCSV(rows: rows, seed: 7, withID: true), to: "data.csv")
            session = Session(workingDirectory: folder.path, services: [host])
            let result = Kernel.standard.run(
                cell: """
                    load data.csv as data
                    split data into train test seed=1
                    train train target=y algorithm=xgboost pipeline=dpp0 num_round=20 as exp
                    """, in: session)
            precondition(result.status == .ok)
        }

        func run(_ source: String) -> (status: Kernel.Status, text: String) {
            let result = Kernel.standard.run(cell: source, in: session)
            return (result.status, result.transcript())
        }
    }

    @Test("deploy starts an endpoint with the model's input columns; endpoints lists it")
    func deploy() throws {
        let f = Fixture()
        let result = f.run("deploy exp.best")
        #expect(result.status == .ok)
        #expect(
            result.text == """
                deployed exp.best as endpoint 'exp-ep': http://127.0.0.1:8080
                  takes POST /invocations: text/csv rows of 4 values (id, x1, x2, color) or JSON
                  answers predicted_label (ask for probability, probabilities, labels with ?keys=)
                  export AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME=http://127.0.0.1:8080  # boto3 and the aws CLI

                """)
        #expect(f.host.names == ["exp-ep"])
        let served = try #require(f.host.served.first)
        #expect(served.name == "exp.best")
        #expect(served.inputs.columns.map(\.name) == ["id", "x1", "x2", "color"])
        #expect(served.defaultKeys == [.predictedLabel])
        // The best candidate is a bag of its eight fold models (or an ensemble of bags).
        #expect(served.files.count >= 8 && served.files.count % 8 == 0)
        #expect(served.files.keys.sorted().first == "booster-1.json")

        #expect(
            f.run("deploy exp.best as second port=8090 keys=probability,predicted_label").text
                .contains("answers probability, predicted_label (ask for probabilities, labels with ?keys=)"))
        #expect(f.host.names == ["exp-ep", "second"])
        #expect(
            f.run("endpoints").text == """
                ┌──────────┬──────────┬───────────────────────┬──────────┐
                │ endpoint │ model    │ url                   │ requests │
                ├──────────┼──────────┼───────────────────────┼──────────┤
                │ exp-ep   │ exp.best │ http://127.0.0.1:8080 │        0 │
                │ second   │ exp.best │ http://127.0.0.1:8090 │        0 │
                └──────────┴──────────┴───────────────────────┴──────────┘

                """)
        #expect(f.run("vars").text.contains("exp.best at http://127.0.0.1:8080"))
    }

    @Test(
        "deploy mistakes: error and hint",
        arguments: [
            (
                "deploy",
                "error: deploy needs a model (EXP.best or EXP.NAME)\nhint: usage: deploy MODEL [as NAME] [port=N] [keys=KEY,...] [instance=TYPE] [count=N]\n"
            ),
            ("deploy nope.best", "error: no experiment named 'nope'\nhint: experiments: exp\n"),
            ("deploy exp", "error: 'exp' does not name a candidate\nhint: write EXP.best or EXP.NAME, e.g. exp.best\n"),
            ("deploy exp.best port=9999", "error: port 9999 is taken\nhint: choose another port\n"),
            (
                "deploy exp.best port=70000",
                "error: port=70000 is not valid\n  deploy exp.best port=70000\n                  ^\n"
                    + "hint: port takes a whole number from 0 to 65535, e.g. port=10\n"
            ),
            (
                "deploy exp.best keys=probabilty",
                "error: 'probabilty' is not a response key\nhint: did you mean 'probability'?\n"
            ),
            (
                "deploy exp.best as 9lives",
                "error: '9lives' is not a valid name\n  deploy exp.best as 9lives\n                     ^\nhint: use letters, digits, '_' and '-', starting with a letter (e.g. data, train_2)\n"
            ),
        ])
    func deployMistakes(source: String, message: String) {
        let f = Fixture()
        let result = f.run(source)
        #expect(result.status == .error)
        #expect(result.text == message)
    }

    @Test("a second deploy under a running endpoint's name, or to its port, says so")
    func deployTwice() {
        let f = Fixture()
        _ = f.run("deploy exp.best as ep port=8100")
        #expect(
            f.run("deploy exp.best as ep").text == """
                error: endpoint 'ep' is already running (exp.best at http://127.0.0.1:8100)
                hint: cleanup ep first, or deploy exp.best as another name

                """)
        #expect(
            f.run("deploy exp.best as other port=8100").text == "error: port 8100 is taken\nhint: choose another port\n"
        )
    }

    @Test("a session without an endpoint host cannot deploy")
    func noHost() {
        let folder = ScratchFolder("serving-nohost")
        folder.write(GeneratedData.binaryCSV(rows: 200, seed: 7), to: "data.csv")
        let session = Session(workingDirectory: folder.path)
        _ = Kernel.standard.run(cell: "load data.csv as data\ntrain data target=y algorithm=linear as exp", in: session)
        let result = Kernel.standard.run(cell: "deploy exp.best", in: session)
        #expect(result.status == .error)
        #expect(
            result.blocks == [
                .diagnostic(
                    Diagnostic(
                        "this session cannot serve models: it has no HTTP server",
                        hint: "run the workbook with pilot run"))
            ])
    }

    @Test("predict sends a frame's model columns as CSV rows, shows the first predictions and keeps them all")
    func predictFrame() throws {
        let f = Fixture()
        _ = f.run("deploy exp.best as ep\nset rows=3")
        let result = f.run("predict ep test into scored")
        #expect(result.status == .ok)
        let test = try f.session.frame("test")
        let reds = test.column(named: "color")!.displayValues().filter { $0 == "red" }.count
        let share = { (n: Int) in String(format: "%.1f", Double(n) * 100 / Double(test.rowCount)) }
        #expect(
            result.text.hasPrefix(
                """
                ep predicted \(test.rowCount) rows in 1 request
                  predicted_label: no \(test.rowCount - reds) (\(share(test.rowCount - reds))%), yes \(reds) (\(share(reds))%)
                ┌─────┬─────────────────┬─────────────┐
                │ row │ predicted_label │ probability │
                """))
        #expect(
            result.text.hasSuffix(
                """
                └─────┴─────────────────┴─────────────┘
                (\(test.rowCount - 3) more rows)
                kept as frame 'scored': \(test.rowCount) rows × 6 columns

                """))
        let request = try #require(f.host.requests.first)
        #expect(request.path == "/invocations?keys=predicted_label,probability")
        #expect(request.contentType == "text/csv")
        #expect(request.accept == "application/json")
        let firstLine = String(decoding: request.body, as: UTF8.self).split(separator: "\n").first.map(String.init)
        let values = ["id", "x1", "x2", "color"].map { test.column(named: $0)!.displayValues()[0] }
        #expect(firstLine == values.joined(separator: ","))
        let scored = try f.session.frame("scored")
        #expect(scored.columnNames == ["id", "x1", "x2", "color", "predicted_label", "probability"])
        #expect(scored.column(named: "probability")!.data.doubles!.allSatisfy { $0 == 0.25 || $0 == 0.75 })
        #expect(f.run("endpoints").text.contains("│ ep       │ exp.best │ http://127.0.0.1:8080 │        1 │"))
    }

    @Test("predict sends quoted rows as they are")
    func predictRows() throws {
        let f = Fixture()
        _ = f.run("deploy exp.best as ep")
        let result = f.run(#"predict ep "c1,0.5,0.5,red" "c2,-1,-1,blue""#)
        #expect(
            result.text == """
                ep predicted 2 rows in 1 request
                  predicted_label: no 1 (50.0%), yes 1 (50.0%)
                ┌─────┬─────────────────┬─────────────┐
                │ row │ predicted_label │ probability │
                ├─────┼─────────────────┼─────────────┤
                │   1 │ yes             │      0.7500 │
                │   2 │ no              │      0.2500 │
                └─────┴─────────────────┴─────────────┘

                """)
        #expect(f.host.requests.map { String(decoding: $0.body, as: UTF8.self) } == ["c1,0.5,0.5,red\nc2,-1,-1,blue\n"])
    }

    @Test("a refusal names the row of the frame, counting earlier batches")
    func refusal() {
        let f = Fixture(rows: 1400)
        _ = f.run("deploy exp.best as ep")
        f.host.refuse = { count, _ in
            count == 2
                ? EndpointReply(
                    status: 400, contentType: "application/json",
                    body: Array(
                        #"{"error": "row 3, column 'x1' (2nd): 'x' is not a number", "row": 3, "column": "x1"}"#.utf8))
                : nil
        }
        let result = f.run("predict ep train")
        #expect(result.status == .error)
        #expect(
            result.text == """
                error: endpoint 'ep' refused the rows: row 1003 of 'train', column 'x1' (2nd): 'x' is not a number
                hint: fix that row and predict again

                """)
    }

    @Test(
        "predict mistakes: error and hint",
        arguments: [
            ("predict nope test", "error: no endpoint named 'nope'\nhint: endpoints: ep\n"),
            ("predict e test", "error: no endpoint named 'e'\nhint: did you mean 'ep'?\n"),
            (
                "predict ep",
                "error: predict needs a frame or a quoted CSV row\nhint: usage: predict ENDPOINT|MODEL FRAME|\"CSV ROW\"... [into NAME]\n"
            ),
            (
                "predict ep test train",
                "error: predict takes one frame (or quoted CSV rows)\nhint: e.g. predict ep test\n"
            ),
            ("predict ep nothing", "error: no frame named 'nothing'\nhint: frames: data, narrow, rest, test, train\n"),
            (
                "predict ep narrow",
                "error: frame 'narrow' has no column 'x1', which exp.best takes\nhint: exp.best takes id, x1, x2, color\n"
            ),
            (
                #"predict exp.best "1,2,3,red""#,
                "error: predict with a model takes a frame; quoted rows go to an endpoint\nhint: deploy exp.best as NAME, then predict NAME \"...\"\n"
            ),
        ])
    func predictMistakes(source: String, message: String) {
        let f = Fixture()
        _ = f.run("deploy exp.best as ep\nsplit test into narrow rest seed=1\nkeep narrow id color")
        let result = f.run(source)
        #expect(result.status == .error)
        #expect(result.text == message)
    }

    @Test("predict MODEL FRAME predicts in process, as a batch transform")
    func batchTransform() throws {
        let f = Fixture()
        let result = f.run("predict exp.best test into scored")
        #expect(result.status == .ok)
        let test = try f.session.frame("test")
        #expect(
            result.text.hasPrefix(
                "exp.best predicted \(test.rowCount) rows in process (batch transform)\n  predicted_label: no "))
        let scored = try f.session.frame("scored")
        #expect(scored.columnNames == ["id", "x1", "x2", "color", "predicted_label", "probability"])
        #expect(f.host.requests.isEmpty)
        let evaluation = f.run("evaluate exp.best on test")
        #expect(evaluation.status == .ok)
    }

    @Test("predict of a regression model shows and keeps each value as its single-precision decimal")
    func regressionValues() throws {
        let f = Fixture()
        let trained = f.run(
            "train train target=x1 problem=regression algorithm=xgboost pipeline=dpp0 num_round=20 exclude=id as reg")
        #expect(trained.status == .ok, "\(trained.text)")
        let result = f.run("predict reg.best test into scored")
        #expect(result.status == .ok)
        guard case .double(let values) = try f.session.frame("scored").column(named: "predicted_label")?.data else {
            Issue.record("no predicted numbers")
            return
        }
        #expect(values.allSatisfy { Double("\(Float($0))") == $0 }, "21.378136, not 21.378135681152344")
        let summary = result.text.split(separator: "\n")[1]
        #expect(summary.hasPrefix("  predicted_label: min \(values.min()!), mean "), "\(summary)")
        #expect(summary.hasSuffix(", max \(values.max()!)"), "\(summary)")
    }

    @Test("cleanup stops one endpoint, or all of them")
    func cleanup() throws {
        let f = Fixture()
        _ = f.run("deploy exp.best as a\ndeploy exp.best as b\ndeploy exp.best as c")
        _ = f.run("predict a test\npredict a test")
        #expect(f.run("cleanup a").text == "stopped endpoint 'a' (exp.best, 2 requests served)\n")
        #expect(f.host.endpoints[0].stopped)
        #expect(!f.host.endpoints[1].stopped)
        #expect(f.run("cleanup all").text == "stopped 2 endpoints: b, c\n")
        #expect(f.host.endpoints.allSatisfy { $0.stopped })
        #expect(f.run("endpoints").text == "no endpoints running: deploy MODEL as NAME starts one\n")
        #expect(f.run("cleanup all").text == "no endpoints running\n")
        #expect(f.run("cleanup a").text == "error: no endpoint named 'a'\nhint: no endpoints are running\n")
        #expect(
            f.run("cleanup test").text
                == "error: 'test' is a frame, not an endpoint\nhint: cleanup stops endpoints; endpoints lists them\n")
        #expect(
            f.run("cleanup exp").text
                == "error: 'exp' is an experiment, not an endpoint\nhint: cleanup experiment exp deletes an experiment\n"
        )
    }

    @Test("cleanup experiment says what it would delete, and deletes it with confirm=yes")
    func cleanupExperiment() throws {
        let f = Fixture()
        f.folder.write("report", to: "exp/data-exploration.pilotbook")
        _ = f.run("deploy exp.best as ep")
        #expect(FileManager.default.fileExists(atPath: f.folder.file(".pilot/exp/model.json")))
        let asked = f.run("cleanup experiment exp")
        #expect(asked.status == .error)
        #expect(
            asked.text == """
                error: cleanup experiment exp deletes .pilot/exp (the experiment's record and model files), exp/data-exploration.pilotbook; and stop endpoint 'ep'
                hint: nothing was deleted; to go ahead, write: cleanup experiment exp confirm=yes

                """)
        #expect(!f.host.endpoints[0].stopped)
        let done = f.run("cleanup experiment exp confirm=yes")
        #expect(done.status == .ok)
        #expect(
            done.text == """
                deleted experiment 'exp':
                  .pilot/exp (the experiment's record and model files)
                  exp/data-exploration.pilotbook
                stopped endpoint 'ep'

                """)
        #expect(f.host.endpoints[0].stopped)
        #expect(!FileManager.default.fileExists(atPath: f.folder.file(".pilot/exp")))
        #expect(!FileManager.default.fileExists(atPath: f.folder.file("exp")))
        #expect(f.run("experiments").text == "no experiments yet: run autopilot FRAME target=COL as NAME\n")
        #expect(
            f.run("cleanup experiment exp").text == "error: no experiment named 'exp'\nhint: there are no experiments\n"
        )
    }

    @Test("endpoints stop when the session lets go of them: reset, or the session's end")
    func sessionEnd() throws {
        let host: FakeEndpointHost
        do {
            let f = Fixture()
            host = f.host
            _ = f.run("deploy exp.best as a\ndeploy exp.best as b")
            _ = f.run("reset")
            #expect(host.endpoints.allSatisfy { $0.stopped })
            #expect(f.run("deploy exp.best as c").status == .ok)
            try #require(host.endpoints.count == 3)
            #expect(!host.endpoints[2].stopped)
        }
        #expect(host.endpoints[2].stopped)
    }
}
