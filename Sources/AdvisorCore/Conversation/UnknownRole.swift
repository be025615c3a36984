/// "What does a police constable earn?", "the salary of a bank PO": a question about a role
/// whose role is a word the advisor has never seen asks about another job, however closely
/// its wording matches a salary question. No list of the world's jobs is needed: words that
/// no example of any answerable intent uses, standing where a role's name stands (after "a",
/// "of", "as", and before the end of the line or a word of the question's own examples,
/// "earn"), name something the advisor knows nothing of. ("The smallest salary" is no job:
/// after "the" stand the words that qualify.)
extension Resolver {
    /// The words of the line that name an unknown job, as typed, or nil, on a line that names
    /// no role of its own: for an intent about roles, words it never saw where a role's name
    /// stands; for any intent about the career, a job's noun after such words ("how do I become
    /// an aerospace engineer?" asks no path of ours; small talk and the profile are about no
    /// job). A job the person says they hold is their background, no question (`unknownJob(in:)`).
    func unknownRole(in analysis: Analysis, for intent: Intent) -> String? {
        guard !ConversationContext.social.contains(intent), intent != .profileUpdate, intent != .profileShow,
              analysis.named(.role).isEmpty, analysis.words.count == analysis.terms.count else { return nil }
        // The job the person says they hold (cheap: only after a self-description), looked for once.
        let held = unknownJob(in: analysis)
        func holds(_ range: Range<Int>) -> Bool { held?.overlaps(range) == true }
        if let job = jobNounPhrase(in: analysis), !holds(job) { return analysis.words[job].joined(separator: " ") }
        guard language.shapes[intent]?.takes.contains(.role) == true else { return nil }
        var i = 0
        while i < analysis.terms.count {
            // Not opening the line: "sounds good, how much does it pay?" names no job.
            guard i > 0, isUnknownWord(i, in: analysis) else { i += 1; continue }
            var end = i + 1
            while end < analysis.terms.count, isUnknownWord(end, in: analysis) { end += 1 }
            if standsForARole(i..<end, in: analysis, for: intent), !holds(i..<(i + 1)) {
                return analysis.words[i..<end].joined(separator: " ")
            }
            i = end
        }
        return nil
    }

    /// "A mechanical design engineer": the noun of a job (a word that ends two roles' names,
    /// `LanguageModel.roleNouns`) after a word that opens a name and up to three words, one of
    /// them never seen and none of them a name or the opening of a role's name. "A good
    /// engineer" names no other job (every word is known); "a cloud engineer" is ours.
    func jobNounPhrase(in analysis: Analysis) -> Range<Int>? {
        let terms = analysis.terms, nouns = language.roleNouns.value, openings = language.roleOpenings.value
        for n in terms.indices.dropFirst(2) where nouns.contains(terms[n]) && !analysis.mentions.contains(where: { $0.range.contains(n) }) {
            var start = n
            while start > 0, n - start < 3, !language.lexicon.nameOpeners.contains(terms[start - 1]) { start -= 1 }
            guard start > 0, start < n, language.lexicon.nameOpeners.contains(terms[start - 1]) else { continue }
            let words = start..<n
            guard words.contains(where: { isUnknownWord($0, in: analysis) }),
                  !words.contains(where: { i in openings[terms[i]] != nil || analysis.mentions.contains { $0.range.contains(i) } })
            else { continue }
            return start..<(n + 1)
        }
        return nil
    }

    /// Whether the term at `i` is a word the advisor knows nothing of: a word of letters that no
    /// name covers, no filler or reference, and no example of an answerable intent uses.
    func isUnknownWord(_ i: Int, in analysis: Analysis) -> Bool {
        let term = analysis.terms[i], lexicon = language.lexicon
        return term.count >= 2 && term.allSatisfy(\.isLetter) && !analysis.mentions.contains { $0.range.contains(i) }
            && !lexicon.filler.contains(term) && !lexicon.references.contains(term)
            && language.matcher.intentsUsing(term) & ConversationContext.answerableBits == 0
    }

    /// Whether the words at `range` stand where a role's name stands in a question of `intent`:
    /// opening the line or after a word that opens a name ("a", "of", "as"), and before the end
    /// of the line or a word of the intent's own examples ("a doctor earn", "data scientist
    /// pay"). "Should I learn React" holds no job: "react" follows "learn".
    func standsForARole(_ range: Range<Int>, in analysis: Analysis, for intent: Intent) -> Bool {
        let terms = analysis.terms
        let opened = range.lowerBound == 0 || language.lexicon.nameOpeners.contains(terms[range.lowerBound - 1])
        let closed = range.upperBound == terms.count
            || language.matcher.intentsUsing(terms[range.upperBound]) & 1 << UInt64(intent.ordinal) != 0
        return opened && closed
    }
}
