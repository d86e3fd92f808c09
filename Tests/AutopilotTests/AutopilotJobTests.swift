import Foundation
import Frames
import Testing

@testable import Autopilot

@Suite("Autopilot jobs on generated data")
struct AutopilotJobTests {
    /// XGBoost on one thread: the tests run side by side on few cores, where a team of OpenMP
    /// threads spends its time spinning at barriers for a thread that is not running.
    static let threads = 1

    let table = Generated.table(rows: 600, seed: 2)

    func run(
        _ target: String, metric: Metric? = nil, mode: AutopilotSettings.Mode = .auto, candidates: Int = 6,
        seed: Int = 0,
        exclude: [String] = ["id"]
    ) throws -> (AutopilotJob.Analysis, AutopilotJob.Outcome) {
        var settings = AutopilotSettings(target: target)
        settings.metric = metric
        settings.mode = mode
        settings.maxCandidates = candidates
        settings.seed = seed
        settings.threads = Self.threads
        settings.exclude = exclude + ["binary", "multi", "value"].filter { $0 != target }
        let job = AutopilotJob(frame: table, settings: settings)
        let analysis = try job.analyze()
        return (analysis, try job.tune(analysis: analysis))
    }

    @Test("binary: learns the signal, tunes a threshold, reports every binary metric")
    func binary() throws {
        let (analysis, outcome) = try run("binary")
        #expect(analysis.metric == .f1)
        #expect(outcome.candidates.count >= 6)
        #expect((outcome.best.metric(.auc) ?? 0) > 0.9)
        #expect(outcome.best.threshold != nil)
        #expect(Set(outcome.best.metrics.keys) == Set(ProblemType.binary.reportedMetrics.map(\.rawValue)))
    }

    @Test("multiclass and regression")
    func otherProblems() throws {
        let (_, multi) = try run("multi")
        #expect((multi.best.metric(.accuracy) ?? 0) > 0.85)
        let (analysis, regression) = try run("value", mode: .hpo)
        #expect(analysis.metric == .mse)
        #expect((regression.best.metric(.r2) ?? 0) > 0.9)
    }

    @Test("every metric can be the objective of its problem type", arguments: Metric.allCases)
    func objectives(metric: Metric) throws {
        let target =
            metric.problems.contains(.binary) ? "binary" : metric.problems.contains(.multiclass) ? "multi" : "value"
        let (analysis, outcome) = try run(target, metric: metric, mode: .hpo, candidates: 3)
        #expect(analysis.metric == metric)
        #expect(outcome.best.metric(metric) != nil)
    }

    @Test("a metric of another problem type is refused")
    func wrongMetric() {
        #expect(throws: AutopilotError.metricDoesNotFit(.mse, .binary)) { _ = try run("binary", metric: .mse) }
    }

    @Test("the same seed and candidate count give the same candidates")
    func deterministic() throws {
        let (_, a) = try run("binary", candidates: 5, seed: 3)
        let (_, b) = try run("binary", candidates: 5, seed: 3)
        #expect(a.candidates.map(\.name) == b.candidates.map(\.name))
        #expect(a.candidates.map(\.metrics) == b.candidates.map(\.metrics))
        #expect(a.candidates.map(\.hyperparameters) == b.candidates.map(\.hyperparameters))
    }

    @Test("the best model predicts new rows, unknown categories included")
    func predict() throws {
        let (_, outcome) = try run("binary")
        let fresh = Generated.table(rows: 50, seed: 9, withUnknownColor: true)
        let predictions = try outcome.model.predict(fresh)
        #expect(predictions.labels.count == 50)
        #expect(Set(predictions.labels).isSubset(of: ["yes", "no"]))
        #expect(predictions.probabilities?.allSatisfy { $0 >= 0 && $0 <= 1 } == true)
    }

