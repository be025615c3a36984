/// The language model in the advisor's index: the settings and word rules field by field,
/// then the entity names, the spelling corrector, the matcher and the examples as the blobs
/// they read in place.
///
/// A field added to `LanguageModel` must be added here too, in `write` and in the reader;
/// `IndexRoundTripTests` fails while one is missing.
extension LanguageModel {
    func write(to w: inout IndexWriter) {
        lexicon.write(to: &w)
        w.count(shapes.count)
        for intent in Intent.allCases {
            guard let shape = shapes[intent] else { continue }
            w.string(intent.rawValue)
            shape.write(to: &w)
        }
        for number in [threshold, requiresPenalty, declineMargin, ambiguityMargin, unanchoredMargin, followupConfidence, cueBoost] {
            w.double(number)
        }
        w.double(anchoredDeclineMargin)
        w.strings(qualifierNames.sorted())
        w.strings(EntityType.allCases.filter(followupQualifiers.contains).map(\.rawValue))
        w.strings(Intent.allCases.filter(fieldChoices.contains).map(\.rawValue))
        w.count(idioms.count)
        for idiom in idioms { w.strings(idiom) }
        let counterparts = Intent.allCases.flatMap { last in
            (followupCounterparts[last] ?? [:]).sorted(by: { $0.key < $1.key }).map { (last, $0.key, $0.value) }
        }
        w.count(counterparts.count)
        for (last, type, intent) in counterparts {
            w.string(last.rawValue)
            w.string(type.rawValue)
            w.string(intent.rawValue)
        }
        w.int(maxCharacters)
        w.bool(openingTerm)
        w.strings(anchors.sorted())
        w.strings(weakNames.sorted())
        w.count(besideNames.count)
        for (term, value) in besideNames.sorted(by: { $0.key < $1.key }) {
            w.string(term)
            w.string(value.type.rawValue)
            w.string(value.id)
        }
        w.strings(besideJoiners.sorted())
        w.count(followupIntents.count)
        for (type, intent) in followupIntents.sorted(by: { $0.key < $1.key }) {
            w.string(type.rawValue)
            w.string(intent.rawValue)
        }
        w.count(placeholders.count)
        for (key, terms) in placeholders.sorted(by: { $0.key < $1.key }) {
            w.string(key)
            w.strings(terms)
        }
        w.count(cues.count)
        for cue in cues {
            w.count(cue.words.count)
            for words in cue.words { w.strings(words) }
            w.strings(Intent.allCases.filter(cue.intents.contains).map(\.rawValue))
            w.bool(cue.boost != nil)
            if let boost = cue.boost { w.double(boost) }
            w.bool(cue.decides)
        }
        blob(&w) { knownPairs.write(to: &$0) }
        blob(&w) { entities.table.copy(to: &$0) }
        blob(&w) { corrector.copy(to: &$0) }
        blob(&w) { matcher.copy(to: &$0) }
        blob(&w) { exampleTable.write(to: &$0) }
    }

    private func blob(_ w: inout IndexWriter, _ write: (inout IndexWriter) -> Void) {
        var inner = IndexWriter()
        write(&inner)
        w.blob(inner.bytes)
    }

