import Learners

/// A trained model as files: a description (JSON) and one XGBoost JSON model per booster, so
/// a later session (or `pilot serve`) can rebuild it, and Python's xgboost can load the boosters.
public struct ModelArchive: Sendable, Codable, Equatable {
    public struct Member: Sendable, Codable, Equatable {
        public var algorithm: Algorithm
        public var pipeline: FittedPipeline
        public var weight: Double
        /// The booster's file name, for XGBoost members.
        public var boosterFile: String?
        public var rounds: Int?
        public var linear: LinearModel?
        public var mlp: MLP?
        public var extraTrees: ExtraTrees? = nil
        /// Which of a stacked model's inputs the member belongs to (a bag's fold models share one).
        public var group: Int? = nil
    }

    public var target: TargetAnalysis
    public var threshold: Double?
    public var members: [Member]
    /// The level-2 model of a stacked model, whose inputs are the members' groups in order.
    public var stacker: Stacker? = nil

    /// The description and the booster files of `model`.
    public static func make(_ model: TrainedModel) throws(AutopilotError) -> (ModelArchive, [String: [UInt8]]) {
        guard let target = model.target else { preconditionFailure("archive needs a complete model") }
        var files: [String: [UInt8]] = [:]
        var members: [Member] = []
        var parts: [(part: TrainedModel, weight: Double, group: Int?)] = []
        var stacker: Stacker?
        if case .stacked(let inputs, let combiner, _, _) = model {
            stacker = combiner
            for (group, input) in inputs.enumerated() { parts += input.flattened.map { ($0.0, $0.1, group) } }
        } else {
            parts = model.flattened.map { ($0.0, $0.1, nil) }
        }
        for (index, (part, weight, group)) in parts.enumerated() {
            guard case .complete(let inner, let pipeline, _, _) = part else { continue }
            let count = members.count
            switch inner {
            case .xgboost(let box, let rounds):
                let file = "booster-\(index + 1).json"
                do {
                    files[file] = try box.booster.serialized()
                } catch {
                    throw .learner("XGBoost: \(error.message)")
                }
                members.append(
                    Member(algorithm: .xgboost, pipeline: pipeline, weight: weight, boosterFile: file, rounds: rounds))
            case .linear(let linear):
                members.append(Member(algorithm: .linear, pipeline: pipeline, weight: weight, linear: linear))
            case .mlp(let mlp):
                members.append(Member(algorithm: .mlp, pipeline: pipeline, weight: weight, mlp: mlp))
            case .extraTrees(let forest):
                members.append(Member(algorithm: .extraTrees, pipeline: pipeline, weight: weight, extraTrees: forest))
            default:
                continue
            }
            if members.count > count { members[count].group = group }
        }
        return (ModelArchive(target: target, threshold: model.threshold, members: members, stacker: stacker), files)
    }

    /// The model again, reading booster files with `read`.
    public func restore(read: (String) throws(AutopilotError) -> [UInt8]) throws(AutopilotError) -> TrainedModel {
        var parts: [(TrainedModel, Double)] = []
        for member in members {
            let inner: TrainedModel
            switch member.algorithm {
            case .xgboost, .randomForest:
                let bytes = try read(member.boosterFile ?? "")
                do {
                    inner = .xgboost(XGBoostModelBox(booster: try Booster(model: bytes)), rounds: member.rounds ?? 0)
                } catch {
                    throw .learner("cannot load \(member.boosterFile ?? "the booster"): \(error.message)")
                }
            case .linear:
                guard let linear = member.linear else { throw .learner("the stored linear model has no weights") }
                inner = .linear(linear)
            case .mlp:
                guard let mlp = member.mlp else { throw .learner("the stored MLP has no weights") }
                inner = .mlp(mlp)
            case .extraTrees:
                guard let forest = member.extraTrees else { throw .learner("the stored extra trees have no trees") }
                inner = .extraTrees(forest)
            case .ensemble, .stacked:
                throw .learner("cannot restore a \(member.algorithm.displayName) member")
            }
            parts.append((inner.with(pipeline: member.pipeline, target: target, threshold: threshold), member.weight))
        }
        guard let first = parts.first else { throw .learner("the stored model has no members") }
        if let stacker {
            // Each group (a candidate, or a bag of its fold models) is one input of the stacker.
            var inputs: [TrainedModel] = []
            for group in Array(Set(members.compactMap(\.group))).sorted() {
                let bag = zip(members, parts).filter { $0.0.group == group }.map(\.1)
                inputs.append(bag.count == 1 ? bag[0].0 : .ensemble(bag, target: target, threshold: nil))
            }
            return .stacked(inputs, stacker, target: target, threshold: threshold)
        }
        return parts.count == 1 ? first.0 : .ensemble(parts, target: target, threshold: threshold)
    }
}
