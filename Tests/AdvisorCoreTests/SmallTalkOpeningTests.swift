/// Guards lines that open with small talk and go on with a question ("hello! what is backend
/// development"): the question is answered; a line that is small talk throughout, or whose
/// second clause is off-topic, stays small talk.
import Testing
@testable import AdvisorCore

@Suite struct SmallTalkOpeningTests {
    static func reading(_ line: String) -> (Intent, [EntityType: [String]]) {
        var session = TestData.session()
        guard case .answer(let u, _) = session.respond(to: line) else { return (.outOfScope, [:]) }
        return (u.intent, u.entities)
    }

    @Test(arguments: [
        ("hello! what is backend development", Intent.backendDefinition, [EntityType: [String]]()),
        ("hi, how are you? what does a devops engineer earn", .roleSalary, [.role: ["devops-engineer"]]),
        ("hello there, can you help me? I want to know what skills an API developer needs", .roleSkills, [.role: ["api-developer"]]),
        ("thanks! and which role pays the most?", .roleRank, [.order: ["highest"]]),
    ])
    func theQuestionAfterTheGreetingIsAnswered(line: String, intent: Intent, entities: [EntityType: [String]]) {
        let (read, found) = Self.reading(line)
        #expect(read == intent)
        #expect(found == entities)
    }

    @Test(arguments: [("thanks! bye", Intent.goodbye), ("hi. what's the weather like", .greet), ("hello, how are you doing today", .greet),
                      ("thanks for explaining the devops role", .thank)])
    func smallTalkThroughoutStaysSmallTalk(line: String, intent: Intent) {
        #expect(Self.reading(line).0 == intent)
    }

    @Test func clauseBreaksNeedASpaceAfterThem() {
        #expect(Session.clauses(after: "hi, what is node.js for? tell me more") == ["what is node.js for? tell me more", "tell me more"])
        #expect(Session.clauses(after: "hello, there").isEmpty)
    }

    /// Only the first few clause breaks of a line's opening are tried: a pasted line of
    /// 100,000 of them is answered as at once (it used to be split at every one).
    @Test func aLineOfManyClausesIsReadOnce() {
        var session = TestData.session()
        #expect(Session.clauseSplits(of: "hi" + String(repeating: ", hello there", count: 100_000)).count == 8)
        guard case .answer(let u, _) = session.respond(to: "hi" + String(repeating: ", hello there", count: 100_000)) else {
            Issue.record("no answer")
            return
        }
        #expect(u.intent == .greet)
    }

    /// `:why` says why the greeting was passed over.
    @Test func whySaysTheGreetingWasPassedOver() {
        var session = TestData.session()
        _ = session.respond(to: "hello! what is backend development")
        #expect(session.last?.reason.hasPrefix("it opens with small talk, and what follows ") == true)
    }
}
