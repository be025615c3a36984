import Testing
@testable import AdvisorCore

/// Asking in words to be forgotten ("forget everything about me") is declined, as the contract
/// has no intent for it, with the command that does it: `:forget`.
@Suite struct ForgetRequestTests {
    static let pointer = """
        Sorry, I cannot forget from a question. Type :forget and I will forget what you told me about yourself,
        or :reset to start the whole conversation afresh.
        """

    @Test(arguments: ["forget everything about me", "please delete my profile", "erase what I told you", "can you wipe my details?"])
    func aRequestToForgetPointsToTheCommand(line: String) {
        var session = TestData.session()
        _ = session.respond(to: "I know Python")
        guard case .answer(let u, let text) = session.respond(to: line) else {
            Issue.record("no answer")
            return
        }
        #expect(u.intent == .outOfScope)
        #expect(text == Self.pointer)
        // The question forgot nothing; the command does.
        #expect(session.profile.knows == ["python"])
        _ = session.respond(to: ":forget")
        #expect(session.profile.isEmpty)
    }

    @Test func otherLinesWithTheseWordsAreReadAsBefore() {
        var session = TestData.session()
        guard case .answer(let u, let text) = session.respond(to: "forget it") else {
            Issue.record("no answer")
            return
        }
        #expect(u.intent == .outOfScope)
        #expect(text.hasPrefix("Sorry, that is outside what I can answer"))
    }
}
