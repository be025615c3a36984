/// Everything the advisor knows about language, loaded once from `Intents/`: word rules,
/// entity names, intent examples and the matcher's index over them.
///
/// A class, shared rather than copied: every line hands it to the resolver, the borrowing rule
/// and the composer, and a copy of a struct this size retains and releases its thirty-odd
/// tables each time. Its `var`s are set only while it is built (`load`, `init(reading:)`),
/// before it is shared, hence `@unchecked Sendable`.
public final class LanguageModel: @unchecked Sendable {
    let normalizer: Normalizer
    public let entities: EntityLexicon
    let corrector: SpellingCorrector
    let matcher: IntentMatcher
    public let shapes: [Intent: IntentShape]
    /// The words comparisons are asked for with (from `shapes`), worked out once.
    var comparedWords = ComparedWords()
    /// The words the shapes need or refuse, and the intents that require an entity (from `shapes`).
    var shapeWords = ShapeWords()
    /// Per run of terms that opens a longer name, the things of each type whose names it opens
    /// ("cloud" opens "cloud engineer"): made the first time a follow-up needs it
    /// (`Resolver.readingHeadNames`), never at start.
    let nameHeads: LazyValue<[[String]: [EntityType: Set<String>]]>
    public let threshold: Double
    let requiresPenalty: Double
    /// A line whose out-of-scope score comes within this of the best intent is declined.
    let declineMargin: Double
    /// Two readings closer than this make the advisor ask which one was meant.
    var ambiguityMargin: Double = 0
    /// How much of a line is read (in Unicode scalars).
    var maxCharacters = 2000
    /// Words that tie a line to back-end careers even when it names no role or tool.
    public internal(set) var anchors: Set<String> = []
    /// Names that are everyday words too ("language", "go", "cloud"): alone they anchor nothing.
    public internal(set) var weakNames: Set<String> = []
    /// Words that name an entity only beside another of its type, joined to it by a word of
    /// `besideJoiners`: "full stack or backend" compares two roles, while "backend" alone is the
    /// field (`beside_names` in matching.yaml). Terms, and the value each names.
    var besideNames: [String: EntityValue] = [:]
    var besideJoiners: Set<String> = []
    /// The decline margin for a line with no anchor at all (no domain name, no anchor word).
    var unanchoredMargin: Double = 0
    /// How far the declined examples must beat every intent to decline a line anchored in the
    /// domain ("do backend developers work from home?": of the job, but nothing the article says).
    var anchoredDeclineMargin: Double = 1
    let followupConfidence: Double
    /// Whether the opening term is a feature of its own ("^what").
    let openingTerm: Bool
    /// The intent a bare entity follow-up takes when the previous intent cannot take it.
    let followupIntents: [EntityType: Intent]
    /// Names that only qualify a job ("fresher", "senior"): beside the name of another field
    /// they do not make the line ours (`qualifier_names`, as folded terms joined by spaces).
    var qualifierNames: Set<String> = []
    /// Types that, named alone as a follow-up, qualify the last question rather than ask a new
    /// one (`followup_qualifiers`): "how about for a beginner?" after a comparison compares again.
    var followupQualifiers: Set<EntityType> = []
    /// Intents about choosing the field itself (`field_choices`): a line read as one of them,
    /// with an anchor word, is answered though it names another field.
    var fieldChoices: Set<Intent> = []
    /// Set phrases in which a name is an everyday word ("go for", "go with"): no mention there
    /// (`idioms`, as terms).
    var idioms: [[String]] = []
    /// Per last intent, the intent a follow-up naming a type it does not take goes to, before
    /// the type's own (`followup_counterparts`): "and for a DevOps engineer?" after the skills
    /// of back-end developers asks that role's skills.
    var followupCounterparts: [Intent: [EntityType: Intent]] = [:]
    /// Placeholder terms per entity value or type (`role/backend-developer`, `role`).
    let placeholders: [String: [String]]
    /// Adjacent word pairs of the entity names ("cloud engineer"), for choosing corrections.
    var knownPairs = TermSet([])

    /// Key words that favour some intents whatever the rest of the wording ("earn" with a
    /// role is a salary question), from `cues` in matching.yaml.
    var cues: [Cue] = []
    var cueBoost: Double = 0
    /// The cues' word sequences by their first term, (cue, word) in order: set when the model
    /// is read from the index (`LanguageModel+Index.swift`).
    var cueStarts: [String: [(cue: Int, word: Int)]] = [:]

