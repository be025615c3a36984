/// How one line was read, before the conversation's context is applied: kept whole so that
/// `:why` and replay diffs can show every step.
public struct Analysis: Sendable {
    public var text: String
    /// Words after folding, contractions and number words, with typos corrected.
    public var words: [String]
    /// Each corrected word and what it became.
    public var corrections: [(from: String, to: String)]
    /// Stemmed, synonym-folded terms.
    public var terms: [String]
    public var mentions: [Mention]
    /// Terms with entity mentions replaced by placeholders: what the matcher compared.
    public var features: [String]
    /// Intent scores with cue words applied, best first: these choose the intent.
    public var scores: [(intent: Intent, score: Double)]
    /// Intent scores from the examples alone, best first: these decide whether to answer.
    public var baseScores: [(intent: Intent, score: Double)] = []
    /// For the best-scored intents, the number of the example that matched best, read as text
    /// only when asked for (`nearest(_:)`, for `:why`): most lines never show it.
    var nearestExamples: [(intent: Intent, example: Int)] = []
    var exampleTexts: ExampleTable?
    /// The cue words found in the line (each favours some intents).
    public var cues: [String] = []
    /// The intents those cue words favour.
    public var favoured: Set<Intent> = []
    /// The intents favoured by cue words that decide whether to answer at all (small talk's
    /// "thanks", "bye", "hello": they are the request).
    public var decided: Set<Intent> = []
    /// True when the line was longer than the advisor reads and only its opening was read.
    public var truncated = false
    /// Terms that are neither entity names, filler nor follow-up cues: the line's own request.
    public var requestTerms: [String]
    /// True when the line opens with a follow-up cue ("and", "what about").
    public var opensWithCue: Bool
    /// Where in `terms` the line first points back at something said before ("they", "the
    /// two"; `Lexicon.firstReference`), worked out once when the line is read.
    public var pointer: Int?
    /// The features of the line's own terms, before any referent was read into them: kept
    /// so the line can be read again with another referent without reading its words again.
    var readFeatures: [String] = []
    /// Whether the line points back at something said before.
    public var pointsBack: Bool { pointer != nil }

    /// The entity values named in the line, in order, each once.
    /// The example of `intent` that matched the line best, if it is among the best-scored.
    public func nearest(_ intent: Intent) -> String? {
        guard let texts = exampleTexts, let found = nearestExamples.first(where: { $0.intent == intent }) else { return nil }
        return texts[found.example]
    }

    public var values: [EntityValue] {
        // A line names a handful at most: a linear check beats building a set.
        var result: [EntityValue] = []
        for mention in mentions { for value in mention.values where !result.contains(value) { result.append(value) } }
        return result
    }

    public func named(_ type: EntityType) -> [String] {
        var result: [String] = []
        for mention in mentions { if let id = mention.value(of: type)?.id, !result.contains(id) { result.append(id) } }
        return result
    }
}
