import Testing
@testable import AdvisorCore

/// What a line may take from the conversation: a line whose own words say nothing of back-end
/// careers ("what is 2 plus 2") borrows no role, however short, and whatever it points at.
@Suite struct BorrowingTests {
    static func readings(_ lines: [String]) -> [String] {
        var session = TestData.session()
        return lines.map { line in
            guard case .answer(let u, _) = session.respond(to: line) else { return "" }
            let roles = u.entities[.role].map { " role=" + $0.joined(separator: ",") } ?? ""
            return u.intent.rawValue + roles
        }
    }

    @Test(arguments: ["what is 2 plus 2", "what colour is it", "how old is he", "do they work weekends", "what is two and two",
                      "what is 2 times 3", "what is one plus one"])
    func anEverydayLineAfterARoleIsDeclined(line: String) {
        #expect(Self.readings(["what does a devops engineer do", line])
            == ["role.describe role=devops-engineer", "out_of_scope"])
        #expect(Self.readings(["how much does a dba earn", line]) == ["role.salary role=database-administrator", "out_of_scope"])
        #expect(Self.readings([line]) == ["out_of_scope"])
    }

    /// A number word points back as the line's only number or after a word that picks; in
    /// sums ("two and two") it counts.
    @Test func aNumberPointsBackAloneOrPicked() {
        #expect(Self.readings(["what does a devops engineer do", "what do I need to learn to become one?"])
            == ["role.describe role=devops-engineer", "role.skills role=devops-engineer"])
        #expect(Self.readings(["compare devops and cloud engineer", "what do the two earn"])
            == ["role.compare role=devops-engineer,cloud-engineer", "role.salary role=devops-engineer,cloud-engineer"])
    }

    /// A line that names its own subject ("which database…") is about it, not about the step
    /// the last answer named.
    @Test func aLineNamingItsSubjectBorrowsNoStep() {
        var session = TestData.session()
        _ = session.respond(to: "what should I learn first, sql or python")
        guard case .answer(let u, _) = session.respond(to: "which database should a beginner learn") else { Issue.record("no answer"); return }
        #expect(u.intent == .toolsList)
        #expect(u.entities == [.category: ["databases"]])
    }

    /// "Is that true?" points at what was said, not at the role of the last answer.
    @Test func aClaimTakesNoRole() {
        #expect(Self.readings(["what does a dba do", "some people say backend is dying. is that so?"])
            == ["role.describe role=database-administrator", "market.outlook"])
        #expect(Self.readings(["what does a dba do", "is that true?"]) == ["role.describe role=database-administrator", "out_of_scope"])
    }

    @Test func aFollowUpInTheDomainStillBorrows() {
        #expect(Self.readings(["what does a devops engineer do", "what is 2 plus 2", "what do they earn?"])
            == ["role.describe role=devops-engineer", "out_of_scope", "role.salary role=devops-engineer"])
        #expect(Self.readings(["compare devops and cloud engineer", "what does each of them do?"])
            == ["role.compare role=devops-engineer,cloud-engineer", "role.describe role=devops-engineer,cloud-engineer"])
    }
}
