/// The language model in the advisor's index: the settings and word rules field by field,
/// then the entity names, the spelling corrector, the matcher and the examples as the blobs
/// they read in place.
///
/// A field added to `LanguageModel` must be added here too, in `write` and in the reader;
/// `IndexRoundTripTests` fails while one is missing.
extension LanguageModel {
    func write(to w: inout IndexWriter) {
        lexicon.write(to: &w)
        w.list(Intent.allCases.filter { shapes[$0] != nil }) { w, intent in
            w.string(intent.rawValue)
            shapes[intent]!.write(to: &w)
        }
        for number in [threshold, requiresPenalty, declineMargin, ambiguityMargin, unanchoredMargin, followupConfidence, cueBoost] {
            w.double(number)
        }
        w.double(anchoredDeclineMargin)
        w.double(continuityMargin)
        writeFollowups(to: &w)
        w.int(maxCharacters)
        w.bool(openingTerm)
        w.strings(anchors.sorted())
        w.strings(weakNames.sorted())
        w.list(besideNames.sorted(by: { $0.key < $1.key })) { w, entry in
            w.string(entry.key)
            w.string(entry.value.type.rawValue)
            w.string(entry.value.id)
        }
        w.strings(besideJoiners.sorted())
        w.list(followupIntents.sorted(by: { $0.key < $1.key })) { w, entry in
            w.string(entry.key.rawValue)
            w.string(entry.value.rawValue)
        }
        w.list(placeholders.sorted(by: { $0.key < $1.key })) { w, entry in
            w.string(entry.key)
            w.strings(entry.value)
        }
        w.list(cues) { w, cue in cue.write(to: &w) }
        blob(&w) { knownPairs.write(to: &$0) }
        blob(&w) { entities.table.copy(to: &$0) }
        blob(&w) { corrector.copy(to: &$0) }
        blob(&w) { matcher.copy(to: &$0) }
        blob(&w) { exampleTable.write(to: &$0) }
    }

    /// What the follow-up stage reads besides its confidence and intents.
    private func writeFollowups(to w: inout IndexWriter) {
        w.strings(qualifierNames.sorted())
        w.strings(EntityType.allCases.filter(followupQualifiers.contains).map(\.rawValue))
        w.strings(Intent.allCases.filter(fieldChoices.contains).map(\.rawValue))
        w.list(idioms) { w, idiom in w.strings(idiom) }
        let counterparts = Intent.allCases.flatMap { last in
            (followupCounterparts[last] ?? [:]).sorted(by: { $0.key < $1.key }).map { (last, $0.key, $0.value) }
        }
        w.list(counterparts) { w, entry in
            for name in [entry.0.rawValue, entry.1.rawValue, entry.2.rawValue] { w.string(name) }
        }
    }

    private func blob(_ w: inout IndexWriter, _ write: (inout IndexWriter) -> Void) {
        var inner = IndexWriter()
        write(&inner)
        w.blob(inner.bytes)
    }

    convenience init(reading r: inout IndexReader) throws {
        let lexicon = try Lexicon(reading: &r)
        let shapes = Dictionary(try r.list { r in (try Intent(reading: &r), try IntentShape(reading: &r)) }, uniquingKeysWith: { $1 })
        let numbers = try (0..<9).map { _ in try r.double() }
        let followups = try Followups(reading: &r)
        let maxCharacters = try r.int()
        let openingTerm = try r.bool()
        let anchors = Set(try r.strings()), weakNames = Set(try r.strings())
        let besideNames = Dictionary(try r.list { r in (try r.string(), EntityValue(try EntityType(reading: &r), try r.string())) },
                                     uniquingKeysWith: { $1 })
        let besideJoiners = Set(try r.strings())
        let followupIntents = Dictionary(try r.list { r in (try EntityType(reading: &r), try Intent(reading: &r)) }, uniquingKeysWith: { $1 })
        let placeholders = Dictionary(try r.list { r in (try r.string(), try r.strings()) }, uniquingKeysWith: { $1 })
        let cues = try r.list { try Cue(reading: &$0) }
        var pairs = try r.blob(), names = try r.blob(), words = try r.blob(), matching = try r.blob(), texts = try r.blob()
        self.init(
            normalizer: Normalizer(lexicon: lexicon), entities: EntityLexicon(table: try AliasTable(reading: &names)),
            corrector: try SpellingCorrector(reading: &words), matcher: try IntentMatcher(reading: &matching), shapes: shapes,
            threshold: numbers[0], requiresPenalty: numbers[1], declineMargin: numbers[2], ambiguityMargin: numbers[3],
            maxCharacters: maxCharacters, anchors: anchors, weakNames: weakNames, unanchoredMargin: numbers[4],
            followupConfidence: numbers[5], openingTerm: openingTerm, followupIntents: followupIntents,
            placeholders: placeholders, knownPairs: try TermSet(reading: &pairs), cues: cues, cueBoost: numbers[6],
            exampleTable: try ExampleTable(reading: &texts))
        for blob in [pairs, names, words, matching, texts] { try blob.finish() }
        cueStarts = Self.cueStarts(cues)
        self.besideNames = besideNames
        self.besideJoiners = besideJoiners
        anchoredDeclineMargin = numbers[7]
        continuityMargin = numbers[8]
        qualifierNames = followups.qualifierNames
        followupQualifiers = followups.qualifiers
        fieldChoices = followups.fieldChoices
        idioms = followups.idioms
        followupCounterparts = followups.counterparts
        comparedWords = ComparedWords(shapes)
        shapeWords = ShapeWords(shapes)
    }

    /// What `writeFollowups` wrote.
    private struct Followups {
        let qualifierNames: Set<String>, qualifiers: Set<EntityType>, fieldChoices: Set<Intent>
        let idioms: [[String]], counterparts: [Intent: [EntityType: Intent]]

        init(reading r: inout IndexReader) throws {
            qualifierNames = Set(try r.strings())
            qualifiers = Set(try r.strings().map { try EntityType(named: $0) })
            fieldChoices = Set(try r.strings().map { try Intent(named: $0) })
            idioms = try r.list { try $0.strings() }
            var counterparts: [Intent: [EntityType: Intent]] = [:]
            for (last, type, intent) in try r.list({ r in (try Intent(reading: &r), try EntityType(reading: &r), try Intent(reading: &r)) }) {
                counterparts[last, default: [:]][type] = intent
            }
            self.counterparts = counterparts
        }
    }
}

extension LanguageModel.Cue {
    func write(to w: inout IndexWriter) {
        w.list(words) { w, sequence in w.strings(sequence) }
        w.strings(Intent.allCases.filter(intents.contains).map(\.rawValue))
        w.bool(boost != nil)
        if let boost { w.double(boost) }
        w.bool(decides)
    }

    init(reading r: inout IndexReader) throws {
        let words = try r.list { try $0.strings() }
        let intents = Set(try r.strings().map { try Intent(named: $0) })
        let boost = try r.bool() ? try r.double() : nil
        self.init(words: words, intents: intents, boost: boost, decides: try r.bool())
    }
}
