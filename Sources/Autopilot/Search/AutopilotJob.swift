import Foundation
import Frames
import Learners

/// One Autopilot experiment, stage by stage: analyse the data, define candidates, fit their
/// pipelines, tune, and keep the best. The stages report through `onEvent`; nothing here
/// prints or knows about terminals.
public final class AutopilotJob {
    /// What the job reports as it goes.
    public enum Event: Sendable {
        case stage(Stage)
        /// A candidate finished: its place in the run and its objective value.
        case candidate(Candidate, index: Int, of: Int)
        /// Progress of the whole search (0...1): the share of its expected time that has passed,
        /// tuning and the final fits together, so the time left can be told from it.
        case progress(Double)
    }

    /// Autopilot's stage names.
    public enum Stage: String, Sendable, CaseIterable {
        case analyzingData = "Analyzing data"
        case candidateDefinitions = "Candidate definitions generated"
        case featureEngineering = "Feature engineering"
        case modelTuning = "Model tuning"
        /// The best candidates of a holdout search refitted on every labelled row.
        case finalFits = "Final fits"
        case ensembling = "Ensembling"
        case modelInsights = "Model insights"
    }

    public let settings: AutopilotSettings
    public let frame: Frame
    public private(set) var analysis: Analysis?
    /// When the analysis began: the budget counts from there.
    private var started: Date?

    public init(frame: Frame, settings: AutopilotSettings) {
        self.frame = frame
        self.settings = settings
    }

    /// What the data analysis decided.
    public struct Analysis: Sendable {
        public var target: TargetAnalysis
        public var plan: FeaturePlan
        /// The columns a model of this experiment takes (the frame's, without the target).
        public var inputs: InputSchema
        public var metric: Metric
        /// Row indices used for training and for validation (with cross-validation: every
        /// labelled row, and none).
        public var trainRows: [Int]
        public var validRows: [Int]
        /// The train/validation splits candidates are scored on: one holdout, or k folds.
        public var folds: [Fold]
        /// How validation is done, in words.
        public var validation: String
        public var pipelines: [PipelineDefinition]
        public var algorithms: [(pipeline: String, algorithm: Algorithm)]
    }

    /// One split of the labelled rows for scoring candidates.
    public struct Fold: Sendable {
        public var train: [Int]
        public var valid: [Int]
    }

