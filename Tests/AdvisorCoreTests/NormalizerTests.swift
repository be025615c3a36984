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

    /// A word and its "-es" or "-s" form share one stem even when the word itself ends in a
    /// vowel: "potatoes" is "potato", "movies" is "movie", "shoes" is "shoe".
    @Test(arguments: [("potatoes", "potato"), ("heroes", "hero"), ("echoes", "echo"), ("movies", "movie"),
                      ("cookies", "cookie"), ("calories", "calorie"), ("shoes", "shoe"), ("canoes", "canoe"),
                      ("ties", "tie"), ("companies", "company")])
    func stemsWordsEndingInAVowelLikeTheirPlurals(plural: String, singular: String) {
        #expect(Stemmer.stem(plural) == Stemmer.stem(singular))
        #expect(Stemmer.scalarStem(plural) == Stemmer.scalarStem(singular))
    }

    /// Short words are left alone: "toes" does not become "to", nor "goes" "go" (its forms are
    /// one word by the lexicon, since "go" is also the Go language).
    @Test func leavesShortWordsAndTheFormsOfGoAlone() {
        #expect(Stemmer.stem("toes") != "to")
        #expect(Stemmer.stem("goes") != "go")
        #expect(terms("how goes it") == terms("how going it"))
        #expect(terms("it went well") == terms("it going well"))
        #expect(!terms("going").contains("go"))
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

/// The ASCII paths of the normalizer and stemmer (taken by nearly every line) give exactly
/// what the Unicode-scalar rules give.
@Suite struct TextFastPathTests {
    static let texts: [String] = {
        var texts = TestData.advisor.language.examples.values.flatMap { $0 }
        texts += ["c# and c++ devs", "node.js, vue.js... and 'quotes'", "it's the devs' job", "a.b .c d. e.f.g", "#tag +plus",
                  "RUNNING running Stopped caresses ponies cats ties bus is ys", "x2 and 3d and 1st", "\t tabs\nand\u{7}bells"]
        return texts
    }()

    @Test func asciiWordsAreTheScalarWords() {
        var differing: [String] = []
        for text in Self.texts {
            var folded = Normalizer.fold(text)
            guard let ascii = folded.withUTF8({ Normalizer.asciiWords($0) }) else { continue }
            if ascii != Normalizer.scalarWords(folded) { differing.append(text) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func asciiStemsAreTheScalarStems() {
        var words = Set(Self.texts.flatMap { $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) })
        words.formUnion(["ies", "ties", "flies", "sses", "buses", "boxes", "runnings", "running", "sitting", "falling",
                         "added", "freed", "eed", "used", "ys", "says", "xyzzy", "ABCS", "Apis", "mixes", "dishes",
                         "goes", "toes", "shoe", "shoes", "potatoes", "movie", "movies", "oboe", "pie", "genie"])
        let differing = words.filter { Stemmer.stem($0) != Stemmer.scalarStem($0) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }
}
