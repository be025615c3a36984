import Yams

/// A YAML node together with the file it came from, so that every accessor that finds
/// something wrong can say `file:line:column: what` without the caller tracking positions.
///
/// The loaders read the composed node tree rather than `Codable`, because decoding throws
/// away the positions that authors need in error messages.
struct DataNode {
    let node: Node
    let file: String

    /// Parses a whole file. Syntax errors come back as `DataError` with libyaml's position.
    static func parse(_ text: String, file: String) throws -> DataNode {
        do {
            guard let root = try Yams.compose(yaml: text) else {
                throw DataError(file: file, line: 1, message: "the file is empty")
            }
            return DataNode(node: root, file: file)
        } catch let error as YamlError {
            throw DataError(yaml: error, file: file)
        }
    }

    var line: Int { node.mark?.line ?? 0 }
    var column: Int { node.mark?.column ?? 0 }

    /// An error located at this node.
    func error(_ message: String) -> DataError {
        DataError(file: file, line: line, column: column, message: message)
    }

    /// The scalar text of this node; a mapping or list where text belongs is an error.
    func text(_ what: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error("\(what) must be text") }
        let value = scalar.string
        if value.trimmingSpaces().isEmpty { throw error("\(what) is empty") }
        return value
    }

    /// An integer scalar.
    func integer(_ what: String) throws -> Int {
        let raw = try text(what)
        guard let value = Int(raw) else { throw error("\(what) must be a whole number, not '\(raw)'") }
        return value
    }

    /// The items of a list.
    func list(_ what: String) throws -> [DataNode] {
        guard case .sequence(let seq) = node else { throw error("\(what) must be a list") }
        return seq.map { DataNode(node: $0, file: file) }
    }

    /// A list of text items.
    func texts(_ what: String) throws -> [String] {
        try list(what).map { try $0.text("an item of \(what)") }
    }

    /// The pairs of a mapping in file order, keys as text.
    func pairs(_ what: String) throws -> [(key: String, keyNode: DataNode, value: DataNode)] {
        guard case .mapping(let mapping) = node else { throw error("\(what) must be a mapping of keys to values") }
        return try mapping.map { pair in
            let keyNode = DataNode(node: pair.key, file: file)
            return (try keyNode.text("a key of \(what)"), keyNode, DataNode(node: pair.value, file: file))
        }
    }

    /// A mapping read as a record: checks that only `allowed` keys appear and gives keyed access.
    func record(_ what: String, allowed: Set<String>) throws -> DataRecord {
        let entries = try pairs(what)
        var values: [String: DataNode] = [:]
        for entry in entries {
            guard allowed.contains(entry.key) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw entry.keyNode.error("unknown key '\(entry.key)' in \(what) (known keys: \(known))")
            }
            if values[entry.key] != nil { throw entry.keyNode.error("key '\(entry.key)' appears twice in \(what)") }
            values[entry.key] = entry.value
        }
        return DataRecord(owner: self, what: what, values: values)
    }
}

/// A mapping node whose keys have been checked; required and optional fields by name.
struct DataRecord {
    let owner: DataNode
    let what: String
    let values: [String: DataNode]

    func required(_ key: String) throws -> DataNode {
        guard let node = values[key] else { throw owner.error("\(what) has no '\(key)'") }
        return node
    }

    func optional(_ key: String) -> DataNode? { values[key] }

    func text(_ key: String) throws -> String { try required(key).text("'\(key)' of \(what)") }
    func optionalText(_ key: String) throws -> String? { try values[key]?.text("'\(key)' of \(what)") }
    func texts(_ key: String) throws -> [String] { try required(key).texts("'\(key)' of \(what)") }
    func optionalTexts(_ key: String) throws -> [String] { try values[key]?.texts("'\(key)' of \(what)") ?? [] }
}

extension DataError {
    /// Translates libyaml's error into the project's `file:line:column: what` form.
    init(yaml error: YamlError, file: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml reports where it gave up; where the broken construct began is often
            // the real mistake (an unclosed quote), so name that line too.
            let detail = context.map { c in
                c.mark.line != mark.line ? "\(problem) \(c.text) (which began at line \(c.mark.line))" : "\(problem) \(c.text)"
            } ?? problem
            self.init(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(detail)")
        case .reader(let problem, _, _, _):
            self.init(file: file, line: 1, message: "cannot read the file: \(problem)")
        default:
            self.init(file: file, line: 1, message: "YAML error: \(error)")
        }
    }
}

extension String {
    /// The text without leading and trailing spaces and newlines (no Foundation needed).
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