    /// The rounds a fixed XGBoost trial keeps with `metric` as the objective, validated by
    /// cross-validation or by a holdout.
    func rounds(metric: Metric, holdout: Bool) throws -> [Int?] {
        // A noisy target, so that boosting overfits after a few rounds.
        var generator = SplitMix64(seed: 5)
        func uniform() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
        var csv = "x1,x2,x3,binary\n"
        for _ in 0..<600 {
            let x = (uniform(), uniform(), uniform())
            csv += "\(x.0),\(x.1),\(x.2),\(x.0 + x.1 + uniform() * 2 > 2 ? "yes" : "no")\n"
        }
        var settings = AutopilotSettings(target: "binary")
        settings.threads = Self.threads
        settings.metric = metric
        if holdout { settings.crossValidationLimit = 100 }
        settings.trials = [
            .init(
                pipeline: "dpp0", algorithm: .xgboost, hyperparameters: ["num_round": 500, "eta": 0.3, "max_depth": 6]),
            .init(
                pipeline: "dpp0", algorithm: .xgboost, hyperparameters: ["num_round": 500, "eta": 0.1, "max_depth": 3]),
        ]
        let job = AutopilotJob(frame: Generated.frame(csv), settings: settings)
        return try job.tune(analysis: try job.analyze()).candidates.map(\.rounds)
    }

    @Test("boosting stops on AUC with a holdout, and on the loss across folds, whose scores are pooled")
    func stoppingMeasure() throws {
        // Across folds AUC as the objective stops fold models where the loss would.
        #expect(try rounds(metric: .auc, holdout: false) == rounds(metric: .f1, holdout: false))
        // On a holdout AUC waits for its own best round.
        #expect(try rounds(metric: .auc, holdout: true) != rounds(metric: .f1, holdout: true))
    }

    @Test("too few rows to learn from")
    func tooFew() {
        let tiny = Generated.frame("x,y\n1,a\n2,b\n3,a\n")
        let job = AutopilotJob(frame: tiny, settings: AutopilotSettings(target: "y"))
        #expect(throws: AutopilotError.tooFewRows(3, needed: 10)) { _ = try job.analyze() }
    }

    @Test("no usable feature")
    func noFeatures() {
        let frame = Generated.frame(
            "id,y\n" + (0..<30).map { "k\($0),\($0 % 2 == 0 ? "a" : "b")" }.joined(separator: "\n") + "\n")
        let job = AutopilotJob(frame: frame, settings: AutopilotSettings(target: "y"))
        #expect(throws: AutopilotError.noFeatures) { _ = try job.analyze() }
    }
}

@Suite("Model archives")
struct ModelArchiveTests {
    @Test("a model stored as files and restored predicts exactly the same")
    func roundTrip() throws {
        let table = Generated.table(rows: 500, seed: 4)
        var settings = AutopilotSettings(target: "binary")
        settings.maxCandidates = 5
        settings.threads = AutopilotJobTests.threads
        settings.exclude = ["id", "multi", "value"]
        let job = AutopilotJob(frame: table, settings: settings)
        let outcome = try job.tune(analysis: try job.analyze())
        let (archive, files) = try ModelArchive.make(outcome.model)
        let data = try JSONEncoder().encode(archive)
        let decoded = try JSONDecoder().decode(ModelArchive.self, from: data)
        let restored = try decoded.restore { name throws(AutopilotError) in files[name] ?? [] }
        let fresh = Generated.table(rows: 80, seed: 11)
        #expect(try restored.predict(fresh).scores == outcome.model.predict(fresh).scores)
        #expect(try restored.predict(fresh).labels == outcome.model.predict(fresh).labels)
    }
}

@Suite("Validation scheme")
struct ValidationSchemeTests {
    /// The analysis of `rows` generated rows with `binary` as the target, settings changed by `change`.
    func analysis(
        rows: Int, seed: UInt64, _ change: (inout AutopilotSettings) -> Void = { _ in }
    ) throws -> AutopilotJob.Analysis {
        var settings = AutopilotSettings(target: "binary")
        settings.exclude = ["id", "multi", "value"]
        change(&settings)
        return try AutopilotJob(frame: Generated.table(rows: rows, seed: seed), settings: settings).analyze()
    }

