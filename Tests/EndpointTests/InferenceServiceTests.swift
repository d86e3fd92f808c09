import Serving
import Autopilot
@testable import Endpoint
import Foundation
import Frames
import Kernel
import Testing

@Suite("The inference contract, without sockets")
struct InferenceServiceTests {
    static let columns = ["id", "x1", "x2", "color"]

    func invoke(_ service: InferenceService, _ body: String, contentType: String? = "text/csv", accept: String? = nil,
                keys: String? = nil) -> InferenceReply {
        service.invoke(InferenceRequest(body: Array(body.utf8), contentType: contentType, accept: accept, keys: keys))
    }

    @Test("a CSV row gets its predicted label, as the model predicts it in process")
    func csvRow() throws {
        let trained = TestModel.binary
        let rows = 0..<25
        let body = trained.test.csvBody(columns: Self.columns, rows: rows)
        let reply = trained.service().invoke(InferenceRequest(body: body, contentType: "text/csv"))
        #expect(reply.status == 200)
        #expect(reply.contentType == "text/csv")
        let expected = try trained.model().predict(trained.test.rows(rows))
        #expect(reply.body == expected.labels.map { $0 + "\n" }.joined())
    }

    @Test("keys ask for probability, probabilities and labels, in CSV, JSON and JSON lines")
    func responseKeys() throws {
        let trained = TestModel.binary
        let service = trained.service()
        let row = trained.test.rows(0..<1)
        let p = try trained.model().predict(row).probabilities![0]
        let label = p >= 0.5 ? "yes" : "no"
        let keys = "predicted_label,probability,probabilities,labels"
        let csv = service.invoke(InferenceRequest(body: row.csvBody(columns: Self.columns), keys: keys))
        #expect(csv.body == #"\#(label),\#(p),"[\#(1 - p),\#(p)]","[""no"",""yes""]""# + "\n")
        let json = service.invoke(InferenceRequest(body: row.csvBody(columns: Self.columns), accept: "application/json", keys: keys))
        #expect(json.contentType == "application/json")
        // Keys sorted, whatever order they were asked in.
        #expect(json.body == #"{"predictions":[{"labels":["no","yes"],"predicted_label":"\#(label)","#
                    + #""probabilities":[\#(1 - p),\#(p)],"probability":\#(p)}]}"#)
        let lines = service.invoke(InferenceRequest(body: trained.test.csvBody(columns: Self.columns, rows: 0..<2),
                                                    accept: "application/jsonlines", keys: "probability"))
        #expect(lines.body.split(separator: "\n").count == 2)
        #expect(lines.body.hasPrefix(#"{"probability":\#(p)}"# + "\n"))
    }

    @Test("a deployment's default keys answer when the request does not ask")
    func defaultKeys() {
        let trained = TestModel.binary
        let reply = invoke(trained.service(keys: [.probability, .predictedLabel]), "c1,0.5,0.5,red\n")
        #expect(reply.status == 200)
        #expect(reply.body.split(separator: ",").count == 2)
        #expect(reply.body.hasSuffix(",yes\n") || reply.body.hasSuffix(",no\n"))
    }

    @Test("JSON instances: features lists, plain lists and objects by column name give the same answers")
    func jsonInstances() {
        let service = TestModel.binary.service()
        let csv = invoke(service, "c1,0.5,-1.25,red\nc2,,0.75,blue\n", accept: "application/json")
        for body in [
            #"{"instances": [{"features": ["c1", 0.5, -1.25, "red"]}, {"features": ["c2", null, 0.75, "blue"]}]}"#,
            #"{"instances": [["c1", 0.5, -1.25, "red"], ["c2", "", "0.75", "blue"]]}"#,
            #"{"instances": [{"id": "c1", "x1": 0.5, "x2": -1.25, "color": "red"}, {"x2": 0.75, "color": "blue"}]}"#,
        ] {
            let reply = invoke(service, body, contentType: "application/json; charset=utf-8", accept: "application/json")
            #expect(reply.status == 200, "\(body): \(reply.body)")
            #expect(reply.body == csv.body)
        }
    }

