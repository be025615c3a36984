/// The word-level rules of `Intents/lexicon.yaml`: contractions, number words, synonyms,
/// filler and follow-up cues. Loaded once; `Normalizer` applies them.
public struct Lexicon: Sendable {
    var contractions: [String: [String]] = [:]
    /// Words of Hindi written in Latin letters ("kaise", "seekhna"), read as their English
    /// (`hinglish` in lexicon.yaml; they are expanded with the contractions). The sentence
    /// encoder knows English only: a line holding one is given to it in English words.
    public internal(set) var translated: Set<String> = []
    /// Endings such as "n't", longest first so "n't" is tried before "'t".
    var suffixes: [(ending: String, replacement: [String])] = []
    var numbers: [String: String] = [:]
    /// Variant term sequences (already stemmed) → canonical term, grouped by first term.
    var synonyms: [String: [(variant: [String], canonical: String)]] = [:]
    public internal(set) var filler: Set<String> = []
    /// Cue sequences (normalized) that open a follow-up.
    var followupCues: [[String]] = []
    /// Words that point back at something already said ("they", "that").
    public internal(set) var references: Set<String> = []
    /// References that are numbers ("two", "one"), and the words after which they point back
    /// whatever else the line holds ("the two", "which one"); see `firstReference(in:)`.
    public internal(set) var countedReferences: Set<String> = []
    public internal(set) var pickers: Set<String> = []
    /// Words after a reference that make it point at a claim, not at a thing ("is that true?").
    public internal(set) var claims: Set<String> = []
    /// Words that pick the first or the second of two readings offered ("the first", "2").
    public internal(set) var firstChoice: Set<String> = []
    public internal(set) var secondChoice: Set<String> = []
    /// Words that turn "I know Java" into "I don't know Java".
    public internal(set) var negations: Set<String> = []
    /// Words for "all of them", which keep a short question from narrowing to the context.
    public internal(set) var quantifiers: Set<String> = []
    /// Words that ask for what comes after something ("what comes after that step?").
    public internal(set) var successors: Set<String> = []
    /// Words that ask whether what one has is enough ("is Python enough?"): the tools named
    /// are taken as known for the next step (`sufficiency` in lexicon.yaml).
    public internal(set) var sufficiency: Set<String> = []
    /// References to several things at once ("what does each of them do?"): all the values
    /// the last answer named, where a singular "it" or "that" takes only the last.
    public internal(set) var pluralReferences: Set<String> = []
    /// Words that ask the advisor to forget ("forget everything about me"): what the
    /// `:forget` command does, which a question cannot.
    public internal(set) var forgetting: Set<String> = []
    /// Words after which a word names a thing ("a", "the", "of", "as"): where a word the
    /// advisor has never seen ("a police constable", "the salary of a bank PO") names a job.
    public internal(set) var nameOpeners: Set<String> = []
    /// Words for a person ("guys", "folks"), as terms: after the opening of one role's
    /// name they name that role ("cloud guys"; `LanguageModel.roleHeadMentions`).
    public internal(set) var personWords: Set<String> = []
    /// Phrases naming the person one speaks for ("my son", "he"), as folded words, and how the
    /// advisor names them back ("your son"; `spoken_for` in lexicon.yaml).
    public internal(set) var spokenFor: [(words: [String], named: String)] = []
    /// Phrases in which a person says what they are ("I am", "I work as"), as terms: another
    /// job named right after one ("I'm a mobile dev") is their background, not a question.
    public internal(set) var selfDescriptions: [[String]] = []
    /// Words that only acknowledge what was said ("fine", "sounds good", "lol ok"), as terms:
    /// a clause of nothing else before a question is no part of the question.
    public internal(set) var acknowledgements: Set<String> = []
    /// Words left out of matching altogether (articles): "what does a DBA do" and "what does
    /// that one do" then share their word pairs.
    public internal(set) var ignored: Set<String> = []
    /// Whole clauses that ask whether what was just said is true ("is that true", "right"), as
    /// folded words (`claim_checks` in lexicon.yaml).
    public internal(set) var claimTags: [[String]] = []
    /// Whole lines that ask what the last answer rests on ("why?", "why do you say so?"), as
    /// folded words: like a claim tag alone, they ask the last question again.
    public internal(set) var basisAsked: [[String]] = []
    /// Openings that ask whether what follows is true ("is it true that"), as folded words.
    public internal(set) var claimOpeners: [[String]] = []
    /// Words that report what someone else says ("says", "heard", "told me"), as folded words:
    /// a claim with one among its first words is read from after it.
    public internal(set) var hearsay: [[String]] = []
    /// Words for a place in a list ("3rd": 3, "last": -1, counted from the end when negative),
    /// the words one must follow ("the") and those that may come after it ("one", "step"):
    /// "the third one" picks from what the last answer listed.
    public internal(set) var ordinalPlaces: [String: Int] = [:]
    public internal(set) var ordinalBefore: Set<String> = []
    public internal(set) var ordinalAfter: Set<String> = []
    /// Words for a place next to the one the conversation is at ("the next one": +1; 0: the
    /// other of two), and the words that may come after them: "the next step" is the person's
    /// own next step, not this.
    public internal(set) var relativePlaces: [String: Int] = [:]
    public internal(set) var relativeAfter: Set<String> = []
    /// Words that open a question ("what", "how", "does"), as folded words, and the words that
    /// join two questions ("and"): where a line of two questions splits (`questionSplit`).
    public internal(set) var questionOpeners: Set<String> = []
    public internal(set) var questionJoiners: Set<String> = []
    /// Phrases in which a reference word points at nothing ("are there", "there is"), as terms.
    public internal(set) var existentials: [[String]] = []

