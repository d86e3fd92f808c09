import Frames
import Kernel

extension ColumnData {
    /// A class number per row (for stratifying): string codes, booleans, or distinct numbers.
    func classCodes() -> [UInt32] {
        switch self {
        case .string(let codes, _): return Array(codes)
        default:
            var index: [Value: UInt32] = [:]
            return (0..<count).map { row in
                let value = value(at: row)
                if let code = index[value] { return code }
                let code = UInt32(index.count)
                index[value] = code
                return code
            }
        }
    }
}