    /// Stage 1 and 2: problem type, features, split, candidate definitions.
    public func analyze() throws(AutopilotError) -> Analysis {
        started = started ?? Date()
        let target = try TargetAnalysis.analyze(frame, target: settings.target, problem: settings.problem)
        let metric = settings.metric ?? target.problem.defaultMetric
        guard metric.problems.contains(target.problem) else { throw .metricDoesNotFit(metric, target.problem) }
        let plan = FeaturePlan.make(frame, target: settings.target, exclude: settings.exclude)
        guard !plan.features.isEmpty else { throw .noFeatures }
        let labelled = (0..<frame.rowCount).filter { !target.labels[$0].isNaN }
        let needed = target.problem == .regression ? 10 : max(10, 2 * target.classes.count)
        guard labelled.count >= needed else { throw .tooFewRows(labelled.count, needed: needed) }
        // 80/20 holdout, stratified by class, as Autopilot's default validation fraction.
        let strata: [UInt32]? = target.problem == .regression ? nil : labelled.map { UInt32(target.labels[$0]) }
        var trainRows: [Int], validRows: [Int], folds: [Fold], validation: String
        let stratified = strata == nil ? "" : ", stratified by \(settings.target)"
        if labelled.count <= settings.crossValidationLimit {
            let k = labelled.count <= settings.eightFoldLimit ? 8 : 5
            folds = Self.kFold(labelled, strata: strata, k: k, seed: UInt64(settings.seed))
            trainRows = labelled
            validRows = []
            let rule =
                k == 8
                ? "8 folds up to \(settings.eightFoldLimit) rows; a holdout above \(settings.crossValidationLimit)"
                : "up to \(settings.crossValidationLimit) rows; a holdout above"
            validation =
                "\(k)-fold cross-validation\(stratified), seed \(settings.seed) (\(labelled.count) rows: \(rule))"
        } else {
            let split = RowSplit.split(
                rowCount: labelled.count, ratio: 0.8, strata: strata, seed: UInt64(settings.seed))
            trainRows = split.first.map { labelled[$0] }
            validRows = split.second.map { labelled[$0] }
            folds = [Fold(train: trainRows, valid: validRows)]
            validation =
                "80/20 holdout\(stratified), seed \(settings.seed) (\(trainRows.count) training rows, "
                + "\(validRows.count) validation rows)"
            let samples = SampleLadder.sizes(
                rows: trainRows.count, first: settings.firstSampleRows, from: settings.sampleLadderRows)
            if samples.count > 1, settings.trials == nil {
                validation +=
                    "; candidates start on a sample of \(samples[0]) training rows, the best moving up to "
                    + samples.dropFirst().map(String.init).joined(separator: ", ") + " rows"
                if validRows.count > TrainingData.watchedRows {
                    validation +=
                        " (on a sample, scored on \(TrainingData.watchedRows) of the validation rows)"
                }
            }
        }
        let threshold = max(10, labelled.count / 1000)
        // With a holdout the pipelines are fitted on the training rows only: their labels may
        // order categories without reaching the validation scores.
        let holdout = folds.count == 1
        let pipelines = [
            PipelineDefinition(
                name: "dpp0", encoding: .native, imputeMedian: false, missingIndicators: false, standardize: false),
            PipelineDefinition(
                name: "dpp1", encoding: .oneHot(threshold: threshold), imputeMedian: false, missingIndicators: false,
                standardize: false, sparseOneHot: true),
            PipelineDefinition(
                name: "dpp2", encoding: .oneHot(threshold: threshold), imputeMedian: true, missingIndicators: true,
                standardize: true),
            // With target-ordered codes missing numbers become the median and a flag, and a
            // missing category is one of its own: nothing is missing, and XGBoost 1.7 keeps a
            // matrix without missing values in a byte a value instead of four.
            holdout && target.problem != .multiclass
                ? PipelineDefinition(
                    name: "dpp3", encoding: .targetOrdered, imputeMedian: true, missingIndicators: true,
                    standardize: false)
                : PipelineDefinition(
                    name: "dpp3", encoding: .ordinal, imputeMedian: false, missingIndicators: false,
                    standardize: false),
        ]
        let result = Analysis(
            target: target, plan: plan, inputs: InputSchema(frame: frame, target: settings.target), metric: metric,
            trainRows: trainRows, validRows: validRows, folds: folds,
            validation: validation,
            pipelines: pipelines,
            algorithms: [
                ("dpp0", .xgboost), ("dpp1", .xgboost), ("dpp3", .xgboost), ("dpp3", .randomForest),
                ("dpp2", .extraTrees), ("dpp2", .linear), ("dpp2", .mlp),
            ])
        analysis = result
        return result
    }

    /// The outcome of tuning: candidates in the order they ran, the best one and its model.
    public struct Outcome {
        public var candidates: [Candidate]
        public var best: Candidate
        public var model: TrainedModel
        /// Why the search stopped before `maxCandidates`, if it did.
        public var stoppedEarly: String?
    }

