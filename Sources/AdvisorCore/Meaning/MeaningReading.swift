/// What the sentence encoder makes of a line: every intent's score by meaning (the cosines of
/// its closest examples, combined as `MeaningSettings.nearest` says), best first, and the
/// closest examples themselves, for `:why`.
public struct MeaningReading: Sendable {
    /// Every intent with examples, best first; ties in the contract's order.
    public var scores: [(intent: Intent, score: Double)]
    /// The closest examples of the best intents (one each, best first): their number in the
    /// example table and their cosine with the line.
    public var nearest: [(intent: Intent, example: Int, cosine: Double)]

    public func score(of intent: Intent) -> Double { scores.first { $0.intent == intent }?.score ?? 0 }
}
