import Testing

@testable import Runner

@Suite("Comparing outputs within a tolerance")
struct NumericToleranceTests {
    static let tolerance = NumericTolerance(relative: 1e-4)

    @Test(
        "numbers within the relative tolerance match; text around them must be equal",
        arguments: [
            ("auc 0.912345", "auc 0.912346", true),
            ("│ 1 │ no │ 0.0025 │", "│ 1 │ no │ 0.0025 │", true),
            ("-36.4, 1.2e-05", "-36.4, 1.20001e-05", true),
            ("loss 0.5000", "loss 0.5001", false),
            ("auc 0.91", "AUC 0.91", false),
            ("41,188 rows", "41,189 rows", false),
            ("1 row", "2 rows", false),
            ("0 errors", "0.00001 errors", false),
        ])
    func numbers(pair: (String, String, Bool)) {
        #expect(Self.tolerance.matches(pair.0, pair.1) == pair.2)
    }

    @Test("digits inside names and hashes are text, compared exactly")
    func names() {
        #expect(!Self.tolerance.matches("tutorial.ensemble-021", "tutorial.ensemble-022"))
        #expect(!Self.tolerance.matches("src=2210d7c4", "src=2210d7c5"))
        #expect(!Self.tolerance.matches("xgb_100000", "xgb_100001"))
        #expect(NumericTolerance.tokens("a-021 1.5e3,x") == [.text("a-021 "), .number("1.5e3", 1500), .text(",x")])
    }

    @Test("exact by default: any change is a difference")
    func exact() {
        #expect(!NumericTolerance.exact.matches("auc 0.912345", "auc 0.912346"))
        #expect(NumericTolerance.exact.matches("auc 0.912345", "auc 0.912345"))
    }
}
