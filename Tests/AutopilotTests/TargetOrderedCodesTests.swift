import Foundation
import Frames
import Testing

@testable import Autopilot

@Suite("Target-ordered category codes")
struct TargetOrderedCodesTests {
    /// Categories whose shares of "yes" are known: `a` 1/4, `b` 3/4, `c` 2/4 (four rows each),
    /// and `rare`, one "yes" row.
    static let frame = Generated.frame(
        """
        kind,y
        a,yes
        a,no
        a,no
        a,no
        b,yes
        b,yes
        b,yes
        b,no
        c,yes
        c,yes
        c,no
        c,no
        rare,yes
        """)

    static func fit(_ encoding: PipelineDefinition.CategoricalEncoding, rows: [Int]) throws -> FittedPipeline {
        let definition = PipelineDefinition(
            name: "dpp3", encoding: encoding, imputeMedian: false, missingIndicators: false, standardize: false)
        let plan = FeaturePlan.make(frame, target: "y", exclude: [])
        let target = try TargetAnalysis.analyze(frame, target: "y", problem: .binary)
        return FittedPipeline.fit(definition, plan: plan, frame: frame, rows: rows, labels: target.labels)
    }

    @Test("categories are coded in the order of their share of the positive class, a rare one near the middle")
    func order() throws {
        let pipeline = try Self.fit(.targetOrdered, rows: Array(0..<13))
        // Shrunk by 20 rows of the overall share 7/13: rare (1 + 20·7/13)/21 ≈ 0.560 sits
        // between c (0.5 alone) and b, not above b as its own share of 1 would put it.
        #expect(pipeline.categorical[0].categories == ["a", "c", "rare", "b"])
        #expect(pipeline.outputKinds == [.numeric])
        let codes = try pipeline.transform(Self.frame, rows: [0, 4, 8, 12]).values
        #expect(codes == [0, 3, 1, 2])
    }

    @Test("only the rows the pipeline is fitted on order it; plain ordinal codes stay alphabetical")
    func fittedRowsOnly() throws {
        // Without the rows of b, b is unseen: coded missing, as any unseen category.
        let pipeline = try Self.fit(.targetOrdered, rows: [0, 1, 2, 3, 8, 9, 10, 11])
        #expect(pipeline.categorical[0].categories == ["a", "c"])
        #expect(try pipeline.transform(Self.frame, rows: [4]).values[0].isNaN)
        #expect(try Self.fit(.ordinal, rows: Array(0..<13)).categorical[0].categories == ["a", "b", "c", "rare"])
        #expect(try Self.fit(.targetOrdered, rows: Array(0..<13)).definition.summary == "target-ordered codes")
    }

    @Test(
        "a missing category is one of its own, coded between the categories around its mean; an unseen one is missing")
    func missingCategory() throws {
        // a 1/4 "yes", b 3/4, missing 2/4: shrunk toward the overall 1/2, missing sits between.
        let frame = Generated.frame(
            "kind,y\n"
                + ["a", "b", ""].flatMap { kind in
                    ["yes", kind == "b" ? "yes" : "no", kind == "a" ? "no" : "yes", "no"].map { "\(kind),\($0)\n" }
                }.joined()
                + "z,yes\n")
        let definition = PipelineDefinition(
            name: "dpp3", encoding: .targetOrdered, imputeMedian: true, missingIndicators: true, standardize: false)
        let plan = FeaturePlan.make(frame, target: "y", exclude: [])
        let target = try TargetAnalysis.analyze(frame, target: "y", problem: .binary)
        let pipeline = FittedPipeline.fit(
            definition, plan: plan, frame: frame, rows: Array(0..<12), labels: target.labels)
        #expect(pipeline.categorical[0].categories == ["a", "b"])
        #expect(pipeline.categorical[0].missingCode == 0.5)
        let codes = try pipeline.transform(frame, rows: [0, 4, 8, 12]).values
        #expect(Array(codes[0..<3]) == [0, 1, 0.5] && codes[3].isNaN)
        // Without missing rows in training a missing value stays missing.
        let seen = FittedPipeline.fit(definition, plan: plan, frame: frame, rows: Array(0..<8), labels: target.labels)
        #expect(seen.categorical[0].missingCode == nil)
        #expect(try seen.transform(frame, rows: [8]).values[0].isNaN)
    }

    @Test("dpp3 orders by the target with a holdout, alphabetically with cross-validation or many classes")
    func choice() throws {
        let table = Generated.table(rows: 400, seed: 3)
        func dpp3(target: String, limit: Int) throws -> PipelineDefinition? {
            var settings = AutopilotSettings(target: target)
            settings.exclude = ["id", "binary", "multi", "value"].filter { $0 != target }
            settings.crossValidationLimit = limit
            let analysis = try AutopilotJob(frame: table, settings: settings).analyze()
            return analysis.pipelines.first { $0.name == "dpp3" }
        }
        func encoding(target: String, limit: Int) throws -> PipelineDefinition.CategoricalEncoding? {
            try dpp3(target: target, limit: limit)?.encoding
        }
        #expect(
            try dpp3(target: "binary", limit: 100)?.summary == "median impute + missing flags + target-ordered codes")
        #expect(try dpp3(target: "binary", limit: 1000)?.summary == "ordinal codes")
        #expect(try encoding(target: "binary", limit: 100) == .targetOrdered)
        #expect(try encoding(target: "value", limit: 100) == .targetOrdered)
        #expect(try encoding(target: "binary", limit: 1000) == .ordinal)
        #expect(try encoding(target: "multi", limit: 100) == .ordinal)
    }

    @Test("a target-ordered pipeline round-trips through JSON")
    func coding() throws {
        let pipeline = try Self.fit(.targetOrdered, rows: Array(0..<13))
        let decoded = try JSONDecoder().decode(FittedPipeline.self, from: JSONEncoder().encode(pipeline))
        #expect(decoded == pipeline)
    }
}
