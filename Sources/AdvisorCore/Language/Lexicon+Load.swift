/// Reading `Intents/lexicon.yaml`: the word rules first (contractions, Hindi in Latin letters,
/// endings, numbers, synonyms), with which every other list is folded as questions are; then
/// the word sets, the places in a list, and the phrases. Errors name the file and line.
extension Lexicon {
    static let keys: Set<String> = ["contractions", "suffixes", "numbers", "synonyms", "filler", "followup", "references", "choices",
                                    "negations", "quantifiers", "successors", "plural_references", "counted_references", "claims",
                                    "claim_checks", "existentials", "ordinals", "questions", "forgetting", "ignore", "name_openers",
                                    "self_descriptions", "acknowledgements", "hinglish", "person_words", "spoken_for", "sufficiency"]

    static func load(_ doc: DataNode) throws -> Lexicon {
        var lexicon = Lexicon()
        let record = try doc.record("lexicon.yaml", allowed: keys)
        try lexicon.readWords(record)
        let normalizer = Normalizer(lexicon: lexicon)
        try lexicon.readSets(record, normalizer)
        try lexicon.readPlaces(record, normalizer)
        try lexicon.readPhrases(record, normalizer)
        for entry in try record.optional("spoken_for")?.pairs("'spoken_for'") ?? [] {
            let words = normalizer.words(entry.key)
            guard !words.isEmpty else { throw entry.keyNode.error("'\(entry.key)' has no words") }
            lexicon.spokenFor.append((words, try entry.value.text("how '\(entry.key)' is named back")))
        }
        lexicon.spokenFor.sort { $0.words.count > $1.words.count }
        return lexicon
    }

    /// The word rules: how a word is expanded, and which phrases fold to one term.
    private mutating func readWords(_ record: DataRecord) throws {
        for entry in try record.required("contractions").pairs("'contractions'") {
            contractions[entry.key.lowercased()] = try entry.value.text("contraction '\(entry.key)'").split(separator: " ").map(String.init)
        }
        for entry in try record.optional("hinglish")?.pairs("'hinglish'") ?? [] {
            let word = entry.key.lowercased()
            guard contractions[word] == nil else { throw entry.keyNode.error("'\(entry.key)' is a contraction already") }
            contractions[word] = try entry.value.text("the English of '\(entry.key)'").split(separator: " ").map(String.init)
            translated.insert(word)
        }
        for entry in try record.required("suffixes").pairs("'suffixes'") {
            let replacement: String
            if case .scalar(let s) = entry.value.node { replacement = s.string } else {
                throw entry.value.error("suffix '\(entry.key)' must be text")
            }
            suffixes.append((entry.key, replacement.split(separator: " ").map(String.init)))
        }
        suffixes.sort { $0.ending.count > $1.ending.count }
        for entry in try record.required("numbers").pairs("'numbers'") {
            numbers[entry.key] = try entry.value.text("number '\(entry.key)'")
        }
        // Synonym variants go through the same folding as questions, minus synonyms themselves.
        let plain = Normalizer(lexicon: self)
        for entry in try record.required("synonyms").pairs("'synonyms'") {
            for variant in try entry.value.texts("synonyms of '\(entry.key)'") {
                let terms = plain.terms(of: plain.words(variant))
                guard let first = terms.first else { throw entry.value.error("synonym '\(variant)' has no words") }
                synonyms[first, default: []].append((terms, entry.key))
            }
        }
        for key in synonyms.keys { synonyms[key]!.sort { $0.variant.count > $1.variant.count } }
    }

