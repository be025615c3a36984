/// The word rules in the advisor's index, field by field.
///
/// A field added to `Lexicon` must be added here too; `IndexRoundTripTests` fails while one
/// is missing.
extension Lexicon {
    func write(to w: inout IndexWriter) {
        w.count(contractions.count)
        for (word, whole) in contractions.sorted(by: { $0.key < $1.key }) {
            w.string(word)
            w.strings(whole)
        }
        w.count(suffixes.count)
        for suffix in suffixes {
            w.string(suffix.ending)
            w.strings(suffix.replacement)
        }
        w.count(numbers.count)
        for (word, figure) in numbers.sorted(by: { $0.key < $1.key }) {
            w.string(word)
            w.string(figure)
        }
        w.count(synonyms.count)
        for (first, variants) in synonyms.sorted(by: { $0.key < $1.key }) {
            w.string(first)
            w.count(variants.count)
            for v in variants {
                w.strings(v.variant)
                w.string(v.canonical)
            }
        }
        w.count(followupCues.count)
        for cue in followupCues { w.strings(cue) }
        for set in [filler, references, firstChoice, secondChoice, negations, quantifiers, ignored, successors, pluralReferences, forgetting,
                    countedReferences, pickers, claims, nameOpeners, acknowledgements, translated, personWords, sufficiency] { w.strings(set.sorted()) }
        for places in [ordinalPlaces, relativePlaces] {
            w.count(places.count)
            for (word, place) in places.sorted(by: { $0.key < $1.key }) {
                w.string(word)
                w.int(place)
            }
        }
        for set in [ordinalBefore, ordinalAfter, relativeAfter, questionOpeners, questionJoiners] { w.strings(set.sorted()) }
        for phrases in [claimTags, claimOpeners, hearsay, existentials, selfDescriptions, basisAsked] {
            w.count(phrases.count)
            for words in phrases { w.strings(words) }
        }
        w.count(spokenFor.count)
        for phrase in spokenFor {
            w.strings(phrase.words)
            w.string(phrase.named)
        }
    }

    init(reading r: inout IndexReader) throws {
        self.init()
        for _ in 0..<(try r.count()) {
            let word = try r.string()
            contractions[word] = try r.strings()
        }
        for _ in 0..<(try r.count()) { suffixes.append((try r.string(), try r.strings())) }
        for _ in 0..<(try r.count()) {
            let word = try r.string()
            numbers[word] = try r.string()
        }
        for _ in 0..<(try r.count()) {
            let first = try r.string()
            var variants: [(variant: [String], canonical: String)] = []
            for _ in 0..<(try r.count()) { variants.append((try r.strings(), try r.string())) }
            synonyms[first] = variants
        }
        for _ in 0..<(try r.count()) { followupCues.append(try r.strings()) }
        filler = Set(try r.strings())
        references = Set(try r.strings())
        firstChoice = Set(try r.strings())
        secondChoice = Set(try r.strings())
        negations = Set(try r.strings())
        quantifiers = Set(try r.strings())
        ignored = Set(try r.strings())
        successors = Set(try r.strings())
        pluralReferences = Set(try r.strings())
        forgetting = Set(try r.strings())
        countedReferences = Set(try r.strings())
        pickers = Set(try r.strings())
        claims = Set(try r.strings())
        nameOpeners = Set(try r.strings())
        acknowledgements = Set(try r.strings())
        translated = Set(try r.strings())
        personWords = Set(try r.strings())
        sufficiency = Set(try r.strings())
        func places() throws -> [String: Int] {
            var result: [String: Int] = [:]
            for _ in 0..<(try r.count()) {
                let word = try r.string()
                result[word] = try r.int()
            }
            return result
        }
        ordinalPlaces = try places()
        relativePlaces = try places()
        ordinalBefore = Set(try r.strings())
        ordinalAfter = Set(try r.strings())
        relativeAfter = Set(try r.strings())
        questionOpeners = Set(try r.strings())
        questionJoiners = Set(try r.strings())
        func phrases() throws -> [[String]] { try (0..<(try r.count())).map { _ in try r.strings() } }
        claimTags = try phrases()
        claimOpeners = try phrases()
        hearsay = try phrases()
        existentials = try phrases()
        selfDescriptions = try phrases()
        basisAsked = try phrases()
        for _ in 0..<(try r.count()) { spokenFor.append((try r.strings(), try r.string())) }
    }
}

extension IntentShape {
    func write(to w: inout IndexWriter) {
        w.count(takes.count)
        for type in takes { w.string(type.rawValue) }
        w.optionalString(requires?.rawValue)
        w.int(atLeast)
        w.int(atMost)
        for list in [defaults, excludes] {
            w.count(list.count)
            for value in list {
                w.string(value.type.rawValue)
                w.string(value.id)
            }
        }
        w.strings(wordsNeeded.sorted())
        w.strings(refusedOpenings.sorted())
        w.strings(asksWhichWith.sorted())
        w.bool(fromContext)
        w.optionalString(instead?.rawValue)
        w.count(notWith.count)
        for type in notWith { w.string(type.rawValue) }
    }

    init(reading r: inout IndexReader) throws {
        self.init()
        for _ in 0..<(try r.count()) { takes.append(try EntityType(reading: &r)) }
        requires = try r.optionalString().map { try EntityType(named: $0) }
        atLeast = try r.int()
        atMost = try r.int()
        for _ in 0..<(try r.count()) { defaults.append(EntityValue(try EntityType(reading: &r), try r.string())) }
        for _ in 0..<(try r.count()) { excludes.append(EntityValue(try EntityType(reading: &r), try r.string())) }
        wordsNeeded = Set(try r.strings())
        refusedOpenings = Set(try r.strings())
        asksWhichWith = Set(try r.strings())
        fromContext = try r.bool()
        instead = try r.optionalString().map { try Intent(named: $0) }
        for _ in 0..<(try r.count()) { notWith.append(try EntityType(reading: &r)) }
    }
}

extension EntityType {
    init(reading r: inout IndexReader) throws {
        self = try EntityType(named: try r.string())
    }
}

extension Intent {
    init(reading r: inout IndexReader) throws {
        self = try Intent(named: try r.string())
    }

    /// The intent an index names, or the index is damaged.
    init(named name: String) throws {
        guard let intent = Intent(rawValue: name) else { throw IndexReader.Damaged() }
        self = intent
    }
}

extension EntityType {
    /// The entity type an index names, or the index is damaged.
    init(named name: String) throws {
        guard let type = EntityType(rawValue: name) else { throw IndexReader.Damaged() }
        self = type
    }
}
