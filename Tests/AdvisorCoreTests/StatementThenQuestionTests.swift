/// Guards lines that tell the advisor about oneself and then ask ("I know Java and Spring,
/// what next?"): the profile takes only what the statement says, and the answer notes it, then
/// answers the question for the profile as it now is. The line reports what it asks; what it
/// told is noted on the way.
import Testing
@testable import AdvisorCore

@Suite struct StatementThenQuestionTests {
    static func respond(_ line: String, in session: inout Session) -> (Understanding?, String) {
        guard case .answer(let u, let text) = session.respond(to: line) else { return (nil, "") }
        return (u, text)
    }

    @Test func aStatementThenWhatNextNotesItAndAdvisesFromIt() {
        var session = TestData.session()
        let (u, text) = Self.respond("I know Java and Spring, what next?", in: &session)
        #expect(u?.intent == .stepsNext)
        #expect(u?.entities == [:])
        #expect(session.profile.knows == ["java", "spring"])
        #expect(text.hasPrefix("Noted: you know Java and Spring.\nYour next step is step 2, Understand Frameworks and Databases:"))
        #expect(text.contains("You know Java and Spring; next learn a database such as MySQL and use it from Spring."))
    }

    @Test func aNextStepQuestionAfterAStatementTakesTheStatementIntoAccount() {
        var session = TestData.session()
        let (u, text) = Self.respond("I have learned python. what should i do next?", in: &session)
        #expect(u?.intent == .stepsNext)
        #expect(session.profile.knows == ["python"])
        #expect(text.hasPrefix("Noted: you know Python.\nYour next step is step 2"))
    }

    /// "What is Django?" asks about Django; it does not say Django is known.
    @Test func onlyTheStatementChangesTheProfile() {
        var session = TestData.session()
        let (u, text) = Self.respond("i know mysql, what is django", in: &session)
        #expect(u?.intent == .toolDescribe)
        #expect(u?.entities == [.tool: ["django"]])
        #expect(session.profile.knows == ["mysql"])
        #expect(text.hasPrefix("Noted: you know MySQL.\nDjango (Frameworks):"))
    }

    /// A line that opens as a question tells the profile nothing ("how long will it take me
    /// to learn Django?" used to note Django as known).
    @Test(arguments: ["how long will it take me to learn django", "can i learn django in a month", "should i learn django first"])
    func aQuestionIsNoStatement(line: String) {
        var session = TestData.session()
        let (u, _) = Self.respond(line, in: &session)
        #expect(u?.intent != .profileUpdate)
        #expect(session.profile.isEmpty)
    }

    @Test func aFinishedStepIsNoted() {
        var session = TestData.session()
        let (u, text) = Self.respond("i completed the projects step", in: &session)
        #expect(u?.intent == .profileUpdate)
        #expect(session.profile.done == ["projects"])
        #expect(text == "Noted: you have built projects.")
    }

    @Test func aStatementAloneOrWithThanksIsOnlyNoted() {
        var session = TestData.session()
        #expect(Self.respond("i know python, thanks", in: &session).1 == "Noted: you know Python.")
    }
}
