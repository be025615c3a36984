/// A JSON value written by hand with its keys in a fixed order, so that a summary reads the
/// same on every run and numbers print as Python prints them (shortest round-trip digits).
enum JSONValue {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double?)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    func render(indent: Int? = 2, level: Int = 0) -> String {
        let pad = indent.map { "\n" + String(repeating: " ", count: $0 * (level + 1)) } ?? ""
        let close = indent.map { "\n" + String(repeating: " ", count: $0 * level) } ?? ""
        let comma = indent == nil ? ", " : ","
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .number(let x):
            guard let x, x.isFinite else { return "null" }
            return "\(x)"
        case .string(let s): return JSONLine.quote(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[" + items.map { pad + $0.render(indent: indent, level: level + 1) }.joined(separator: comma) + close + "]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{" + pairs.map { pad + JSONLine.quote($0.0) + ": " + $0.1.render(indent: indent, level: level + 1) }
                .joined(separator: comma) + close + "}"
        }
    }

    /// Entity IDs by type, types in the contract's order (others after, by name).
    static func entities(_ map: [String: [String]]) -> JSONValue {
        .object(EvalReport.orderedTypes(map).map { ($0, .array(map[$0]!.map { .string($0) })) })
    }
}
