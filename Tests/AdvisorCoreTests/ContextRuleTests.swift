/// Guards each rule of the conversation's context (the contract's Context section): a
/// conversation is typed turn by turn and each turn's reading is checked whole.
import Testing
@testable import AdvisorCore

@Suite struct ContextRuleTests {
    /// A conversation: each line with the reading expected of it ("intent type=ids …").
    static func walk(_ turns: [(String, String)], in session: inout Session, sourceLocation: SourceLocation = #_sourceLocation) {
        for (line, expected) in turns {
            #expect(reading(session.respond(to: line)) == expected, "\"\(line)\"", sourceLocation: sourceLocation)
        }
    }

    /// How `line` reads as the first line of a fresh conversation ("intent type=ids …").
    static func freshReading(_ line: String) -> String {
        var session = TestData.session()
        return reading(session.respond(to: line))
    }

    static func reading(_ reply: Session.Reply) -> String {
        switch reply {
        case .answer(let u, _):
            let entities = EntityType.allCases.compactMap { t in u.entities[t].map { "\(t.rawValue)=\($0.joined(separator: ","))" } }
            return ([u.intent.rawValue] + entities).joined(separator: " ")
        case .command(let name, _): return ":\(name)"
        case .error(let message): return "error: \(message)"
        }
    }

    @Test func aFollowUpThatChangesOnlyTheEntity() {
        var session = TestData.session()
        Self.walk([
            ("how much do DevOps engineers make?", "role.salary role=devops-engineer"),
            ("and a cloud engineer?", "role.salary role=cloud-engineer"),
            ("what is Flask?", "tool.describe tool=flask"),
            ("what about Django?", "tool.describe tool=django"),
        ], in: &session)
    }

    /// A bare topic right after a role ("skills?") is about that role, as "what skills does
    /// that role need?" would be, with no question back; the same word in a fresh conversation,
    /// or after a tool, is about the job in general.
    @Test func aBareTopicAfterARoleIsAboutThatRole() {
        var session = TestData.session()
        Self.walk([
            ("what does a cloud engineer earn", "role.salary role=cloud-engineer"),
            ("skills?", "role.skills role=cloud-engineer"),
            ("what does a devops engineer do", "role.describe role=devops-engineer"),
            ("and the skills?", "role.skills role=devops-engineer"),
            ("salary?", "role.salary role=devops-engineer"),
        ], in: &session)
        var fresh = TestData.session()
        Self.walk([("skills?", "skills.list")], in: &fresh)
        var afterATool = TestData.session()
        Self.walk([("what is django", "tool.describe tool=django"), ("skills?", "skills.list")], in: &afterATool)
        var everyday = TestData.session()
        Self.walk([("what does a devops engineer do", "role.describe role=devops-engineer"), ("the weather?", "out_of_scope")], in: &everyday)
    }

    @Test func aFollowUpThatChangesOnlyTheTopic() {
        var session = TestData.session()
        Self.walk([
            ("what does a DevOps engineer do?", "role.describe role=devops-engineer"),
            ("and a cloud engineer?", "role.describe role=cloud-engineer"),
            ("which pays more?", "role.compare role=devops-engineer,cloud-engineer"),
            ("what skills does that need?", "role.skills role=cloud-engineer"),
            ("what do they do?", "role.describe role=cloud-engineer"),
            ("salary?", "role.salary role=cloud-engineer"),
            ("what are all the salaries?", "role.salary"),
        ], in: &session)
    }

    @Test func aReferenceToWhatTheAdvisorNamed() {
        var session = TestData.session()
        Self.walk([
            ("which role pays the most?", "role.rank order=highest"),
            ("what does that role involve?", "role.describe role=software-architect"),
            ("and the least?", "role.rank order=lowest"),
            ("how much does it pay?", "role.salary role=junior-backend-developer"),
        ], in: &session)
    }

