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
        let settings = try! TestData.data.parse("\(DataRoot.intentsFolder)/matching.yaml")
        var numbers: [String: Double] = [:]
        var exclusive: Set<String> = []
        for pair in try! settings.pairs("matching.yaml") {
            if pair.key == "exclusive_placeholders" { exclusive = Set(try! pair.value.texts("exclusive")) }
            if case .scalar(let scalar) = pair.value.node, let value = Double(scalar.string) { numbers[pair.key] = value }
        }
        let reference = ReferenceMatcher(
            examples: examples, unknownWord: numbers["unknown_word"]!, placeholderWeight: numbers["placeholder_weight"]!,
            nearest: Int(numbers["nearest"]!), exclusive: exclusive)
        return (examples, reference)
    }()

    static func same(_ a: [(intent: Intent, score: Double, example: Int)], _ b: [(intent: Intent, score: Double, example: Int)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.intent == $1.intent && $0.score == $1.score && $0.example == $1.example }
    }

    /// Every 11th example (a debug build takes some 30 seconds for all), with itself and left out.
    @Test(arguments: [false, true])
    func matcherScoresExamplesExactlyAsComparingWithEveryExample(walkingEveryIntent: Bool) {
        var matcher = TestData.advisor.language.matcher
        if walkingEveryIntent { matcher.smallIntent = 0 }
        let (examples, reference) = Self.indexed
        #expect(matcher.exampleCount == examples.count)
        var differing: [String] = []
        for (number, example) in examples.enumerated() where number % 11 == (walkingEveryIntent ? 5 : 0) {
            for excluded in [nil, number] where !Self.same(matcher.scores(features: example.features, excluding: excluded),
                                                          reference.scores(features: example.features, excluding: excluded)) {
                differing.append("example \(number) (\(example.intent.rawValue))\(excluded == nil ? "" : ", left out")")
            }
        }
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(5))")
    }

    @Test(arguments: [false, true])
    func matcherScoresLinesExactlyAsComparingWithEveryExample(walkingEveryIntent: Bool) {
        let language = TestData.advisor.language
        var matcher = language.matcher
        if walkingEveryIntent { matcher.smallIntent = 0 }
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
            if !Self.same(matcher.scores(features: features), reference.scores(features: features)) { differing.append(line) }
        }
        for i in stride(from: 0, to: examples.count - 1, by: 13) {
            let features = examples[i].features + examples[(i * 7 + 5) % examples.count].features
            if !Self.same(matcher.scores(features: features), reference.scores(features: features)) { differing.append("mix \(i)") }
        }
        #expect(differing.isEmpty, "differ: \(differing.prefix(5))")
    }

    /// Which intents use a word (asked of every word a line says of its own, to tell whether
    /// it may borrow from the context) is read from the postings; it must be exactly the
    /// intents that scoring the word alone lists, for every feature and an unknown word.
    @Test func intentsUsingAFeatureAreThoseScoringItLists() {
        let matcher = TestData.advisor.language.matcher
        var differing: [String] = []
        var names = (0..<matcher.features.count).map { matcher.features[$0] }
        names.append("zzqx-no-such-word")
        for name in names {
            let scored = matcher.scores(features: [name]).reduce(UInt64(0)) { $0 | 1 << UInt64($1.intent.ordinal) }
            if matcher.intentsUsing(name) != scored { differing.append(name) }
        }
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(5))")
        #expect(matcher.intentsUsing("salary") != 0)
    }

    /// The walk takes a light feature with a bit of its own as held exactly when the bit is set
    /// beside the posting, without looking in its postings: so such a bit must belong to that
    /// one feature, the features in most documents must have one, and every posting's summary
    /// must have the bit of every feature its document holds.
    @Test func aFeatureWithABitOfItsOwnIsHeldExactlyWhenItIsSet() {
        let matcher = TestData.advisor.language.matcher
        let count = matcher.features.count
        let bit = (0..<count).map { Int(matcher.featureBit[$0] & ~IntentMatcher.exactFlag) }
        let exact = (0..<count).filter { matcher.featureBit[$0] & IntentMatcher.exactFlag != 0 }
        #expect(exact.count == min(count, IntentMatcher.exactBits))
        #expect(Set(exact.map { bit[$0] }).count == exact.count)
        #expect((0..<count).allSatisfy { f in exact.contains(f) || !exact.contains { bit[$0] == bit[f] } })
        let postings = (0..<count).map { Int(matcher.postingStart[$0 + 1]) - Int(matcher.postingStart[$0]) }
        let leastExact = exact.map { postings[$0] }.min() ?? 0
        #expect((0..<count).allSatisfy { exact.contains($0) || postings[$0] <= leastExact })
        // Per document, the features it holds, from the postings; its summary beside each posting.
        var holds = [Set<Int>](repeating: [], count: matcher.norm.count)
        for f in 0..<count {
            for p in Int(matcher.postingStart[f])..<Int(matcher.postingStart[f + 1]) { holds[Int(matcher.postings[p])].insert(f) }
        }
        var wrong: [Int] = []
        for f in 0..<count {
            for p in Int(matcher.postingStart[f])..<Int(matcher.postingStart[f + 1]) {
                let d = Int(matcher.postings[p])
                let expected = holds[d].reduce(UInt64(0)) { $0 | 1 << UInt64(bit[$1]) }
                if matcher.postingBits[p] != expected { wrong.append(d) }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) summaries differ, first documents: \(wrong.prefix(5))")
    }
}

