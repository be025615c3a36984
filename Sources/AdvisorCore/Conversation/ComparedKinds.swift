/// What the words of a comparison say about what it compares. Each comparison lists in
/// `matching.yaml` (`asks_which_with`) the words that ask for it without naming anything:
/// a word that only one comparison lists ("roles", "languages") says what kind of thing is
/// compared; a word that several list ("compare") asks for a comparison of no kind in
/// particular.
///
/// Worked out once from the intents' shapes (`LanguageModel.comparedWords`): the resolver
/// asks it of every line, and most lines hold none of these words.
struct ComparedWords: Sendable {
    /// Per word some comparison lists, the comparisons that list it (in the contract's order).
    private(set) var listers: [String: [Intent]] = [:]
    /// The kinds of thing comparisons compare (roles, tools).
    private(set) var compared: Set<EntityType> = []

    init() {}

    init(_ shapes: [Intent: IntentShape]) {
        for intent in Intent.allCases {
            guard let shape = shapes[intent] else { continue }
            for word in shape.asksWhichWith { listers[word, default: []].append(intent) }
            if shape.atLeast > 1, let type = shape.requires { compared.insert(type) }
        }
    }

    /// The comparison whose own word (one no other comparison lists) term `i` of the line is,
    /// unless it is inside the name of a thing compared: "database administrator" is a role.
    private func ownWord(_ analysis: Analysis, at i: Int) -> Intent? {
        guard let intents = listers[analysis.terms[i]], intents.count == 1 else { return nil }
        let insideName = analysis.mentions.contains { $0.range.contains(i) && $0.values.contains { compared.contains($0.type) } }
        return insideName ? nil : intents[0]
    }

    /// Whether the line says what kind of thing `intent` compares ("compare the languages"),
    /// as opposed to asking for a comparison alone ("compare").
    func saysWhatIsCompared(_ analysis: Analysis, by intent: Intent) -> Bool {
        analysis.terms.indices.contains { ownWord(analysis, at: $0) == intent }
    }

    /// Whether the line holds a word that several comparisons list ("compare"): it asks for a
    /// comparison as such, and one thing named before is not enough for one.
    func asksForAComparison(_ analysis: Analysis) -> Bool {
        analysis.terms.contains { (listers[$0]?.count ?? 0) > 1 }
    }

    /// The comparisons whose kind the line says (none for most lines).
    func comparisonsWhoseKind(_ analysis: Analysis) -> Set<Intent> {
        var result = Set<Intent>()
        for i in analysis.terms.indices { if let intent = ownWord(analysis, at: i) { result.insert(intent) } }
        return result
    }
}
