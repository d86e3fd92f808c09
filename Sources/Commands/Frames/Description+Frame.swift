import Frames
import Kernel

extension Description {
    /// The description as a frame: a `statistic` column, then one column per described column.
    func frame() -> Frame {
        let names = statisticNames
        var columns = [Column(name: "statistic", data: .strings(names))]
        for entry in entries {
            if let numeric = entry.numeric, names.first == "count", names.count == 8 {
                columns.append(Column(name: entry.name, data: .double([Double(numeric.count)] + numeric.statistics)))
            } else {
                columns.append(
                    Column(
                        name: entry.name, data: .strings(texts(of: entry, for: names).map { $0 == "NaN" ? nil : $0 })))
            }
        }
        return Frame(columns: columns)
    }
}