    /// Stages 3 and 4: fit the pipelines and tune candidates within the budget, which counts
    /// from the start of the analysis.
    public func tune(
        analysis: Analysis, onEvent: (Event) -> Void = { _ in }, shouldStop: @escaping () -> Bool = { false }
    )
        throws(AutopilotError) -> Outcome
    {
        let started = self.started ?? Date()
        let end = started.addingTimeInterval(settings.maxRuntime)
        let holdout = analysis.folds.count == 1
        // The search stops at 85% of the budget with a holdout, leaving time to refit the
        // winners on every row, and at 95% with cross-validation (the fold models are kept) or
        // when no winner's refit would fit in that time.
        let lastDeadline = started.addingTimeInterval(settings.maxRuntime * 0.95)
        let refitDeadline = holdout ? started.addingTimeInterval(settings.maxRuntime * 0.85) : lastDeadline
        var deadline = refitDeadline
        onEvent(.stage(.featureEngineering))
        // Each pipeline is fitted once on the training rows (with cross-validation: every
        // labelled row); its statistics (medians, scales, category lists) never see a label, as
        // AutoGluon fits its feature generators before bagging, but for the order of
        // target-ordered codes, which only a holdout's pipelines use. Matrices are made when a
        // candidate first needs them and shared from then on.
        var fitted: [String: FittedPipeline] = [:]
        for pipeline in FittedPipeline.fit(
            analysis.pipelines, plan: analysis.plan, frame: frame, rows: analysis.trainRows,
            labels: analysis.target.labels)
        {
            fitted[pipeline.definition.name] = pipeline
        }
        let target = analysis.target
        let ladder = SampleLadder(
            trainRows: holdout && settings.trials == nil ? analysis.trainRows : [],
            strata: target.problem == .regression ? nil : analysis.trainRows.map { UInt32(target.labels[$0]) },
            first: settings.firstSampleRows, from: settings.sampleLadderRows, seed: UInt64(settings.seed))
        let splits: [[TrainingData.Split]] =
            ladder.rungs > 1
            ? TrainingData.splits(ladder, validRows: analysis.validRows)
            : [analysis.folds.map { TrainingData.Split(train: $0.train, valid: $0.valid) }]
        // The splits hold the samples' rows: the ladder's shuffled order goes.
        let sizes = ladder.sizes
        let data = try TrainingData(
            frame: frame, target: target, pipelines: fitted, splits: splits, threads: settings.threads)
        let top = splits.count - 1
        // Candidates of every row are scored on every fold's validation rows together.
        let validLabels = splits[top].flatMap { data.labels($0.valid) }
        let classes = max(2, target.classes.count)

        onEvent(.stage(.modelTuning))
        let tuningStarted = Date()
        // With a holdout the kept candidates trained on every training row are refitted on
        // every labelled row at the end, which takes about their training time scaled by the rows.
        let labelledRows = analysis.trainRows.count + analysis.validRows.count
        let refitScale = holdout ? Double(labelledRows) / Double(max(1, analysis.trainRows.count)) : 0
        var candidates: [Candidate] = []
        var rungs: [String: Int] = [:]
        var models: [String: TrainedModel] = [:]
        let total = settings.trials?.count ?? settings.maxCandidates
        var reported = 0.0
        /// Reports the share of the expected time that has passed: the trials left at the pace
        /// so far (until the deadline at most), then the refits left.
        func reportProgress(refitsLeft: [Candidate]?) {
            let now = Date()
            let elapsed = now.timeIntervalSince(started)
            var remaining = (refitsLeft ?? candidates.filter { models[$0.name] != nil && rungs[$0.name] == top })
                .reduce(0) { $0 + $1.trainingSeconds * refitScale }
            if refitsLeft == nil {
                let pace = now.timeIntervalSince(tuningStarted) / Double(max(1, candidates.count))
                remaining += min(pace * Double(total - candidates.count), max(0, deadline.timeIntervalSince(now)))
            }
            remaining = min(remaining, max(0, end.timeIntervalSince(now)))
            // A bar never goes back: a slower pace stretches what is left, not what is done.
            reported = max(reported, elapsed / max(elapsed + remaining, 1e-9))
            onEvent(.progress(reported))
        }
        var generator = SplitMix64(seed: UInt64(settings.seed) &+ 0x5EED)
        var halving = SuccessiveHalving(sizes: sizes)
        var explored = 0
        var validScores: [String: [Float]] = [:]
        let kept = settings.mode == .hpo ? 1 : 8
        var stoppedEarly: String?
        // Once the candidates left at the pace so far would run past the deadline, time (not
        // the number of candidates) ends the search: on a sample ladder the search then weighs
        // what candidates cost (and its candidates depend on the machine's speed).
        var timeBound = false
        /// The trial at `index`: a given one, a promotion to a larger sample, or the schedule's next.
        func trial(_ index: Int) -> Trial {
            var trial: Trial
            if let fixed = settings.trials {
                trial = Trial(
                    index: index, pipeline: fixed[index].pipeline, algorithm: fixed[index].algorithm,
                    values: fixed[index].hyperparameters, rung: top)
            } else if let promoted = halving.promotion(
                candidates: candidates, rungs: rungs, metric: analysis.metric,
                elapsed: Date().timeIntervalSince(tuningStarted), searchTime: deadline.timeIntervalSince(tuningStarted),
                weighTime: timeBound)
            {
                trial = Trial(
                    index: index, pipeline: promoted.candidate.pipeline, algorithm: promoted.candidate.algorithm,
                    values: promoted.candidate.hyperparameters.values, rung: promoted.rung)
            } else {
                let next = nextTrial(
                    explored, candidates: candidates.filter { rungs[$0.name] == 0 }, costAware: top > 0 && timeBound,
                    generator: &generator)
                trial = Trial(index: index, pipeline: next.0, algorithm: next.1, values: next.2, rung: 0)
                explored += 1
            }
            // On a sample ladder, boosting on the first sample runs `SuccessiveHalving.firstRounds`
            // rounds (Hyperband's budget is rounds as well as rows): a quick screen of many
            // settings; on the larger samples early stopping decides.
            if top > 0, settings.trials == nil, trial.algorithm == .xgboost {
                trial.values["num_round"] =
                    trial.rung == 0
                    ? min(trial.values["num_round"] ?? .infinity, Double(SuccessiveHalving.firstRounds))
                    : SearchSpace.xgboostDefaults["num_round"]
            }
            // Extra trees grow until their leaves are pure: a candidate's forests (one per
            // fold) are kept within a memory budget by bounding each tree's leaves.
            if trial.algorithm == .extraTrees, trial.values["max_leaves"] == nil {
                trial.values["max_leaves"] = Double(
                    ExtraTrees.Parameters.leaves(
                        bytes: Self.extraTreesBytes,
                        trees: ExtraTrees.Parameters.parameters(from: trial.values).trees,
                        forests: splits[trial.rung].count, outputs: target.problem == .multiclass ? classes : 1))
            }
            // XGBoost keeps a histogram for every node of the tree it grows: a search's trees are
            // bounded so that those histograms stay within `histogramBytes`.
            if settings.trials == nil, trial.algorithm.isTrees {
                trial.values = XGBoostTrainer.bounded(
                    trial.values, bins: data.histogramBins(pipeline: trial.pipeline), bytes: Self.histogramBytes)
            }
            return trial
        }
        func record(_ result: TrialResult, of trial: Trial) {
            let name = result.candidate.name
            candidates.append(result.candidate)
            rungs[name] = trial.rung
            models[name] = result.model
            validScores[name] = result.scores
            // Keep memory flat: only the best few models stay (the best one for hpo mode).
            let keep = Set(Self.ranked(candidates, metric: analysis.metric).prefix(kept).map(\.name))
            models = models.filter { keep.contains($0.key) }
            validScores = validScores.filter { keep.contains($0.key) }
            MemoryTuning.releaseFreeMemory()
            onEvent(.candidate(result.candidate, index: trial.index + 1, of: total))
            reportProgress(refitsLeft: nil)
        }
        for index in 0..<total {
            // The time kept for refits goes to the search while no kept model of every training
            // row could be refitted in it (on a sample ladder, one trained on every row takes long).
            deadline =
                candidates.contains {
                    models[$0.name] != nil && rungs[$0.name] == top
                        && $0.trainingSeconds * refitScale * 1.2 < end.timeIntervalSince(refitDeadline)
                } || candidates.isEmpty ? refitDeadline : lastDeadline
            if shouldStop() { stoppedEarly = "interrupted"; break }
            if Date() > deadline { stoppedEarly = "max_runtime reached"; break }
            let pace = Date().timeIntervalSince(tuningStarted) / Double(max(1, candidates.count))
            timeBound =
                timeBound
                || (!candidates.isEmpty && pace * Double(total - index) > deadline.timeIntervalSinceNow)
            let trial = trial(index)
            if top > 0 { data.release(keeping: trial.pipeline, rung: trial.rung) }
            let limit = settings.trials == nil ? halving.limit(rung: trial.rung, now: Date(), deadline: deadline) : nil
            let result = try run(
                trial, data: data, metric: analysis.metric, deadline: deadline, limit: limit,
                shouldStop: shouldStop)
            record(result, of: trial)
        }
        for rung in splits.indices { data.release(rung: rung) }
        guard var best = Self.best(candidates, metric: analysis.metric), var model = models[best.name] else {
            throw .cancelledBeforeAnyCandidate
        }
        // Kept models of a sample were scored on some of the validation rows: they are scored on
        // every one, so that all can be combined.
        if top > 0, settings.mode != .hpo, models.keys.contains(where: { rungs[$0] != top }) {
            let validFrame = frame.rows(analysis.validRows)
            for candidate in Self.ranked(candidates, metric: analysis.metric)
            where models[candidate.name] != nil && rungs[candidate.name] != top {
                let late = Date() > end.addingTimeInterval(-0.1 * settings.maxRuntime) || shouldStop()
                let scores = late ? nil : try models[candidate.name]!.scores(validFrame)
                validScores[candidate.name] = scores
                if scores == nil { models[candidate.name] = nil }
            }
        }
        // With a holdout, refit the kept models that saw every training row on training and
        // validation rows together, with the number of rounds early stopping chose (scaled for
        // the larger data), while the budget allows. (With cross-validation each model already
        // is a bag of fold models that together saw every row; a model of a sample keeps it.)
        let allRows = (analysis.trainRows + analysis.validRows).sorted()
        var refits =
            holdout
            ? Self.ranked(candidates, metric: analysis.metric).filter {
                models[$0.name] != nil && rungs[$0.name] == top
            }
            : []
        if !refits.isEmpty { onEvent(.stage(.finalFits)) }
        while !refits.isEmpty {
            let candidate = refits.removeFirst()
            let expected = candidate.trainingSeconds * refitScale
            guard !shouldStop(), Date().addingTimeInterval(expected * 1.2) < end else { continue }
            if let refit = try refit(candidate, rows: allRows, analysis: analysis, fitted: fitted[candidate.pipeline]!)
            {
                models[candidate.name] = refit
            }
            reportProgress(refitsLeft: refits)
        }
        model = models[best.name]!
        if settings.mode != .hpo, settings.trials == nil, models.count > 1 {
            onEvent(.stage(.ensembling))
            if let ensemble = Ensembler.select(
                members: Self.ranked(candidates, metric: analysis.metric).filter { models[$0.name] != nil },
                scores: validScores, labels: validLabels, problem: target.problem,
                classes: classes, metric: analysis.metric, index: candidates.count + 1)
            {
                let members = ensemble.weights.map { (models[$0.name]!, $0.weight) }
                candidates.append(ensemble.candidate)
                if Self.best(candidates, metric: analysis.metric)?.name == ensemble.candidate.name {
                    best = ensemble.candidate
                    model = .ensemble(members, target: target, threshold: ensemble.candidate.threshold)
                }
            }
            // A level-2 model over the kept candidates' scores, kept when its out-of-fold score
            // beats the weighted average's score on the rows that average was chosen on.
            let members = Self.ranked(candidates, metric: analysis.metric).filter { models[$0.name] != nil }
            if let stacked = Stacker.fit(
                members: members.map { validScores[$0.name]! }, labels: validLabels, problem: target.problem,
                classes: classes, seed: settings.seed)
            {
                let evaluation = Evaluation.metrics(
                    problem: target.problem, labels: validLabels, scores: stacked.outOfFold, classes: classes)
                var weights: [String: Double] = [:]
                if stacked.stacker.width == 1 {
                    for (i, w) in stacked.stacker.combiner.weights[0].dropLast().enumerated() {
                        weights["w\(i + 1)"] = w
                    }
                }
                let candidate = Candidate(
                    name: "stacked-\(String(format: "%03d", candidates.count + 1))", algorithm: .stacked,
                    pipeline: "members", hyperparameters: Hyperparameters(weights), metrics: evaluation.metrics,
                    threshold: evaluation.threshold, rounds: nil, trainingSeconds: 0, members: members.map(\.name))
                candidates.append(candidate)
                if Self.best(candidates, metric: analysis.metric)?.name == candidate.name {
                    best = candidate
                    model = .stacked(
                        members.map { models[$0.name]! }, stacked.stacker, target: target,
                        threshold: evaluation.threshold)
                }
            }
        }
        return Outcome(candidates: candidates, best: best, model: model, stoppedEarly: stoppedEarly)
    }

