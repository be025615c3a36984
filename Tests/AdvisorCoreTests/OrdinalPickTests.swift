/// "The third one", "the last one", "and the next one?": a place in what the last answer
/// listed (the roadmap's steps, a table of roles, the names the advisor asked to choose from).
import Testing
@testable import AdvisorCore

@Suite struct OrdinalPickTests {
    @Test func aPlaceInTheRoadmapIsThatStep() {
        var session = TestData.session()
        ContextRuleTests.walk([
            ("what are the steps to become a backend dev", "steps.roadmap"),
            ("tell me more about the third one", "steps.detail step=projects"),
            ("and the next one?", "steps.detail step=hackathons-and-open-source"),
            ("and the next one?", "steps.detail step=certifications"),
            ("and the next one?", "steps.detail step=certifications"),
            ("what is the next step", "steps.next"),
        ], in: &session)
    }

    @Test func aPlaceInATableOfRolesIsThatRole() {
        var session = TestData.session()
        ContextRuleTests.walk([
            ("list all roles", "role.list"),
            ("what does the second one earn", "role.salary role=full-stack-developer"),
            ("and the last one?", "role.salary role=cloud-engineer"),
            ("what skills does the first one need", "role.skills role=junior-backend-developer"),
        ], in: &session)
        var ranked = TestData.session()
        ContextRuleTests.walk([
            ("which role pays the most", "role.rank order=highest"),
            ("what does the last one do", "role.describe role=junior-backend-developer"),
        ], in: &ranked)
    }

    @Test func aPlaceAmongTheNamesAskedAboutIsThatName() {
        var session = TestData.session()
        ContextRuleTests.walk([
            ("what does that role involve", "role.describe"),
            ("the third one", "role.describe role=api-developer"),
        ], in: &session)
    }

    /// Nothing listed, a place past the end, or a line that names its own: no pick.
    @Test func noPickWithoutAListOrAPlaceInIt() {
        func reason(_ reply: Session.Reply) -> String {
            if case .answer(let u, _) = reply { return u.reason }
            return ""
        }
        var fresh = TestData.session()
        #expect(!reason(fresh.respond(to: "tell me more about the third one")).contains("picks place"))
        var session = TestData.session()
        _ = session.respond(to: "what are the steps to become a backend dev")
        #expect(!reason(session.respond(to: "tell me about the ninth one")).contains("picks place"))
        #expect(!reason(session.respond(to: "what should I learn first")).contains("picks place"))
        ContextRuleTests.walk([("what is the first step", "steps.detail step=learn-languages")], in: &session)
        #expect(reason(session.respond(to: "and the last one?")) == "it picks place -1 of the 5 the last answer listed: step:certifications")
    }

    /// "And the other one?" after a comparison of two is the one not just talked about, asked
    /// as the last question was; "which one" after a table is about the table, "what time is it"
    /// is not.
    @Test func theOtherOfTwoAndWhichOneOfATable() {
        var session = TestData.session()
        ContextRuleTests.walk([
            ("full stack developer vs api developer", "role.compare role=full-stack-developer,api-developer"),
            ("what does an api developer do exactly?", "role.describe role=api-developer"),
            ("and the other one?", "role.describe role=full-stack-developer"),
            ("how much does it pay?", "role.salary role=full-stack-developer"),
        ], in: &session)
        var table = TestData.session()
        ContextRuleTests.walk([
            ("give me salaries for each role", "role.salary"),
            ("what time is it", "out_of_scope"),
            ("and the lowest one?", "role.rank order=lowest"),
        ], in: &table)
    }

    /// "Which one is the highest?" after a table ranks the table; after two roles, "which one
    /// is better" still compares the two, and in a fresh session asks which to compare.
    @Test func anOrderAfterATableRanksIt() {
        var session = TestData.session()
        ContextRuleTests.walk([
            ("give me salaries for each role", "role.salary"),
            ("which one is the highest?", "role.rank order=highest"),
            ("and the lowest one?", "role.rank order=lowest"),
            ("compare those two", "role.compare role=software-architect,junior-backend-developer"),
        ], in: &session)
        var two = TestData.session()
        ContextRuleTests.walk([
            ("what does a devops engineer earn", "role.salary role=devops-engineer"),
            ("and a cloud engineer", "role.salary role=cloud-engineer"),
            ("which one is better", "role.compare role=devops-engineer,cloud-engineer"),
        ], in: &two)
        var fresh = TestData.session()
        ContextRuleTests.walk([("which one is better", "role.compare")], in: &fresh)
    }
}
