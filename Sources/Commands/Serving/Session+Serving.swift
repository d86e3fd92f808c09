import Autopilot
import Diagnostics
import Foundation
import Frames
import Kernel
import Serving
import TextLayout

extension Session {
    /// The running endpoints, by name.
    var endpoints: [EndpointValue] {
        values.values.compactMap { $0 as? EndpointValue }.sorted { $0.name < $1.name }
    }

    /// The SageMaker endpoints this session made or found, by name.
    var cloudEndpoints: [CloudEndpointValue] {
        values.values.compactMap { $0 as? CloudEndpointValue }.sorted { $0.name < $1.name }
    }

    /// The model of `EXP.best` (only the best candidate's model is kept).
    func bestModel(_ reference: String, command: String) throws -> (ExperimentValue, TrainedModel) {
        let (experiment, candidate) = try candidate(reference)
        guard candidate.name == experiment.best?.name, let model = experiment.model else {
            throw Diagnostic("only the best candidate's model is kept", hint: "\(command) \(experiment.name).best")
        }
        return (experiment, model)
    }
}