    /// Candidates of one kind, for the time they may take: an algorithm on a pipeline, and for
    /// XGBoost trees grown level by level or leaf by leaf (FLAML's two XGBoost learners).
    struct Family: Equatable {
        var algorithm: Algorithm
        var pipeline: String
        var leafWise = false

        init(_ algorithm: Algorithm, _ pipeline: String, leafWise: Bool = false) {
            self.algorithm = algorithm
            self.pipeline = pipeline
            self.leafWise = leafWise
        }

        init(of candidate: Candidate) {
            self.init(
                candidate.algorithm, candidate.pipeline,
                leafWise: candidate.algorithm == .xgboost && candidate.hyperparameters["max_leaves"] != nil)
        }
    }

    /// The share of the time spent on candidates that a family trailing the leader may take, and
    /// one trailing by more than a tenth of the leader's error.
    static let trailingShare = (near: 0.1, far: 0.02)

    /// Whether the candidates of `family` have had their share of the time spent on
    /// `candidates`: a family whose best trails the best of all takes at most a tenth of that
    /// time, and a fiftieth when it trails by more than a tenth of the leader's error (1 − AUC,
    /// the RMSE...). FLAML weighs its learners by their expected cost of improving on the best
    /// alike.
    static func hasHadItsShare(_ family: Family, among candidates: [Candidate], metric: Metric) -> Bool {
        let members = candidates.filter { Family(of: $0) == family }
        guard let own = best(members, metric: metric)?.metric(metric),
            let lead = best(candidates, metric: metric)?.metric(metric),
            metric.error(own) > metric.error(lead)
        else { return false }
        let share = metric.error(own) > 1.1 * metric.error(lead) ? trailingShare.far : trailingShare.near
        let spent = members.reduce(0) { $0 + $1.trainingSeconds }
        return spent >= share * candidates.reduce(0) { $0 + $1.trainingSeconds }
    }

