import Diagnostics
import ExperimentStore
import Foundation
import Kernel
import Serving

/// What `cleanup` removes: endpoints, and experiments with their artifacts (step 8 of the tutorial).
enum Cleanup {
    /// The files autopilot writes in `EXP/` beside the workbook.
    static let reportFiles = ["data-exploration.pilotbook", "candidate-definitions.pilotbook", "train.csv"]

    /// Stops an endpoint and forgets it.
    static func stop(_ endpoint: EndpointValue, in session: Session) {
        endpoint.endpoint.stop()
        session.remove(endpoint.name)
    }

    /// Deletes experiment `name`: its endpoints, its record and model files in `.pilot/`, and
    /// the reports in `name/`. Without `confirmed`, says what it would delete and does nothing.
    static func experiment(_ name: String, confirmed: Bool, context: CommandContext) throws {
        let session = context.session
        let store = try session.store()
        let storedNames = (try? store.names()) ?? []
        let inSession = session.values[name] is ExperimentValue
        guard inSession || storedNames.contains(name) else {
            let known = Set(session.values.filter { $0.value is ExperimentValue }.keys).union(storedNames).sorted()
            throw Diagnostic(
                "no experiment named '\(name)'",
                hint: Suggestion.hint(for: name, in: known)
                    ?? (known.isEmpty ? "there are no experiments" : "experiments: " + known.joined(separator: ", ")))
        }
        let folder = session.workingDirectory + "/" + name
        let reports = reportFiles.filter { FileManager.default.fileExists(atPath: folder + "/" + $0) }
        let endpoints = session.endpoints.filter { $0.experiment == name }
        var items: [String] = []
        if storedNames.contains(name) { items.append(".pilot/\(name) (the experiment's record and model files)") }
        items += reports.map { "\(name)/\($0)" }
        guard confirmed else {
            var what = items.isEmpty ? "the experiment held by this session" : items.joined(separator: ", ")
            if !endpoints.isEmpty {
                what += "; and stop " + endpoints.map { "endpoint '\($0.name)'" }.joined(separator: ", ")
            }
            throw Diagnostic(
                "cleanup experiment \(name) deletes \(what)",
                hint: "nothing was deleted; to go ahead, write: cleanup experiment \(name) confirm=yes")
        }
        for endpoint in endpoints { stop(endpoint, in: session) }
        if inSession { session.remove(name) }
        do throws(StoreError) {
            try store.delete(name)
        } catch {
            throw error.diagnostic.hinting("check that .pilot/ is writable")
        }
        for file in reports { try? FileManager.default.removeItem(atPath: folder + "/" + file) }
        if let left = try? FileManager.default.contentsOfDirectory(atPath: folder), left.isEmpty {
            try? FileManager.default.removeItem(atPath: folder)
        }
        var lines = ["deleted experiment '\(name)'" + (items.isEmpty ? "" : ":")] + items.map { "  " + $0 }
        if !endpoints.isEmpty {
            lines.append("stopped " + endpoints.map { "endpoint '\($0.name)'" }.joined(separator: ", "))
        }
        context.print(lines.map { $0.wrapped(to: context.width, indent: "    ") }.joined(separator: "\n"))
    }
}
