/// The content of the requests the kernel reads; fields a client leaves out take the
/// protocol's defaults.

/// `execute_request`: run a cell.
struct ExecuteRequest: Decodable, Sendable {
    var code: String
    /// Run without broadcasting anything, and without counting.
    var silent = false
    /// Count this run (ignored when silent).
    var storeHistory = true
    /// A failure aborts the execute requests already queued behind this one.
    var stopOnError = true

    enum CodingKeys: String, CodingKey {
        case code, silent
        case storeHistory = "store_history"
        case stopOnError = "stop_on_error"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        silent = try container.decodeIfPresent(Bool.self, forKey: .silent) ?? false
        storeHistory = try container.decodeIfPresent(Bool.self, forKey: .storeHistory) ?? !silent
        stopOnError = try container.decodeIfPresent(Bool.self, forKey: .stopOnError) ?? true
    }
}

/// `complete_request` and `inspect_request`: the cell's text and the cursor in it, counted in
/// Unicode code points.
struct CursorRequest: Decodable, Sendable {
    var code: String
    var cursorPosition: Int

    enum CodingKeys: String, CodingKey {
        case code
        case cursorPosition = "cursor_pos"
    }
}

/// `is_complete_request`: would this text run as it is?
struct IsCompleteRequest: Decodable, Sendable {
    var code: String
}

/// `shutdown_request`: stop, and whether a new kernel will take over.
struct ShutdownRequest: Decodable, Sendable {
    var restart = false

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        restart = try container.decodeIfPresent(Bool.self, forKey: .restart) ?? false
    }

    enum CodingKeys: String, CodingKey { case restart }
}