    @Test("quoted fields are read as RFC 4180 writes them")
    func quotedFields() {
        let service = TestModel.binary.service()
        let plain = invoke(service, "c1,0.5,-1.25,red\r\nc2,1.5,0.75,blue\r\n")
        let quoted = invoke(service, "\"c1\",\"0.5\",-1.25,\"red\"\n\"c,2\",1.5,\"0.75\",blue")
        #expect(plain.status == 200)
        #expect(quoted.body == plain.body)
    }

    @Test("unknown categories and missing values are handled as in training, not refused")
    func unknownAndMissing() throws {
        let trained = TestModel.binary
        let reply = invoke(trained.service(), "c1,0.5,-1.25,purple\nc2,,,\n,NA,null,red\n", keys: "probability")
        #expect(reply.status == 200)
        let frame = Frame(columns: [
            Column(name: "id", data: .strings(codes: [0, 1, CategoricalCodes.missing], dictionary: ["c1", "c2"])),
            Column(name: "x1", data: .double([0.5, .nan, .nan])),
            Column(name: "x2", data: .double([-1.25, .nan, .nan])),
            Column(name: "color", data: .strings(codes: [0, CategoricalCodes.missing, 1], dictionary: ["purple", "red"])),
        ])
        let expected = try trained.model().predict(frame).probabilities!
        #expect(reply.body == expected.map { "\($0)\n" }.joined())
    }

    @Test("multiclass: probability is the predicted class's, probabilities follow labels")
    func multiclass() throws {
        let trained = TestModel.multiclass
        let row = trained.test.rows(0..<1)
        let expected = try trained.model().predict(row)
        let reply = trained.service().invoke(InferenceRequest(body: row.csvBody(columns: ["x1", "x2", "color"]), accept: "application/json",
                                                              keys: "predicted_label,probability,probabilities,labels"))
        let all = expected.classProbabilities!.map { "\($0)" }.joined(separator: ",")
        let label = expected.labels[0], p = expected.probabilities![0]
        #expect(reply.body == #"{"predictions":[{"labels":["high","low","mid"],"predicted_label":"\#(label)","#
                    + #""probabilities":[\#(all)],"probability":\#(p)}]}"#)
    }

    @Test("regression: the predicted value is a number, and other keys are refused")
    func regression() throws {
        let trained = TestModel.regression
        let row = trained.test.rows(0..<2)
        let values = try trained.model().predict(row).values!
        let service = trained.service()
        let csv = service.invoke(InferenceRequest(body: row.csvBody(columns: ["x1", "x2", "color"])))
        #expect(csv.body == values.map { "\($0)\n" }.joined())
        let json = service.invoke(InferenceRequest(body: row.csvBody(columns: ["x1", "x2", "color"]), accept: "application/json"))
        #expect(json.body == #"{"predictions":[{"predicted_label":\#(values[0])},"#
                    + #"{"predicted_label":\#(values[1])}]}"#)
        let refused = invoke(service, "1,2,red\n", keys: "probability")
        #expect(refused.status == 400)
        #expect(refused.body == #"{"error":"a regression model has no probability (keys=predicted_label)"}"#)
    }

