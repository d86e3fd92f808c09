import TextLayout
import Autopilot
import Foundation
import Serving

/// Writes predictions as an endpoint answers them, with the keys asked for, in the order asked:
///
/// - CSV: one line per row, lists as quoted JSON arrays (`yes,0.87,"[0.13, 0.87]"`);
/// - JSON: `{"predictions": [{"predicted_label": "yes", "probability": 0.87}, ...]}`;
/// - JSON lines: one such object per line.
///
/// `probability` is P(positive class) for binary models and the predicted class's probability
/// for multiclass ones; `probabilities` follow the order of `labels`.
struct ResponseBody {
    let keys: [ResponseKey]
    let target: TargetAnalysis

    func encode(_ predictions: Predictions, as type: MediaType) -> String {
        let rows = predictions.labels.count
        var out = ""
        out.reserveCapacity(rows * 24 * keys.count + 20)
        if type == .json { out += #"{"predictions": ["# }
        for row in 0..<rows {
            switch type {
            case .csv:
                for (k, key) in keys.enumerated() {
                    if k > 0 { out += "," }
                    out += csvValue(key, row: row, predictions)
                }
                out += "\n"
            case .json, .jsonLines:
                if type == .json, row > 0 { out += ", " }
                out += "{"
                for (k, key) in keys.enumerated() {
                    if k > 0 { out += ", " }
                    out += key.rawValue.jsonQuoted + ": " + jsonValue(key, row: row, predictions)
                }
                out += "}"
                if type == .jsonLines { out += "\n" }
            }
        }
        if type == .json { out += "]}" }
        return out
    }

    private func csvValue(_ key: ResponseKey, row: Int, _ p: Predictions) -> String {
        switch key {
        case .predictedLabel:
            if let values = p.values { return JSONText.number(values[row]) }
            return Self.csvField(p.labels[row])
        case .probability, .probabilities, .labels:
            let value = jsonValue(key, row: row, p)
            return key == .probability ? value : Self.csvField(value)
        }
    }

    private func jsonValue(_ key: ResponseKey, row: Int, _ p: Predictions) -> String {
        switch key {
        case .predictedLabel:
            if let values = p.values { return JSONText.number(values[row]) }
            return p.labels[row].jsonQuoted
        case .probability:
            return p.probabilities.map { JSONText.number($0[row]) } ?? "null"
        case .probabilities:
            guard let all = p.classProbabilities else { return "null" }
            let k = max(target.classes.count, 2)
            return "[" + all[(row * k)..<((row + 1) * k)].map(JSONText.number).joined(separator: ", ") + "]"
        case .labels:
            return "[" + target.classes.map(\.jsonQuoted).joined(separator: ", ") + "]"
        }
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
