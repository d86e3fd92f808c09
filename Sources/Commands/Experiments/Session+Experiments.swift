import Autopilot
import Charts
import Diagnostics
import ExperimentStore
import Foundation
import Frames
import Kernel
import Learners
import TextLayout

extension Session {
    /// The experiment called `name`: from the session, else from the store (then kept in the session).
    func experiment(_ name: String) throws -> ExperimentValue {
        if let value = values[name] as? ExperimentValue { return value }
        let storedNames = (try? store().names()) ?? []
        if storedNames.contains(name) {
            let store = try store()
            do throws(StoreError) {
                if let (record, model) = try store.load(name) {
                    let value = ExperimentValue(record: record, model: model)
                    self.store(value, as: name)
                    return value
                }
            } catch {
                throw error.diagnostic.hinting("the files in .pilot/\(name) may be damaged: run autopilot again")
            }
        }
        let names = Set(values.filter { $0.value is ExperimentValue }.keys).union(storedNames).sorted()
        throw Diagnostic(
            "no experiment named '\(name)'",
            hint: Suggestion.hint(for: name, in: names)
                ?? (names.isEmpty
                    ? "run autopilot FRAME target=COL as \(name)" : "experiments: " + names.joined(separator: ", ")))
    }

    /// `EXP.best` or `EXP.NAME`.
    func candidate(_ reference: String) throws -> (ExperimentValue, Candidate) {
        guard let dot = reference.firstIndex(of: ".") else {
            throw Diagnostic(
                "'\(reference)' does not name a candidate", hint: "write EXP.best or EXP.NAME, e.g. \(reference).best")
        }
        let experiment = try experiment(String(reference[..<dot]))
        let name = String(reference[reference.index(after: dot)...])
        if name == "best", let best = experiment.best { return (experiment, best) }
        if let candidate = experiment.candidates.first(where: { $0.name == name }) { return (experiment, candidate) }
        throw Diagnostic(
            "experiment '\(experiment.name)' has no candidate '\(name)'",
            hint: Suggestion.hint(for: name, in: experiment.candidates.map(\.name) + ["best"])
                ?? "see leaderboard \(experiment.name)")
    }
}
