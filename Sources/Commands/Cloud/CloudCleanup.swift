import Cloud
import Diagnostics
import ExperimentStore
import Kernel
import TextLayout

/// What `cleanup` removes on SageMaker: endpoints with their configurations and models (step 8
/// of the AWS tutorial), and an experiment's running job.
enum CloudCleanup {
    /// A SageMaker endpoint by its name in the workbook: this session's, or one a stored
    /// experiment made (a later session cleaning up).
    static func endpoint(
        named name: String, in session: Session
    ) -> (endpoint: String, region: String, experiment: String)? {
        if let value = session.values[name] as? CloudEndpointValue {
            return (value.endpointName, value.region, value.experiment)
        }
        let sageMakerName = CloudEndpointValue.sageMakerName(name)
        for record in storedRecords(session) where record.endpoints.contains(sageMakerName) {
            return (sageMakerName, record.region, record.name)
        }
        return nil
    }

    /// Every stored SageMaker experiment of this workbook's folder.
    static func storedRecords(_ session: Session) -> [CloudExperimentRecord] {
        guard let store = try? session.store(), let names = try? store.cloudNames() else { return [] }
        return names.compactMap { (try? session.cloudExperiment($0))?.record }
    }

    /// Deletes a SageMaker endpoint, its configuration and its model; says what went.
    static func delete(
        _ name: String, endpoint: String, region: String, experiment: String, context: CommandContext
    ) throws -> String {
        let deleted = try context.cloud().deleteEndpoint(endpoint, region: region)
        context.session.remove(name)
        if let value = try context.session.cloudExperiment(experiment) {
            var record = value.record
            record.endpoints.removeAll { $0 == endpoint }
            value.record = record
            try context.session.save(record)
        }
        return deleted.isEmpty
            ? "SageMaker endpoint '\(endpoint)' in \(region) was already gone"
            : "deleted SageMaker endpoint '\(endpoint)' in \(region): " + deleted.joined(separator: ", ")
                + " (it no longer costs money)"
    }

    /// `cleanup all`'s SageMaker part: every endpoint this workbook's experiments made.
    static func all(context: CommandContext) throws -> [String] {
        var lines: [String] = []
        var done: Set<String> = []
        for value in context.session.cloudEndpoints {
            lines.append(
                try delete(
                    value.name, endpoint: value.endpointName, region: value.region, experiment: value.experiment,
                    context: context))
            done.insert(value.endpointName)
        }
        for record in storedRecords(context.session) {
            for endpoint in record.endpoints where !done.contains(endpoint) {
                lines.append(
                    try delete(
                        endpoint, endpoint: endpoint, region: record.region, experiment: record.name, context: context))
                done.insert(endpoint)
            }
        }
        return lines
    }

    /// `cleanup experiment EXP` for a SageMaker experiment: stops its job when it runs, deletes
    /// its endpoints and its record. Without `confirmed`, says what it would do.
    static func experiment(_ value: CloudExperimentValue, confirmed: Bool, context: CommandContext) throws {
        let cloud = try context.cloud()
        let record = value.record
        let state = try cloud.describeJob(record.jobName, region: record.region)
        let running = state.map { !$0.isFinished && $0.status != "Stopping" } ?? false
        var items: [String] = []
        if running { items.append("stop SageMaker job \(record.jobName) (\(state.map(JobStages.statusText) ?? ""))") }
        items += record.endpoints.map { "delete SageMaker endpoint \($0) with its configuration and model" }
        items.append(
            "forget the experiment's record in .pilot/ (the data and artifacts in S3 stay: \(record.request.output))")
        guard confirmed else {
            throw Diagnostic(
                "cleanup experiment \(value.name) would " + items.joined(separator: "; "),
                hint: "nothing was done; to go ahead, write: cleanup experiment \(value.name) confirm=yes")
        }
        var lines: [String] = []
        if running {
            try cloud.stopJob(record.jobName, region: record.region)
            lines.append("stopped SageMaker job \(record.jobName)")
        }
        for endpoint in record.endpoints {
            let name = context.session.cloudEndpoints.first { $0.endpointName == endpoint }?.name ?? endpoint
            lines.append(
                try delete(name, endpoint: endpoint, region: record.region, experiment: value.name, context: context))
        }
        context.session.remove(value.name)
        let store = try context.session.store()
        do throws(StoreError) {
            try store.deleteCloud(value.name)
        } catch {
            throw error.diagnostic.hinting("check that .pilot/ is writable")
        }
        lines.append("deleted experiment '\(value.name)' (its data and artifacts stay in \(record.request.output))")
        context.print(lines.map { $0.wrapped(to: context.width, indent: "    ") }.joined(separator: "\n"))
    }
}
