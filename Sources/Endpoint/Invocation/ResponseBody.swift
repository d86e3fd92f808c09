import Autopilot
import Foundation
import Serving

/// Writes predictions as an endpoint answers them, with the keys asked for:
///
/// - CSV: one line per row, in the order asked, lists as quoted JSON arrays (`yes,0.87,"[0.13,0.87]"`);
/// - JSON: `{"predictions":[{"predicted_label":"yes","probability":0.87},...]}`;
/// - JSON lines: one such object per line.
///
/// JSON objects list their keys sorted (``JSONText``). `probability` is P(positive class) for
/// binary models and the predicted class's probability for multiclass ones; `probabilities`
/// follow the order of `labels`.
struct ResponseBody {
    let keys: [ResponseKey]
    let target: TargetAnalysis

    func encode(_ predictions: Predictions, as type: MediaType) -> String {
        let rows = predictions.labels.count
        switch type {
        case .csv:
            var out = ""
            out.reserveCapacity(rows * 24 * keys.count)
            for row in 0..<rows {
                for (k, key) in keys.enumerated() {
                    if k > 0 { out += "," }
                    out += csvValue(key, row: row, predictions)
                }
                out += "\n"
            }
            return out
        case .json:
            return JSONText.encode(Answer(predictions: (0..<rows).map { Row(body: self, row: $0, predictions) }))
        case .jsonLines:
            return (0..<rows).map { JSONText.encode(Row(body: self, row: $0, predictions)) + "\n" }.joined()
        }
    }

    /// A JSON answer: every row's object under `predictions`.
    private struct Answer: Encodable {
        var predictions: [Row]
    }

    /// One row's JSON object: the keys asked for and their values.
    private struct Row: Encodable {
        let body: ResponseBody
        let row: Int
        let predictions: Predictions

        init(body: ResponseBody, row: Int, _ predictions: Predictions) {
            self.body = body
            self.row = row
            self.predictions = predictions
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for key in body.keys {
                let name = Key(stringValue: key.rawValue)
                switch key {
                case .predictedLabel:
                    if let values = predictions.values {
                        try container.encode(JSONText.number(values[row]), forKey: name)
                    } else {
                        try container.encode(predictions.labels[row], forKey: name)
                    }
                case .probability:
                    try container.encode(body.probability(row, predictions), forKey: name)
                case .probabilities:
                    try container.encode(body.probabilities(row, predictions), forKey: name)
                case .labels:
                    try container.encode(body.target.classes, forKey: name)
                }
            }
        }
    }

    /// A response key as a JSON member name.
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private func csvValue(_ key: ResponseKey, row: Int, _ p: Predictions) -> String {
        switch key {
        case .predictedLabel:
            if let values = p.values { return Self.csvNumber(values[row]) }
            return Self.csvField(p.labels[row])
        case .probability:
            return probability(row, p).map(Self.csvNumber) ?? "null"
        case .probabilities:
            return Self.csvField(JSONText.encode(probabilities(row, p)))
        case .labels:
            return Self.csvField(JSONText.encode(target.classes))
        }
    }

    /// The row's `probability`, nil when the model has none (or it is not finite).
    private func probability(_ row: Int, _ p: Predictions) -> Float? {
        p.probabilities.flatMap { JSONText.number($0[row]) }
    }

    /// The row's class probabilities in `labels` order, nil when the model has none.
    private func probabilities(_ row: Int, _ p: Predictions) -> [Float?]? {
        guard let all = p.classProbabilities else { return nil }
        let k = max(target.classes.count, 2)
        return all[(row * k)..<((row + 1) * k)].map(JSONText.number)
    }

    /// A float as CSV text: the shortest that reads back as the same float; `null` when not finite.
    static func csvNumber(_ value: Float) -> String {
        value.isFinite ? "\(value)" : "null"
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 })
        else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
