import Testing
@testable import Frames

@Suite("Numbers printed as pandas prints them")
struct FormattingTests {
    @Test("a column shares its decimals; common trailing zeros go", arguments: [
        ([41188, 40.02406040594348, 10.421249980934046, 17, 98], ["41188.00000", "40.02406", "10.42125", "17.00000", "98.00000"]),
        ([1.1, 1.1, 1.4], ["1.1", "1.1", "1.4"]),
        ([5191.0, 5228.1], ["5191.0", "5228.1"]),
        ([93.994, 93.2], ["93.994", "93.200"]),
        ([.nan, 2.5], ["NaN", "2.5"]),
        ([0.0000001, 1], ["1.000000e-07", "1.000000e+00"]),
    ] as [([Double], [String])])
    func columns(values: [Double], printed: [String]) {
        #expect(NumberFormat.column(values) == printed)
    }

    @Test("shortest form, as Python's repr")
    func shortest() {
        #expect(NumberFormat.shortest(93.994) == "93.994")
        #expect(NumberFormat.shortest(5191) == "5191.0")
        #expect(NumberFormat.shortest(.nan) == "NaN")
    }
}

@Suite("Statistics")
struct StatisticsTests {
    @Test("quantiles interpolate linearly between ranks, like numpy")
    func quantiles() {
        var values: [Double] = [7, 1, 3, 9, 5]
        #expect(Selection.quantiles(&values, [0, 0.25, 0.5, 0.75, 1]) == [1, 3, 5, 7, 9])
        var even: [Double] = [4, 1, 3, 2]
        #expect(Selection.quantiles(&even, [0.25, 0.5, 0.75]) == [1.75, 2.5, 3.25])
    }

    @Test("selection agrees with sorting on random data")
    func selectionMatchesSort() {
        var generator = SplitMix64(seed: 7)
        for n in [1, 2, 17, 100, 1001] {
            let values = (0..<n).map { _ in Double(generator.next() % 50) }
            var copy = values
            let sorted = values.sorted()
            let expected = [0.25, 0.5, 0.75].map { q -> Double in
                let p = q * Double(n - 1), lo = Int(p), f = p - Double(lo)
                return lo + 1 < n ? sorted[lo] + (sorted[lo + 1] - sorted[lo]) * f : sorted[lo]
            }
            let got = Selection.quantiles(&copy, [0.25, 0.5, 0.75])
            for (a, b) in zip(got, expected) { #expect(abs(a - b) < 1e-9) }
        }
    }

    @Test("describe: count, mean, sample std and quartiles; strings get unique, top, freq")
    func describe() throws {
        let frame = try CSVReader.read(Array("x,s\n1,a\n2,b\n3,a\n4,\n".utf8), source: "t.csv")
        let description = frame.describe(all: true)
        let x = try #require(description.entries[0].numeric)
        #expect(x.count == 4)
        #expect(x.mean == 2.5)
        #expect(abs(x.std - 1.2909944487358056) < 1e-15)
        #expect([x.min, x.q25, x.median, x.q75, x.max] == [1, 1.75, 2.5, 3.25, 4])
        #expect(description.entries[1].categorical == .init(count: 3, unique: 2, top: "a", freq: 2))
    }

    @Test("value counts: most frequent first, ties in order of appearance")
    func valueCounts() throws {
        let frame = try CSVReader.read(Array("c\nb\na\nb\nc\na\n\n".utf8), source: "t.csv")
        let counts = frame.columns[0].valueCounts()
        #expect(counts.values == ["b", "a", "c"])
        #expect(counts.counts == [2, 2, 1])
    }

    @Test("a stratified split keeps class shares and is the same for the same seed")
    func split() {
        let strata: [UInt32] = (0..<1000).map { $0 % 10 == 0 ? 1 : 0 }
        let a = RowSplit.split(rowCount: 1000, ratio: 0.8, strata: strata, seed: 42)
        let b = RowSplit.split(rowCount: 1000, ratio: 0.8, strata: strata, seed: 42)
        #expect(a.first == b.first)
        #expect(a.first.count == 800)
        #expect(a.first.filter { strata[$0] == 1 }.count == 80)
        #expect(Set(a.first).isDisjoint(with: a.second))
    }
}
