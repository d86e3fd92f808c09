import Charts
import Testing

@Suite("Bar scales")
struct BarScaleTests {
    @Test("close scores start above zero, at a round number below the lowest")
    func close() {
        let scale = BarScale.showingDifferences([0.6651, 0.6628, 0.6373, 0.6195])
        #expect(scale.isCut)
        #expect(scale.label(scale.floor) == "0.60")
        #expect(scale.ticks.map(scale.label) == ["0.60", "0.62", "0.64", "0.66"])
        #expect(scale.fraction(0.6651) == 1)
        #expect(abs(scale.fraction(0.6195) - 0.0195 / 0.0651) < 1e-9)
    }

    @Test("spread-out scores start at zero", arguments: [[0.3, 0.9], [0.01, 0.5], [4.0, 4.0], [12.0, 0.0]])
    func spread(values: [Double]) {
        let scale = BarScale.showingDifferences(values)
        #expect(!scale.isCut)
        #expect(scale.fraction(values.max()!) == 1)
    }

    @Test("large errors and negative scores get a floor below them")
    func errorsAndNegatives() {
        let errors = BarScale.showingDifferences([152.5, 171.0, 180.25])
        #expect(errors.label(errors.floor) == "140")
        let r2 = BarScale.showingDifferences([-0.2, 0.35, 0.8])
        #expect(r2.label(r2.floor) == "-0.5")
        #expect(r2.ticks.map(r2.label) == ["-0.5", "0.0", "0.5"])
        #expect(r2.fraction(-0.2) > 0)
        let same = BarScale.showingDifferences([-1.5, -1.5])
        #expect(same.fraction(-1.5) == 1)
    }

    @Test("a value that is not a number gets no bar; none at all gives an empty scale")
    func missing() {
        let scale = BarScale.showingDifferences([0.5, .nan, 0.52])
        #expect(scale.fraction(.nan) == 0)
        #expect(scale.label(scale.floor) == "0.49")
        #expect(!BarScale.showingDifferences([.nan]).isCut)
        #expect(BarScale.showingDifferences([.nan]).fraction(1) == 0)
        #expect(BarScale.fromZero([]).fraction(3) == 0)
    }
}
