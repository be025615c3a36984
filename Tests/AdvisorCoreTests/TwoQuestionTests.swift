/// "What does a DBA earn and what do they do?": both questions answered, in order, the second
/// in the light of the first; the line reports the first question's reading.
import Testing
@testable import AdvisorCore

@Suite struct TwoQuestionTests {
    static func answer(_ line: String, in session: inout Session) -> (Understanding, String)? {
        guard case .answer(let u, let text) = session.respond(to: line) else { return nil }
        return (u, text)
    }

    @Test func bothQuestionsAreAnswered() throws {
        var session = TestData.session()
        let (u, text) = try #require(Self.answer("what is the salary of a system analyst and what do they do", in: &session))
        #expect(ContextRuleTests.reading(.answer(u, text: text)) == "role.salary role=system-analyst")
        #expect(u.reason.hasSuffix("; it goes on to ask role.describe, answered after"))
        let parts = text.components(separatedBy: "\n\n")
        #expect(parts.count == 2)
        #expect(parts[0] == "A System Analyst earns ₹5–8 LPA on average in India.\n(LPA = lakh rupees per annum. Source: Glassdoor average salaries in India, as quoted in the article (updated Dec 27, 2024).)")
        #expect(parts[1].hasPrefix("System Analyst: Analyze systems and improve back-end performance."))
        // One suggestion, the second answer's, at the very end.
        #expect(text.components(separatedBy: "You could ask next:").count == 2)
        #expect(text.hasSuffix("You could ask next: what does that role earn?"))
        // The conversation goes on from the second question.
        ContextRuleTests.walk([("and a cloud engineer?", "role.describe role=cloud-engineer")], in: &session)
    }

    @Test(arguments: [
        ("What does a DBA earn? What skills do they need?", "role.salary role=database-administrator", "To work as a Database Administrator"),
        ("what is backend and how does it differ from frontend", "backend.definition", "Back-end developers are the ones who make websites and apps work."),
        ("tell me about docker and also what is kubernetes", "tool.describe tool=docker", "Kubernetes (Containers and deployment)"),
        ("I know java and what should I learn next", "profile.update tool=java", "Your next step is step 2"),
    ])
    func theSecondQuestionFollowsTheFirst(line: String, reading: String, second: String) throws {
        var session = TestData.session()
        let (u, text) = try #require(Self.answer(line, in: &session))
        #expect(ContextRuleTests.reading(.answer(u, text: text)) == reading)
        #expect(text.components(separatedBy: "\n\n").last?.hasPrefix(second) == true)
    }

    /// The same question twice, or a first part the advisor declines: one answer, as before.
    @Test(arguments: [
        ("what is docker? how is it used?", "tool.describe tool=docker"),
        ("i am hungry and what does a devops engineer earn", "role.salary role=devops-engineer"),
        ("what is the difference between python and java", "tool.compare tool=python,java"),
    ])
    func oneQuestionIsAnsweredOnce(line: String, reading: String) throws {
        var session = TestData.session()
        let (u, text) = try #require(Self.answer(line, in: &session))
        #expect(ContextRuleTests.reading(.answer(u, text: text)) == reading)
        #expect(!u.reason.contains("goes on to ask"))
        #expect(!text.contains("\n\n"))
    }
}
