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
    /// The one-word openings of exactly one role's names ("cloud": cloud-engineer), for a list
    /// of roles (`roleHeadMentions`): a plain table, as lines that name a role look it up.
    let roleOpenings: LazyValue<[String: String]>
    /// The words that end the names of two roles or more ("engineer", "developer"): the noun
    /// of a job, whatever words come before it. Made the first time a line needs it.
    let roleNouns: LazyValue<Set<String>>
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
    /// How near the last question's score a line that opens as a follow-up must read it to go
    /// on with it (`continuity_margin` in matching.yaml).
    var continuityMargin: Double = 0
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
        roleOpenings = LazyValue { [nameHeads] in
            var table: [String: String] = [:]
            for (run, types) in nameHeads.value where run.count == 1 {
                if let roles = types[.role], roles.count == 1, let id = roles.first { table[run[0]] = id }
            }
            return table
        }
        roleNouns = LazyValue { [entities] in
            Set(entities.endings().compactMap { tail, types in (types[.role]?.count ?? 0) > 1 ? tail : nil })
        }
    }


    /// The normalizer's word rules, held here too (a stored property shares the same tables):
    /// a method called on a computed one copied the lexicon, retaining and releasing its dozen
    /// tables on every line.
    public let lexicon: Lexicon

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

    /// Where the follow-up cues that open the line end, and where those that close it begin
    /// ("oops, I meant | devops | instead"): cues may follow one another, the longest first.
    func followupCueBounds(_ terms: [String]) -> (end: Int, closing: Int) {
        var end = 0, closing = terms.count
        while true {
            var longest = 0
            for cue in lexicon.followupCues where cue.count > longest && end + cue.count <= closing && terms[end...].starts(with: cue) { longest = cue.count }
            guard longest > 0 else { break }
            end += longest
        }
        while true {
            var longest = 0
            for cue in lexicon.followupCues where cue.count > longest && closing - cue.count >= end
                && terms[(closing - cue.count)..<closing].elementsEqual(cue) { longest = cue.count }
            guard longest > 0 else { break }
            closing -= longest
        }
        return (end, closing)
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
        let (cueEnd, closingCue) = followupCueBounds(terms)
        let opensWithCue = cueEnd > 0
        let request = terms.enumerated().filter { i, term in
            !covered.contains(i) && i >= cueEnd && i < closingCue && !lexicon.filler.contains(term)
        }.map(\.element)
        return Analysis(
            text: text, words: words, corrections: corrections, terms: terms, mentions: mentions,
            features: features, scores: cued.scores,
            baseScores: cued.base, nearestExamples: nearestExamples(scored), exampleTexts: exampleTable, cues: cued.fired, favoured: cued.favoured, decided: cued.decided, truncated: truncated,
            requestTerms: request, opensWithCue: opensWithCue, pointer: pointer, readFeatures: plainFeatures)
    }
}