    convenience init(reading r: inout IndexReader) throws {
        let lexicon = try Lexicon(reading: &r)
        var shapes: [Intent: IntentShape] = [:]
        for _ in 0..<(try r.count()) {
            let intent = try Intent(reading: &r)
            shapes[intent] = try IntentShape(reading: &r)
        }
        let threshold = try r.double(), requiresPenalty = try r.double(), declineMargin = try r.double()
        let ambiguityMargin = try r.double(), unanchoredMargin = try r.double(), followupConfidence = try r.double()
        let cueBoost = try r.double()
        let anchoredDeclineMargin = try r.double()
        let qualifierNames = Set(try r.strings())
        let followupQualifiers = Set(try r.strings().map { name in
            guard let type = EntityType(rawValue: name) else { throw IndexReader.Damaged() }
            return type
        })
        let fieldChoices = Set(try r.strings().map { name in
            guard let intent = Intent(rawValue: name) else { throw IndexReader.Damaged() }
            return intent
        })
        let idioms = try (0..<(try r.count())).map { _ in try r.strings() }
        var followupCounterparts: [Intent: [EntityType: Intent]] = [:]
        for _ in 0..<(try r.count()) {
            let last = try Intent(reading: &r)
            let type = try EntityType(reading: &r)
            followupCounterparts[last, default: [:]][type] = try Intent(reading: &r)
        }
        let maxCharacters = try r.int()
        let openingTerm = try r.bool()
        let anchors = Set(try r.strings()), weakNames = Set(try r.strings())
        var besideNames: [String: EntityValue] = [:]
        for _ in 0..<(try r.count()) {
            let term = try r.string()
            besideNames[term] = EntityValue(try EntityType(reading: &r), try r.string())
        }
        let besideJoiners = Set(try r.strings())
        var followupIntents: [EntityType: Intent] = [:]
        for _ in 0..<(try r.count()) {
            let type = try EntityType(reading: &r)
            followupIntents[type] = try Intent(reading: &r)
        }
        var placeholders: [String: [String]] = [:]
        for _ in 0..<(try r.count()) {
            let key = try r.string()
            placeholders[key] = try r.strings()
        }
        var cues: [Cue] = []
        for _ in 0..<(try r.count()) {
            var words: [[String]] = []
            for _ in 0..<(try r.count()) { words.append(try r.strings()) }
            let intents = try r.strings().map { name in
                guard let intent = Intent(rawValue: name) else { throw IndexReader.Damaged() }
                return intent
            }
            let boost = try r.bool() ? try r.double() : nil
            cues.append(Cue(words: words, intents: Set(intents), boost: boost, decides: try r.bool()))
        }
        var pairs = try r.blob(), names = try r.blob(), words = try r.blob(), matching = try r.blob(), texts = try r.blob()
        self.init(
            normalizer: Normalizer(lexicon: lexicon), entities: EntityLexicon(table: try AliasTable(reading: &names)),
            corrector: try SpellingCorrector(reading: &words), matcher: try IntentMatcher(reading: &matching), shapes: shapes,
            threshold: threshold, requiresPenalty: requiresPenalty, declineMargin: declineMargin, ambiguityMargin: ambiguityMargin,
            maxCharacters: maxCharacters, anchors: anchors, weakNames: weakNames, unanchoredMargin: unanchoredMargin,
            followupConfidence: followupConfidence, openingTerm: openingTerm, followupIntents: followupIntents,
            placeholders: placeholders, knownPairs: try TermSet(reading: &pairs), cues: cues, cueBoost: cueBoost,
            exampleTable: try ExampleTable(reading: &texts))
        for blob in [pairs, names, words, matching, texts] { try blob.finish() }
        cueStarts = Self.cueStarts(cues)
        self.besideNames = besideNames
        self.anchoredDeclineMargin = anchoredDeclineMargin
        self.qualifierNames = qualifierNames
        self.followupQualifiers = followupQualifiers
        self.fieldChoices = fieldChoices
        self.idioms = idioms
        self.followupCounterparts = followupCounterparts
        self.besideJoiners = besideJoiners
        comparedWords = ComparedWords(shapes)
        shapeWords = ShapeWords(shapes)
    }

    static func cueStarts(_ cues: [Cue]) -> [String: [(cue: Int, word: Int)]] {
        var starts: [String: [(cue: Int, word: Int)]] = [:]
        for (c, cue) in cues.enumerated() {
            for (w, words) in cue.words.enumerated() { starts[words[0], default: []].append((c, w)) }
        }
        return starts
    }

    /// For each cue, the first of its word sequences (in the order given) found anywhere in
    /// `terms`, or nil: one lookup per term instead of a scan per cue.
    func cueWords(in terms: [String]) -> [Int?] {
        var found = [Int?](repeating: nil, count: cues.count)
        if cueStarts.isEmpty && !cues.isEmpty {
            for (c, cue) in cues.enumerated() {
                found[c] = cue.words.firstIndex { w in terms.indices.contains { terms[$0...].starts(with: w) } }
            }
            return found
        }
        for i in terms.indices {
            guard let starts = cueStarts[terms[i]] else { continue }
            for (c, w) in starts where (found[c] ?? Int.max) > w && terms[i...].starts(with: cues[c].words[w]) { found[c] = w }
        }
        return found
    }
}