    /// The memory XGBoost's histograms may take while a search's candidate grows a tree.
    static let histogramBytes = 32 << 20

    /// The memory a candidate's extra-trees forests may take, all folds together.
    static let extraTreesBytes = 128 << 20

    /// k stratified folds of `rows`: each class's rows shuffled with the seed and dealt round-robin.
    static func kFold(_ rows: [Int], strata: [UInt32]?, k: Int, seed: UInt64) -> [Fold] {
        var generator = SplitMix64(seed: seed)
        var groups: [UInt32: [Int]] = [:]
        for (i, row) in rows.enumerated() { groups[strata?[i] ?? 0, default: []].append(row) }
        var assignment = [[Int]](repeating: [], count: k)
        var next = 0
        for key in groups.keys.sorted() {
            var group = groups[key]!
            for i in stride(from: group.count - 1, to: 0, by: -1) {
                group.swapAt(i, Int(generator.next() % UInt64(i + 1)))
            }
            for row in group { assignment[next % k].append(row); next += 1 }
        }
        return (0..<k).map { f in
            Fold(train: (0..<k).filter { $0 != f }.flatMap { assignment[$0] }.sorted(), valid: assignment[f].sorted())
        }
    }

    /// Candidates from best to worst by `metric`; ties keep their order. On a sample ladder those
    /// scored on every validation row come first: those of the largest sample and the
    /// combinations of candidates. A model of a smaller sample was scored on fewer rows, and
    /// the best of many such scores flatters its model.
    public static func ranked(_ candidates: [Candidate], metric: Metric) -> [Candidate] {
        let largest = candidates.compactMap(\.sampleRows).max()
        return candidates.enumerated().sorted { a, b in
            let (allA, allB) = (a.element.sampleRows ?? largest == largest, b.element.sampleRows ?? largest == largest)
            if allA != allB { return allA }
            let order = compare(a.element, b.element, metric: metric)
            return order != 0 ? order < 0 : a.offset < b.offset
        }.map(\.element)
    }