    /// Where the first word that points back at something said before is ("what do they
    /// earn?", "compare the two", "to become one"), if any. A number word points back after a
    /// word that picks ("the two", "which one"), or as the line's only number: in "what is two
    /// and two" or "one plus one" it counts, and points at nothing. A reference before a word
    /// of `claims` points at what was said, not at a role or tool: "backend is dying, is that
    /// true?" takes nothing from the context.
    public func firstReference(in terms: [String]) -> Int? {
        // Most lines hold no reference: the numbers are counted only for one that is a number.
        // (A plain loop: closures here captured, and so copied, the whole lexicon.)
        for i in terms.indices {
            guard references.contains(terms[i]), !(i + 1 < terms.count && claims.contains(terms[i + 1])), !isExistential(i, in: terms) else { continue }
            guard countedReferences.contains(terms[i]), !(i > 0 && pickers.contains(terms[i - 1])) else { return i }
            var numbers = 0
            for term in terms where countedReferences.contains(term) || (!term.isEmpty && term.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })) {
                numbers += 1
            }
            if numbers == 1 { return i }
        }
        return nil
    }

    /// The place in a list that the line picks ("tell me more about the third one": 3; "the
    /// last": -1), and where its word stands; nil when it picks none.
    /// - Returns: `relative` when the place counts from where the conversation is ("the next one").
    public func ordinal(in terms: [String]) -> (place: Int, at: Int, relative: Bool)? {
        for (i, term) in terms.enumerated() where i > 0 && ordinalBefore.contains(terms[i - 1]) {
            let last = i + 1 == terms.count
            if let place = ordinalPlaces[term], last || ordinalAfter.contains(terms[i + 1]) { return (place, i, false) }
            if let place = relativePlaces[term], last || relativeAfter.contains(terms[i + 1]) { return (place, i, true) }
        }
        return nil
    }

    /// Where a line of two questions splits, in its words as typed (split at spaces): after a
    /// "?" that more words follow, or at a joining word ("and") followed by a word that opens a
    /// question ("what does a DBA earn and what do they do"). `end` is where the first question
    /// ends, `start` where the second begins; each has three words or more.
    /// Whether `line` may hold two questions at all (a "?" before more words, or a joining
    /// word between spaces): a pass over its bytes, so that most lines are never split into words.
    public func mayHoldTwoQuestions(_ line: String) -> Bool {
        var seenMark = false
        var start = 0, index = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: "?") { seenMark = true } else if seenMark && byte > 0x40 { return true }
            if byte == UInt8(ascii: " ") {
                // Joiners are short words; a longer one is never looked up.
                if start > 0, index - start >= 2, index - start <= 5,
                   questionJoiners.contains(String(decoding: line.utf8.dropFirst(start).prefix(index - start), as: UTF8.self).lowercased()) {
                    return true
                }
                start = index + 1
            }
            index += 1
        }
        return false
    }

    public func questionSplit(in words: [String]) -> (end: Int, start: Int)? {
        func folded(_ word: String) -> String { word.lowercased().filter { $0.isLetter || $0 == "'" } }
        for i in 3..<max(3, words.count - 2) {
            if words[i - 1].hasSuffix("?"), questionOpeners.contains(folded(words[i])) { return (i, i) }
            // Joiners are short words: most words are passed over without folding them.
            if words[i].utf8.count <= 5, questionJoiners.contains(folded(words[i])), questionOpeners.contains(folded(words[i + 1])),
               words.count - i - 1 >= 3 {
                return (i, i + 1)
            }
        }
        return nil
    }

    /// Whom a statement is about, named back ("He already knows Python": "him"; "my son is in
    /// class 12": "your son"), when it names the person one speaks for; nil when it is about
    /// oneself.
    public func spokenFor(in words: [String]) -> String? {
        for phrase in spokenFor {
            for i in words.indices where words[i...].starts(with: phrase.words) { return phrase.named }
        }
        return nil
    }

    /// Whether a clause asks something: it ends with "?", or one of its first three words opens
    /// a question ("so what next", "ok where do I go from here"). "A blog API and a todo app"
    /// after "I've built two projects," goes on telling; it asks nothing.
    public func asksSomething(_ clause: String) -> Bool {
        let text = clause.trimmingSpaces()
        if text.hasSuffix("?") { return true }
        // "whats next", "what's next": a contraction opens what its expansion opens.
        return text.split(separator: " ").prefix(3).contains { raw in
            let word = raw.lowercased().filter { $0.isLetter || $0 == "'" }
            return questionOpeners.contains(contractions[word]?.first ?? word)
        }
    }

    /// Whether the word at `i` is part of a phrase of `existentials` ("how many steps are there").
    func isExistential(_ i: Int, in terms: [String]) -> Bool {
        for phrase in existentials {
            guard let at = phrase.firstIndex(of: terms[i]), i >= at, i - at + phrase.count <= terms.count else { continue }
            if terms[(i - at)..<(i - at + phrase.count)].elementsEqual(phrase) { return true }
        }
        return false
    }
}
