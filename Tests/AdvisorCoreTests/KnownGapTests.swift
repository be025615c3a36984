/// Questions of the domain the article leaves open (`Sources/Knowledge/gaps.yaml`, issue 18)
/// are answered as what they ask, saying first what the article gives instead; "per month" is
/// worked out from the yearly figure and said to be; none gets the out-of-domain decline.
import Testing
@testable import AdvisorCore

@Suite struct KnownGapTests {
    @Test(arguments: [true, false])
    func aSalaryInAnotherCurrencyOrCitySaysWhatTheArticleGives(encoder: Bool) {
        let replies = OtherJobsTests.replies(["what does a devops engineer earn", "in USD?", "what about in bangalore"], encoder: encoder)
        #expect(replies[1].intent == "role.salary")
        #expect(replies[1].entities == [.role: ["devops-engineer"]])
        #expect(replies[1].text.hasPrefix("""
            The article gives its figures in rupees (LPA) only, with no exchange rate, so I do not convert them.
            A DevOps Engineer earns ₹6–10 LPA on average in India.
            """))
        #expect(replies[2].text.hasPrefix("""
            The article gives one India-wide average for each role, not figures by city.
            A DevOps Engineer earns ₹6–10 LPA on average in India.
            """))
    }

    @Test(arguments: [true, false])
    func perMonthIsWorkedOutAndSaidToBe(encoder: Bool) {
        let replies = OtherJobsTests.replies(["how much does a software architect make", "is that per month?"], encoder: encoder)
        #expect(replies[1].intent == "role.salary")
        #expect(replies[1].text.contains("""
            Per month, worked out from the article's yearly figures (divided by 12, before tax; the article gives no monthly figures):
            - Software Architect: about ₹2,08,000–3,33,000 a month
            """))
    }

    /// Another question that happens to name a city is no salary question.
    @Test(arguments: [true, false])
    func theWeatherInACityIsStillDeclined(encoder: Bool) {
        let replies = OtherJobsTests.replies(["what does a devops engineer earn", "what's the weather in Delhi?"], encoder: encoder)
        #expect(replies[1].intent == "out_of_scope")
    }

    @Test func monthlyFiguresAreGroupedTheIndianWay() {
        #expect(Composer.monthly(10) == "83,000")
        #expect(Composer.monthly(6) == "50,000")
        #expect(Composer.monthly(25) == "2,08,000")
        #expect(Composer.monthly(0.5) == "4,000")
    }
}
