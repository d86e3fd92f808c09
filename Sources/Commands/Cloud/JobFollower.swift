import Cloud
import Diagnostics
import Foundation
import Kernel
import TextLayout

/// Follows a SageMaker job to its end: its stages on the terminal as they come, then what it
/// did in the stored output (stages, final status, best candidate, notebooks), nothing that
/// depends on when it was looked at. Ctrl-C stops following, never the job.
struct JobFollower {
    let value: CloudExperimentValue
    let context: CommandContext

    func follow() throws {
        let cloud = try context.cloud()
        var record = value.record
        let experiment = record.name
        var seen: [String] = []
        var finishedAtFirstLook: Bool?
        var state: CloudJobState
        defer { context.live?.endProgress() }
        while true {
            guard let now = try cloud.describeJob(record.jobName, region: record.region) else {
                throw Diagnostic(
                    "SageMaker has no job named '\(record.jobName)' in \(record.region)",
                    hint: "it may have been deleted; run the autopilot cell again")
            }
            state = now
            finishedAtFirstLook = finishedAtFirstLook ?? now.isFinished
            if !seen.contains(now.secondaryStatus) {
                seen.append(now.secondaryStatus)
                if !now.isFinished { context.note(JobStages.label(now.secondaryStatus)) }
            }
            if now.isFinished { break }
            context.live?.progress(JobStages.label(now.secondaryStatus), fraction: nil, detail: record.jobName)
            if context.waitOrStop(context.pollInterval) {
                record.state = now
                value.record = record
                try? context.session.save(record)
                throw Diagnostic.interrupted(
                    hint: "job \(record.jobName) keeps running on SageMaker: autopilot attach \(experiment) follows it "
                        + "again; cleanup experiment \(experiment) stops it")
            }
        }
        record.state = state
        value.record = record
        value.candidates = nil
        try context.session.save(record)
        try report(
            state, record: record,
            stages: JobStages.stages(
                seen: seen, finishedAtFirstLook: finishedAtFirstLook ?? false, mode: record.request.mode,
                candidatesOnly: record.request.candidatesOnly))
    }

    /// What the job did, for the stored output; a failed job ends the cell with its reason.
    private func report(_ state: CloudJobState, record: CloudExperimentRecord, stages: [String]) throws {
        let name = record.name
        var lines = ["Stages: " + stages.joined(separator: " → "), "Status: " + JobStages.statusText(state)]
        if let best = state.best {
            var line = "Best candidate: \(name).\(best.name)"
            if let value = best.objectiveValue { line += "  \(best.objective ?? "objective") \(Format.metric(value))" }
            lines.append(line)
        }
        lines = lines.map { $0.wrapped(to: context.width, indent: "    ") }
        if let notebook = state.dataExplorationNotebook {
            lines += CloudCandidateReport.place("data exploration notebook", notebook, width: context.width)
        }
        if let notebook = state.candidateDefinitionNotebook {
            lines += CloudCandidateReport.place("candidate definitions notebook", notebook, width: context.width)
        }
        var rest: [String] = []
        if state.status == "Completed" {
            rest.append(
                state.best == nil
                    ? "  next: download the notebooks above to read the candidate definitions"
                    : "  next: leaderboard \(name), candidate \(name).best, deploy \(name).best as \(name)-ep")
        }
        rest.append("saved experiment '\(name)' in .pilot/ (SageMaker job \(record.jobName))")
        lines += rest.map { $0.wrapped(to: context.width, indent: "    ") }
        context.print(lines.joined(separator: "\n"))
        if state.status == "Failed" {
            throw Diagnostic(
                "SageMaker job \(record.jobName) failed: \(state.failureReason ?? "no reason given")",
                hint: "fix what it says, then run the cell again with another experiment name (as EXP)")
        }
    }
}