/// An advisor read back from the index holds everything the one built from the YAML holds:
/// every stored property, found by reflection, so a field added without being written to
/// the index (`Index/`, `*+Index.swift`) fails here.
@Suite struct IndexRoundTripTests {
    static let built = try! Advisor.build(from: TestData.data)
    static let read = try! AdvisorIndex.advisor(from: IndexBytes(copying: AdvisorIndex.bytes(
        of: built, header: AdvisorIndex.Header(executable: [], root: "", entries: []))))

    /// A description that does not depend on the order of sets and dictionaries.
    static func dump(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .set?:
            return "{" + mirror.children.map { dump($0.value) }.sorted().joined(separator: ", ") + "}"
        case .dictionary?:
            return "[" + mirror.children.map { entry in
                Mirror(reflecting: entry.value).children.map { dump($0.value) }.joined(separator: ": ")
            }.sorted().joined(separator: ", ") + "]"
        case .optional?:
            return mirror.children.first.map { dump($0.value) } ?? "nil"
        case .collection?, .tuple?, .struct?, .class?, .enum?:
            if mirror.children.isEmpty { return String(reflecting: value) }
            return "\(mirror.subjectType)(" + mirror.children.map { "\($0.label ?? ""): \(dump($0.value))" }.joined(separator: ", ") + ")"
        default:
            return String(reflecting: value)
        }
    }

    /// Every stored property of `a` and `b` but those named, compared by `dump`.
    static func differences(_ a: Any, _ b: Any, except: Set<String> = []) -> [String] {
        let left = Mirror(reflecting: a).children, right = Mirror(reflecting: b).children
        return zip(left, right).compactMap { l, r in
            let label = l.label ?? "?"
            return except.contains(label) || dump(l.value) == dump(r.value) ? nil : label
        }
    }

    @Test func knowledgeAndTemplatesSurviveWhole() {
        #expect(Self.differences(Self.built.knowledge, Self.read.knowledge).isEmpty)
        #expect(Self.differences(Self.built.templates, Self.read.templates).isEmpty)
    }

    @Test func everySettingAndWordRuleSurvives() {
        // The index-backed parts are compared by what they answer, below; `cueStarts` is
        // derived from `cues` when the model is read, `nameHeads`, `roleOpenings` and `roleNouns` from `entities` when first needed.
        let indexed: Set<String> = ["entities", "corrector", "matcher", "exampleTable", "knownPairs", "cueStarts", "nameHeads", "roleOpenings", "roleNouns"]
        #expect(Self.differences(Self.built.language, Self.read.language, except: indexed).isEmpty)
    }

    @Test func theIndexedPartsAnswerAlike() {
        let (a, b) = (Self.built.language, Self.read.language)
        #expect(Self.dump(a.entities.names) == Self.dump(b.entities.names))
        #expect(a.examples == b.examples)
        #expect(a.knownPairs.table.all == b.knownPairs.table.all)
        for word in ["salray", "devopps", "enginer", "clould", "pythn", "djnago", "rbuy", "ful", "hello", "zzzzzz"] {
            #expect(a.corrector.candidates(for: word) == b.corrector.candidates(for: word), "\(word)")
        }
        for line in ["what does a devops engineer earn", "compare a DBA and a system analyst", "hi"] {
            let features = a.analyze(line).features
            #expect(IndexEquivalenceTests.same(a.matcher.scores(features: features), b.matcher.scores(features: features)))
        }
    }
}
