/// The facts the advisor answers from, loaded from `Sources/Knowledge/*.yaml`.
///
/// Every fact carries the id of its source (`seed`, `glassdoor`, `general`) so an answer can
/// say where a figure comes from; the loader refuses a fact whose source is not declared.
public struct KnowledgeBase: Sendable {
    public var sources: [String: Source]
    /// `definition`, `analogy`, `vs_frontend`, `market`, `fit`, `summary`.
    public var backend: [String: Fact]
    public var responsibilities: [Responsibility]
    public var technicalSkills: [Skill]
    public var softSkills: [Skill]
    public var roles: [Role]
    public var categories: [ToolCategory]
    public var tools: [Tool]
    public var steps: [Step]
    /// Questions of the domain the article leaves open, and what it gives instead.
    public var gaps: [Gap] = []

    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }
    public func tool(_ id: String) -> Tool? { tools.first { $0.id == id } }
    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }
    public func category(_ id: String) -> ToolCategory? { categories.first { $0.id == id } }
    public func responsibility(_ id: String) -> Responsibility? { responsibilities.first { $0.id == id } }
    public func sourceName(_ id: String) -> String { sources[id]?.name ?? id }

    /// The roles that carry a figure of their own, in the article's table order.
    public var rolesWithSalary: [Role] { roles.filter { $0.salary != nil } }
    /// The role someone at one of `levels` starts in (`starts_for` in roles.yaml), if any.
    public func startingRole(for levels: [String]) -> Role? { roles.first { !Set($0.startsFor).isDisjoint(with: levels) } }

    /// The IDs each entity type may take, for validating aliases and answers.
    public func ids(of type: EntityType) -> [String]? {
        switch type {
        case .role: return roles.map(\.id)
        case .tool: return tools.map(\.id)
        case .step: return steps.map(\.id)
        case .category: return categories.map(\.id)
        case .responsibility: return responsibilities.map(\.id)
        case .order, .kind, .level, .foreign: return nil
        }
    }
}

public struct Source: Sendable, Equatable {
    public var id: String
    public var name: String
}

/// A text and where it comes from.
public struct Fact: Sendable, Equatable {
    public var text: String
    public var source: String
}

public struct Responsibility: Sendable, Equatable {
    public var id: String
    public var title: String
    public var text: String
    public var example: String
    public var source: String
}

public struct Skill: Sendable, Equatable {
    public var name: String
    public var text: String
    public var source: String
}

/// A salary range exactly as the source prints it, with its bounds parsed for ranking.
public struct Salary: Sendable, Equatable {
    /// The source's own text, e.g. `₹6–10 LPA`: answers quote this, never a re-formatting.
    public var text: String
    public var low: Double
    public var high: Double
    public var source: String

    /// Reads `₹A–B LPA` (rupee sign, en dash, LPA); nil when the text has another shape.
    public init?(text: String, source: String) {
        guard text.hasPrefix("₹"), text.hasSuffix(" LPA") else { return nil }
        let inner = text.dropFirst().dropLast(4)
        let parts = inner.split(separator: "–", omittingEmptySubsequences: false)
        guard parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]), low <= high else { return nil }
        self.text = text
        self.low = low
        self.high = high
        self.source = source
    }
}

public struct Role: Sendable, Equatable {
    public var id: String
    public var name: String
    public var responsibility: String
    /// The role's own figure; nil for the job in general, whose figure is `salaryFrom`'s.
    public var salary: Salary?
    /// Roles whose figures stand in for this one (the article gives none for the job in general).
    public var salaryFrom: [String]
    public var about: Fact?
    public var needs: [String]
    public var needsSource: String
    /// Tools someone aiming at this role should learn first (a cloud engineer: AWS or
    /// Azure); the next-step advice puts them ahead of the general path.
    public var keyTools: [String] = []
    /// The levels (contract IDs) of people who start in this role: "which job pays best for
    /// someone just starting out?" is about it, not the best-paid role of all.
    public var startsFor: [String] = []
}

public struct ToolCategory: Sendable, Equatable {
    public var id: String
    public var name: String
    public var summary: String
    public var source: String
}

public struct Tool: Sendable, Equatable {
    public var id: String
    public var name: String
    public var category: String
    public var text: String
    public var source: String
    /// What the article itself says of the tool, if anything (source: seed).
    public var seedText: String?
}

public struct Step: Sendable, Equatable {
    public var id: String
    public var number: Int
    public var title: String
    public var text: String
    public var source: String
    public var more: String?
    public var moreSource: String?
}
