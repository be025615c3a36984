/// Guards reading lines ahead (`Session.readAhead`, what `--json` does on a second thread):
/// every answer must be exactly the one the line gets when read in turn, including lines that
/// point back ("what do they earn?") and so must be read again with the conversation's referent.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct ReadAheadTests {
    /// Conversations whose later lines lean on the context in every way the resolver knows.
    static let conversations: [[String]] = [
        ["what does a devops engineer earn", "what do they do?", "and what skills does that need?", "and a cloud engineer?"],
        ["which role pays the most", "what does that role involve", "the salary?", "tell me about it"],
        ["what is django", "what about flask?", "compare them", "which is better for that"],
        ["I know python", "what should I learn next", "I did that too", "what next?", ":reset", "what do they earn?"],
        ["tell me about roles", "the first", "what's the weather", "and its salary?"],
    ]

    static func replies(_ lines: [String], readingAhead: Bool) -> [String] {
        var session = TestData.session()
        let ahead = lines.map { Session.readAhead($0, advisor: TestData.advisor) }
        return lines.indices.map { i in
            JSONLine.render(session.respond(to: lines[i], readAhead: readingAhead ? ahead[i] : nil), input: lines[i])
        }
    }

    @Test(arguments: conversations)
    func aLineReadAheadIsAnsweredAsInTurn(lines: [String]) {
        #expect(Self.replies(lines, readingAhead: true) == Self.replies(lines, readingAhead: false))
    }

    /// Every conversation of the development set, read ahead and in turn.
    @Test(.enabled(if: DevSetAccuracyTests.devSetExists)) func theDevelopmentSetIsAnsweredAlike() throws {
        for evalCase in try EvalCase.load(DevSetAccuracyTests.path) {
            let lines = evalCase.turns.map(\.text)
            #expect(Self.replies(lines, readingAhead: true) == Self.replies(lines, readingAhead: false), "\(evalCase.id)")
        }
    }

    /// A line read ahead for another line is not used.
    @Test func anAnalysisOfAnotherLineIsIgnored() {
        var session = TestData.session()
        let other = Session.readAhead("hello", advisor: TestData.advisor)
        let reply = session.respond(to: "what does a DBA earn", readAhead: other)
        guard case .answer(let u, _) = reply else { Issue.record("no answer"); return }
        #expect(u.intent == .roleSalary)
    }
}
