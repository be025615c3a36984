import Foundation

/// Reading the language model from `Intents/`, stage by stage: the word rules (lexicon.yaml),
/// the names (entities.yaml), then matching.yaml's parts, each read by the stage that uses it
/// (intent shapes and follow-ups, names that anchor or stand beside others, cue words), and
/// the examples every intent file holds. Errors name the file and line.
extension LanguageModel {
    static let matchingKeys: Set<String> = ["threshold", "unknown_word", "requires_penalty", "placeholders", "intents",
                               "followup_confidence", "followup_intents", "placeholder_weight",
                               "nearest", "opening_term", "decline_margin",
                               "cues", "cue_boost", "ambiguity_margin", "max_characters",
                               "exclusive_placeholders", "anchors", "weak_names", "unanchored_margin", "continuity_margin", "beside_names",
                               "anchored_decline_margin", "followup_counterparts", "qualifier_names", "idioms", "field_choices",
                               "followup_qualifiers"]

    static func load(root: DataRoot, knowledge: KnowledgeBase) throws -> LanguageModel {
        let folder = DataRoot.intentsFolder
        let lexicon = try Lexicon.load(try root.parse("\(folder)/lexicon.yaml"))
        let normalizer = Normalizer(lexicon: lexicon)
        let entities = try EntityLexicon.load(try root.parse("\(folder)/entities.yaml"), knowledge: knowledge, normalizer: normalizer)
        let settings = try root.parse("\(folder)/matching.yaml")
        let record = try settings.record("matching.yaml", allowed: matchingKeys)
        func number(_ key: String) throws -> Double { try Self.number(record, key) }
        let placeholders = try Self.placeholders(record, normalizer)
        let followupIntents = try Self.followupIntents(record)
        let shapes = try Self.shapes(record, settings, normalizer)
        let (examples, everyday) = try Self.examples(root, folder)
        // The examples' features need a model to read them with: one without a matcher first.
        var model = LanguageModel(
            normalizer: normalizer, entities: entities, corrector: SpellingCorrector(words: []),
            matcher: IntentMatcher(examples: [], unknownWord: 0), shapes: shapes,
            threshold: try number("threshold"), requiresPenalty: try number("requires_penalty"),
            declineMargin: try number("decline_margin"),
            followupConfidence: try number("followup_confidence"), openingTerm: try number("opening_term") != 0,
            followupIntents: followupIntents,
            placeholders: placeholders, exampleTable: ExampleTable([:]))
        var vocabulary = entities.surfaceWords
        var indexed: [(intent: Intent, features: [String])] = []
        for intent in Intent.allCases {
            for example in examples[intent]! {
                let words = normalizer.words(example)
                vocabulary.append(contentsOf: words)
                let terms = normalizer.terms(of: words)
                indexed.append((intent, model.features(terms, entities.mentions(in: terms))))
            }
        }
        for variants in lexicon.synonyms.values { for v in variants { vocabulary.append(contentsOf: v.variant) } }
        vocabulary.append(contentsOf: lexicon.contractions.keys)
        model = LanguageModel(
            normalizer: normalizer, entities: entities, corrector: SpellingCorrector(words: vocabulary, everyday: everyday, preferred: Set(entities.surfaceWords)),
            matcher: IntentMatcher(examples: indexed, unknownWord: try number("unknown_word"),
                                   placeholderWeight: try number("placeholder_weight"),
                                   nearest: Int(try number("nearest")),
                                   exclusive: Set(try record.texts("exclusive_placeholders"))), shapes: shapes,
            threshold: model.threshold, requiresPenalty: model.requiresPenalty, declineMargin: model.declineMargin,
            followupConfidence: model.followupConfidence, openingTerm: model.openingTerm, followupIntents: followupIntents,
            placeholders: placeholders, exampleTable: ExampleTable(examples))
        try model.readDeclining(record, normalizer)
        try model.readFollowUps(record, normalizer, shapes)
        try model.readNames(record, normalizer, knowledge)
        model.cues = try Self.cues(record, normalizer)
        model.knownPairs = Self.knownPairs(entities, normalizer)
        return model
    }

