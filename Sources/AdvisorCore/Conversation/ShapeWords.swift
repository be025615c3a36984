/// The words the intents' shapes need or refuse (`needs_words`, `not_opening_with` in
/// `matching.yaml`), as intent masks (bit `Intent.ordinal`) per word, and the intents that
/// require an entity, in the contract's order.
///
/// Worked out once from the shapes (`LanguageModel.shapeWords`): the resolver marks down
/// intents for every line, and a few lookups of the line's words replace a pass over every
/// intent's word sets.
struct ShapeWords: Sendable {
    /// Per word, the intents that need a word of theirs and count this one.
    private(set) var neededBy: [String: UInt64] = [:]
    /// The intents that need a word of theirs.
    private(set) var needing: UInt64 = 0
    /// Per word, the intents a line may not open with it.
    private(set) var refusedBy: [String: UInt64] = [:]
    /// The intents that require an entity, with their shapes.
    private(set) var requiring: [(intent: Intent, shape: IntentShape)] = []

    init() {}

    init(_ shapes: [Intent: IntentShape]) {
        for intent in Intent.allCases {
            guard let shape = shapes[intent] else { continue }
            let bit = UInt64(1) << UInt64(intent.ordinal)
            if !shape.wordsNeeded.isEmpty { needing |= bit }
            for word in shape.wordsNeeded { neededBy[word, default: 0] |= bit }
            for word in shape.refusedOpenings { refusedBy[word, default: 0] |= bit }
            if shape.requires != nil { requiring.append((intent, shape)) }
        }
    }

    /// The intents a line lacks a needed word for, or opens with a word it may not open with.
    func marked(_ terms: [String]) -> UInt64 {
        var met: UInt64 = 0
        for term in terms { met |= neededBy[term] ?? 0 }
        var marked = needing & ~met
        if let opening = terms.first { marked |= refusedBy[opening] ?? 0 }
        return marked
    }
}
