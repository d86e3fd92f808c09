import Autopilot
import Diagnostics
import ExperimentStore
import Foundation
import Serving

extension ServedModel {
    /// The best model of an experiment in the store beside a workbook (`.pilot/` in `directory`),
    /// as `pilot serve EXP.best` serves it.
    ///
    /// - Parameters:
    ///   - reference: `EXP.best`, or `EXP`.
    ///   - keys: the response keys when a request does not ask (`predicted_label,probability`).
    /// - Throws: ``Diagnostic`` when there is no store, no such experiment, or no model kept for it.
    public static func stored(
        _ reference: String, in directory: String, keys: String? = nil
    ) throws(Diagnostic) -> ServedModel {
        let parts = reference.split(separator: ".", maxSplits: 1).map(String.init)
        let name = parts.first ?? reference
        if parts.count == 2, parts[1] != "best" {
            throw Diagnostic("only the best candidate's model is kept, not '\(parts[1])'", hint: "serve \(name).best")
        }
        guard FileManager.default.fileExists(atPath: directory + "/.pilot/experiments.sqlite") else {
            throw Diagnostic(
                "no experiment store in \(directory): .pilot/ is missing",
                hint: "run this in the folder of the workbook that ran autopilot")
        }
        let store: ExperimentStore
        let loaded: (ExperimentRecord, TrainedModel?)?
        do throws(StoreError) {
            store = try ExperimentStore(workingDirectory: directory)
            loaded = try store.load(name)
        } catch {
            throw Diagnostic(error.message, hint: "the files in .pilot/\(name) may be damaged: run autopilot again")
        }
        guard let (record, model) = loaded else {
            let names = (try? store.names()) ?? []
            throw Diagnostic(
                "no experiment named '\(name)' in .pilot/",
                hint: Suggestion.hint(for: name, in: names)
                    ?? (names.isEmpty
                        ? "run autopilot in a workbook here first" : "experiments: " + names.joined(separator: ", ")))
        }
        guard let model else {
            throw Diagnostic(
                "experiment '\(name)' has no trained model (candidates_only=yes)",
                hint: "run autopilot again without candidates_only")
        }
        let defaultKeys =
            try keys.map { text throws(Diagnostic) in try ResponseKey.list(text, for: record.target.problem) }
            ?? [.predictedLabel]
        return try ServedModel(name: "\(name).best", model: model, inputs: record.inputs, defaultKeys: defaultKeys)
    }
}
