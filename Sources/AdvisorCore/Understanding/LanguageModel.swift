/// Everything the advisor knows about language, loaded once from `Intents/`: word rules,
/// entity names, intent examples and the matcher's index over them.
public struct LanguageModel: Sendable {
    let normalizer: Normalizer
    public let entities: EntityLexicon
    let corrector: SpellingCorrector
    let matcher: IntentMatcher
    public let shapes: [Intent: IntentShape]
    public let threshold: Double
    let requiresPenalty: Double
    let followupConfidence: Double
    /// The intent a bare entity follow-up takes when the previous intent cannot take it.
    let followupIntents: [EntityType: Intent]
    /// Placeholder terms per entity value or type (`role/backend-developer`, `role`).
    private let placeholders: [String: [String]]
    /// Examples per intent, as written, for `check` and coverage.
    public let examples: [Intent: [String]]

    public var lexicon: Lexicon { normalizer.lexicon }

    static func load(root: DataRoot, knowledge: KnowledgeBase) throws -> LanguageModel {
        let folder = DataRoot.intentsFolder
        let lexicon = try Lexicon.load(try root.parse("\(folder)/lexicon.yaml"))
        let normalizer = Normalizer(lexicon: lexicon)
        let entities = try EntityLexicon.load(try root.parse("\(folder)/entities.yaml"), knowledge: knowledge, normalizer: normalizer)
        let settings = try root.parse("\(folder)/matching.yaml")
        let record = try settings.record("matching.yaml", allowed: ["threshold", "unknown_word", "requires_penalty", "placeholders", "intents",
                                                                     "followup_confidence", "followup_intents"])
        func number(_ key: String) throws -> Double {
            let node = try record.required(key)
            guard let value = Double(try node.text("'\(key)'")) else { throw node.error("'\(key)' must be a number") }
            return value
        }
        var placeholders: [String: [String]] = [:]
        for entry in try record.required("placeholders").pairs("'placeholders'") {
            let typeName = entry.key.split(separator: "/").first.map(String.init) ?? ""
            guard EntityType(rawValue: typeName) != nil else { throw entry.keyNode.error("unknown entity type '\(typeName)'") }
            placeholders[entry.key] = normalizer.terms(of: normalizer.words(try entry.value.text("placeholder '\(entry.key)'")))
        }
        var followupIntents: [EntityType: Intent] = [:]
        for entry in try record.required("followup_intents").pairs("'followup_intents'") {
            guard let type = EntityType(rawValue: entry.key) else { throw entry.keyNode.error("unknown entity type '\(entry.key)'") }
            let name = try entry.value.text("follow-up intent of '\(entry.key)'")
            guard let intent = Intent(rawValue: name) else { throw entry.value.error("unknown intent '\(name)'") }
            followupIntents[type] = intent
        }
        var shapes: [Intent: IntentShape] = [:]
        for entry in try record.required("intents").pairs("'intents'") {
            guard let intent = Intent(rawValue: entry.key) else { throw entry.keyNode.error("unknown intent '\(entry.key)'") }
            shapes[intent] = try Self.shape(entry.value, intent: intent)
        }
        for intent in Intent.allCases where shapes[intent] == nil {
            throw settings.error("matching.yaml gives no entry for intent '\(intent.rawValue)' under 'intents'")
        }

        var examples: [Intent: [String]] = [:]
        var exampleFiles: [Intent: String] = [:]
        let reserved: Set<String> = ["\(folder)/lexicon.yaml", "\(folder)/entities.yaml", "\(folder)/matching.yaml"]
        for file in try root.yamlFiles(in: folder) where !reserved.contains(file) {
            let doc = try root.parse(file)
            let r = try doc.record(file, allowed: ["intent", "examples"])
            let name = try r.text("intent")
            guard let intent = Intent(rawValue: name) else { throw try r.required("intent").error("unknown intent '\(name)'") }
            if let other = exampleFiles[intent] { throw try r.required("intent").error("intent '\(name)' already has examples in \(other)") }
            exampleFiles[intent] = file
            let list = try r.texts("examples")
            if list.isEmpty { throw try r.required("examples").error("intent '\(name)' has no examples") }
            examples[intent] = list
        }
        for intent in Intent.allCases where examples[intent] == nil {
            throw DataError(file: folder, message: "intent '\(intent.rawValue)' has no examples file (add \(folder)/\(intent.rawValue).yaml)")
        }

        var vocabulary = entities.surfaceWords
        var indexed: [(intent: Intent, features: [String])] = []
        var model = LanguageModel(
            normalizer: normalizer, entities: entities, corrector: SpellingCorrector(words: []),
            matcher: IntentMatcher(examples: [], unknownWord: 0), shapes: shapes,
            threshold: try number("threshold"), requiresPenalty: try number("requires_penalty"),
            followupConfidence: try number("followup_confidence"), followupIntents: followupIntents,
            placeholders: placeholders, examples: examples)
        for intent in Intent.allCases {
            for example in examples[intent]! {
                let words = normalizer.words(example)
                vocabulary.append(contentsOf: words)
                let terms = normalizer.terms(of: words)
                indexed.append((intent, IntentMatcher.features(of: model.replacingMentions(terms, entities.mentions(in: terms)))))
            }
        }
        for variants in lexicon.synonyms.values { for v in variants { vocabulary.append(contentsOf: v.variant) } }
        vocabulary.append(contentsOf: lexicon.contractions.keys)
        model = LanguageModel(
            normalizer: normalizer, entities: entities, corrector: SpellingCorrector(words: vocabulary),
            matcher: IntentMatcher(examples: indexed, unknownWord: try number("unknown_word")), shapes: shapes,
            threshold: model.threshold, requiresPenalty: model.requiresPenalty,
            followupConfidence: model.followupConfidence, followupIntents: followupIntents,
            placeholders: placeholders, examples: examples)
        return model
    }

