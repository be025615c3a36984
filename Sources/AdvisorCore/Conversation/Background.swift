import Foundation

/// "I'm a mobile dev and want to switch": another job named as what the person is (after a
/// phrase of `self_descriptions` and a word of `name_openers`) is their background. It makes
/// the line no question about that job, so nothing is declined for it, and it says they work:
/// a profile update notes them as a working professional (the contract's level ID).
extension Resolver {
    static let workingLevel = "working-professional"

    /// What a statement about oneself names of another field, as typed, with the field's ID,
    /// but for the job the person says they hold: "I know Kotlin and React" names React.
    func outsideNames(in analysis: Analysis) -> [(name: String, field: String)] {
        guard analysis.words.count == analysis.terms.count else { return [] }
        let background = self.background(in: analysis)
        return analysis.mentions.compactMap { mention in
            guard let field = mention.value(of: .foreign), !background.contains(mention) else { return nil }
            let words = analysis.words[mention.range].joined(separator: " ")
            // As the person typed it ("React"), where the line holds it as such.
            let typed = analysis.text.range(of: words, options: .caseInsensitive).map { String(analysis.text[$0]) } ?? words
            return (typed, field.id)
        }
    }

    /// The mentions of another field or job that the line says the person is (of `type`: one
    /// of the roles for "I work as a DBA", which is no role they want to become). Of another
    /// field, a job no list names counts too ("I'm a QA tester"): see `unknownJob(in:)`.
    func background(in analysis: Analysis, of type: EntityType = .foreign) -> [Mention] {
        let named = analysis.mentions.filter { mention in
            mention.value(of: type) != nil && saysWhatOneIs(before: mention.range.lowerBound, in: analysis)
        }
        guard named.isEmpty, type == .foreign, let job = unknownJob(in: analysis) else { return named }
        return [Mention(range: job, values: [EntityValue(.foreign, Self.otherJob)])]
    }

    /// The ID of another job in the contract's `foreign` entities.
    static let otherJob = "other-job"

    /// Whether a self-description and a word that opens a name stand right before `start`
    /// ("I am a", "working as a").
    private func saysWhatOneIs(before start: Int, in analysis: Analysis) -> Bool {
        let lexicon = language.lexicon
        guard start >= 2, lexicon.nameOpeners.contains(analysis.terms[start - 1]) else { return false }
        let before = analysis.terms[..<(start - 1)]
        return lexicon.selfDescriptions.contains { before.suffix($0.count).elementsEqual($0) }
    }

    /// "I'm a QA tester, 3 yrs": the words after a self-description that no example of an
    /// answerable intent uses and no name covers name a job the advisor knows nothing of, held
    /// by the person: their background, as a job of the `foreign` list would be. Nil where a
    /// known word stands there ("I am a student" names a level).
    func unknownJob(in analysis: Analysis) -> Range<Int>? {
        guard analysis.words.count == analysis.terms.count,
              let start = analysis.terms.indices.first(where: { saysWhatOneIs(before: $0, in: analysis) && isUnknownWord($0, in: analysis) })
        else { return nil }
        var end = start + 1
        while end < analysis.terms.count, isUnknownWord(end, in: analysis) { end += 1 }
        return start..<end
    }
}
