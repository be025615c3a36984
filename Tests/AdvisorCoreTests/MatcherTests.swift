/// Guards how lines are read: intent and entities for each family, declines, typos, and the conversation's context.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct MatcherTests {
    struct Reading: Sendable, CustomTestStringConvertible {
        let text: String
        let intent: Intent
        let entities: [EntityType: [String]]
        init(_ text: String, _ intent: Intent, _ entities: [EntityType: [String]] = [:]) {
            self.text = text
            self.intent = intent
            self.entities = entities
        }
        var testDescription: String { "\"\(text)\"" }
    }

    static let singleLines: [Reading] = [
        // salary
        Reading("what is the salary of a cloud engineer", .roleSalary, [.role: ["cloud-engineer"]]),
        Reading("how much does a DBA make", .roleSalary, [.role: ["database-administrator"]]),
        Reading("CTC of a system analyst", .roleSalary, [.role: ["system-analyst"]]),
        Reading("what do an API developer and a system analyst earn?", .roleSalary, [.role: ["api-developer", "system-analyst"]]),
        // describe
        Reading("what does a DevOps engineer do", .roleDescribe, [.role: ["devops-engineer"]]),
        Reading("tell me about the software architect role", .roleDescribe, [.role: ["software-architect"]]),
        Reading("what does a cybersecurity specialist do all day", .roleDescribe, [.role: ["cybersecurity-specialist"]]),
        Reading("what does a back-end developer do", .backendDefinition),
        Reading("tell me about the back end", .backendDefinition),
        // a definition asked for through an analogy is a request for the analogy
        Reading("define backend development with an analogy", .backendAnalogy),
        Reading("what is backend development, with an analogy", .backendAnalogy),
        Reading("tell me what backend development is with a metaphor", .backendAnalogy),
        // compare: both roles, in the order named
        Reading("compare a DevOps engineer and a cloud engineer", .roleCompare, [.role: ["devops-engineer", "cloud-engineer"]]),
        Reading("DBA vs system analyst", .roleCompare, [.role: ["database-administrator", "system-analyst"]]),
        Reading("who earns more, a cloud engineer or a DBA?", .roleCompare, [.role: ["cloud-engineer", "database-administrator"]]),
        // which role to aim for is the roles side by side, not the best-paid one
        Reading("which role should I aim for as a beginner", .roleList),
        // rank
        Reading("which role pays the most?", .roleRank, [.order: ["highest"]]),
        Reading("rank the roles by salary", .roleRank, [.order: ["highest"]]),
        Reading("which role pays the least?", .roleRank, [.order: ["lowest"]]),
        Reading("lowest paid role", .roleRank, [.order: ["lowest"]]),
        // tools
        Reading("what is Django?", .toolDescribe, [.tool: ["django"]]),
        Reading("tell me about PostgreSQL", .toolDescribe, [.tool: ["postgresql"]]),
        Reading("what is node.js used for", .toolDescribe, [.tool: ["nodejs"]]),
        Reading("Python or Java?", .toolCompare, [.tool: ["python", "java"]]),
        Reading("should I learn Django or Flask", .toolCompare, [.tool: ["django", "flask"]]),
        Reading("MySQL vs MongoDB", .toolCompare, [.tool: ["mysql", "mongodb"]]),
        // steps
        Reading("tell me about step 3", .stepsDetail, [.step: ["projects"]]),
        Reading("tell me about step three", .stepsDetail, [.step: ["projects"]]),
        Reading("more on the third step", .stepsDetail, [.step: ["projects"]]),
        Reading("what's a good first project", .stepsDetail, [.step: ["projects"]]),
        // a kind of skill named in full anchors the line; its everyday words alone do not
        Reading("what are the most important soft skills", .skillsList, [.kind: ["soft"]]),
        Reading("how do i improve my soft skills", .skillsList, [.kind: ["soft"]]),
        Reading("what are the best soft drinks", .outOfScope),
        Reading("which database should a beginner learn", .toolsList, [.category: ["databases"]]),
        // whether the field is fading is a question of its outlook
        Reading("is backend development dying", .marketOutlook),
        Reading("is the backend dead", .marketOutlook),
        Reading("my phone battery is dead", .outOfScope),
        // the path as a whole; steps that are walked are no part of it
        Reading("show me the roadmap", .stepsRoadmap),
        Reading("how many steps did I walk today", .outOfScope),
        // out of scope
        Reading("how much does a doctor earn", .outOfScope),
        Reading("what's the weather like today?", .outOfScope),
        Reading("asdfgh jkl", .outOfScope),
        Reading("???", .outOfScope),
        Reading("", .outOfScope),
        // typos
        Reading("devopps enginer salray", .roleSalary, [.role: ["devops-engineer"]]),
    ]

    @Test(arguments: singleLines)
    func readsALineInAFreshSession(reading: Reading) throws {
        var session = TestData.session()
        let understanding = try Self.understanding(session.respond(to: reading.text))
        #expect(understanding.intent == reading.intent)
        #expect(understanding.entities == reading.entities)
        #expect((0...1).contains(understanding.confidence), "confidence \(understanding.confidence)")
    }

    // MARK: Context

    /// A follow-up of names alone with "best" in it is about what "best" qualifies; "the
    /// highest?" alone is a ranking.
    @Test func anOrderInAFollowUpQualifiesWhatItNames() throws {
        var session = TestData.session()
        try Self.expect(&session, "show me the roadmap", .stepsRoadmap, [:])
        try Self.expect(&session, "best backend language", .toolsList, [.category: ["languages"]])
        try Self.expect(&session, "the highest?", .roleRank, [.order: ["highest"]])
    }

    @Test func followUpsCarryTheRole() throws {
        var session = TestData.session()
        try Self.expect(&session, "how much do DevOps engineers make?", .roleSalary, [.role: ["devops-engineer"]])
        try Self.expect(&session, "and a cloud engineer?", .roleSalary, [.role: ["cloud-engineer"]])
        try Self.expect(&session, "what do they do all day?", .roleDescribe, [.role: ["cloud-engineer"]])
    }

    @Test func thatRolePointsAtWhatTheAdvisorNamed() throws {
        var session = TestData.session()
        try Self.expect(&session, "which role pays the most?", .roleRank, [.order: ["highest"]])
        try Self.expect(&session, "what does that role involve?", .roleDescribe, [.role: ["software-architect"]])
    }

    @Test func contextSurvivesAnOutOfScopeTurn() throws {
        var session = TestData.session()
        try Self.expect(&session, "how much do DevOps engineers make?", .roleSalary, [.role: ["devops-engineer"]])
        try Self.expect(&session, "what's the weather like today?", .outOfScope, [:])
        try Self.expect(&session, "and a cloud engineer?", .roleSalary, [.role: ["cloud-engineer"]])

        var ranking = TestData.session()
        try Self.expect(&ranking, "which role pays the most?", .roleRank, [.order: ["highest"]])
        try Self.expect(&ranking, "how much does a doctor earn", .outOfScope, [:])
        try Self.expect(&ranking, "what does that role involve?", .roleDescribe, [.role: ["software-architect"]])
    }

    /// After `:reset` a bare role is no longer a salary follow-up: with nothing to follow, the advisor says what the role does.
    @Test func resetClearsTheContext() throws {
        var session = TestData.session()
        try Self.expect(&session, "how much do DevOps engineers make?", .roleSalary, [.role: ["devops-engineer"]])
        guard case .command(let name, let text) = session.respond(to: ":reset") else {
            Issue.record(":reset is not a command")
            return
        }
        #expect(name == "reset")
        #expect(text == "Starting afresh: I have forgotten this conversation and what you told me about yourself.")
        try Self.expect(&session, "and a cloud engineer?", .roleDescribe, [.role: ["cloud-engineer"]])
    }

    /// A pointer with nothing to point at must not produce an answer with no content: it asks which.
    @Test(arguments: ["what does that role involve?", "what do they do all day?"])
    func aPointerWithoutContextStillGetsAnAnswer(line: String) throws {
        var session = TestData.session()
        let reply = session.respond(to: line)
        let understanding = try Self.understanding(reply)
        guard case .answer(_, let text) = reply else { return }
        let firstLine = text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        #expect(!firstLine.trimmingCharacters(in: .whitespaces).isEmpty, "intent \(understanding.intent.rawValue), answer: \(text)")
        if understanding.intent == .roleDescribe && understanding.entities[.role] == nil {
            // Nothing to point at: the advisor asks which role, naming the ones it knows.
            #expect(text.hasPrefix("Which role do you mean? I know these: Junior Back-End Developer, Full-Stack Developer, "))
            #expect(!text.contains("I know these: Back-End Developer"))
        }
    }

    // MARK: Helpers

    static func understanding(_ reply: Session.Reply, sourceLocation: SourceLocation = #_sourceLocation) throws -> Understanding {
        guard case .answer(let understanding, _) = reply else {
            Issue.record("expected an answer, got \(reply)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        return understanding
    }

    static func expect(_ session: inout Session, _ line: String, _ intent: Intent, _ entities: [EntityType: [String]],
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let understanding = try understanding(session.respond(to: line), sourceLocation: sourceLocation)
        #expect(understanding.intent == intent, "\"\(line)\"", sourceLocation: sourceLocation)
        #expect(understanding.entities == entities, "\"\(line)\"", sourceLocation: sourceLocation)
    }
}

/// `Intent` and `EntityType` compare and hash by their one-byte tag; it must be their place in
/// `allCases`, or sorting by intent would change.
@Suite struct OrdinalTests {
    @Test func theTagIsThePlaceInAllCases() {
        #expect(MemoryLayout<Intent>.size == 1 && MemoryLayout<EntityType>.size == 1)
        #expect(Intent.allCases.map(\.ordinal) == Array(Intent.allCases.indices))
        #expect(EntityType.allCases.map(\.ordinal) == Array(EntityType.allCases.indices))
        #expect(Set(Intent.allCases).count == Intent.allCases.count)
        #expect(Intent.allCases.sorted(by: >).reversed() == Intent.allCases)
    }
}
