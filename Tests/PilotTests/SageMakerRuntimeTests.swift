import Foundation
import TestSupport
import Testing

/// boto3's `sagemaker-runtime` client and the aws CLI against pilot's endpoints, as a user points
/// them there: `AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME`, and any credentials (signatures are not checked).
@Suite("SageMaker Runtime clients against pilot: boto3, the aws CLI, the tutorial's loop", .serialized,
       .enabled(if: AWSPython.interpreter != nil, "needs PILOT_AWS_PYTHON, a Python with boto3 and the aws CLI (scripts/test sets it)"))
struct SageMakerRuntimeTests {
    @Test("boto3 and the aws CLI against pilot serve --name: predictions, ValidationError, ModelError")
    func clients() throws {
        let folder = try ServeProcess.trainedFolder("runtime-serve", seed: 13)

        let server = try ServeProcess(["serve", "exp.best", "--port", "0", "--name", "bank-ep"], in: folder.path)
        #expect(server.output.contains(" as endpoint 'bank-ep' (POST /invocations, POST /endpoints/bank-ep/invocations, GET /ping)"))
        #expect(server.output.contains("export AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME=\(server.url)  # boto3 and the aws CLI\n"))
        let rows = "c1,1.5,1,red\nc2,-2,-2,blue\nc3,0.2,0.4,green\n"
        let own = try #require(HTTP.post("\(server.url)/invocations", body: rows, contentType: "text/csv"))
        #expect(own.status == 200)

        // boto3, as a program would call it.
        folder.write("""
            import json, sys, boto3
            client = boto3.client('sagemaker-runtime')
            out = {}
            reply = client.invoke_endpoint(EndpointName='bank-ep', ContentType='text/csv', Body=sys.argv[1],
                                           CustomAttributes='trace=1', InferenceId='request-1')
            out['body'] = reply['Body'].read().decode()
            out['contentType'] = reply['ContentType']
            out['variant'] = reply['InvokedProductionVariant']
            try:
                client.invoke_endpoint(EndpointName='bank', ContentType='text/csv', Body='c1,1.5,1,red')
            except client.exceptions.ValidationError as error:
                out['unknown'] = str(error)
            try:
                client.invoke_endpoint(EndpointName='bank-ep', ContentType='text/csv', Body='c1,1.5,red')
            except client.exceptions.ModelError as error:
                out['bad'] = {'text': str(error), 'code': error.response['OriginalStatusCode'],
                              'original': error.response['OriginalMessage'], 'status': error.response['ResponseMetadata']['HTTPStatusCode']}
            print(json.dumps(out))
            """, to: "client.py")
        let boto = try AWSPython.run([folder.file("client.py"), rows], endpoint: server.url, in: folder.path)
        #expect(boto.status == 0, "\(boto.stderr)")
        let out = try #require(try JSONSerialization.jsonObject(with: Data(boto.stdout.utf8)) as? [String: Any])
        #expect(out["body"] as? String == own.body)
        #expect(out["contentType"] as? String == "text/csv")
        #expect(out["variant"] as? String == "AllTraffic")
        #expect(out["unknown"] as? String
                == "An error occurred (ValidationError) when calling the InvokeEndpoint operation: Endpoint bank of account 000000000000 not found.")
        let refusal = #"{"error":"row 1: expected 4 values (id, x1, x2, color), got 3","row":1}"#
        let bad = try #require(out["bad"] as? [String: Any])
        #expect(bad["text"] as? String == "An error occurred (ModelError) when calling the InvokeEndpoint operation: "
                + "Received client error (400) from primary with message \"\(refusal)\".")
        #expect(bad["code"] as? Int == 400)
        #expect(bad["original"] as? String == refusal)
        #expect(bad["status"] as? Int == 424)

        // The aws CLI: the answer goes to a file, the reply's headers to standard output.
        func cli(_ name: String, _ file: String, _ options: [String] = []) throws -> PilotProcess.Result {
            try AWSPython.run(["-m", "awscli", "sagemaker-runtime", "invoke-endpoint", "--endpoint-name", name,
                               "--content-type", "text/csv", "--body", "fileb://\(file)"] + options + ["answer.csv"],
                              endpoint: server.url, in: folder.path)
        }
        folder.write(rows, to: "rows.csv")
        folder.write("c1,1.5,red\n", to: "bad.csv")
        let answered = try cli("bank-ep", "rows.csv", ["--accept", "*/*"])
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(folder.read("answer.csv") == own.body)
        #expect(answered.stdout.contains(#""InvokedProductionVariant": "AllTraffic""#))
        let unknown = try cli("exp-best", "rows.csv")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("An error occurred (ValidationError) when calling the InvokeEndpoint operation: "
                                        + "Endpoint exp-best of account 000000000000 not found."))
        let model = try cli("bank-ep", "bad.csv")
        #expect(model.status != 0)
        #expect(model.stderr.contains("An error occurred (ModelError) when calling the InvokeEndpoint operation: "
                                      + "Received client error (400) from primary with message \"\(refusal)\"."))
    }

    @Test("pilot serve names the endpoint after the model by default: bank.best serves as bank-best")
    func defaultName() throws {
        let folder = try ServeProcess.trainedFolder("runtime-default-name", rows: 200, seed: 14, withID: false,
                                                    train: "algorithm=linear")
        let server = try ServeProcess(["serve", "exp.best", "--port", "0"], in: folder.path)
        #expect(server.output.contains(" as endpoint 'exp-best' "))
        #expect(HTTP.post("\(server.url)/endpoints/exp-best/invocations", body: "1.5,1,red\n", contentType: "text/csv")?.status == 200)
        #expect(HTTP.post("\(server.url)/endpoints/exp.best/invocations", body: "1.5,1,red\n", contentType: "text/csv")?.status == 400)
    }

    /// The repository's workbooks folder.
    static let workbooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("workbooks")

    /// The first fenced block of `language` in step 7 of a tutorial workbook: its text, fences left out.
    static func step7Block(_ language: String, in workbook: String) throws -> String {
        let text = try String(contentsOf: workbooks.appendingPathComponent(workbook), encoding: .utf8)
        let step7 = try #require(text.firstRange(of: #/\n## (Step 7|ステップ 7)/#))
        let step8 = try #require(text.firstRange(of: #/\n## (Step 8|ステップ 8)/#))
        let section = text[step7.upperBound..<step8.lowerBound]
        let open = try #require(section.firstRange(of: "\n```\(language)\n"))
        let close = try #require(section[open.upperBound...].firstRange(of: "\n```\n"))
        return String(section[open.upperBound..<close.lowerBound]) + "\n"
    }

    @Test("step 7's boto3 loop, exactly as both tutorials show it, answers as predict does after deploy")
    func tutorialLoop() throws {
        let loop = try Self.step7Block("python", in: "autopilot-tutorial.pilotbook")
        #expect(try Self.step7Block("python", in: "autopilot-tutorial.ja.pilotbook") == loop)
        let export = try Self.step7Block("sh", in: "autopilot-tutorial.pilotbook")
        #expect(try Self.step7Block("sh", in: "autopilot-tutorial.ja.pilotbook") == export)
        #expect(export == "export AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME=http://127.0.0.1:8080\n")
        let endpoint = try #require(loop.firstMatch(of: #/ep_name = '([^']+)'/#)?.1)
        let file = try #require(loop.firstMatch(of: #/open\('([^']+)'\)/#)?.1)

        let folder = ScratchFolder("runtime-tutorial")
        // Generated rows with three decimals, so the loop's CSV text and the frame predict sends agree.
        let data = GeneratedData.binaryCSV(rows: 240, seed: 21).split(separator: "\n").enumerated().map { index, line in
            guard index > 0 else { return String(line) }
            let fields = line.split(separator: ",")
            return [String(format: "%.3f", Double(fields[0])!), String(format: "%.3f", Double(fields[1])!), String(fields[2]),
                    String(fields[3])].joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        folder.write(data, to: "data.csv")
        folder.write(loop, to: "tutorial-loop.py")
        // Runs the loop as it is and keeps each answer boto3 read, and the loop's counts.
        folder.write("""
            import json, botocore.response
            answers = []
            read = botocore.response.StreamingBody.read
            def recording(self, *args, **kwargs):
                data = read(self, *args, **kwargs)
                answers.append(data.decode('utf-8'))
                return data
            botocore.response.StreamingBody.read = recording
            loop = {}
            exec(compile(open('tutorial-loop.py').read(), 'tutorial-loop.py', 'exec'), loop)
            json.dump({'answers': answers, 'counts': [loop['tp'], loop['tn'], loop['fp'], loop['fn']]}, open('loop.json', 'w'))
            """, to: "harness.py")
        let exportLine = export.replacingOccurrences(of: "8080", with: "$port").dropLast()
        folder.write("""
            ```pilot id=train
            load data.csv as data
            save data to \(file)
            train data target=y algorithm=xgboost num_round=20 seed=1 as exp
            ```

            ```pilot id=deploy
            deploy exp.best as \(endpoint) port=$port
            ```

            ```pilot id=loop
            sh \(exportLine) && "$aws_python" harness.py
            ```

            ```pilot id=predict
            predict \(endpoint) data into scored
            save scored to scored.csv
            ```

            """, to: "tutorial.pilotbook")
        let port = try FreePort.pick()
        let run = try PilotProcess.run(
            ["run", "--trust", "tutorial.pilotbook", "--param", "port=\(port)", "--param", "aws_python=\(AWSPython.interpreter!)"],
            in: folder.path, environment: AWSPython.environment)
        let book = folder.read("tutorial.pilotbook")
        #expect(run.status == 0, "\(book)\(run.stderr)")
        #expect(book.contains("  export AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME=http://127.0.0.1:\(port)  # boto3 and the aws CLI\n"))
        #expect(book.contains("100 200 Done\n"))

        let result = try #require(try JSONSerialization.jsonObject(with: Data(folder.read("loop.json").utf8)) as? [String: Any])
        let answers = try #require(result["answers"] as? [String])
        let scored = folder.read("scored.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let column = try #require(scored.first?.firstIndex(of: "predicted_label"))
        let predicted = scored.dropFirst().map { String($0[column]) }
        #expect(answers.count == 240)
        #expect(answers == predicted.map { $0 + "\n" })
        let truth = data.split(separator: "\n").dropFirst().map { $0.hasSuffix(",yes") }
        let counts = (0..<truth.count).reduce(into: [0, 0, 0, 0]) { counts, row in
            let yes = predicted[row] == "yes"
            counts[truth[row] ? (yes ? 0 : 3) : (yes ? 2 : 1)] += 1
        }
        #expect(result["counts"] as? [Int] == counts)
    }
}

/// The Python with boto3 and the aws CLI that scripts/test names in `PILOT_AWS_PYTHON`.
enum AWSPython {
    static let interpreter: String? = ProcessInfo.processInfo.environment["PILOT_AWS_PYTHON"]

    /// Credentials and a region that sign requests nobody checks; the user's AWS files are left out.
    static let environment = [
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1", "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        "AWS_MAX_ATTEMPTS": "1",
    ]

    /// Runs the interpreter with `arguments`, its SageMaker Runtime pointed at `endpoint`.
    static func run(_ arguments: [String], endpoint: String, in directory: String) throws -> PilotProcess.Result {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        env.merge(environment) { $1 }
        env["AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME"] = endpoint
        return try PilotProcess.execute(interpreter!, arguments, in: directory, environment: env)
    }
}

/// A port nothing listens on now, for a workbook whose cells need to know it before deploying.
enum FreePort {
    static func pick() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
