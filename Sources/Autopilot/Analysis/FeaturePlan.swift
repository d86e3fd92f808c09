import Frames

/// Which columns an experiment learns from, as what, and which it leaves out and why.
public struct FeaturePlan: Sendable, Codable, Equatable {
    public enum Role: String, Sendable, Codable { case numeric, categorical }

    public struct Feature: Sendable, Codable, Equatable {
        public var name: String
        public var role: Role
        /// Distinct non-missing values.
        public var cardinality: Int
        public var missing: Int
    }

    public struct Dropped: Sendable, Codable, Equatable {
        public var name: String
        public var reason: String
    }

    public var features: [Feature]
    public var dropped: [Dropped]

    /// Decides each column's role. Left out, each with its reason: the target, columns named in
    /// `exclude`, columns with no values, constant columns, columns unique per row (ids), and
    /// text with more distinct values than a category can have (over 1000, or over half the rows).
    public static func make(_ frame: Frame, target: String, exclude: [String]) -> FeaturePlan {
        var features: [Feature] = []
        var dropped: [Dropped] = []
        for column in frame.columns where column.name != target {
            if exclude.contains(column.name) {
                dropped.append(.init(name: column.name, reason: "excluded (exclude=)"))
                continue
            }
            let missing = column.data.missingCount
            let present = column.count - missing
            let distinct = column.distinctCount
            if present == 0 {
                dropped.append(.init(name: column.name, reason: "no values: every row is missing"))
            } else if distinct == 1 {
                dropped.append(.init(name: column.name, reason: "constant: one value in every row"))
            } else if (column.type == .string || column.type == .integer), distinct == present, present > 20 {
                dropped.append(.init(name: column.name, reason: "unique per row, like an id"))
            } else if column.type == .string, distinct > 1000 || distinct * 2 > present {
                dropped.append(
                    .init(name: column.name, reason: "text with \(distinct) distinct values: too many for categories"))
            } else {
                let role: Role = column.type.isNumeric ? .numeric : .categorical
                features.append(.init(name: column.name, role: role, cardinality: distinct, missing: missing))
            }
        }
        return FeaturePlan(features: features, dropped: dropped)
    }
}
