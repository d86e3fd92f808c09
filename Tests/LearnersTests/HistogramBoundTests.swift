import Testing

@testable import Learners

@Suite("XGBoost's trees bounded by the memory of their histograms")
struct HistogramBoundTests {
    @Test("bins are each column's distinct values, missing ones not counted, at most max_bin a column")
    func bins() {
        let matrix = DesignMatrix(
            values: [1, 5, .nan, 1, 6, .nan, 2, 7, .nan, 2, 8, .nan],
            rows: 4, columns: 3, kinds: [.numeric, .numeric, .numeric], names: ["a", "b", "c"])
        // a: 1, 2; b: 5, 6, 7, 8 (capped at 3); c: nothing but missing, still one bin.
        #expect(matrix.histogramBins(maxBin: 3) == 2 + 3 + 1)
        #expect(matrix.histogramBins() == 2 + 4 + 1)
    }

    @Test("a tree grown level by level gets a smaller max_depth, one grown leaf by leaf fewer leaves")
    func bound() {
        // 1,000 bins: 16,000 bytes a node; 4 MB hold 262 nodes, a tree of depth 7 (255 nodes).
        let bytes = 4_192_000
        #expect(
            XGBoostTrainer.bounded(["max_depth": 10, "eta": 0.1], bins: 1000, bytes: bytes) == [
                "max_depth": 7, "eta": 0.1,
            ])
        #expect(XGBoostTrainer.bounded(["max_depth": 5], bins: 1000, bytes: bytes) == ["max_depth": 5])
        #expect(XGBoostTrainer.bounded([:], bins: 10_000, bytes: bytes) == ["max_depth": 3], "6 by default, bounded")
        #expect(XGBoostTrainer.bounded([:], bins: 1000, bytes: bytes) == [:], "the default fits: left unset")
        #expect(XGBoostTrainer.bounded(["max_leaves": 512], bins: 1000, bytes: bytes) == ["max_leaves": 131])
        #expect(XGBoostTrainer.bounded(["max_leaves": 64], bins: 1000, bytes: bytes) == ["max_leaves": 64])
        // However many bins, a tree keeps a root and two leaves.
        #expect(XGBoostTrainer.bounded(["max_depth": 6], bins: 1_000_000, bytes: bytes) == ["max_depth": 1])
    }
}