    /// "Each of them", "they", "both" after an answer that named several: all of them; a
    /// singular "that role" after a ranking: the one the answer named.
    @Test func aPluralReferenceTakesEveryValueTheLastAnswerNamed() {
        var session = TestData.session()
        Self.walk([
            ("compare devops and cloud engineer", "role.compare role=devops-engineer,cloud-engineer"),
            ("what does each of them do?", "role.describe role=devops-engineer,cloud-engineer"),
            ("what do they earn?", "role.salary role=devops-engineer,cloud-engineer"),
        ], in: &session)
        var tools = TestData.session()
        Self.walk([
            ("compare django and flask", "tool.compare tool=django,flask"),
            ("tell me about both", "tool.describe tool=django,flask"),
        ], in: &tools)
    }

    /// A line about the job in general ("a backend developer") borrows no role from the
    /// context for an intent that never takes it.
    @Test func theJobInGeneralBorrowsNoRole() {
        var session = TestData.session()
        _ = session.respond(to: "what does a software architect earn")
        guard case .answer(let u, _) = session.respond(to: "what programming languages should a backend developer learn") else {
            Issue.record("no answer")
            return
        }
        #expect(u.entities[.role] == nil)
        #expect(u.intent != .roleSkills)
    }

    @Test func contextSurvivesAnOutOfScopeTurnAndResetClearsIt() {
        var session = TestData.session()
        Self.walk([
            ("how much does a DBA earn", "role.salary role=database-administrator"),
            ("what's the weather in Delhi?", "out_of_scope"),
            ("and a system analyst?", "role.salary role=system-analyst"),
            (":reset", ":reset"),
            // With nothing to follow, a bare role name asks what the role is.
            ("and a system analyst?", "role.describe role=system-analyst"),
            // With one role in the context there is nothing to compare: its pay is the answer.
            ("which one pays more?", "role.salary role=system-analyst"),
        ], in: &session)
    }

    /// A new question does not borrow the role of the last answer to look in scope.
    @Test func aNewQuestionDoesNotBorrowFromTheContext() {
        var session = TestData.session()
        Self.walk([
            ("what does a system analyst earn", "role.salary role=system-analyst"),
            ("who is the ceo of google", "out_of_scope"),
            ("what do they do?", "role.describe role=system-analyst"),
        ], in: &session)
    }

    @Test func comparisonsGrowFromTheContext() {
        var session = TestData.session()
        Self.walk([
            ("devops engineer vs cloud engineer pay", "role.compare role=devops-engineer,cloud-engineer"),
            ("add cybersecurity specialist to the comparison", "role.compare role=devops-engineer,cloud-engineer,cybersecurity-specialist"),
            ("what does that last one do?", "role.describe role=cybersecurity-specialist"),
        ], in: &session)
    }

    /// With no role at hand, a comparison asks which roles instead of answering nothing.
    @Test func aComparisonWithNothingToCompareAsksWhich() {
        var session = TestData.session()
        guard case .answer(_, let text) = session.respond(to: "which one pays more?") else {
            Issue.record("no answer")
            return
        }
        #expect(text.hasPrefix("Which roles should I compare? Name two or more of: Back-End Developer, Junior Back-End Developer, "))
    }
}

/// Guards the clarifying question: when two readings are too close, the advisor asks which,
/// naming both, and a short reply picks one. The ambiguity margin is widened in a copy of
/// the data so that the question is asked whatever the scores of the day. With the sentence
/// encoder the question is asked only where meaning cannot choose either (`MeaningStage`), so
/// the question itself is shown on the lexical matcher alone.
@Suite struct ClarificationTests {
    static func ambiguousAdvisor(model: EncoderModel = .none) throws -> Advisor {
        let root = try TestData.copyOfData()
        let settings = "\(root)/Intents/matching.yaml"
        let text = try String(contentsOfFile: settings, encoding: .utf8)
        let widened = text.replacingOccurrences(of: "\nambiguity_margin: 0.02\n", with: "\nambiguity_margin: 1.0\n")
        #expect(widened != text, "matching.yaml no longer reads 'ambiguity_margin: 0.02'")
        try widened.write(toFile: settings, atomically: true, encoding: .utf8)
        return try Advisor.load(from: DataRoot(path: root), model: model)
    }

