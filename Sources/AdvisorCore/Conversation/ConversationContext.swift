/// What the last answers were about (the contract's Context): the last topical intent, its
/// entities, and every entity named so far, most recent last. It survives an out-of-scope
/// turn and is cleared by `:reset`.
public struct ConversationContext: Sendable {
    /// The last intent that was about something (not a greeting, thanks or a decline).
    public private(set) var lastIntent: Intent?
    public private(set) var lastEntities: [EntityType: [String]] = [:]
    /// Entity IDs by type, most recently named last, each once.
    public private(set) var recent: [EntityType: [String]] = [:]
    /// The type of the entity named last (by the person or by an answer): what "it",
    /// "they" or "that" most likely point at.
    public private(set) var lastType: EntityType?

    /// What the last answer that listed anything listed, in its order (the five steps, a table
    /// of roles, the roles it asked to choose from): "the third one" picks from it, and so does
    /// "and the last one?" after the answer about the third.
    public private(set) var listed: [EntityValue] = []

    /// A line the advisor asked about ("do you mean A or B?"), and the two readings.
    public internal(set) var pending: (analysis: Analysis, readings: [Intent])?

    public init() {}

    static let social: Set<Intent> = [.greet, .thank, .goodbye, .help, .outOfScope]
    /// `social` as bits by `Intent.ordinal`, for the masks of `IntentMatcher.intentsUsing`.
    static let socialBits = social.reduce(UInt64(0)) { $0 | 1 << UInt64($1.ordinal) }
    /// Every intent but `out_of_scope`, as bits: the intents a line may be answered with.
    static let answerableBits = ~(UInt64(1) << UInt64(Intent.outOfScope.ordinal))

    /// Records a turn: what was understood, then what the answer itself named (the top of
    /// a ranking), so that "that role" can point at it.
    /// - Parameter listed: what the answer listed, in order (`listed`).
    mutating func remember(_ understanding: Understanding, named: [EntityValue], listed: [EntityValue] = []) {
        if let readings = understanding.clarification {
            pending = (understanding.analysis, readings)
            return
        }
        // "Data scientist pay?", declined, then "and backend developers?": the question goes on,
        // about nothing the decline named.
        if understanding.intent == .outOfScope, let asked = understanding.asked {
            lastIntent = asked
            lastEntities = [:]
            return
        }
        guard !Self.social.contains(understanding.intent) else { return }
        if !listed.isEmpty { self.listed = listed }
        lastIntent = understanding.intent
        lastEntities = understanding.entities
        for type in EntityType.allCases {
            for id in understanding.entities[type] ?? [] { mention(EntityValue(type, id)) }
        }
        for value in named { mention(value) }
    }

    /// The context with `values` named last, the last question kept: what a line's opening
    /// sentences name before it asks ("My son wants to be a back-end developer. What is that
    /// job?"), for reading its question.
    func naming(_ values: [EntityValue]) -> ConversationContext {
        var scene = self
        for value in values { scene.mention(value) }
        return scene
    }

    private mutating func mention(_ value: EntityValue) {
        if value.type != .level { lastType = value.type }
        var list = recent[value.type] ?? []
        list.removeAll { $0 == value.id }
        list.append(value.id)
        recent[value.type] = list
    }
}
