import Frames
import Kernel

extension ColumnData {
    /// A string column of these values, dictionary-encoded.
    static func strings(_ values: [String?]) -> ColumnData {
        var dictionary: [String] = []
        var index: [String: UInt32] = [:]
        let codes = values.map { value -> UInt32 in
            guard let value else { return CategoricalCodes.missing }
            if let code = index[value] { return code }
            let code = UInt32(dictionary.count)
            index[value] = code
            dictionary.append(value)
            return code
        }
        return .strings(codes: codes, dictionary: dictionary)
    }
}