    /// The best candidate by ``ranked(_:metric:)`` with a value of the objective.
    public static func best(_ candidates: [Candidate], metric: Metric) -> Candidate? {
        ranked(candidates, metric: metric).first { $0.metric(metric).map { !$0.isNaN } ?? false }
    }

    /// -1 when `a` is better than `b` by `metric`, 1 when worse, 0 when alike; a candidate
    /// without the metric is worst. Shares of right answers (accuracy, F1...) often tie on small
    /// validation sets: the lower log loss then decides (regression has none: a tie stays one).
    private static func compare(_ a: Candidate, _ b: Candidate, metric: Metric) -> Int {
        for (m, direction) in [(metric, metric.higherIsBetter), (Metric.logLoss, false)] {
            let x = a.metric(m) ?? .nan, y = b.metric(m) ?? .nan
            if x.isNaN != y.isNaN { return x.isNaN ? 1 : -1 }
            if x != y, !x.isNaN { return (direction ? x > y : x < y) ? -1 : 1 }
        }
        return 0
    }

    /// The hyperparameters a candidate of `algorithm` may be given, for `train`.
    public static func hyperparameterNames(for algorithm: Algorithm) -> [String] {
        switch algorithm {
        case .xgboost:
            SearchSpace.xgboost.map(\.name) + ["max_leaves", "colsample_bylevel", "num_round", "scale_pos_weight"]
        case .randomForest: SearchSpace.randomForest.map(\.name)
        case .extraTrees: SearchSpace.extraTrees.map(\.name) + ["max_leaves"]
        case .linear: SearchSpace.linear.map(\.name)
        case .mlp: SearchSpace.mlp.map(\.name) + ["max_epochs", "patience"]
        case .ensemble, .stacked: []
        }
    }

