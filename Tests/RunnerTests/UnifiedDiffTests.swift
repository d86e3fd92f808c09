import Testing
@testable import Runner

@Suite("Unified diff")
struct UnifiedDiffTests {
    @Test("equal texts have no diff")
    func equal() {
        #expect(UnifiedDiff.make(old: "a\nb\n", new: "a\nb\n", oldLabel: "x", newLabel: "y") == "")
    }

    @Test("separate changes far apart make separate hunks, as diff -u does")
    func hunks() {
        let old = (1...20).map(String.init).joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "\n2\n", with: "\ntwo\n").replacingOccurrences(of: "\n18\n", with: "\n")
        #expect(UnifiedDiff.make(old: old, new: new, oldLabel: "a", newLabel: "b") == """
        --- a
        +++ b
        @@ -1,5 +1,5 @@
         1
        -2
        +two
         3
         4
         5
        @@ -15,6 +15,5 @@
         15
         16
         17
        -18
         19
         20

        """)
    }

    @Test("an empty side")
    func emptySide() {
        #expect(UnifiedDiff.make(old: "", new: "a\n", oldLabel: "a", newLabel: "b") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+a\n")
    }

    @Test("20,000 lines with three changes: the hunks diff -u prints, without an n × m table",
          .timeLimit(.minutes(1)))
    func largeInput() {
        let old = (1...20_000).map { "line \($0)" }
        var new = old
        new.insert("new line", at: 19_998)
        new.remove(at: 9_999)
        new[4] = "line five"
        let diff = UnifiedDiff.make(old: old.joined(separator: "\n") + "\n", new: new.joined(separator: "\n") + "\n",
                                    oldLabel: "a", newLabel: "b")
        #expect(diff == """
        --- a
        +++ b
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
         line 8
        @@ -9997,7 +9997,6 @@
         line 9997
         line 9998
         line 9999
        -line 10000
         line 10001
         line 10002
         line 10003
        @@ -19996,5 +19995,6 @@
         line 19996
         line 19997
         line 19998
        +new line
         line 19999
         line 20000

        """)
    }
}
