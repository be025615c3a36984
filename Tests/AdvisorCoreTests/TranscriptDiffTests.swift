/// The line diff replay prints: the same hunks `diff -u` would give for the same lines.
import Testing
@testable import AdvisorCore

@Suite struct TranscriptDiffTests {
    static func lines(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }

    @Test func equalTextsHaveNoDiff() {
        #expect(LineDiff.unified(expected: ["a", "b"], actual: ["a", "b"]) == "")
        #expect(LineDiff.unified(expected: [], actual: []) == "")
    }

    @Test func oneChangedLineWithThreeLinesOfContext() {
        let diff = LineDiff.unified(expected: Self.lines("1 2 3 4 5 6 7 8 9"), actual: Self.lines("1 2 3 4 five 6 7 8 9"))
        #expect(diff == """
            --- expected
            +++ actual
            @@ -2,7 +2,7 @@
             2
             3
             4
            -5
            +five
             6
             7
             8
            """)
    }

    @Test func distantChangesMakeTwoHunksAndCloseOnesOne() {
        let old = Self.lines("a b c d e f g h i j k l m n o")
        var new = old
        new[1] = "B"
        new[13] = "N"
        #expect(LineDiff.unified(expected: old, actual: new) == """
            --- expected
            +++ actual
            @@ -1,5 +1,5 @@
             a
            -b
            +B
             c
             d
             e
            @@ -11,5 +11,5 @@
             k
             l
             m
            -n
            +N
             o
            """)
        new = old
        new[1] = "B"
        new[8] = "I"  // six unchanged lines apart: the contexts meet
        #expect(LineDiff.unified(expected: old, actual: new).split(separator: "\n").filter { $0.hasPrefix("@@") }
                    == ["@@ -1,12 +1,12 @@"])
    }

    @Test func additionsAndRemovalsAtTheEdges() {
        #expect(LineDiff.unified(expected: [], actual: ["new"]) == "--- expected\n+++ actual\n@@ -0,0 +1 @@\n+new")
        #expect(LineDiff.unified(expected: ["old"], actual: []) == "--- expected\n+++ actual\n@@ -1 +0,0 @@\n-old")
        #expect(LineDiff.unified(expected: ["a", "b"], actual: ["a", "b", "c"])
                    == "--- expected\n+++ actual\n@@ -1,2 +1,3 @@\n a\n b\n+c")
    }

    @Test func removedLinesComeBeforeAddedOnes() {
        #expect(LineDiff.unified(expected: ["x", "old 1", "old 2", "y"], actual: ["x", "new 1", "new 2", "y"]) == """
            --- expected
            +++ actual
            @@ -1,4 +1,4 @@
             x
            -old 1
            -old 2
            +new 1
            +new 2
             y
            """)
    }

    @Test func alignsOnTheLongestCommonLines() {
        // A line moved from the top to the bottom: one removal, one addition, the rest kept.
        #expect(LineDiff.unified(expected: Self.lines("m a b c"), actual: Self.lines("a b c m")) == """
            --- expected
            +++ actual
            @@ -1,4 +1,4 @@
            -m
             a
             b
             c
            +m
            """)
    }
}
