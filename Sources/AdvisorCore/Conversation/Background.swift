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
    /// of the roles for "I work as a DBA", which is no role they want to become).
    func background(in analysis: Analysis, of type: EntityType = .foreign) -> [Mention] {
        let lexicon = language.lexicon
        return analysis.mentions.filter { mention in
            guard mention.value(of: type) != nil, mention.range.lowerBound >= 2,
                  lexicon.nameOpeners.contains(analysis.terms[mention.range.lowerBound - 1]) else { return false }
            let before = analysis.terms[..<(mention.range.lowerBound - 1)]
            return lexicon.selfDescriptions.contains { before.suffix($0.count).elementsEqual($0) }
        }
    }
}
