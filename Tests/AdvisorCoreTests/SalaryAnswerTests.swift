/// Guards the salary answers: every role's exact seed figure, the job in general, and figures that come from data alone.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct SalaryAnswerTests {
    struct SeedRole: Sendable, CustomTestStringConvertible {
        let name: String
        let id: String
        let salary: String
        var testDescription: String { name }
    }

    static let seedRoles = DataLoadingTests.seedTable.map { SeedRole(name: $0.name, id: $0.id, salary: $0.salary) }

    /// Asks `question` in a fresh session of `advisor`; fails the test on a command or an error.
    static func answer(_ question: String, from advisor: Advisor = TestData.advisor,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> (Understanding, String) {
        var session = advisor.session()
        guard case .answer(let understanding, let text) = session.respond(to: question) else {
            Issue.record("'\(question)' was not answered as a question", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        return (understanding, text)
    }

    @Test(arguments: seedRoles)
    func answersEachRolesSeedFigure(role: SeedRole) throws {
        let (understanding, text) = try Self.answer("what does a \(role.name) earn")
        #expect(understanding.intent == .roleSalary)
        #expect(understanding.entities == [.role: [role.id]])
        #expect(text.contains(role.salary), "answer: \(text)")
        #expect(text.contains("LPA = lakh rupees per annum"), "answer: \(text)")
    }

    /// "an" before a vowel is how people write; the article must not change what is asked.
    @Test(arguments: [
        ("what does an API developer earn", "api-developer", "₹4–8 LPA"),
        ("what does an architect earn", "software-architect", "₹25–40 LPA"),
    ])
    func theArticleAnDoesNotTurnASalaryQuestionIntoADescription(question: String, id: String, salary: String) throws {
        let (understanding, text) = try Self.answer(question)
        #expect(understanding.intent == .roleSalary)
        #expect(understanding.entities == [.role: [id]])
        #expect(text.contains(salary), "answer: \(text)")
    }

    @Test func theJobInGeneralGetsTheJuniorAndSeniorRanges() throws {
        let (understanding, text) = try Self.answer("how much does a backend developer make")
        #expect(understanding.intent == .roleSalary)
        #expect(understanding.entities == [.role: ["backend-developer"]])
        #expect(text.contains("₹3–5 LPA"), "answer: \(text)")
        #expect(text.contains("₹7–12 LPA"), "answer: \(text)")
        #expect(text.contains("LPA = lakh rupees per annum"), "answer: \(text)")
    }

    @Test func aChangedFigureInTheDataChangesTheAnswer() throws {
        let root = try TestData.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try TestData.edit(
            "Sources/Knowledge/roles.yaml", in: root,
            replacing: "  responsibility: Automate and manage server infrastructure and processes.\n  salary: \"₹6–10 LPA\"",
            with: "  responsibility: Automate and manage server infrastructure and processes.\n  salary: \"₹6–11 LPA\"")
        let edited = try Advisor.load(from: DataRoot(path: root), model: TestData.model)
        let (understanding, text) = try Self.answer("what does a DevOps engineer earn", from: edited)
        #expect(understanding.entities == [.role: ["devops-engineer"]])
        #expect(text.contains("₹6–11 LPA"), "answer: \(text)")
        #expect(!text.contains("₹6–10 LPA"), "answer: \(text)")
        // The cloud engineer shared the old figure; only the edited role moves.
        let (_, cloud) = try Self.answer("what does a cloud engineer earn", from: edited)
        #expect(cloud.contains("₹6–10 LPA"), "answer: \(cloud)")
    }
}
