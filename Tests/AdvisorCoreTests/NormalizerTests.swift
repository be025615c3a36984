/// Guards how a line is folded into words and terms: case, Unicode, dashes, quotes, contractions, numbers, stems and synonyms.
import Testing
@testable import AdvisorCore

@Suite struct NormalizerTests {
    let normalizer = Normalizer(lexicon: TestData.advisor.language.lexicon)

    func words(_ text: String) -> [String] { normalizer.words(text) }
    func terms(_ text: String) -> [String] { normalizer.terms(of: normalizer.words(text)) }

    @Test func foldsCaseAndFullWidthLetters() {
        #expect(words("ＤｅｖＯｐｓ") == ["devops"])
        #expect(words("DEVOPS Engineer") == ["devops", "engineer"])
        #expect(terms("ＤｅｖＯｐｓ") == terms("devops"))
    }

    @Test(arguments: ["back\u{2011}end", "back\u{2013}end", "back\u{2014}end", "back\u{2010}end", "back\u{2212}end"])
    func readsEveryDashAlike(spelling: String) {
        #expect(terms(spelling) == terms("back-end"))
        #expect(terms("\(spelling) developer") == terms("back-end developer"))
    }

    @Test func straightensCurlyQuotesAndExpandsContractions() {
        #expect(words("what’s") == ["what", "is"])
        #expect(words("what’s") == words("what's"))
        #expect(words("I don’t know Java") == ["i", "do", "not", "know", "java"])
        #expect(words("“backend”") == ["backend"])
    }

    @Test func readsNumberWordsAsFigures() {
        #expect(terms("step three").contains("3"))
        #expect(terms("step three") == terms("step 3"))
        #expect(terms("the third step") == terms("the 3rd step"))
    }

    @Test func stemsPlurals() {
        #expect(terms("engineers") == terms("engineer"))
        #expect(terms("DevOps engineers") == terms("DevOps engineer"))
        #expect(terms("databases") == terms("database"))
    }

    @Test(arguments: ["CTC", "lakhs", "LPA", "pay", "earn", "earns", "salaries"])
    func foldsSalaryWordsIntoOneTerm(word: String) {
        let salary = terms("salary")
        #expect(salary.count == 1)
        #expect(terms(word) == salary)
    }

    @Test func keepsNodeJSAndCSharpWhole() {
        #expect(words("node.js") == ["node.js"])
        #expect(words("c#") == ["c#"])
        #expect(words("Is Node.js faster than C#?") == ["is", "node.js", "faster", "than", "c#"])
        #expect(words("I know node.js.") == ["i", "know", "node.js"])
    }
}