    @Test("small data: 8 stratified folds that cover every labelled row once")
    func folds() throws {
        let analysis = try analysis(rows: 600, seed: 5)
        #expect(analysis.folds.count == 8)
        #expect(
            analysis.validation
                == "8-fold cross-validation, stratified by binary, seed 0 (600 rows: 8 folds up to 10000 rows; "
                + "a holdout above 50000)")
        let valid = analysis.folds.flatMap(\.valid)
        #expect(valid.count == 600)
        #expect(Set(valid).count == 600)
        for fold in analysis.folds {
            #expect(Set(fold.train).isDisjoint(with: fold.valid))
            #expect(fold.train.count + fold.valid.count == 600)
        }
        let positives = analysis.folds.map { $0.valid.filter { analysis.target.labels[$0] == 1 }.count }
        #expect(positives.max()! - positives.min()! <= 1)
    }

    @Test("above the eight-fold limit: 5 folds, up to the cross-validation limit")
    func fiveFolds() throws {
        let analysis = try analysis(rows: 600, seed: 5) { $0.eightFoldLimit = 599 }
        #expect(analysis.folds.count == 5)
        #expect(
            analysis.validation
                == "5-fold cross-validation, stratified by binary, seed 0 (600 rows: up to 50000 rows; a holdout above)"
        )
        #expect(Set(analysis.folds.flatMap(\.valid)).count == 600)
    }

    @Test("large data: one 80/20 holdout")
    func holdout() throws {
        let analysis = try analysis(rows: 6000, seed: 6) { $0.crossValidationLimit = 5000 }
        #expect(analysis.folds.count == 1)
        #expect(analysis.trainRows.count == 4800)
        #expect(analysis.validation.hasPrefix("80/20 holdout"))
    }
}

@Suite("Autopilot's progress")
struct AutopilotProgressTests {
    @Test("with a holdout, progress covers tuning and the final fits: it only grows and ends at 1")
    func progressOverWholeSearch() throws {
        var settings = AutopilotSettings(target: "binary")
        settings.maxCandidates = 6
        settings.threads = 1
        settings.crossValidationLimit = 100  // 600 rows: a holdout, so the winners are refitted
        settings.exclude = ["id", "multi", "value"]
        let job = AutopilotJob(frame: Generated.table(rows: 600, seed: 2), settings: settings)
        let analysis = try job.analyze()
        var stages: [AutopilotJob.Stage] = []
        var fractions: [Double] = []
        _ = try job.tune(analysis: analysis) { event in
            switch event {
            case .stage(let stage): stages.append(stage)
            case .progress(let fraction): fractions.append(fraction)
            case .candidate: break
            }
        }
        #expect(stages.contains(.finalFits))
        #expect(stages.firstIndex(of: .finalFits)! > stages.firstIndex(of: .modelTuning)!)
        #expect(fractions.count > 6, "a report per candidate and per final fit")
        #expect(zip(fractions, fractions.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(fractions.allSatisfy { (0...1).contains($0) })
        #expect(fractions.last! > 0.99)
    }
}

@Suite("Autopilot settings as stored")
struct StoredSettingsTests {
    @Test("settings round-trip; those an older pilot stored, without the settings added since, load with defaults")
    func olderRecords() throws {
        var settings = AutopilotSettings(target: "y")
        settings.metric = .auc
        settings.maxRuntime = 60
        settings.eightFoldLimit = 2000
        settings.trials = [.init(pipeline: "dpp0", algorithm: .xgboost, hyperparameters: ["eta": 0.1])]
        let data = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(AutopilotSettings.self, from: data) == settings)

        // As session 13's pilot stored them: no eightFoldLimit.
        let older = #"""
            {"target": "y", "metric": "AUC", "mode": "auto", "maxCandidates": 16, "maxRuntime": 60,
             "maxTrialRuntime": 120, "exclude": ["id"], "candidatesOnly": false, "seed": 3, "threads": 2,
             "crossValidationLimit": 50000, "firstSampleRows": 10000, "sampleLadderRows": 50000}
            """#
        let loaded = try JSONDecoder().decode(AutopilotSettings.self, from: Data(older.utf8))
        #expect(loaded.eightFoldLimit == AutopilotSettings(target: "y").eightFoldLimit)
        #expect(loaded.seed == 3 && loaded.exclude == ["id"] && loaded.metric == .auc && loaded.problem == nil)
        let bare = try JSONDecoder().decode(AutopilotSettings.self, from: Data(#"{"target": "y"}"#.utf8))
        #expect(bare == AutopilotSettings(target: "y"))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AutopilotSettings.self, from: Data("{}".utf8)) }
    }
}