    private static func number(_ record: DataRecord, _ key: String) throws -> Double {
        let node = try record.required(key)
        guard let value = Double(try node.text("'\(key)'")) else { throw node.error("'\(key)' must be a number") }
        return value
    }

    /// The matcher's placeholders per entity type or value ("#role"; other placeholders are
    /// words, folded as such).
    private static func placeholders(_ record: DataRecord, _ normalizer: Normalizer) throws -> [String: [String]] {
        var placeholders: [String: [String]] = [:]
        for entry in try record.required("placeholders").pairs("'placeholders'") {
            let typeName = entry.key.split(separator: "/").first.map(String.init) ?? ""
            guard EntityType(rawValue: typeName) != nil else { throw entry.keyNode.error("unknown entity type '\(typeName)'") }
            let text = try entry.value.text("placeholder '\(entry.key)'")
            placeholders[entry.key] = text.hasPrefix("#") ? [text] : normalizer.terms(of: normalizer.words(text))
        }
        return placeholders
    }

    private static func followupIntents(_ record: DataRecord) throws -> [EntityType: Intent] {
        var followupIntents: [EntityType: Intent] = [:]
        for entry in try record.required("followup_intents").pairs("'followup_intents'") {
            guard let type = EntityType(rawValue: entry.key) else { throw entry.keyNode.error("unknown entity type '\(entry.key)'") }
            let name = try entry.value.text("follow-up intent of '\(entry.key)'")
            guard let intent = Intent(rawValue: name) else { throw entry.value.error("unknown intent '\(name)'") }
            followupIntents[type] = intent
        }
        return followupIntents
    }

    /// Every intent's shape (`intents` in matching.yaml): one for each, or an error.
    private static func shapes(_ record: DataRecord, _ settings: DataNode, _ normalizer: Normalizer) throws -> [Intent: IntentShape] {
        var shapes: [Intent: IntentShape] = [:]
        for entry in try record.required("intents").pairs("'intents'") {
            guard let intent = Intent(rawValue: entry.key) else { throw entry.keyNode.error("unknown intent '\(entry.key)'") }
            shapes[intent] = try Self.shape(entry.value, intent: intent, normalizer: normalizer)
        }
        for intent in Intent.allCases where shapes[intent] == nil {
            throw settings.error("matching.yaml gives no entry for intent '\(intent.rawValue)' under 'intents'")
        }
        return shapes
    }

    /// The examples of every intent, from every intent file (an intent may take examples from
    /// several, hand-written and imported ones such as `out_of_scope.clinc.yaml`, read in
    /// file-name order), and the everyday words the spelling corrector knows.
    private static func examples(_ root: DataRoot, _ folder: String) throws -> (examples: [Intent: [String]], everyday: [String]) {
        var examples: [Intent: [String]] = [:]
        let everyday = try root.read("\(folder)/everyday-words.txt").split(separator: "\n")
            .map { String($0).trimmingSpaces() }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let reserved: Set<String> = ["\(folder)/lexicon.yaml", "\(folder)/entities.yaml", "\(folder)/matching.yaml", MeaningSettings.file]
        for file in try root.yamlFiles(in: folder) where !reserved.contains(file) {
            let doc = try root.parse(file)
            let r = try doc.record(file, allowed: ["intent", "examples"])
            let name = try r.text("intent")
            guard let intent = Intent(rawValue: name) else {
                let known = Intent.allCases.map(\.rawValue).joined(separator: ", ")
                throw try r.required("intent").error("unknown intent '\(name)' (known: \(known))")
            }
            let list = try r.texts("examples")
            if list.isEmpty { throw try r.required("examples").error("intent '\(name)' has no examples") }
            examples[intent, default: []] += list
        }
        for intent in Intent.allCases where examples[intent] == nil {
            throw DataError(file: folder, message: "intent '\(intent.rawValue)' has no examples file (add \(folder)/\(intent.rawValue).yaml)")
        }
        return (examples, everyday)
    }

