import Cloud
import Diagnostics
import ExperimentStore
import Foundation
import Kernel

extension CommandContext {
    /// The session's SageMaker, or why there is none.
    func cloud() throws(Diagnostic) -> any AutopilotCloud {
        guard let cloud = session.service((any AutopilotCloud).self) else {
            throw Diagnostic(
                "this session cannot reach SageMaker", hint: "run the workbook with pilot run or pilot open")
        }
        return cloud
    }

    /// Seconds between looks at a SageMaker job or endpoint: `PILOT_POLL_SECONDS`, else 15.
    var pollInterval: Double {
        session.environment["PILOT_POLL_SECONDS"].flatMap(Double.init).map { max(0.05, $0) } ?? 15
    }

    /// Waits `seconds`, watching for Ctrl-C; true when the user asked to stop.
    func waitOrStop(_ seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if interruption.isRaised { return true }
            Thread.sleep(forTimeInterval: min(0.1, max(0, deadline.timeIntervalSinceNow)))
        }
        return interruption.isRaised
    }
}

extension Session {
    /// The experiment called `name` when it runs on SageMaker: from the session, else from the
    /// store (then kept in the session); nil when there is no such cloud experiment.
    func cloudExperiment(_ name: String) throws -> CloudExperimentValue? {
        if let value = values[name] as? CloudExperimentValue { return value }
        guard values[name] == nil else { return nil }
        let store = try store()
        do throws(StoreError) {
            guard let record = try store.loadCloud(name) else { return nil }
            let value = CloudExperimentValue(record: record)
            self.store(value, as: name)
            return value
        } catch {
            throw error.diagnostic.hinting("the record in .pilot/ may be damaged")
        }
    }

    /// Saves a cloud experiment's record in `.pilot/`.
    func save(_ record: CloudExperimentRecord) throws {
        let store = try store()
        do throws(StoreError) {
            try store.save(record)
        } catch {
            throw error.diagnostic.hinting("check that the workbook's folder is writable")
        }
    }

    /// A value for the whole workbook (`params role=...` or `set role=...`), when not empty.
    func workbookValue(_ name: String) -> String? {
        lookup(name).flatMap { $0.isEmpty ? nil : $0 }
    }
}
