/// The kinds of thing a question can name. The first eight are the contract's entity types;
/// `foreign` marks names from other fields (a doctor, CSS) that show a question is off-topic.
public enum EntityType: String, CaseIterable, Sendable, Comparable, Hashable {
    case role, responsibility, order, kind, category, tool, step, level, foreign

    /// The case's place in `allCases` (declaration order), read from its one-byte tag.
    /// Comparing and hashing by it costs next to nothing; the defaults for an enum with raw
    /// values hash and compare the raw strings, which was a tenth of the cost of a question.
    @inline(__always) var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool { lhs.ordinal < rhs.ordinal }
    public static func == (lhs: EntityType, rhs: EntityType) -> Bool { lhs.ordinal == rhs.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(UInt8(truncatingIfNeeded: ordinal)) }
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
