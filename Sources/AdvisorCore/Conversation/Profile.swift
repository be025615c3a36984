/// What the person has told the advisor about themselves: level, what they know, what they
/// have done, and the role they aim for. Built from `profile.update` turns.
public struct Profile: Sendable, Equatable {
    public var level: String?
    /// Tool IDs the person knows, in the order they said them.
    public var knows: [String] = []
    /// Tool IDs the person said they do not know yet.
    public var notKnown: [String] = []
    /// Step IDs of the path the person has done.
    public var done: [String] = []
    public var target: String?
    /// Whom the profile is about when the person speaks for someone else ("your son", "him",
    /// as they named them); nil for the person themselves.
    public var whose: String?

    public init() {}

    public var isEmpty: Bool { level == nil && knows.isEmpty && notKnown.isEmpty && done.isEmpty && target == nil }

    /// Applies one `profile.update` line. A negation ("I don't know Java yet") files the
    /// tools under not-known instead. Returns false when the line told nothing usable.
    mutating func update(tools: [String], steps: [String], level: String?, target: String?, negated: Bool) -> Bool {
        for tool in tools {
            knows.removeAll { $0 == tool }
            notKnown.removeAll { $0 == tool }
            if negated { notKnown.append(tool) } else { knows.append(tool) }
        }
        if !negated {
            for step in steps where !done.contains(step) { done.append(step) }
        }
        if let level { self.level = level }
        if let target { self.target = target }
        return !tools.isEmpty || !steps.isEmpty || level != nil || target != nil
    }
}
