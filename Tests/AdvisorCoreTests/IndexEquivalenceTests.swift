/// Guards the precompiled index: its matcher, spelling corrector and word rules give exactly
/// what the plain implementations give, and an advisor read back from the index holds
/// everything the one built from the YAML holds.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct IndexEquivalenceTests {
    /// The examples' features, numbered as the matcher numbers them, and the matcher's settings.
    static let indexed: (examples: [(intent: Intent, features: [String])], reference: ReferenceMatcher) = {
        let language = TestData.advisor.language
        var examples: [(intent: Intent, features: [String])] = []
        for intent in Intent.allCases {
            for text in language.examples[intent] ?? [] {
                let terms = language.normalizer.terms(of: language.normalizer.words(text))
                examples.append((intent, language.features(terms, language.entities.mentions(in: terms))))
            }
        }
        let settings = try! DataRoot.builtIn.parse("\(DataRoot.intentsFolder)/matching.yaml")
        var numbers: [String: Double] = [:]
        var exclusive: Set<String> = []
        for pair in try! settings.pairs("matching.yaml") {
            if pair.key == "exclusive_placeholders" { exclusive = Set(try! pair.value.texts("exclusive")) }
            if case .scalar(let scalar) = pair.value.node, let value = Double(scalar.string) { numbers[pair.key] = value }
        }
        let reference = ReferenceMatcher(
            examples: examples, unknownWord: numbers["unknown_word"]!, placeholderWeight: numbers["placeholder_weight"]!,
            nearest: Int(numbers["nearest"]!), concentration: numbers["concentration"]!, exclusive: exclusive)
        return (examples, reference)
    }()

    static func same(_ a: [(intent: Intent, score: Double, example: Int)], _ b: [(intent: Intent, score: Double, example: Int)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.intent == $1.intent && $0.score == $1.score && $0.example == $1.example }
    }

    /// Every 11th example (a debug build takes some 30 seconds for all), with itself and left out.
    @Test func matcherScoresExamplesExactlyAsComparingWithEveryExample() {
        let matcher = TestData.advisor.language.matcher
        let (examples, reference) = Self.indexed
        #expect(matcher.exampleCount == examples.count)
        var differing: [String] = []
        for (number, example) in examples.enumerated() where number % 11 == 0 {
            for excluded in [nil, number] where !Self.same(matcher.scores(features: example.features, excluding: excluded),
                                                          reference.scores(features: example.features, excluding: excluded)) {
                differing.append("example \(number) (\(example.intent.rawValue))\(excluded == nil ? "" : ", left out")")
            }
        }
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(5))")
    }

    @Test func matcherScoresLinesExactlyAsComparingWithEveryExample() {
        let language = TestData.advisor.language
        let (examples, reference) = Self.indexed
        // Whole lines, mixtures of two examples, and single features.
        var lines = [
            "what does a devops engineer earn", "salray of a clould engineer", "how much do they make?", "Python or Java?",
            "I know django and mysql", "compare a DBA and a system analyst", "tell me a joke", "", "??", "x y z",
            "what's the weather like in Mumbai today and should I carry an umbrella",
        ]
        for i in stride(from: 0, to: examples.count, by: 97) { lines.append(examples[i].features.joined(separator: " ")) }
        var differing: [String] = []
        for line in lines {
            let features = language.analyze(line).features
            if !Self.same(language.matcher.scores(features: features), reference.scores(features: features)) { differing.append(line) }
        }
        for i in stride(from: 0, to: examples.count - 1, by: 13) {
            let features = examples[i].features + examples[(i * 7 + 5) % examples.count].features
            if !Self.same(language.matcher.scores(features: features), reference.scores(features: features)) { differing.append("mix \(i)") }
        }
        #expect(differing.isEmpty, "differ: \(differing.prefix(5))")
    }
}
