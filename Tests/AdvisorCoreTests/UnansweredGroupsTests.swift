/// Grouping the logged questions: alike questions (by the advisor's own terms) count together,
/// biggest groups first, each with up to three examples.
import Testing
@testable import AdvisorCore

@Suite struct UnansweredGroupsTests {
    @Test func groupsAlikeQuestionsBiggestFirst() {
        let groups = UnansweredGroups([
            "what is the weather today", "what does a pilot earn", "What does a  pilot earn",
            "how much does a pilot make?", "pilot salary", "weather today?", "tell me a joke", "???",
            "a pilot's salary in india", "is the weather nice today", "!!",
        ], language: TestData.advisor.language)
        // "how much … make" shares only "pilot" and "do" with "what does a pilot earn" (earn
        // is a word for salary; make is not), too little to count as alike.
        #expect(groups.render(source: "log") == """
            11 unanswered questions in log, in 5 groups (most asked first):

              4  what does a pilot earn
                 pilot salary
                 a pilot's salary in india
              3  what is the weather today
                 weather today?
                 is the weather nice today
              2  ???
                 !!
              1  how much does a pilot make?
              1  tell me a joke
            """)
    }

    @Test func anEmptyLogSaysSo() {
        #expect(UnansweredGroups([], language: TestData.advisor.language).render(source: "~/.advisor_unanswered")
                == "No unanswered questions in ~/.advisor_unanswered.")
    }

    @Test func similarityIsTheShareOfTermsInCommon() {
        #expect(UnansweredGroups.jaccard(["pilot", "salary"], ["pilot", "salary", "india"]) == 2.0 / 3.0)
        #expect(UnansweredGroups.jaccard([], []) == 1)
        #expect(UnansweredGroups.jaccard(["a"], []) == 0)
    }
}
