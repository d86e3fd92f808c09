import Autopilot
import Learners
import Serving
import Synchronization

/// Copies of one model, each used by one request at a time. XGBoost boosters are not to be
/// shared between threads, so every thread that predicts borrows its own copy, rebuilt from the
/// model's archive the first time it is needed; there are never more copies than requests
/// running at once (one per event-loop thread).
final class ModelReplicas: Sendable {
    /// One copy of the model, touched by one borrower at a time.
    private struct Replica: @unchecked Sendable {  // borrowed by one request at a time
        let model: TrainedModel
    }

    private let archive: ModelArchive
    private let files: [String: [UInt8]]
    private let idle: Mutex<[Replica]>

    /// Rebuilds the model once, so a model that cannot be loaded fails here and not at the first request.
    init(archive: ModelArchive, files: [String: [UInt8]]) throws(AutopilotError) {
        self.archive = archive
        self.files = files
        idle = Mutex([])
        let first = try Self.restore(archive, files)
        idle.withLock { $0.append(first) }
    }

    /// Runs `body` with a copy of the model that nobody else is using.
    func withModel<R>(_ body: (TrainedModel) throws(AutopilotError) -> R) throws(AutopilotError) -> R {
        let replica: Replica
        if let borrowed = idle.withLock({ $0.popLast() }) {
            replica = borrowed
        } else {
            replica = try Self.restore(archive, files)
        }
        defer { idle.withLock { $0.append(replica) } }
        return try body(replica.model)
    }

    private static func restore(_ archive: ModelArchive, _ files: [String: [UInt8]]) throws(AutopilotError) -> Replica {
        let model = try archive.restore { name throws(AutopilotError) in
            guard let bytes = files[name] else { throw .learner("the model file \(name) is missing") }
            return bytes
        }
        try singleThreaded(model)
        return Replica(model: model)
    }

    /// One row at a time is faster on one thread: requests already run side by side.
    private static func singleThreaded(_ model: TrainedModel) throws(AutopilotError) {
        switch model {
        case .xgboost(let box, _):
            do {
                try box.booster.set("nthread", "1")
            } catch {
                throw .learner("XGBoost: \(error.message)")
            }
        case .complete(let inner, _, _, _):
            try singleThreaded(inner)
        case .ensemble(let members, _, _):
            for (member, _) in members { try singleThreaded(member) }
        case .stacked(let members, _, _, _):
            for member in members { try singleThreaded(member) }
        default:
            break
        }
    }
}
