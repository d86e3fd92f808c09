import Foundation

/// The rows of an `application/json` request body, in the shapes SageMaker's containers take:
///
/// ```json
/// {"instances": [{"features": [56, "housemaid", ...]}, ...]}
/// {"instances": [[56, "housemaid", ...], ...]}
/// {"instances": [{"age": 56, "job": "housemaid", ...}, ...]}
/// ```
///
/// The last form names the columns; a column left out is missing.
enum JSONInstances {
    /// Every instance's cells, in the schema's column order.
    ///
    /// - Throws: ``InvocationError`` (400) for a body that is not JSON or not of these shapes.
    static func parse(_ body: [UInt8], columns: [String]) throws(InvocationError) -> [[RequestFrame.Cell]] {
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: Data(body))
        } catch {
            throw InvocationError(.badRequest, "the body is not valid JSON (\(reason(error)))")
        }
        guard case .object(let top) = document, case .array(let instances)? = top["instances"] else {
            throw InvocationError(
                .badRequest,
                #"the JSON body needs "instances": a list of rows, e.g. {"instances": [{"features": [...]}]}"#)
        }
        var rows: [[RequestFrame.Cell]] = []
        rows.reserveCapacity(instances.count)
        for (index, instance) in instances.enumerated() {
            let row = index + 1
            switch instance {
            case .array(let values):
                rows.append(values.map(\.cell))
            case .object(let members):
                if case .array(let values)? = members["features"] {
                    rows.append(values.map(\.cell))
                    continue
                }
                if let unknown = members.keys.sorted().first(where: { !columns.contains($0) }) {
                    throw InvocationError(
                        .badRequest, "row \(row): the model has no column '\(unknown)'", row: row, column: unknown)
                }
                rows.append(columns.map { members[$0]?.cell ?? .missing })
            default:
                throw InvocationError(
                    .badRequest, #"row \#(row): an instance is a list of values or {"features": [...]}"#, row: row)
            }
        }
        return rows
    }

    private static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
                ?? context.debugDescription
        }
        return "\(error)"
    }
}

/// A JSON value, decoded without knowing its shape in advance.
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The value as a request cell (nested lists and objects become their text, an unknown category).
    var cell: RequestFrame.Cell {
        switch self {
        case .null: .missing
        case .bool(let value): .boolean(value)
        case .number(let value): .number(value)
        case .string(let value): .text(value)
        case .array, .object: .text("\(self)")
        }
    }
}
