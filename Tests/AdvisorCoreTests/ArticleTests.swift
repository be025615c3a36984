/// "A API Developer" was how the salary answer began: the article before a name in a template
/// follows how the name is said.
import Testing
@testable import AdvisorCore

@Suite struct ArticleTests {
    @Test func aNameSaidWithAVowelFirstTakesAn() throws {
        let (_, salary) = try SalaryAnswerTests.answer("what does an api developer earn")
        #expect(salary.hasPrefix("An API Developer earns ₹4–8 LPA on average in India."))
        let (_, skills) = try SalaryAnswerTests.answer("what skills does an api developer need")
        #expect(skills.hasPrefix("To work as an API Developer, you need to know:"))
        let (_, cloud) = try SalaryAnswerTests.answer("what does a cloud engineer earn")
        #expect(cloud.hasPrefix("A Cloud Engineer earns ₹6–10 LPA on average in India."))
    }

    @Test(arguments: [
        ("API Developer", true), ("AWS engineer", true), ("SQL expert", true), ("MySQL admin", false),
        ("DBA", false), ("Elixir developer", true), ("Oracle admin", true), ("Unix administrator", false),
        ("user researcher", false), ("hour", true), ("Cloud Engineer", false), ("", false),
    ])
    func whichWordsTakeAn(phrase: String, an: Bool) {
        #expect(Templates.takesAn(phrase) == an)
    }
}