    private static func shape(_ node: DataNode, intent: Intent) throws -> IntentShape {
        let r = try node.record("intent '\(intent.rawValue)'", allowed: ["takes", "requires", "at_least", "defaults"])
        var shape = IntentShape()
        shape.takes = try r.optionalTexts("takes").map { name in
            guard let type = EntityType(rawValue: name) else { throw try r.required("takes").error("unknown entity type '\(name)'") }
            return type
        }
        if let name = try r.optionalText("requires") {
            guard let type = EntityType(rawValue: name) else { throw try r.required("requires").error("unknown entity type '\(name)'") }
            shape.requires = type
        }
        if let n = r.optional("at_least") { shape.atLeast = try n.integer("'at_least'") }
        shape.defaults = try r.optionalTexts("defaults").map { text in
            let parts = text.split(separator: "/").map(String.init)
            guard parts.count == 2, let type = EntityType(rawValue: parts[0]) else {
                throw try r.required("defaults").error("default '\(text)' must read type/id")
            }
            return EntityValue(type, parts[1])
        }
        return shape
    }

    /// Replaces each unambiguous mention with its placeholder terms. A mention with several
    /// readings keeps its own words, so the examples decide between them.
    func replacingMentions(_ terms: [String], _ mentions: [Mention]) -> [String] {
        guard !mentions.isEmpty else { return terms }
        var out: [String] = []
        var i = 0
        for mention in mentions {
            out.append(contentsOf: terms[i..<mention.range.lowerBound])
            if mention.values.count == 1, let value = mention.values.first,
               let placeholder = placeholders["\(value.type.rawValue)/\(value.id)"] ?? placeholders[value.type.rawValue] {
                out.append(contentsOf: placeholder)
            } else {
                out.append(contentsOf: terms[mention.range])
            }
            i = mention.range.upperBound
        }
        out.append(contentsOf: terms[i...])
        return out
    }

    /// Reads one line: fold, correct, stem, find entities, score every intent.
    public func analyze(_ text: String) -> Analysis {
        var words = normalizer.words(text)
        var corrections: [(from: String, to: String)] = []
        for (i, word) in words.enumerated() where !corrector.isKnown(word) {
            if let fixed = corrector.correction(for: word) {
                corrections.append((word, fixed))
                words[i] = fixed
            }
        }
        let terms = normalizer.terms(of: words)
        let mentions = entities.mentions(in: terms)
        let features = IntentMatcher.features(of: replacingMentions(terms, mentions))
        var covered = Set<Int>()
        for mention in mentions { covered.formUnion(mention.range) }
        var opensWithCue = false
        var cueEnd = 0
        for cue in lexicon.followupCues where !cue.isEmpty && terms.starts(with: cue) && cue.count > cueEnd {
            opensWithCue = true
            cueEnd = cue.count
        }
        let request = terms.enumerated().filter { i, term in
            !covered.contains(i) && i >= cueEnd && !lexicon.filler.contains(term)
        }.map(\.element)
        return Analysis(
            text: text, words: words, corrections: corrections, terms: terms, mentions: mentions,
            features: features, scores: matcher.scores(features: features),
            requestTerms: request, opensWithCue: opensWithCue)
    }
}