    /// A bare role name reads, by meaning, as the role described: nothing is asked back.
    @Test func meaningChoosesWhereItCan() throws {
        var session = try Self.ambiguousAdvisor(model: TestData.model).session()
        guard case .answer(let u, let text) = session.respond(to: "cloud engineer") else {
            Issue.record("no answer")
            return
        }
        #expect(u.clarification == nil)
        #expect(u.intent == .roleDescribe)
        #expect(text.hasPrefix("Cloud Engineer: Work with cloud platforms like AWS to manage back-end."))
    }

    /// A bare role name could ask what the role does or what it earns; no key word settles it.
    @Test func asksWhichReadingAndTheSecondPicksTheSecond() throws {
        var session = try Self.ambiguousAdvisor().session()
        guard case .answer(let asked, let question) = session.respond(to: "cloud engineer") else {
            Issue.record("no answer")
            return
        }
        #expect(asked.clarification == [.roleDescribe, .roleSalary])
        #expect(question == "Do you mean what the role does, or the salary? (Say \"the first\" or \"the second\".)")
        guard case .answer(let chosen, let answer) = session.respond(to: "the second") else {
            Issue.record("no answer")
            return
        }
        #expect(chosen.intent == .roleSalary)
        #expect(chosen.entities == [.role: ["cloud-engineer"]])
        #expect(answer.hasPrefix("A Cloud Engineer earns ₹6–10 LPA on average in India."))
    }

    @Test func aWordOfTheReadingPicksIt() throws {
        var session = try Self.ambiguousAdvisor().session()
        _ = session.respond(to: "cloud engineer")
        guard case .answer(let chosen, _) = session.respond(to: "the salary") else {
            Issue.record("no answer")
            return
        }
        #expect(chosen.intent == .roleSalary)
        #expect(chosen.entities == [.role: ["cloud-engineer"]])
    }

    /// A key word of one reading settles it without a question.
    @Test func aKeyWordSettlesItWithoutAsking() throws {
        var session = try Self.ambiguousAdvisor().session()
        guard case .answer(let u, _) = session.respond(to: "what does a cloud engineer earn") else {
            Issue.record("no answer")
            return
        }
        #expect(u.clarification == nil)
        #expect(u.intent == .roleSalary)
    }

    @Test func aNewQuestionInsteadOfAReplyIsAnsweredAsItself() throws {
        var session = try Self.ambiguousAdvisor().session()
        _ = session.respond(to: "cloud engineer")
        guard case .answer(let next, _) = session.respond(to: "hello") else {
            Issue.record("no answer")
            return
        }
        #expect(next.intent == .greet)
    }

    /// "I'm not interested in Java" may tell the advisor about oneself or ask whether the work
    /// suits; until the person says which, nothing is noted. A reply that names something else
    /// ("forget that I know Django") is a new line, not a choice.
    @Test func nothingIsNotedUntilTheReadingIsChosen() throws {
        var session = TestData.lexical.session()
        _ = session.respond(to: "I know Django and Java")
        guard case .answer(let asked, let question) = session.respond(to: "I'm not interested in Java") else {
            Issue.record("no answer")
            return
        }
        #expect(asked.clarification == [.profileUpdate, .careerFit])
        #expect(question.hasPrefix("Do you mean noting what you told me about yourself, or whether back-end work suits you?"))
        #expect(session.profile.knows == ["django", "java"])
        guard case .answer(let next, let noted) = session.respond(to: "forget that I know Django") else {
            Issue.record("no answer")
            return
        }
        #expect(next.intent == .profileUpdate)
        #expect(noted == "Noted: you don't know Django yet.")
        #expect(session.profile.knows == ["java"])
    }
}
