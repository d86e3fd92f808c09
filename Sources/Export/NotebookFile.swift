/// A Jupyter notebook (nbformat 4) as `pilot import` reads it: only what a workbook can hold.
struct NotebookFile: Decodable {
    var cells: [Cell]
    var metadata: Metadata?

    struct Metadata: Decodable {
        var kernelspec: Named?
        var languageInfo: Named?

        enum CodingKeys: String, CodingKey {
            case kernelspec
            case languageInfo = "language_info"
        }
    }

    struct Named: Decodable {
        var name: String?
    }

    struct Cell: Decodable {
        var cellType: String
        var id: String?
        var source: MultilineText
        var metadata: CellMetadata?
        var outputs: [Output]?
        var executionCount: Int?

        enum CodingKeys: String, CodingKey {
            case id, source, metadata, outputs
            case cellType = "cell_type"
            case executionCount = "execution_count"
        }
    }

    struct CellMetadata: Decodable {
        var pilot: PilotMetadata?
    }

    /// What `pilot export` keeps of a workbook cell beside the notebook's own fields.
    struct PilotMetadata: Decodable {
        var id: String?
        var status: String?
        var src: String?
    }

    struct Output: Decodable {
        var outputType: String
        var text: MultilineText?
        var data: [String: MultilineText]?
        var ename: String?
        var traceback: [String]?

        enum CodingKeys: String, CodingKey {
            case text, data, ename, traceback
            case outputType = "output_type"
        }
    }
}

/// Text as notebooks store it: a string, or a list of lines to join. Anything else (a JSON
/// output's object) reads as no text.
struct MultilineText: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.text = text
        } else if let lines = try? container.decode([String].self) {
            text = lines.joined()
        } else {
            text = ""
        }
    }
}
