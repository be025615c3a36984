/// Recording a real conversation, replaying it green, and what replay says when an answer
/// or a reading no longer matches: the report's whole text, the reason, and `--update`.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct TranscriptReplayTests {
    static let lines = ["how much does a devops engineer make?", "and a cloud engineer?", "what do they do?", ":reset", "hi"]
    static let recorded = TranscriptRecorder.record(lines, advisor: TestData.advisor, comments: ["salary follow-ups"])
    static let file = "salary.transcript"

    /// Replays `text` as the file `salary.transcript`.
    static func replay(_ text: String, advisor: Advisor = TestData.advisor) throws -> TranscriptOutcome {
        let transcript = try Transcript.parse(text, file: file)
        let result = TranscriptReplayer(advisor: advisor).replay(transcript)
        return TranscriptOutcome(file: file, status: result.passed ? .passed(turns: result.turnCount) : .failed(result), text: text)
    }

    static func failures(_ outcome: TranscriptOutcome) -> [TurnFailure] {
        if case .failed(let result) = outcome.status { return result.failures } else { return [] }
    }

    /// `text` with the first `old` replaced by `new`; fails when there is none.
    static func edit(_ text: String, _ old: String, _ new: String) throws -> String {
        let parts = text.components(separatedBy: old)
        try #require(parts.count >= 2, "'\(old)' is not in the transcript")
        return parts[0] + new + parts.dropFirst().joined(separator: old)
    }

    @Test func recordsEveryTurnWithItsReading() {
        let text = Self.recorded.render()
        #expect(text.hasPrefix("# advisor transcript\n# salary follow-ups\n\n> how much does a devops engineer make?\n= role.salary role=devops-engineer\nA DevOps Engineer earns ₹6–10 LPA"))
        #expect(text.contains("\n\n> and a cloud engineer?\n= role.salary role=cloud-engineer\n"))
        #expect(text.contains("\n\n> what do they do?\n= role.describe role=cloud-engineer\n"))
        #expect(text.contains("\n\n> :reset\n") && !text.contains("\n> :reset\n="))
        #expect(text.contains("\n\n> hi\n= greet\n"))
        #expect(TranscriptRecorder.record(Self.lines, advisor: TestData.advisor, comments: ["salary follow-ups"]).render() == text)
    }

    @Test func leavesOutWhatOnlyTheFrontEndKnows() {
        var session = TestData.session()
        session.history = ["an earlier session's line"]
        var recorder = TranscriptRecorder()
        for line in ["hi", ":history", ":reset"] { recorder.record(line, session.respond(to: line)) }
        #expect(recorder.transcript.turns.map(\.user) == ["hi", ":reset"])
    }

    @Test func commentsAreWrittenOneLineEach() {
        var recorder = TranscriptRecorder(comments: ["what it shows", "# already a comment"])
        var session = TestData.session()
        recorder.record("hi", session.respond(to: "hi"))
        recorder.comment("two\nlines")
        recorder.record(":reset", session.respond(to: ":reset"))
        #expect(recorder.transcript.entries.compactMap { if case .comment(let c) = $0 { c } else { nil } }
                    == ["# advisor transcript", "# what it shows", "# already a comment", "# two", "# lines"])
        #expect(recorder.transcript.render().contains("\n\n# two\n# lines\n> :reset\n"))
    }

    @Test func rerecordingFillsInASkeletonAndKeepsItsComments() throws {
        let skeleton = try Transcript.parse("# advisor transcript\n# salary follow-ups\n\n" + Self.lines.map { "> " + $0 }.joined(separator: "\n\n"), file: "s")
        #expect(TranscriptRecorder.rerecord(skeleton, advisor: TestData.advisor) == Self.recorded)
        let edited = try Transcript.parse(try Self.edit(Self.recorded.render(), "= greet", "= thank"), file: "e")
        #expect(TranscriptRecorder.rerecord(edited, advisor: TestData.advisor).render() == Self.recorded.render())
    }

    @Test func aRecordedSessionReplaysGreen() throws {
        let outcome = try Self.replay(Self.recorded.render())
        #expect(outcome.passed)
        #expect(TranscriptReport.render([outcome]) == "1 passed, 0 failed\n")
        #expect(TranscriptReport.exitStatus([outcome]) == 0)
    }

    @Test func anEditedAnswerFailsWithItsDiffAndReason() throws {
        let text = try Self.edit(Self.recorded.render(), "earns ₹6–10 LPA", "earns ₹7–11 LPA")
        let outcome = try Self.replay(text)
        let failures = Self.failures(outcome)
        try #require(failures.count == 1)
        #expect(failures[0].reason == "same understanding, different text")
        #expect(failures[0].line == 4)

        let answer = Transcript.answerLines(Self.recorded.turns[0].answer)
        let context = answer.dropFirst().prefix(3).map { " " + $0 }
        let report = ["salary.transcript:4: same understanding, different text",
                      "> how much does a devops engineer make?",
                      "--- expected",
                      "+++ actual",
                      "@@ -1,\(context.count + 1) +1,\(context.count + 1) @@",
                      "-A DevOps Engineer earns ₹7–11 LPA on average in India.",
                      "+A DevOps Engineer earns ₹6–10 LPA on average in India."]
            + context + ["", "0 passed, 1 failed", ""]
        #expect(TranscriptReport.render([outcome]) == report.joined(separator: "\n"))
        #expect(TranscriptReport.exitStatus([outcome]) == 1)
    }

    @Test func anotherIntentIsNamedInTheReason() throws {
        let text = try Self.edit(Self.recorded.render(), "= role.describe role=cloud-engineer", "= role.salary role=cloud-engineer")
        let outcome = try Self.replay(text)
        let failures = Self.failures(outcome)
        try #require(failures.count == 1)
        #expect(failures[0].reason == "intent changed role.salary → role.describe")
        #expect(failures[0].diff == "")
        let line = try Transcript.parse(text, file: Self.file).turns[2].line
        #expect(TranscriptReport.render([outcome])
                    == "salary.transcript:\(line): intent changed role.salary → role.describe\n> what do they do?\n\n0 passed, 1 failed\n")
    }

    @Test func entityChangesAreNamedByTypeAndID() throws {
        let changed = try Self.replay(try Self.edit(Self.recorded.render(), "= role.salary role=cloud-engineer", "= role.salary role=devops-engineer"))
        #expect(Self.failures(changed).map(\.reason) == ["entity changed: role devops-engineer → cloud-engineer"])
        let added = try Self.replay(try Self.edit(Self.recorded.render(), "= role.describe role=cloud-engineer", "= role.describe"))
        #expect(Self.failures(added).map(\.reason) == ["entity added: role cloud-engineer"])
        let removed = try Self.replay(try Self.edit(Self.recorded.render(), "= greet", "= greet level=student"))
        #expect(Self.failures(removed).map(\.reason) == ["entity removed: level student"])
    }

    @Test func aChangedCommandReplySaysSo() throws {
        let text = try Self.edit(Self.recorded.render(), "> :reset\n" + Self.recorded.turns[3].answer, "> :reset\nForgot it all.")
        #expect(Self.failures(try Self.replay(text)).map(\.reason) == ["same command, different text"])
        let refused = try Self.replay("> :frobnicate\nDone.\n")
        #expect(Self.failures(refused).map(\.reason) == ["the command is now refused"])
    }

    @Test func aTurnWithoutReadingComparesTheAnswerOnly() throws {
        let text = try Self.edit(Self.recorded.render(), "= greet\n", "")
        #expect(try Self.replay(text).passed)
        let changed = try Self.replay(try Self.edit(text, Self.recorded.turns[4].answer, "Howdy!"))
        #expect(Self.failures(changed).map(\.reason) == ["different text (the turn has no '=' line, so its reading is not compared)"])
    }

    @Test func aDeclineBelowTheThresholdSaysWhy() throws {
        let line = "tell me about the salary of a devops person"
        let text = TranscriptRecorder.record([line], advisor: TestData.advisor).render()
        try #require(text.contains("= role.salary role=devops-engineer\n"))

        let strict = try Self.advisor(threshold: "0.99")
        var session = strict.session()
        guard case .answer(let declined, _) = session.respond(to: line) else { Issue.record("not an answer"); return }
        try #require(declined.intent == .outOfScope)

        let failures = Self.failures(try Self.replay(text, advisor: strict))
        try #require(failures.count == 1)
        #expect(failures[0].reason == "fell below the threshold: now out_of_scope (\(declined.reason))")
        #expect(failures[0].reason.hasPrefix("fell below the threshold: now out_of_scope (the best match, "))
    }

    @Test func updateAcceptsTheNewAnswersAndKeepsTheRestByteIdentical() throws {
        let original = Self.recorded.render()
        // A hand-made layout the writer would not produce (two blank lines, a comment glued
        // to its turn, `>x`) must survive the update untouched.
        var text = try Self.edit(original, "\n\n> hi\n", "\n\n\n# say hello\n>hi\n")
        let handMade = text
        text = try Self.edit(text, "earns ₹6–10 LPA", "earns ₹7–11 LPA")
        text = try Self.edit(text, "= role.describe role=cloud-engineer", "= role.salary role=cloud-engineer")
        let outcome = try Self.replay(text)
        #expect(Self.failures(outcome).map(\.index) == [0, 2])

        let updated = try TranscriptUpdate.updated(text, file: Self.file, failures: Self.failures(outcome))
        #expect(updated == handMade)
        #expect(try Self.replay(updated).passed)
        #expect(try TranscriptUpdate.updated(handMade, file: Self.file, failures: []) == handMade)
    }

    @Test func updateKeepsATurnWithoutReadingWithoutOne() throws {
        let text = "> hi\nHowdy!\n\n# the end\n"
        let failures = Self.failures(try Self.replay(text))
        try #require(failures.count == 1)
        let updated = try TranscriptUpdate.updated(text, file: Self.file, failures: failures)
        #expect(updated == "> hi\n" + Self.recorded.turns[4].answer + "\n\n# the end\n")
    }

    /// The shipped advisor with `threshold:` in `Intents/matching.yaml` set to `value`, on the
    /// lexical matcher alone (the threshold is the matcher's; the encoder would answer by meaning).
    static func advisor(threshold value: String) throws -> Advisor {
        let root = try TestData.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/Intents/matching.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("threshold:") ? "threshold: \(value)" : String($0) }
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try Advisor.load(from: DataRoot(path: root), model: .none)
    }
}
