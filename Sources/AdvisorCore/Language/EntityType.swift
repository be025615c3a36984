/// The kinds of thing a question can name. The first eight are the contract's entity types;
/// `foreign` marks names from other fields (a doctor, CSS) that show a question is off-topic.
public enum EntityType: String, CaseIterable, Sendable, Comparable {
    case role, responsibility, order, kind, category, tool, step, level, foreign

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One entity value: a type and its canonical ID (`role` / `devops-engineer`).
public struct EntityValue: Hashable, Sendable, CustomStringConvertible {
    public let type: EntityType
    public let id: String

    public init(_ type: EntityType, _ id: String) {
        self.type = type
        self.id = id
    }

    public var description: String { "\(type.rawValue):\(id)" }
}
