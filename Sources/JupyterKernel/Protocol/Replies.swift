/// The content of the replies the kernel sends on the shell and control channels.

/// `execute_reply`: how the run ended, with the execution count.
enum ExecuteReply: Encodable, Sendable {
    case ok(count: Int)
    case error(count: Int, ErrorContent)
    /// Not run: an earlier cell failed and asked to stop (`stop_on_error`).
    case aborted(count: Int)

    enum CodingKeys: String, CodingKey {
        case status, ename, evalue, traceback, payload
        case executionCount = "execution_count"
        case userExpressions = "user_expressions"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .ok(let count):
            try container.encode("ok", forKey: .status)
            try container.encode(count, forKey: .executionCount)
            try container.encode([String: String](), forKey: .userExpressions)
            try container.encode([String](), forKey: .payload)
        case .error(let count, let error):
            try container.encode("error", forKey: .status)
            try container.encode(count, forKey: .executionCount)
            try container.encode(error.name, forKey: .ename)
            try container.encode(error.value, forKey: .evalue)
            try container.encode(error.traceback, forKey: .traceback)
        case .aborted(let count):
            try container.encode("aborted", forKey: .status)
            try container.encode(count, forKey: .executionCount)
        }
    }
}

/// `kernel_info_reply`: who the kernel is and what language it runs.
struct KernelInfoReply: Encodable, Sendable {
    struct LanguageInfo: Encodable, Sendable {
        var name = "pilot"
        var version: String
        var mimetype = "text/x-pilot"
        var fileExtension = ".pilot"
        var pygmentsLexer = "text"
        var codemirrorMode = "shell"

        enum CodingKeys: String, CodingKey {
            case name, version, mimetype
            case fileExtension = "file_extension"
            case pygmentsLexer = "pygments_lexer"
            case codemirrorMode = "codemirror_mode"
        }
    }

    struct HelpLink: Encodable, Sendable {
        var text: String
        var url: String
    }

    var status = "ok"
    var protocolVersion = MessageHeader.protocolVersion
    var implementation = "pilot"
    var implementationVersion: String
    var languageInfo: LanguageInfo
    var banner: String
    var helpLinks: [HelpLink] = []
    var debugger = false

    enum CodingKeys: String, CodingKey {
        case status, implementation, banner, debugger
        case protocolVersion = "protocol_version"
        case implementationVersion = "implementation_version"
        case languageInfo = "language_info"
        case helpLinks = "help_links"
    }

    init(version: String) {
        implementationVersion = version
        languageInfo = LanguageInfo(version: version)
        banner =
            "pilot \(version): AutoML workbooks, cell by cell. Type 'help' in a cell for the commands; "
            + "Tab completes, Shift-Tab shows a command's help."
    }
}

/// `complete_reply`: what the word before the cursor could become.
struct CompleteReply: Encodable, Sendable {
    var status = "ok"
    var matches: [String]
    var cursorStart: Int
    var cursorEnd: Int
    var metadata: [String: String] = [:]

    enum CodingKeys: String, CodingKey {
        case status, matches, metadata
        case cursorStart = "cursor_start"
        case cursorEnd = "cursor_end"
    }
}

/// `inspect_reply`: the help of the command under the cursor.
struct InspectReply: Encodable, Sendable {
    var status = "ok"
    var found: Bool
    var data: [String: String]
    var metadata: [String: String] = [:]
}

/// `is_complete_reply`: `complete`, or `incomplete` with the indent for the next line.
struct IsCompleteReply: Encodable, Sendable {
    var status: String
    var indent: String?
}

/// `shutdown_reply`.
struct ShutdownReply: Encodable, Sendable {
    var status = "ok"
    var restart: Bool
}

/// A reply that is only a status: `interrupt_reply`.
struct StatusReply: Encodable, Sendable {
    var status = "ok"
}

/// `comm_info_reply`: pilot opens no comms.
struct CommInfoReply: Encodable, Sendable {
    var status = "ok"
    var comms: [String: String] = [:]
}

/// `history_reply`: pilot keeps no history for clients.
struct HistoryReply: Encodable, Sendable {
    var status = "ok"
    var history: [[String]] = []
}
