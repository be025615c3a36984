/// "What does a police constable earn?", "the salary of a bank PO": a question about a role
/// whose role is a word the advisor has never seen asks about another job, however closely
/// its wording matches a salary question. No list of the world's jobs is needed: words that
/// no example of any answerable intent uses, standing where a role's name stands (after "a",
/// "of", "as", and before the end of the line or a word of the question's own examples,
/// "earn"), name something the advisor knows nothing of. ("The smallest salary" is no job:
/// after "the" stand the words that qualify.)
extension Resolver {
    /// The words of the line that name an unknown job, as typed, or nil: only for an intent
    /// about roles, on a line that names no role of its own.
    func unknownRole(in analysis: Analysis, for intent: Intent) -> String? {
        guard language.shapes[intent]?.takes.contains(.role) == true, analysis.named(.role).isEmpty,
              analysis.words.count == analysis.terms.count else { return nil }
        func unknown(_ i: Int) -> Bool { isUnknownWord(i, in: analysis) }
        var i = 0
        while i < analysis.terms.count {
            // Not opening the line: "sounds good, how much does it pay?" names no job.
            guard i > 0, unknown(i) else { i += 1; continue }
            var end = i + 1
            while end < analysis.terms.count, unknown(end) { end += 1 }
            if standsForARole(i..<end, in: analysis, for: intent) { return analysis.words[i..<end].joined(separator: " ") }
            i = end
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