    /// The values a candidate starts from when not given others.
    public static func defaultHyperparameters(for algorithm: Algorithm) -> [String: Double] {
        switch algorithm {
        case .xgboost: SearchSpace.xgboostDefaults
        case .randomForest: SearchSpace.randomForestDefaults
        case .extraTrees: SearchSpace.extraTreesDefaults
        case .linear: ["l2": 1]
        case .mlp: SearchSpace.mlpDefaults
        case .ensemble, .stacked: [:]
        }
    }

    /// The ranges candidates are drawn from, as `name: low–high (log)` lines.
    public static var rangeDescriptions: [String] {
        func line(_ r: SearchSpace.Range) -> String {
            let bounds = "\(Hyperparameters.format(r.low))–\(Hyperparameters.format(r.high))"
            return "\(r.name): \(bounds)\(r.log ? " (log scale)" : "")\(r.integer ? ", integer" : "")"
        }
        return ["XGBoost (early stopping on validation loss, up to 2000 rounds):"]
            + SearchSpace.xgboost.map { "  " + line($0) }
            + ["XGBoost grown leaf by leaf (grow_policy=lossguide, no depth limit):"]
            + SearchSpace.xgboostLeaves.filter { r in
                !SearchSpace.xgboost.contains { $0.name == r.name && $0.low == r.low && $0.high == r.high }
            }.map { "  " + line($0) } + ["  the other ranges as above"]
            + ["Random forest (XGBoost's parallel trees, one round):"]
            + SearchSpace.randomForest.map { "  " + line($0) }
            + [
                "Extra trees (random cuts, every row; max_features unset: √columns for classes, all for numbers; "
                    + "max_leaves: as many as keep a candidate's forests within 128 MB, 256–16384):"
            ]
            + SearchSpace.extraTrees.map { "  " + line($0) }
            + ["Linear learner:"] + SearchSpace.linear.map { "  " + line($0) }
            + ["MLP (ReLU layers, Adam, early stopping on validation loss):"] + SearchSpace.mlp.map { "  " + line($0) }
    }

