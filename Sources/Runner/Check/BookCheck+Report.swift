extension BookCheck {
    /// What checking one workbook found: the line a teacher reads, and a row of the gradebook.
    public struct Report: Sendable, Equatable {
        public enum Verdict: String, Sendable {
            case ok
            case failed = "FAILED"
            case notRun = "NOT RUN"
        }

        /// The workbook, as it was named.
        public var path: String
        /// The parameter values it ran with, in order: the recorded ones with `--param` over them.
        public var parameters: [Parameter]
        /// Every cell, in order.
        public var cellIDs: [String]
        public var differences: [Difference]
        /// Cells that did not run: after an interruption, or all of them when ``problem`` is set.
        public var notRun: [NotRun]
        /// Why the workbook was not run at all (`not trusted`, `it could not be read`).
        public var problem: String?

        /// A name and a value, `seed=17`.
        public struct Parameter: Sendable, Equatable {
            public var name: String
            public var value: String
        }

        public init(
            path: String, parameters: [(String, String)] = [], cellIDs: [String], differences: [Difference] = [],
            notRun: [NotRun] = [], problem: String? = nil
        ) {
            self.path = path
            self.parameters = parameters.map { Parameter(name: $0.0, value: $0.1) }
            self.cellIDs = cellIDs
            self.differences = differences
            self.notRun = notRun
            self.problem = problem
        }

        /// A workbook that was not run: every cell is reported as not run, for `reason`.
        public static func notRun(path: String, cellIDs: [String], reason: String) -> Report {
            Report(
                path: path, cellIDs: cellIDs, notRun: cellIDs.map { NotRun(cellID: $0, reason: reason) },
                problem: reason)
        }

        public var cellCount: Int { cellIDs.count }
        /// The cells whose fresh output was compared with the stored one.
        public var checkedCount: Int { cellIDs.count - notRun.count }
        public var passed: Bool { verdictKind == .ok }

        public var verdictKind: Verdict {
            if problem != nil { return .notRun }
            return differences.isEmpty && notRun.isEmpty ? .ok : .failed
        }

        /// `seed=17, ratio=0.8`.
        public var parameterList: String {
            parameters.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
        }

        /// The one-line verdict teachers read, naming the values the workbook ran with:
        /// `ok: ben.pilotbook (seed=17, ratio=0.8): 2 cells match their stored outputs`.
        public var verdict: String {
            let name = parameters.isEmpty ? path : "\(path) (\(parameterList))"
            if let problem { return "NOT RUN: \(path): \(problem)" }
            if passed {
                return cellCount == 1
                    ? "ok: \(name): 1 cell matches its stored output"
                    : "ok: \(name): \(cellCount) cells match their stored outputs"
            }
            let cells = cellCount == 1 ? "1 cell" : "\(cellCount) cells"
            var line = "FAILED: \(name): \(differences.count) of \(cells) differ from the stored outputs"
            if !notRun.isEmpty { line += ", \(notRun.count) not run" }
            return line
        }
    }
}