    /// The sets of words each reading stage looks for (filler, references, negations…).
    private mutating func readSets(_ record: DataRecord, _ normalizer: Normalizer) throws {
        for word in try record.texts("filler") {
            for term in normalizer.terms(of: normalizer.words(word)) { filler.insert(term) }
        }
        followupCues = try record.texts("followup").map { normalizer.terms(of: normalizer.words($0)) }
        let choices = try record.required("choices").record("'choices'", allowed: ["first", "second"])
        func terms(_ texts: [String]) -> Set<String> { Set(texts.flatMap { normalizer.terms(of: normalizer.words($0)) }) }
        firstChoice = terms(try choices.texts("first"))
        secondChoice = terms(try choices.texts("second"))
        ignored = terms(try record.texts("ignore"))
        quantifiers = terms(try record.texts("quantifiers"))
        negations = terms(try record.texts("negations"))
        successors = terms(try record.optionalTexts("successors"))
        sufficiency = terms(try record.optionalTexts("sufficiency"))
        pluralReferences = terms(try record.optionalTexts("plural_references"))
        acknowledgements = terms(try record.optionalTexts("acknowledgements"))
        personWords = terms(try record.optionalTexts("person_words"))
        nameOpeners = terms(try record.optionalTexts("name_openers"))
        // As typed, not stemmed: "clear my profile" asks to forget; "that cleared my doubt" does not.
        forgetting = Set(try record.optionalTexts("forgetting").flatMap { normalizer.words($0) })
        for word in try record.texts("references") {
            for term in normalizer.terms(of: normalizer.words(word)) { references.insert(term) }
        }
        if let counted = record.optional("counted_references") {
            let fields = try counted.record("'counted_references'", allowed: ["words", "after"])
            for word in try fields.texts("words") {
                for term in normalizer.terms(of: normalizer.words(word)) {
                    guard references.contains(term) else { throw counted.error("counted reference '\(word)' is not one of the references") }
                    countedReferences.insert(term)
                }
            }
            for word in try fields.texts("after") { pickers.formUnion(normalizer.terms(of: normalizer.words(word))) }
        }
        for word in try record.optionalTexts("claims") { claims.formUnion(normalizer.terms(of: normalizer.words(word))) }
    }

    /// Words for places in a list ("the third", "the next one").
    private mutating func readPlaces(_ record: DataRecord, _ normalizer: Normalizer) throws {
        if let ordinals = record.optional("ordinals") {
            let fields = try ordinals.record("'ordinals'", allowed: ["places", "before", "after", "relative", "relative_after"])
            func places(_ key: String) throws -> [String: Int] {
                var result: [String: Int] = [:]
                for entry in try fields.required(key).pairs("'\(key)'") {
                    let terms = normalizer.terms(of: normalizer.words(entry.key))
                    guard terms.count == 1 else { throw entry.keyNode.error("an ordinal must be one word, not '\(entry.key)'") }
                    let place = try entry.value.integer("the place of '\(entry.key)'")
                    guard place != 0 || key == "relative" else { throw entry.value.error("the place of '\(entry.key)' must not be 0") }
                    result[terms[0]] = place
                }
                return result
            }
            func terms(_ key: String) throws -> Set<String> {
                Set(try fields.texts(key).flatMap { normalizer.terms(of: normalizer.words($0)) })
            }
            ordinalPlaces = try places("places")
            relativePlaces = try places("relative")
            ordinalBefore = try terms("before")
            ordinalAfter = try terms("after")
            relativeAfter = try terms("relative_after")
        }
    }

    /// Phrases: what opens or joins a question, says what one is, or asks whether a claim is true.
    private mutating func readPhrases(_ record: DataRecord, _ normalizer: Normalizer) throws {
        if let questions = record.optional("questions") {
            let fields = try questions.record("'questions'", allowed: ["openers", "joiners"])
            questionOpeners = Set(try fields.texts("openers").flatMap { normalizer.words($0) })
            questionJoiners = Set(try fields.texts("joiners").flatMap { normalizer.words($0) })
        }
        selfDescriptions = try record.optionalTexts("self_descriptions").map { normalizer.terms(of: normalizer.words($0)) }.filter { !$0.isEmpty }
        existentials = try record.optionalTexts("existentials").map { normalizer.terms(of: normalizer.words($0)) }.filter { !$0.isEmpty }
        if let checks = record.optional("claim_checks") {
            let fields = try checks.record("'claim_checks'", allowed: ["tags", "openers", "hearsay", "basis"])
            func phrases(_ key: String) throws -> [[String]] {
                try fields.texts(key).map { text in
                    let words = normalizer.words(text)
                    guard !words.isEmpty else { throw try fields.required(key).error("'\(text)' in '\(key)' has no words") }
                    return words
                }
            }
            claimTags = try phrases("tags")
            claimOpeners = try phrases("openers")
            hearsay = try phrases("hearsay")
            basisAsked = fields.optional("basis") == nil ? [] : try phrases("basis")
        }
    }
}