    /// The trial schedule: XGBoost's defaults on the three XGBoost pipelines, a linear model, an
    /// MLP, a random forest and extra trees first, then neighbours of the best XGBoost or
    /// extra-trees candidate and fresh random draws in turn (half of them extra trees' while
    /// extra trees lead), with a linear model every fifth trial, a random forest and extra trees
    /// every seventh and an MLP every twentieth. The same seed gives the same schedule.
    ///
    /// `costAware` (when time ends the search on a sample ladder): a ``Family`` that trails the
    /// leader takes at most its ``trailingShare`` of the time spent on `candidates`; its turns go
    /// to the leader's neighbours and to draws of the best XGBoost family.
    func nextTrial(
        _ index: Int, candidates: [Candidate], costAware: Bool = false, generator: inout SplitMix64
    )
        -> (String, Algorithm, [String: Double])
    {
        var values: [String: Double]
        // Without categorical features the three tree pipelines give the very same matrix:
        // one of them is tried, and the other slots go to the search.
        let categories = analysis?.plan.features.contains { $0.role == .categorical } ?? true
        let trees = categories ? ["dpp0", "dpp1", "dpp3"] : ["dpp0"]
        let metric = analysis?.metric ?? .f1
        let affordable = { (family: Family) in
            !costAware || !Self.hasHadItsShare(family, among: candidates, metric: metric)
        }
        switch index {
        case 0: return ("dpp0", .xgboost, SearchSpace.xgboostDefaults)
        case 1 where categories: return ("dpp3", .xgboost, SearchSpace.xgboostDefaults)
        case 2: return ("dpp2", .linear, ["l2": 1])
        case 3 where categories: return ("dpp1", .xgboost, SearchSpace.xgboostDefaults)
        case 4: return ("dpp2", .mlp, SearchSpace.mlpDefaults)
        case 5: return (categories ? "dpp3" : "dpp0", .randomForest, SearchSpace.randomForestDefaults)
        case 6: return ("dpp2", .extraTrees, SearchSpace.extraTreesDefaults)
        default:
            if index % 20 == 19, affordable(Family(.mlp, "dpp2")) {
                return ("dpp2", .mlp, SearchSpace.sample(SearchSpace.mlp, using: &generator))
            }
            if index % 5 == 4, affordable(Family(.linear, "dpp2")) {
                return ("dpp2", .linear, SearchSpace.sample(SearchSpace.linear, using: &generator))
            }
            if index % 7 == 6 {
                var values = SearchSpace.sample(SearchSpace.randomForest, using: &generator)
                values["num_round"] = 1
                let forest = categories ? ["dpp0", "dpp3"] : ["dpp0"]
                let pipeline = forest[Int(generator.next() % UInt64(forest.count))]
                if affordable(Family(.randomForest, pipeline)) { return (pipeline, .randomForest, values) }
            }
            if index % 7 == 2, affordable(Family(.extraTrees, "dpp2")) {
                return ("dpp2", .extraTrees, SearchSpace.sample(SearchSpace.extraTrees, using: &generator))
            }
            // Neighbours of the best boosted or extremely randomised trees so far.
            let incumbents = candidates.filter { $0.algorithm == .xgboost || $0.algorithm == .extraTrees }
            let leader = Self.best(incumbents, metric: metric)
            if index % 3 != 0, let best = leader, best.algorithm == .extraTrees {
                var center = best.hyperparameters.values
                // Its leaf bound follows from its own tree count; the neighbour's is set anew.
                center["max_leaves"] = nil
                // The default leaves max_features to the learner: its neighbours draw one.
                if center["max_features"] == nil {
                    center["max_features"] =
                        SearchSpace.sample(SearchSpace.extraTrees, using: &generator)["max_features"]
                }
                return ("dpp2", .extraTrees, SearchSpace.perturb(center, SearchSpace.extraTrees, using: &generator))
            }
            if index % 3 != 0, let best = leader {
                let center = best.hyperparameters.values
                values = SearchSpace.perturb(center, SearchSpace.xgboostSpace(of: center), using: &generator)
                values["num_round"] = 2000
                return (best.pipeline, .xgboost, values)
            }
            // Fresh draws grow trees level by level and leaf by leaf in turn; while extra trees
            // lead, the level-by-level draws go to them instead (cheaper, and so far better).
            if leader?.algorithm == .extraTrees, index % 2 == 1 {
                return ("dpp2", .extraTrees, SearchSpace.sample(SearchSpace.extraTrees, using: &generator))
            }
            let leafWise = index % 2 == 0
            values = SearchSpace.sample(leafWise ? SearchSpace.xgboostLeaves : SearchSpace.xgboost, using: &generator)
            values["num_round"] = 2000
            let pipeline = trees[Int(generator.next() % UInt64(trees.count))]
            // A family that has had its share gives its draw to the best XGBoost family.
            if !affordable(Family(.xgboost, pipeline, leafWise: leafWise)),
                let best = Self.best(candidates.filter { $0.algorithm == .xgboost }, metric: metric)
            {
                values = SearchSpace.sample(
                    SearchSpace.xgboostSpace(of: best.hyperparameters.values), using: &generator)
                values["num_round"] = 2000
                return (best.pipeline, .xgboost, values)
            }
            return (pipeline, .xgboost, values)
        }
    }
}
