import Foundation
import TestSupport
import Testing
import TextLayout

/// What a person watching `pilot run` sees while autopilot works, in an 80-column terminal.
@Suite("The live display of a long cell")
struct LiveDisplayTests {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `~12s left` or `~1m05s left`, in seconds.
    static func estimate(_ text: Substring) -> Double? {
        guard let match = text.wholeMatch(of: #/~(?:(\d+)m)?(\d+)s left/#) else { return nil }
        return Double(Int(match.1 ?? "0")! * 60 + Int(match.2)!)
    }

    @Test("autopilot at 80 columns: no doubled text, aligned candidate lines, an estimate that holds at the end")
    func autopilot() throws {
        let folder = ScratchFolder()
        folder.write(GeneratedData.binaryCSV(rows: 3000, seed: 5), to: "data.csv")
        folder.write(
            """
            ```pilot id=load
            load data.csv as d
            ```

            ```pilot id=search
            autopilot d target=y as exp max_candidates=1000 max_runtime=40s seed=1
            ```

            """, to: "book.pilotbook")
        let terminal = try PseudoTerminal(["run", "book.pilotbook"], in: folder.path, columns: 80)
        try terminal.waitFor("Analyzing data")
        let started = terminal.arrivals.last!.time
        try terminal.waitFor("[2/2] search", timeout: .seconds(300))
        let ended = ContinuousClock.now
        #expect(terminal.waitForExit() == 0)

        let lines = terminal.drawnLines
        if let dump = ProcessInfo.processInfo.environment["PILOT_DUMP_SCREEN"] {
            try? terminal.raw.write(toFile: dump, atomically: true, encoding: .utf8)
        }
        for line in lines {
            #expect(line.displayWidth <= 80, "wider than the terminal: \(line)")
            for stage in ["Analyzing data", "Feature engineering", "Model tuning"] {
                #expect(!line.contains(stage + stage), "doubled: \(line)")
            }
        }
        // Candidate notes (`  [ 3/20] linear-dpp2-003    F1 0.6120   0.4s`) line up.
        let candidates = lines.filter { $0.contains(#/^  \[ *\d+\/\d+\] /#) }
        #expect(candidates.count >= 5)
        let columns = Set(candidates.map { $0[..<$0.range(of: " F1 ")!.lowerBound].displayWidth })
        #expect(columns.count == 1, "candidate lines do not line up:\n\(candidates.joined(separator: "\n"))")

        // Every estimate shown in the last quarter of the run is within half of the time that
        // really was left (or two seconds, near the very end).
        let raw = terminal.raw
        let total = Self.seconds(ended - started)
        var worst = 0.0
        for match in raw.matches(of: #/~(?:\d+m)?\d+s left/#) {
            let offset = raw.utf8.distance(from: raw.startIndex, to: match.range.lowerBound)
            guard let arrival = terminal.arrivals.last(where: { $0.offset <= offset }),
                let shown = Self.estimate(match.output)
            else { continue }
            let at = Self.seconds(arrival.time - started)
            guard at >= 0.75 * total else { continue }
            let left = total - at
            if left >= 4 { worst = max(worst, abs(shown - left) / left) }
            #expect(abs(shown - left) <= max(0.5 * left, 2), "at \(at)s of \(total)s: showed \(shown)s left, was \(left)s")
        }
        print("live display: run \(String(format: "%.1f", total))s; worst estimate error in the last quarter: "
              + "\(Int(worst * 100))% of the time left (while 4 s or more were left)")
    }
}