    /// The settings of deciding whether to answer and how sure to be.
    private func readDeclining(_ record: DataRecord, _ normalizer: Normalizer) throws {
        cueBoost = try Self.number(record, "cue_boost")
        ambiguityMargin = try Self.number(record, "ambiguity_margin")
        maxCharacters = Int(try Self.number(record, "max_characters"))
        unanchoredMargin = try Self.number(record, "unanchored_margin")
        anchoredDeclineMargin = try Self.number(record, "anchored_decline_margin")
        comparedWords = ComparedWords(shapes)
        shapeWords = ShapeWords(shapes)
    }

    /// The settings of follow-ups: qualifiers, the choices between fields, idioms, and the
    /// counterpart of an intent for another kind of thing.
    private func readFollowUps(_ record: DataRecord, _ normalizer: Normalizer, _ shapes: [Intent: IntentShape]) throws {
        continuityMargin = try Self.number(record, "continuity_margin")
        qualifierNames = Set(try record.optionalTexts("qualifier_names").map { normalizer.terms(of: normalizer.words($0)).joined(separator: " ") })
        fieldChoices = Set(try record.optionalTexts("field_choices").map { name in
            guard let intent = Intent(rawValue: name) else { throw try record.required("field_choices").error("unknown intent '\(name)'") }
            return intent
        })
        followupQualifiers = Set(try record.optionalTexts("followup_qualifiers").map { name in
            guard let type = EntityType(rawValue: name) else { throw try record.required("followup_qualifiers").error("unknown entity type '\(name)'") }
            return type
        })
        idioms = try record.optionalTexts("idioms").map { normalizer.terms(of: normalizer.words($0)) }.filter { !$0.isEmpty }
        for entry in try record.optional("followup_counterparts")?.pairs("'followup_counterparts'") ?? [] {
            guard let last = Intent(rawValue: entry.key) else { throw entry.keyNode.error("unknown intent '\(entry.key)'") }
            for pair in try entry.value.pairs("counterparts of '\(entry.key)'") {
                guard let type = EntityType(rawValue: pair.key) else { throw pair.keyNode.error("unknown entity type '\(pair.key)'") }
                let name = try pair.value.text("the counterpart for '\(pair.key)'")
                guard let intent = Intent(rawValue: name) else { throw pair.value.error("unknown intent '\(name)'") }
                guard shapes[intent]?.takes.contains(type) == true else { throw pair.value.error("'\(name)' does not take '\(pair.key)'") }
                followupCounterparts[last, default: [:]][type] = intent
            }
        }
    }

    /// The settings of names: words that anchor a line in the domain, names that are everyday
    /// words too, and names read only beside another of their kind.
    private func readNames(_ record: DataRecord, _ normalizer: Normalizer, _ knowledge: KnowledgeBase) throws {
        for word in try record.texts("anchors") { anchors.formUnion(normalizer.terms(of: normalizer.words(word))) }
        for word in try record.texts("weak_names") { weakNames.formUnion(normalizer.terms(of: normalizer.words(word))) }
        guard let beside = record.optional("beside_names") else { return }
        let fields = try beside.record("'beside_names'", allowed: ["names", "joined_by"])
        for entry in try fields.required("names").pairs("'names'") {
            let terms = normalizer.terms(of: normalizer.words(entry.key))
            guard terms.count == 1 else { throw entry.keyNode.error("a name beside another must be one word, not '\(entry.key)'") }
            let text = try entry.value.text("the value '\(entry.key)' names")
            let parts = text.split(separator: "/").map(String.init)
            guard parts.count == 2, let type = EntityType(rawValue: parts[0]),
                  (knowledge.ids(of: type) ?? EntityLexicon.fixedIDs[type] ?? []).contains(parts[1]) else {
                throw entry.value.error("'\(text)' must read type/id and name a known value")
            }
            besideNames[terms[0]] = EntityValue(type, parts[1])
        }
        for word in try fields.texts("joined_by") { besideJoiners.formUnion(normalizer.terms(of: normalizer.words(word))) }
    }

