import Cloud

/// A SageMaker Autopilot job's secondary statuses as the local backend names its stages.
enum JobStages {
    /// The stages a job passes through, in order, by secondary status.
    static let order: [(status: String, label: String)] = [
        ("Starting", "Starting"),
        ("AnalyzingData", "Analyzing data"),
        ("CandidateDefinitionsGenerated", "Candidate definitions generated"),
        ("FeatureEngineering", "Feature engineering"),
        ("PreTraining", "Pre-training"),
        ("ModelTuning", "Model tuning"),
        ("TrainingModels", "Training models"),
        ("GeneratingExplainabilityReport", "Explainability report"),
        ("GeneratingModelInsightsReport", "Model insights"),
        ("DeployingModel", "Deploying the model"),
    ]

    /// How a completed job ended, by secondary status.
    static let endings: [String: String] = [
        "MaxCandidatesReached": "completed: max_candidates reached",
        "MaxAutoMLJobRuntimeReached": "completed: max_runtime reached",
        "CandidateDefinitionsGenerated": "completed: candidate definitions generated",
        "ExplainabilityError": "completed, but the explainability report failed",
        "ModelInsightsError": "completed, but the model insights report failed",
        "ModelDeploymentError": "completed, but deploying the model failed",
    ]

    /// The stage's label (`Analyzing data`), or the status as AWS wrote it.
    static func label(_ status: String) -> String {
        order.first { $0.status == status }?.label ?? status
    }

    /// `completed: max_candidates reached`, `in progress: Model tuning`.
    static func statusText(_ state: CloudJobState) -> String {
        if state.status == "Completed" { return endings[state.secondaryStatus] ?? "completed" }
        if state.isFinished || state.status == "Stopping" { return state.status.lowercased() }
        return "in progress: \(label(state.secondaryStatus))"
    }

    /// The stages a job went through, in order: those seen while following it; for a job that
    /// had already finished when first seen (followed again, or its name reused by a rerun), the
    /// path SageMaker documents for its mode.
    static func stages(seen: [String], finishedAtFirstLook: Bool, mode: String?, candidatesOnly: Bool) -> [String] {
        if candidatesOnly { return ["Analyzing data", "Candidate definitions generated"] }
        guard finishedAtFirstLook else {
            return order.map(\.status).filter { seen.contains($0) && $0 != "Starting" }.map(label)
        }
        var path = ["AnalyzingData"]
        path += mode == "ENSEMBLING" ? ["TrainingModels"] : ["FeatureEngineering", "ModelTuning"]
        path += ["GeneratingExplainabilityReport", "GeneratingModelInsightsReport"]
        return path.map(label)
    }
}
