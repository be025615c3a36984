/// Lines that ask whether something someone says is true ("my friend says backend is boring,
/// is that true?") are read as the claim itself; claims outside the domain stay declined.
import Testing
@testable import AdvisorCore

@Suite struct ClaimQuestionTests {
    @Test(arguments: [
        ("My friend says backend is boring. Is that true?", "career.fit"),
        ("backend is boring, right?", "career.fit"),
        ("is it true that devops engineers earn a lot", "role.salary role=devops-engineer"),
        ("I heard cloud engineers earn a lot, is that right?", "role.salary role=cloud-engineer"),
        ("my dad says python is useless, is that true", "tool.describe tool=python"),
        ("my cousin says you need a degree to be a backend developer, is that true", "skills.list"),
        ("people say backend is dying", "market.outlook"),
        ("my friend says I should go to paris, is that true?", "out_of_scope"),
        ("is it true that the earth is flat", "out_of_scope"),
        ("tell my mom i said hi", "out_of_scope"),
        ("???", "out_of_scope"),
        ("is that true?", "out_of_scope"),
    ])
    func aClaimIsReadAsWhatItClaims(line: String, expected: String) {
        #expect(ContextRuleTests.freshReading(line) == expected)
    }

    @Test func theReasonSaysWhichClaimWasRead() {
        var session = TestData.session()
        guard case .answer(let understanding, let text) = session.respond(to: "my dad says python is useless, is that true") else {
            Issue.record("not answered")
            return
        }
        #expect(understanding.reason == "it asks whether a claim is true, read as the claim \"python is useless\": it matches the examples of tool.describe")
        #expect(text.hasPrefix("Python (Programming languages): Python is a general-purpose programming language"))
    }

    @Test func hearsayNeedsSomeoneWhoSaysItAndSomethingSaid() {
        let hearsay = TestData.advisor.language.lexicon.hearsay
        #expect(Session.hearsay(in: [], hearsay) == nil)
        #expect(Session.hearsay(in: ["says"], hearsay) == nil)
        #expect(Session.hearsay(in: ["says", "backend", "is", "boring"], hearsay) == nil)
        #expect(Session.hearsay(in: ["my", "friend", "says"], hearsay) == nil)
        let found = Session.hearsay(in: ["my", "friend", "told", "me", "backend", "pays"], hearsay)
        #expect(found?.at == 2 && found?.length == 2)
    }
}
