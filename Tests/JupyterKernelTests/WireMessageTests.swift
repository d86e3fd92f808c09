import Foundation
import Testing

@testable import JupyterKernel

/// The wire format without sockets: signing, reading frames, replies' parents.
@Suite("Jupyter wire messages")
struct WireMessageTests {
    static let header = Array(#"{"msg_id":"1","msg_type":"kernel_info_request"}"#.utf8)
    static let empty = Array("{}".utf8)

    @Test("HMAC-SHA256 over header, parent, metadata and content, as Python's hmac computes it")
    func signature() {
        let signer = MessageSigner(key: "secret")
        #expect(
            signer.signature([Self.header, Self.empty, Self.empty, Self.empty])
                == "0fca6e189cdcc0095e523565e0900c86cd24e5e0bfab2105ab98d33a07a29a4e")
        #expect(MessageSigner(key: "").signature([Self.header]) == "")
    }

    @Test("a signed message is read with its routing identity; a bad signature or a missing delimiter is refused")
    func reading() throws {
        let signer = MessageSigner(key: "secret")
        let signature = Array(signer.signature([Self.header, Self.empty, Self.empty, Self.empty]).utf8)
        let identity = Array("client-1".utf8)
        let frames = [identity, WireMessage.delimiter, signature, Self.header, Self.empty, Self.empty, Self.empty]
        let message = try WireMessage(frames: frames, signer: signer)
        #expect(message.identities == [identity])
        #expect(message.header.messageType == "kernel_info_request")
        #expect(message.header.messageID == "1")

        var forged = frames
        forged[2] = Array(
            MessageSigner(key: "guess").signature([Self.header, Self.empty, Self.empty, Self.empty]).utf8)
        #expect(throws: WireMessage.ReadFailure.badSignature) { try WireMessage(frames: forged, signer: signer) }
        #expect(throws: WireMessage.ReadFailure.malformed) {
            try WireMessage(frames: [identity, signature, Self.header], signer: signer)
        }
        // Without a key, nothing is checked.
        #expect((try? WireMessage(frames: forged, signer: MessageSigner(key: ""))) != nil)
    }

    @Test("a reply goes to the request's identity with the request's header, byte for byte, as its parent")
    func reply() throws {
        let signer = MessageSigner(key: "k")
        let request = try WireMessage(
            frames: [
                Array("peer".utf8), WireMessage.delimiter,
                Array(signer.signature([Self.header, Self.empty, Self.empty, Self.empty]).utf8),
                Self.header, Self.empty, Self.empty, Self.empty,
            ],
            signer: signer)
        let reply = WireMessage(
            type: "kernel_info_reply", session: "s", content: StatusReply(), parent: request,
            identities: request.identities)
        let frames = reply.frames(signer: signer)
        #expect(frames[0] == Array("peer".utf8))
        #expect(frames[1] == WireMessage.delimiter)
        #expect(frames[4] == Self.header)
        #expect(String(decoding: frames[6], as: UTF8.self) == #"{"status":"ok"}"#)
        // What the kernel sends, it would accept.
        #expect((try? WireMessage(frames: frames, signer: signer)) != nil)
        let header = try JSONSerialization.jsonObject(with: Data(frames[3])) as? [String: Any]
        #expect(header?["version"] as? String == "5.3")
        #expect(header?["msg_type"] as? String == "kernel_info_reply")
        #expect((header?["date"] as? String)?.hasSuffix("Z") == true)
    }

    @Test("a connection file gives each channel its endpoint; one without ports is refused with a hint")
    func connectionFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-conn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.json")
        try Data(
            #"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "pilot"}"#
                .utf8
        ).write(to: good)
        let info = try ConnectionInfo.read(good.path)
        #expect(
            Channel.allCases.map(info.endpoint) == [
                "tcp://127.0.0.1:1", "tcp://127.0.0.1:2", "tcp://127.0.0.1:3", "tcp://127.0.0.1:4", "tcp://127.0.0.1:5",
            ])
        let md5 = folder.appendingPathComponent("md5.json")
        try Data(
            #"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "k", "signature_scheme": "hmac-md5"}"#
                .utf8
        ).write(to: md5)
        #expect(
            throws: KernelError.connectionFile(
                path: md5.path, reason: "signature scheme 'hmac-md5' is not supported (only hmac-sha256)")
        ) {
            try ConnectionInfo.read(md5.path)
        }
    }
}