    struct Cue: Sendable {
        let words: [[String]]
        let intents: Set<Intent>
        /// This cue's own boost, where its words are weaker or stronger than the default.
        let boost: Double?
        /// Whether the boost also counts in deciding to answer at all, not only in choosing
        /// between readings: the key words of small talk ("thanks", "bye") are the request.
        var decides = false
    }

    /// Every example as written, in the matcher's numbering, so `:why` can quote the closest one.
    let exampleTable: ExampleTable
    /// Examples per intent, as written, for `check` and coverage (made when first asked for).
    public var examples: [Intent: [String]] { exampleTable.byIntent }

    init(normalizer: Normalizer, entities: EntityLexicon, corrector: SpellingCorrector, matcher: IntentMatcher,
         shapes: [Intent: IntentShape], threshold: Double, requiresPenalty: Double, declineMargin: Double,
         ambiguityMargin: Double = 0, maxCharacters: Int = 2000, anchors: Set<String> = [], weakNames: Set<String> = [],
         unanchoredMargin: Double = 0, followupConfidence: Double, openingTerm: Bool, followupIntents: [EntityType: Intent],
         placeholders: [String: [String]], knownPairs: TermSet = TermSet([]), cues: [Cue] = [], cueBoost: Double = 0,
         exampleTable: ExampleTable) {
        self.normalizer = normalizer
        self.lexicon = normalizer.lexicon
        self.entities = entities
        self.corrector = corrector
        self.matcher = matcher
        self.shapes = shapes
        self.threshold = threshold
        self.requiresPenalty = requiresPenalty
        self.declineMargin = declineMargin
        self.ambiguityMargin = ambiguityMargin
        self.maxCharacters = maxCharacters
        self.anchors = anchors
        self.weakNames = weakNames
        self.unanchoredMargin = unanchoredMargin
        self.followupConfidence = followupConfidence
        self.openingTerm = openingTerm
        self.followupIntents = followupIntents
        self.placeholders = placeholders
        self.knownPairs = knownPairs
        self.cues = cues
        self.cueBoost = cueBoost
        self.exampleTable = exampleTable
        nameHeads = LazyValue { [entities] in entities.openings() }
    }


    /// The normalizer's word rules, held here too (a stored property shares the same tables):
    /// a method called on a computed one copied the lexicon, retaining and releasing its dozen
    /// tables on every line.
    public let lexicon: Lexicon

