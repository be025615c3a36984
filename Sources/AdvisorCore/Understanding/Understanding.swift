/// The final reading of a line, with the conversation's context applied: the contract's
/// intent, confidence and entities, and the evidence behind them for `:why`.
public struct Understanding: Sendable {
    public var intent: Intent
    /// In [0, 1]: for an answer, how well the line matched; for a decline, how sure it is off-topic.
    public var confidence: Double
    /// Entity IDs by type, only of the types the intent takes, in the order the user meant.
    public var entities: [EntityType: [String]]
    public var analysis: Analysis
    /// Why the advisor answered or declined, in one line.
    public var reason: String
    public var isFollowUp: Bool = false
    /// Two readings too close to choose between: the advisor asks which one was meant.
    public var clarification: [Intent]?
    /// A decline no other reading may overturn: the line names another field, or has no words.
    public var firm = false
    /// For a decline of a job the advisor does not know ("police constable"): its name as typed.
    public var unknownRole: String?
    /// For a decline of a question about another field, what it asked ("data scientist pay?":
    /// role.salary): a follow-up that names one of ours goes on with it.
    public var asked: Intent?
    /// For a profile update, what it names of another field, as typed ("React"): not noted.
    public var outside: [(name: String, field: String)] = []
    /// A question the article leaves open that the line asks (`Gap.id`), said in the answer.
    public var gap: String?
    /// The sentence encoder's reading of the line, where the meaning stage asked for it.
    public var meaning: MeaningReading?

    /// The runners-up, for `:why` and ambiguity checks.
    public var alternatives: [(intent: Intent, score: Double)] { Array(analysis.scores.prefix(4)) }
}
