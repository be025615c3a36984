/// The contract's intents (`../shared/CONTRACT.md`): what a user wants from one line.
public enum Intent: String, CaseIterable, Sendable, Comparable, Hashable {
    case greet, thank, goodbye, help
    case backendDefinition = "backend.definition"
    case backendAnalogy = "backend.analogy"
    case backendVsFrontend = "backend.vs_frontend"
    case backendResponsibilities = "backend.responsibilities"
    case marketOutlook = "market.outlook"
    case careerFit = "career.fit"
    case roleList = "role.list"
    case roleDescribe = "role.describe"
    case roleSalary = "role.salary"
    case roleCompare = "role.compare"
    case roleRank = "role.rank"
    case roleSkills = "role.skills"
    case skillsList = "skills.list"
    case toolsList = "tools.list"
    case toolDescribe = "tool.describe"
    case toolCompare = "tool.compare"
    case stepsRoadmap = "steps.roadmap"
    case stepsDetail = "steps.detail"
    case stepsNext = "steps.next"
    case profileUpdate = "profile.update"
    case profileShow = "profile.show"
    case outOfScope = "out_of_scope"

    /// The case's place in `allCases` (declaration order), read from its one-byte tag.
    /// Comparing and hashing by it costs next to nothing; the defaults for an enum with raw
    /// values hash and compare the raw strings, which was a tenth of the cost of a question.
    @inline(__always) var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    public static func < (lhs: Intent, rhs: Intent) -> Bool { lhs.ordinal < rhs.ordinal }
    public static func == (lhs: Intent, rhs: Intent) -> Bool { lhs.ordinal == rhs.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(UInt8(truncatingIfNeeded: ordinal)) }
}

/// What an intent does with entities, from `Intents/matching.yaml`.
public struct IntentShape: Sendable {
    /// The entity types the intent reports (the contract's table); others are dropped.
    public var takes: [EntityType] = []
    /// A type the intent cannot be answered without, looked up in the context when absent.
    public var requires: EntityType?
    /// How many values of `requires` it needs (2 for comparisons).
    public var atLeast: Int = 1
    /// How many values of each type it reports at most, the first named first: a ranking goes
    /// one way ("from highest to lowest" is from the highest).
    public var atMost: Int = Int.max
    /// When the line names none, the value assumed (`order: highest` for a ranking).
    public var defaults: [EntityValue] = []
    /// Values the intent never takes: the job in general is not one of the roles that
    /// `role.describe` or `role.skills` speak of (the contract sends it to the backend.* intents).
    public var excludes: [EntityValue] = []
    /// The intent that answers about an excluded value the line points back at ("what is that
    /// job?" after the back-end developer's pay is `backend.definition`, as the contract says).
    public var instead: Intent?
    /// Kinds of names that make a line about something else: "explain Docker in simple words"
    /// asks about Docker, not for the picture of the back end (`not_with` in matching.yaml);
    /// values of `excludes` do not count.
    public var notWith: [EntityType] = []
    /// Words of which a line must hold one to be read as this intent (a profile update is
    /// said about oneself: "I", "my"); without one its score is marked down.
    public var wordsNeeded: Set<String> = []
    /// Words a line must not open with to be read as this intent: a profile update is a
    /// statement, and "how long will it take me to learn Django?" is a question, not news that
    /// Django is known.
    public var refusedOpenings: Set<String> = []
    /// For a comparison: words that say what is compared ("roles", "salaries"). A line with one
    /// of them that names nothing, after nothing that could be compared, is answered by asking
    /// which ("Which roles should I compare?") rather than marked down and declined.
    public var asksWhichWith: Set<String> = []
    /// Whether entities the line lacks may come from the context. A profile update may not:
    /// "I did a certification too" after naming tools tells nothing new about those tools.
    public var fromContext = true
}
