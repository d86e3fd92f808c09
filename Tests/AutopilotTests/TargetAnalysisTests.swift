import Frames
import Testing

@testable import Autopilot

@Suite("Target analysis and feature plan")
struct TargetAnalysisTests {
    let table = Generated.table(rows: 300, seed: 1)

    @Test(
        "the rules pick the problem type and say why",
        arguments: [
            ("binary", ProblemType.binary, "'binary' has exactly 2 distinct values"),
            ("multi", .multiclass, "'multi' holds text with 3 distinct values (3 to 100)"),
            ("value", .regression, "'value' holds numbers with 300 distinct values"),
        ])
    func rules(target: String, problem: ProblemType, rule: String) throws {
        let analysis = try TargetAnalysis.analyze(table, target: target, problem: nil)
        #expect(analysis.problem == problem)
        #expect(analysis.rule == rule)
    }

    @Test("yes is the positive class, as Autopilot's label encoder makes it")
    func positiveClass() throws {
        let analysis = try TargetAnalysis.analyze(table, target: "binary", problem: nil)
        #expect(analysis.classes == ["no", "yes"])
        #expect(analysis.positiveClass == "yes")
    }

    @Test(
        "bad targets get a clear error",
        arguments: [
            ("nope", nil, AutopilotError.noSuchTarget("nope", suggestions: [])),
            ("constant", nil, .targetOneClass("constant", value: "7")),
            ("multi", ProblemType.regression, .targetNotNumeric("multi")),
            ("multi", .binary, .notBinary("multi", distinct: 3)),
        ] as [(String, ProblemType?, AutopilotError)])
    func badTargets(target: String, problem: ProblemType?, expected: AutopilotError) {
        do {
            _ = try TargetAnalysis.analyze(table, target: target, problem: problem)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == expected.message)
        }
    }

    @Test("ids, constants and excluded columns are dropped with a reason")
    func plan() {
        let plan = FeaturePlan.make(table, target: "binary", exclude: ["value"])
        #expect(plan.features.map(\.name) == ["x1", "x2", "color", "multi"])
        #expect(plan.dropped.map(\.name) == ["id", "constant", "value"])
        #expect(
            plan.dropped.map(\.reason) == [
                "unique per row, like an id", "constant: one value in every row", "excluded (exclude=)",
            ])
    }
}
