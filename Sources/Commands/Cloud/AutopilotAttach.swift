import Cloud
import Diagnostics
import Kernel

/// `autopilot attach EXP`: follows a SageMaker experiment's job again, after Ctrl-C or in a
/// later session, to its end.
struct AutopilotAttach: CellCommand {
    static let configuration = CommandConfiguration(
        "autopilot", area: .autopilot, summary: "follow a SageMaker experiment's job again",
        examples: ["autopilot attach bank"])

    @Argument(.experiment) var experiment: String

    func run(in context: CommandContext) throws {
        guard let value = try context.session.cloudExperiment(experiment) else {
            let known = (try? context.session.store().cloudNames()) ?? []
            throw Diagnostic(
                "no SageMaker experiment named '\(experiment)'",
                hint: Suggestion.hint(for: experiment, in: known)
                    ?? (known.isEmpty
                        ? "autopilot ... backend=sagemaker starts one"
                        : "SageMaker experiments: " + known.joined(separator: ", ")))
        }
        context.print("following SageMaker job for experiment '\(experiment)' in \(value.record.region)")
        try JobFollower(value: value, context: context).follow()
    }
}
