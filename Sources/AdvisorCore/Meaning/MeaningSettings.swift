/// How the meaning stage weighs the sentence encoder's reading against the lexical one, from
/// `Intents/meaning.yaml`: its own settings, beside the matcher's (`matching.yaml`).
///
/// The encoder is consulted only where the lexical reading is unsure (`trust`), and it
/// replaces that reading only when its own is clear (`accept`, `margin`): the lexical matcher
/// reads the wordings it was written for exactly and cheaply, the encoder reads meaning it
/// was never shown, and where both are unsure the lexical reading stands.
public struct MeaningSettings: Sendable, Equatable {
    /// How many of an intent's closest examples by meaning make its score (the best counts
    /// most, the next ones steady it against one lucky example, as in the lexical matcher).
    public var nearest = 3
    /// A lexical reading at least this sure is kept as it is, without asking the encoder.
    public var trust = 0.7
    /// The least score by meaning with which an intent replaces an unsure lexical reading.
    public var accept = 0.5
    /// By how much the intent by meaning must beat the declined examples to replace a reading,
    /// and by how much the declined examples must beat every intent to decline a lexical answer.
    public var margin = 0.05
    /// How much the lexical scores weigh in the combined one where the encoder is asked (the
    /// rest is the score by meaning): what the words say still counts where the reading is unsure.
    public var lexicalWeight = 0.2

    static let file = "\(DataRoot.intentsFolder)/meaning.yaml"

    static func load(_ node: DataNode) throws -> MeaningSettings {
        let r = try node.record("meaning.yaml", allowed: ["nearest", "trust", "accept", "margin", "lexical_weight"])
        func number(_ key: String, in range: ClosedRange<Double>) throws -> Double {
            let field = try r.required(key)
            guard let value = Double(try field.text("'\(key)'")), range.contains(value) else {
                throw field.error("'\(key)' must be a number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        var settings = MeaningSettings()
        settings.nearest = try r.required("nearest").integer("'nearest'")
        guard (1...20).contains(settings.nearest) else { throw try r.required("nearest").error("'nearest' must be from 1 to 20") }
        settings.trust = try number("trust", in: 0...1)
        settings.accept = try number("accept", in: 0...1)
        settings.margin = try number("margin", in: 0...1)
        settings.lexicalWeight = try number("lexical_weight", in: 0...1)
        return settings
    }

    func write(to w: inout IndexWriter) {
        w.count(nearest)
        for number in [trust, accept, margin, lexicalWeight] { w.double(number) }
    }

    init() {}

    init(reading r: inout IndexReader) throws {
        nearest = try r.count()
        trust = try r.double()
        accept = try r.double()
        margin = try r.double()
        lexicalWeight = try r.double()
    }
}
