/// The content of what the kernel broadcasts on iopub.

/// `status`: `busy` while a request is handled, `idle` after, `starting` once.
struct KernelStatus: Encodable, Sendable {
    var executionState: String

    enum CodingKeys: String, CodingKey {
        case executionState = "execution_state"
    }
}

/// `execute_input`: the code being run, with its count.
struct ExecuteInput: Encodable, Sendable {
    var code: String
    var executionCount: Int

    enum CodingKeys: String, CodingKey {
        case code
        case executionCount = "execution_count"
    }
}

/// `display_data` and `update_display_data`: one output in several representations (MIME
/// type to text), and the display id live progress is updated through.
struct DisplayData: Encodable, Sendable {
    struct Transient: Encodable, Sendable {
        var displayID: String

        enum CodingKeys: String, CodingKey {
            case displayID = "display_id"
        }
    }

    var data: [String: String]
    var metadata: [String: String] = [:]
    var transient: Transient?
}

/// `error`: why a cell stopped; the traceback is the diagnostic as pilot renders it.
struct ErrorContent: Encodable, Sendable, Equatable {
    var name: String
    var value: String
    var traceback: [String]

    enum CodingKeys: String, CodingKey {
        case name = "ename"
        case value = "evalue"
        case traceback
    }
}

/// `clear_output`: removes what the cell showed so far (the live progress).
struct ClearOutput: Encodable, Sendable {
    var wait = false
}