    /// The cue words (`cues` in matching.yaml).
    private static func cues(_ record: DataRecord, _ normalizer: Normalizer) throws -> [Cue] {
        try record.required("cues").list("'cues'").map { item in
            let r = try item.record("a cue", allowed: ["words", "favour", "boost", "decides"])
            let words = try r.texts("words").map { normalizer.terms(of: normalizer.words($0)) }.filter { !$0.isEmpty }
            let intents = try r.texts("favour").map { name in
                guard let intent = Intent(rawValue: name) else { throw try r.required("favour").error("unknown intent '\(name)'") }
                return intent
            }
            var boost: Double?
            if let node = r.optional("boost") {
                guard let value = Double(try node.text("'boost'")) else { throw node.error("'boost' must be a number") }
                boost = value
            }
            var decides = false
            if let flag = try r.optionalText("decides") {
                guard let value = Bool(flag) else { throw try r.required("decides").error("'decides' must be true or false") }
                decides = value
            }
            return Cue(words: words, intents: Set(intents), boost: boost, decides: decides)
        }
    }

    /// Every pair of neighbouring words in a name: the spelling corrector prefers the reading
    /// that completes one ("clould engineer").
    private static func knownPairs(_ entities: EntityLexicon, _ normalizer: Normalizer) -> TermSet {
        var knownPairs = Set<String>()
        for aliases in entities.names.values {
            for alias in aliases {
                let words = normalizer.words(alias)
                for j in words.indices.dropFirst() { knownPairs.insert(words[j - 1] + " " + words[j]) }
            }
        }
        return TermSet(knownPairs)
    }

    static func shape(_ node: DataNode, intent: Intent, normalizer: Normalizer) throws -> IntentShape {
        let r = try node.record("intent '\(intent.rawValue)'", allowed: ["takes", "requires", "at_least", "at_most", "defaults", "excludes", "needs_words",
                                                                         "not_opening_with", "asks_which_with", "from_context", "instead", "not_with"])
        var shape = IntentShape()
        func types(_ key: String) throws -> [EntityType] {
            try r.optionalTexts(key).map { name in
                guard let type = EntityType(rawValue: name) else { throw try r.required(key).error("unknown entity type '\(name)'") }
                return type
            }
        }
        shape.takes = try types("takes")
        if let name = try r.optionalText("requires") {
            guard let type = EntityType(rawValue: name) else { throw try r.required("requires").error("unknown entity type '\(name)'") }
            shape.requires = type
        }
        if let n = r.optional("at_least") { shape.atLeast = try n.integer("'at_least'") }
        if let n = r.optional("at_most") {
            shape.atMost = try n.integer("'at_most'")
            guard shape.atMost >= 1 else { throw n.error("'at_most' must be 1 or more") }
        }
        func values(_ key: String) throws -> [EntityValue] {
            try r.optionalTexts(key).map { text in
                let parts = text.split(separator: "/").map(String.init)
                guard parts.count == 2, let type = EntityType(rawValue: parts[0]) else {
                    throw try r.required(key).error("'\(text)' in '\(key)' must read type/id")
                }
                return EntityValue(type, parts[1])
            }
        }
        shape.defaults = try values("defaults")
        shape.excludes = try values("excludes")
        shape.notWith = try types("not_with")
        if let name = try r.optionalText("instead") {
            guard let other = Intent(rawValue: name) else { throw try r.required("instead").error("unknown intent '\(name)'") }
            shape.instead = other
        }
        if let flag = try r.optionalText("from_context") {
            guard let value = Bool(flag) else { throw try r.required("from_context").error("'from_context' must be true or false") }
            shape.fromContext = value
        }
        for word in try r.optionalTexts("needs_words") { shape.wordsNeeded.formUnion(normalizer.terms(of: normalizer.words(word))) }
        for word in try r.optionalTexts("not_opening_with") { shape.refusedOpenings.formUnion(normalizer.terms(of: normalizer.words(word))) }
        for word in try r.optionalTexts("asks_which_with") { shape.asksWhichWith.formUnion(normalizer.terms(of: normalizer.words(word))) }
        return shape
    }
}
