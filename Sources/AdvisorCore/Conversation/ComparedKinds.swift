/// What the words of a comparison say about what it compares. Each comparison lists in
/// `matching.yaml` (`asks_which_with`) the words that ask for it without naming anything:
/// a word that only one comparison lists ("roles", "languages") says what kind of thing is
/// compared; a word that several list ("compare") asks for a comparison of no kind in
/// particular.
extension [Intent: IntentShape] {
    /// The comparison's own words: those no other comparison lists.
    func ownComparedWords(of intent: Intent) -> Set<String> {
        guard var own = self[intent]?.asksWhichWith, !own.isEmpty else { return [] }
        for (other, shape) in self where other != intent { own.subtract(shape.asksWhichWith) }
        return own
    }

    /// Whether the line says what kind of thing a comparison compares ("compare the
    /// languages"), as opposed to asking for a comparison alone ("compare"). A word inside the
    /// name of a thing compared says nothing of the kind: "database administrator" is a role.
    func saysWhatIsCompared(_ analysis: Analysis, by intent: Intent) -> Bool {
        let own = ownComparedWords(of: intent)
        guard !own.isEmpty else { return false }
        let compared = Set(values.compactMap { $0.atLeast > 1 ? $0.requires : nil })
        return analysis.terms.indices.contains { i in
            own.contains(analysis.terms[i])
                && !analysis.mentions.contains { $0.range.contains(i) && $0.values.contains { compared.contains($0.type) } }
        }
    }

    /// Whether the line holds a word that several comparisons list ("compare"): it asks for a
    /// comparison as such, and one thing named before is not enough for one.
    func asksForAComparison(_ analysis: Analysis) -> Bool {
        let comparisons = values.filter { !$0.asksWhichWith.isEmpty }
        return analysis.terms.contains { term in comparisons.filter { $0.asksWhichWith.contains(term) }.count > 1 }
    }

    /// The comparisons whose kind the line says (none for most lines, which hold no word any
    /// comparison lists).
    func comparisonsWhoseKind(_ analysis: Analysis) -> Set<Intent> {
        var result = Set<Intent>()
        for (intent, shape) in self where !shape.asksWhichWith.isEmpty && analysis.terms.contains(where: shape.asksWhichWith.contains) {
            if saysWhatIsCompared(analysis, by: intent) { result.insert(intent) }
        }
        return result
    }
}