    static func load(root: DataRoot, knowledge: KnowledgeBase) throws -> LanguageModel {
        let folder = DataRoot.intentsFolder
        let lexicon = try Lexicon.load(try root.parse("\(folder)/lexicon.yaml"))
        let normalizer = Normalizer(lexicon: lexicon)
        let entities = try EntityLexicon.load(try root.parse("\(folder)/entities.yaml"), knowledge: knowledge, normalizer: normalizer)
        let settings = try root.parse("\(folder)/matching.yaml")
        let record = try settings.record("matching.yaml", allowed: ["threshold", "unknown_word", "requires_penalty", "placeholders", "intents",
                                                                     "followup_confidence", "followup_intents", "placeholder_weight",
                                                                     "nearest", "opening_term", "decline_margin", "concentration",
                                                                     "cues", "cue_boost", "ambiguity_margin", "max_characters",
                                                                     "exclusive_placeholders", "anchors", "weak_names", "unanchored_margin", "beside_names",
                                                                     "anchored_decline_margin", "followup_counterparts", "qualifier_names", "idioms", "field_choices", "followup_qualifiers"])
        func number(_ key: String) throws -> Double {
            let node = try record.required(key)
            guard let value = Double(try node.text("'\(key)'")) else { throw node.error("'\(key)' must be a number") }
            return value
        }
        var placeholders: [String: [String]] = [:]
        for entry in try record.required("placeholders").pairs("'placeholders'") {
            let typeName = entry.key.split(separator: "/").first.map(String.init) ?? ""
            guard EntityType(rawValue: typeName) != nil else { throw entry.keyNode.error("unknown entity type '\(typeName)'") }
            let text = try entry.value.text("placeholder '\(entry.key)'")
            // "#role" is a symbol no word can spell; other placeholders are words, folded as such.
            placeholders[entry.key] = text.hasPrefix("#") ? [text] : normalizer.terms(of: normalizer.words(text))
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
            shapes[intent] = try Self.shape(entry.value, intent: intent, normalizer: normalizer)
        }
        for intent in Intent.allCases where shapes[intent] == nil {
            throw settings.error("matching.yaml gives no entry for intent '\(intent.rawValue)' under 'intents'")
        }

        var examples: [Intent: [String]] = [:]
        var exampleFiles: [Intent: String] = [:]
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
            // An intent may take examples from several files (hand-written, and imported ones
            // such as `out_of_scope.clinc.yaml`); they are read in file-name order.
            exampleFiles[intent] = file
            let list = try r.texts("examples")
            if list.isEmpty { throw try r.required("examples").error("intent '\(name)' has no examples") }
            examples[intent, default: []] += list
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
            declineMargin: try number("decline_margin"),
            followupConfidence: try number("followup_confidence"), openingTerm: try number("opening_term") != 0,
            followupIntents: followupIntents,
            placeholders: placeholders, exampleTable: ExampleTable([:]))
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
                                   concentration: try number("concentration"),
                                   exclusive: Set(try record.texts("exclusive_placeholders"))), shapes: shapes,
            threshold: model.threshold, requiresPenalty: model.requiresPenalty, declineMargin: model.declineMargin,
            followupConfidence: model.followupConfidence, openingTerm: model.openingTerm, followupIntents: followupIntents,
            placeholders: placeholders, exampleTable: ExampleTable(examples))
        model.comparedWords = ComparedWords(shapes)
        model.shapeWords = ShapeWords(shapes)
        model.cueBoost = try number("cue_boost")
        model.ambiguityMargin = try number("ambiguity_margin")
        model.maxCharacters = Int(try number("max_characters"))
        model.unanchoredMargin = try number("unanchored_margin")
        model.anchoredDeclineMargin = try number("anchored_decline_margin")
        model.qualifierNames = Set(try record.optionalTexts("qualifier_names").map { normalizer.terms(of: normalizer.words($0)).joined(separator: " ") })
        model.fieldChoices = Set(try record.optionalTexts("field_choices").map { name in
            guard let intent = Intent(rawValue: name) else { throw try record.required("field_choices").error("unknown intent '\(name)'") }
            return intent
        })
        model.followupQualifiers = Set(try record.optionalTexts("followup_qualifiers").map { name in
            guard let type = EntityType(rawValue: name) else { throw try record.required("followup_qualifiers").error("unknown entity type '\(name)'") }
            return type
        })
        model.idioms = try record.optionalTexts("idioms").map { normalizer.terms(of: normalizer.words($0)) }.filter { !$0.isEmpty }
        for entry in try record.optional("followup_counterparts")?.pairs("'followup_counterparts'") ?? [] {
            guard let last = Intent(rawValue: entry.key) else { throw entry.keyNode.error("unknown intent '\(entry.key)'") }
            for pair in try entry.value.pairs("counterparts of '\(entry.key)'") {
                guard let type = EntityType(rawValue: pair.key) else { throw pair.keyNode.error("unknown entity type '\(pair.key)'") }
                let name = try pair.value.text("the counterpart for '\(pair.key)'")
                guard let intent = Intent(rawValue: name) else { throw pair.value.error("unknown intent '\(name)'") }
                guard shapes[intent]?.takes.contains(type) == true else { throw pair.value.error("'\(name)' does not take '\(pair.key)'") }
                model.followupCounterparts[last, default: [:]][type] = intent
            }
        }
        for word in try record.texts("anchors") { model.anchors.formUnion(normalizer.terms(of: normalizer.words(word))) }
        for word in try record.texts("weak_names") { model.weakNames.formUnion(normalizer.terms(of: normalizer.words(word))) }
        if let beside = record.optional("beside_names") {
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
                model.besideNames[terms[0]] = EntityValue(type, parts[1])
            }
            for word in try fields.texts("joined_by") { model.besideJoiners.formUnion(normalizer.terms(of: normalizer.words(word))) }
        }
        for item in try record.required("cues").list("'cues'") {
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
            model.cues.append(Cue(words: words, intents: Set(intents), boost: boost, decides: decides))
        }
        var knownPairs = Set<String>()
        for aliases in entities.names.values {
            for alias in aliases {
                let words = normalizer.words(alias)
                for j in words.indices.dropFirst() { knownPairs.insert(words[j - 1] + " " + words[j]) }
            }
        }
        model.knownPairs = TermSet(knownPairs)
        return model
    }

    private static func shape(_ node: DataNode, intent: Intent, normalizer: Normalizer) throws -> IntentShape {
        let r = try node.record("intent '\(intent.rawValue)'", allowed: ["takes", "requires", "at_least", "at_most", "defaults", "excludes", "needs_words",
                                                                         "not_opening_with", "asks_which_with", "from_context", "instead"])
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

    /// `mentions` less those inside a set phrase of `idioms` ("AWS or Azure, which should I go
    /// for?" names no Go), unless joined to a name of their kind ("Node.js or Go for a backend?").
    func withoutIdioms(_ terms: [String], _ mentions: [Mention]) -> [Mention] {
        guard !idioms.isEmpty else { return mentions }
        return mentions.filter { mention in
            // Joined to a name of its own kind, it is a name: "Node.js or Go for a backend?"
            let at = mention.range.lowerBound
            if at >= 2, besideJoiners.contains(terms[at - 1]),
               mentions.contains(where: { $0.range.upperBound == at - 1 && $0.values.contains { v in mention.values.contains { $0.type == v.type } } }) {
                return true
            }
            return !idioms.contains { idiom in
                // The idiom starts at most its length before the mention and covers it whole.
                guard idiom.count >= mention.range.count else { return false }
                let earliest = max(0, mention.range.upperBound - idiom.count)
                return (earliest...mention.range.lowerBound).contains { start in
                    start + idiom.count <= terms.count && start + idiom.count >= mention.range.upperBound
                        && terms[start..<(start + idiom.count)].elementsEqual(idiom)
                }
            }
        }
    }

    /// `mentions` with the words of `besideNames` that stand beside another name of their
    /// type, joined to it only by words of `besideJoiners` ("full stack or backend", "backend
    /// vs devops"), read as names too.
    func besideMentions(_ terms: [String], _ mentions: [Mention]) -> [Mention] {
        guard !besideNames.isEmpty, !mentions.isEmpty else { return mentions }
        var result = mentions
        for (i, term) in terms.enumerated() {
            guard let value = besideNames[term], !mentions.contains(where: { $0.range.contains(i) }) else { continue }
            let joined = mentions.contains { m in
                guard m.value(of: value.type) != nil, !m.values.contains(value) else { return false }
                let between = m.range.upperBound <= i ? m.range.upperBound..<i : (i + 1)..<m.range.lowerBound
                return !between.isEmpty && between.allSatisfy { besideJoiners.contains(terms[$0]) }
            }
            guard joined else { continue }
            let at = result.firstIndex { $0.range.lowerBound > i } ?? result.count
            result.insert(Mention(range: i..<(i + 1), values: [value]), at: at)
        }
        return result
    }

    /// The matcher's features of a line: terms with mentions replaced, pairs, the opening
    /// term, and one feature per entity type named twice or more ("Django or Flask?" reads
    /// as a comparison because the examples of comparisons carry the same feature).
    /// - Parameter alsoNamed: a type named once more than `mentions` say (by a reference read
    ///   as its placeholder).
    func features(_ terms: [String], _ mentions: [Mention], alsoNamed: EntityType? = nil) -> [String] {
        let kept = replacingMentions(terms, mentions).filter { !lexicon.ignored.contains($0) }
        var features = IntentMatcher.features(of: kept, opening: openingTerm)
        var counts: [EntityType: Int] = [:]
        if let alsoNamed { counts[alsoNamed] = 1 }
        for mention in mentions where mention.values.count == 1 { counts[mention.values[0].type, default: 0] += 1 }
        for (type, count) in counts.sorted(by: { $0.key < $1.key }) where count >= 2 {
            features.append("#\(type.rawValue)*2")
        }
        return features
    }

    /// Replaces each unambiguous mention with its placeholder terms. A mention with several
    /// readings keeps its own words and adds every reading's placeholder, so the rest of
    /// the line and the examples decide between them.
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
                // Several readings: the words stay, and each reading's placeholder joins them.
                out.append(contentsOf: terms[mention.range])
                var seen = Set<String>()
                for value in mention.values {
                    for term in placeholders[value.type.rawValue] ?? [] where term.hasPrefix("#") && seen.insert(term).inserted {
                        out.append(term)
                    }
                }
            }
            i = mention.range.upperBound
        }
        out.append(contentsOf: terms[i...])
        return out
    }

    /// The cue words' effect on a line's scores from the examples (best first): `scores` with
    /// every boost of the cues found in `terms` (they choose between readings), `base` with only
    /// those of the cues that decide (whether to answer at all is judged on the examples and
    /// on these alone), the cue words found and the intents they favour.
    func cued(_ raw: [(intent: Intent, score: Double)], terms: [String])
        -> (scores: [(intent: Intent, score: Double)], base: [(intent: Intent, score: Double)], fired: [String], favoured: Set<Intent>,
            decided: Set<Intent>) {
        var scores = raw
        var base = raw
        var fired: [String] = []
        var favoured = Set<Intent>()
        var decidedFor = Set<Intent>()
        var decided = false
        let found = cueWords(in: terms)
        for (c, cue) in cues.enumerated() {
            guard let word = found[c] else { continue }
            fired.append(cue.words[word].joined(separator: " "))
            favoured.formUnion(cue.intents)
            let boost = cue.boost ?? cueBoost
            for i in scores.indices where cue.intents.contains(scores[i].intent) { scores[i].score += boost }
            if cue.decides {
                decided = true
                decidedFor.formUnion(cue.intents)
                for i in base.indices where cue.intents.contains(base[i].intent) { base[i].score += boost }
            }
        }
        func byScore(_ a: (intent: Intent, score: Double), _ b: (intent: Intent, score: Double)) -> Bool {
            a.score != b.score ? a.score > b.score : a.intent < b.intent
        }
        if !fired.isEmpty { scores.sort(by: byScore) }
        if decided { base.sort(by: byScore) }
        return (scores, base, fired, favoured, decidedFor)
    }

    private func nearestExamples(_ scored: [(intent: Intent, score: Double, example: Int)]) -> [(intent: Intent, example: Int)] {
        scored.prefix(4).compactMap { s in s.example >= 0 && s.example < exampleTable.count ? (s.intent, s.example) : nil }
    }

    /// Where a line points back at something of type `referent` that it does not name itself
    /// (its first reference word, "they", "that"), and the placeholder read in its place; nil
    /// when the referent changes nothing in how the line is read.
    /// - Parameter pointer: the line's first word that points back (`Lexicon.firstReference`).
    ///
    /// A line that names something of that type too points back only when the reference comes
    /// first: in "how is it different from Flask?" after Django, "it" is Django; in "what is
    /// Flask and what does it do?", "it" is Flask.
    private func reference(to referent: EntityType?, at pointer: Int?, mentions: [Mention]) -> (at: Int, placeholder: [String])? {
        guard let type = referent, let at = pointer,
              !mentions.contains(where: { $0.value(of: type) != nil && $0.range.lowerBound < at }),
              let placeholder = placeholders[type.rawValue] else { return nil }
        return (at, placeholder)
    }

    /// Whether `analysis`, read without a referent, is exactly what `analyze` gives with this
    /// one: so a line read ahead, before the conversation reached it, can be used as it is.
    public func reads(_ analysis: Analysis, sameWith referent: EntityType?) -> Bool {
        reference(to: referent, at: analysis.pointer, mentions: analysis.mentions) == nil
    }

    /// Reads one line: fold, correct, stem, find entities, score every intent.
    /// - Parameter referent: the type of what the conversation was last about; a reference
    ///   word ("they", "that") in a line that names nothing of that type is then matched as
    ///   a mention of it, so "what skills does that need?" reads like "…does a #role need?".
    /// - Parameter implied: read the line as if it ended by pointing at the referent ("skills?"
    ///   after a role read like "skills of that role?"), for a short change of topic that
    ///   names nothing and points at nothing.
    public func analyze(_ text: String, referent: EntityType? = nil, implied: Bool = false) -> Analysis {
        // Only the opening of a very long line is read: a question is never that long, and
        // a pasted 10 MB line must still be answered at once.
        let read = readPart(of: text)
        let truncated = read.utf8.count != text.utf8.count
        var words = normalizer.words(read)
        var corrections: [(from: String, to: String)] = []
        for i in words.indices where !corrector.isKnown(words[i]) {
            let candidates = corrector.candidates(for: words[i])
            guard !candidates.isEmpty else { continue }
            // Prefer the reading that completes a known name with a neighbour ("clould
            // engineer" is "cloud engineer", not "could engineer"); a short word needs one.
            let completes = candidates.first { c in
                (i > 0 && knownPairs.contains(words[i - 1] + " " + c))
                    || (i + 1 < words.count && knownPairs.contains(c + " " + words[i + 1]))
            }
            guard let fixed = completes ?? (words[i].unicodeScalars.count >= 4 ? candidates.first : nil) else { continue }
            corrections.append((words[i], fixed))
            words[i] = fixed
        }
        let terms = normalizer.terms(of: words)
        let mentions = roleHeadMentions(terms, besideMentions(terms, withoutIdioms(terms, entities.mentions(in: terms))))
        return scored(text: text, words: words, corrections: corrections, terms: terms, mentions: mentions,
                      features: features(terms, mentions), truncated: truncated, referent: referent, implied: implied)
    }

    /// The part of a line that is read: its first `maxCharacters` Unicode scalars (the sentence
    /// encoder, which reads at most 256 tokens, is handed the same part).
    func readPart(of text: String) -> String {
        let scalars = text.unicodeScalars
        return scalars.count > maxCharacters ? String(String.UnicodeScalarView(scalars.prefix(maxCharacters))) : text
    }

    /// The part of a line the sentence encoder reads: as typed, unless it holds a word of Hindi
    /// written in Latin letters ("cloud engineer banne ke liye kya seekhna padega"), when it is
    /// the line's words with those in English: the encoder was trained on English only.
    func encoderText(of text: String) -> String {
        let part = readPart(of: text)
        let translated = normalizer.lexicon.translated
        guard !translated.isEmpty, Normalizer.scalarWords(Normalizer.fold(part)).contains(where: translated.contains) else { return part }
        return normalizer.words(part).joined(separator: " ")
    }

    /// `analysis` read again as `analyze` would read its text with this referent (and
    /// `implied`), from its words, names and features rather than from the text: the
    /// conversation changes only what the matcher compares, never the words.
    func analyze(_ analysis: Analysis, referent: EntityType?, implied: Bool = false) -> Analysis {
        scored(text: analysis.text, words: analysis.words, corrections: analysis.corrections, terms: analysis.terms,
               mentions: analysis.mentions, features: analysis.readFeatures, truncated: analysis.truncated, referent: referent,
               implied: implied)
    }

    /// The rest of `analyze` once the words are read: the referent's placeholder, every
    /// intent's score, cue words and the line's own request.
    /// - Parameter features: the features of `terms` as they stand (no referent).
    private func scored(text: String, words: [String], corrections: [(from: String, to: String)], terms: [String],
                        mentions: [Mention], features plainFeatures: [String], truncated: Bool, referent: EntityType?,
                        implied: Bool) -> Analysis {
        var features = plainFeatures
        let pointer = lexicon.firstReference(in: terms)
        if let (at, placeholder) = reference(to: referent, at: pointer, mentions: mentions) {
            var resolved = terms
            resolved.replaceSubrange(at...at, with: placeholder)
            let shifted = mentions.map { m in
                m.range.lowerBound > at
                    ? Mention(range: (m.range.lowerBound + placeholder.count - 1)..<(m.range.upperBound + placeholder.count - 1), values: m.values)
                    : m
            }
            // What it points at counts as a name of its type: "how is it different from Flask?"
            // names two tools, as comparisons do.
            features = self.features(resolved, shifted, alsoNamed: referent)
        } else if implied, let type = referent, let placeholder = placeholders[type.rawValue],
                  !mentions.contains(where: { $0.value(of: type) != nil }) {
            features = self.features(terms + placeholder, mentions)
        }
        let scored = matcher.scores(features: features)
        let cued = cued(scored.map { ($0.intent, $0.score) }, terms: terms)
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
            features: features, scores: cued.scores,
            baseScores: cued.base, nearestExamples: nearestExamples(scored), exampleTexts: exampleTable, cues: cued.fired, favoured: cued.favoured, decided: cued.decided, truncated: truncated,
            requestTerms: request, opensWithCue: opensWithCue, pointer: pointer, readFeatures: plainFeatures)
    }
}