    @Test("bad input: a 4xx with a JSON error that says what and where", arguments: [
        ("c1,0.5,red\n", "text/csv", nil, nil, 400,
         #"{"error":"row 1: expected 4 values (id, x1, x2, color), got 3","row":1}"#),
        ("c1,0.5,1,red\nc2,forty,1,red\n", "text/csv", nil, nil, 400,
         #"{"column":"x1","error":"row 2, column 'x1' (2nd): 'forty' is not a number, "#
             + #"and the model was trained on numbers there","row":2}"#),
        ("c1,0.5,1,red\nc2,\"0.5,1,red\n", "text/csv", nil, nil, 400,
         #"{"error":"row 2: a quoted field is never closed","row":2}"#),
        ("", "text/csv", nil, nil, 400, #"{"error":"the body is empty: send one or more rows"}"#),
        ("\n\r\n", "text/csv", nil, nil, 400, #"{"error":"the body is empty: send one or more rows"}"#),
        (#"{"instances": [["c1", 0.5, 1, "red"]"#, "application/json", nil, nil, 400, nil),
        (#"{"rows": []}"#, "application/json", nil, nil, 400,
         #"{"error":"the JSON body needs \"instances\": a list of rows, "#
             + #"e.g. {\"instances\": [{\"features\": [...]}]}"}"#),
        (#"{"instances": [{"id": "c1", "size": 3}]}"#, "application/json", nil, nil, 400,
         #"{"column":"size","error":"row 1: the model has no column 'size'","row":1}"#),
        (#"{"instances": [["c1", true, 1, "red"]]}"#, "application/json", nil, nil, 400,
         #"{"column":"x1","error":"row 1, column 'x1' (2nd): 'true' is not a number, "#
             + #"and the model was trained on numbers there","row":1}"#),
        ("c1,0.5,1,red\n", "application/x-www-form-urlencoded", nil, nil, 415,
         #"{"error":"content type 'application/x-www-form-urlencoded' is not supported: "#
             + #"send text/csv (rows without header) or application/json ({\"instances\": [...]})"}"#),
        ("c1,0.5,1,red\n", "text/csv", "application/xml", nil, 406,
         #"{"error":"cannot answer in 'application/xml': "#
             + #"accept text/csv, application/json or application/jsonlines"}"#),
        ("c1,0.5,1,red\n", "text/csv", nil, "predicted_labels", 400,
         #"{"error":"'predicted_labels' is not a response key (did you mean 'predicted_label'?)"}"#),
    ] as [(String, String, String?, String?, Int, String?)])
    func badInput(body: String, contentType: String, accept: String?, keys: String?, status: Int, error: String?) {
        let service = TestModel.binary.service()
        let reply = invoke(service, body, contentType: contentType, accept: accept, keys: keys)
        #expect(reply.status == status)
        #expect(reply.contentType == "application/json")
        if let error {
            #expect(reply.body == error)
        } else {
            #expect(reply.body.hasPrefix(#"{"error":"the body is not valid JSON ("#))
        }
        // The service keeps serving.
        #expect(invoke(service, "c1,0.5,1,red\n").status == 200)
        #expect(service.requestsServed == 2)
    }

    @Test("a body over the payload limit is refused with 413")
    func tooLarge() {
        let service = TestModel.binary.service()
        let row = Array("c1,0.5,1,red\n".utf8)
        let body = [UInt8]((0..<(InferenceService.maxPayloadBytes / row.count + 1)).map { _ in row }.joined())
        let reply = service.invoke(InferenceRequest(body: body, contentType: "text/csv"))
        #expect(reply.status == 413)
        #expect(reply.body == #"{"error":"the body is too large (6 MB): at most 6 MB per request; "#
                    + #"split the rows over several requests"}"#)
    }

    @Test("ping and execution-parameters")
    func pingAndParameters() {
        let service = TestModel.binary.service()
        #expect(service.ping().status == 200)
        let parameters = service.executionParameters()
        #expect(parameters.contentType == "application/json")
        let processors = ProcessInfo.processInfo.activeProcessorCount
        #expect(parameters.body
                    == #"{"BatchStrategy":"MULTI_RECORD","MaxConcurrentTransforms":\#(processors),"MaxPayloadInMB":6}"#)
    }

    @Test("Accept and Content-Type negotiation", arguments: [
        (nil, "text/csv"), ("*/*", "text/csv"), ("text/csv; charset=utf-8", "text/csv"), ("application/json", "application/json"),
        ("application/xml, application/json;q=0.9", "application/json"), ("application/jsonlines", "application/jsonlines"),
    ] as [(String?, String)])
    func negotiation(accept: String?, type: String) {
        let reply = invoke(TestModel.binary.service(), "c1,0.5,1,red\n", accept: accept)
        #expect(reply.status == 200)
        #expect(reply.contentType == type)
    }
}
