import Foundation

/// One case of an evaluation set (`../shared/eval/*.jsonl`): a conversation of labelled turns
/// that starts in a fresh session. Read with exactly the rules of `run_eval.py`, so that a
/// file the runner refuses is refused here too, with the same `file:line` message.
public struct EvalCase: Sendable, Equatable {
    public var id: String
    public var turns: [EvalTurn]

    public init(id: String, turns: [EvalTurn]) {
        self.id = id
        self.turns = turns
    }
}

/// One labelled turn: what the user says and what the advisor should make of it.
public struct EvalTurn: Sendable, Equatable {
    public var text: String
    public var intent: String
    /// Type → IDs in the order the user meant them; types without IDs are left out.
    public var entities: [String: [String]]
    /// Short facts the answer must contain.
    public var answerHas: [String]

    public init(text: String, intent: String, entities: [String: [String]] = [:], answerHas: [String] = []) {
        self.text = text
        self.intent = intent
        self.entities = entities.filter { !$0.value.isEmpty }
        self.answerHas = answerHas
    }
}

extension EvalCase {
    /// A cases file that cannot be scored: the first problem, `file:line: what`.
    public struct FileError: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Reads a `.jsonl` file of cases.
    public static func load(_ path: String) throws -> [EvalCase] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(message: "cannot read \(path): no such file, or not readable")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Reads cases from the text of a `.jsonl` file named `file` (for messages).
    public static func parse(_ text: String, file: String) throws -> [EvalCase] {
        var cases: [EvalCase] = []
        var ids = Set<String>()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if String(line).trimmingSpaces().isEmpty { continue }
            let number = index + 1
            let place = "\(file):\(number)"
            func fail(_ what: String) -> FileError { FileError(message: "\(place): \(what)") }
            let object: Any
            do { object = try JSONSerialization.jsonObject(with: Data(line.utf8)) } catch { throw fail("not JSON") }
            guard let record = object as? [String: Any], let turnList = record["turns"] as? [Any], !turnList.isEmpty else {
                throw fail("a case needs a non-empty list 'turns'")
            }
            let id = record["id"].map(Self.text) ?? "line\(number)"
            if !ids.insert(id).inserted { throw fail("duplicate id \(id)") }
            var turns: [EvalTurn] = []
            for (t, item) in turnList.enumerated() {
                let here = "\(id) turn \(t + 1)"
                guard let turn = item as? [String: Any] else { throw fail("(\(here)): a turn must be an object") }
                guard let text = turn["text"] as? String, !text.trimmingSpaces().isEmpty,
                      !text.unicodeScalars.contains("\n"), !text.unicodeScalars.contains("\r") else {
                    throw fail("(\(here)): 'text' must be a non-empty single line")
                }
                if text.trimmingSpaces().hasPrefix(":") {
                    throw fail("(\(here)): text starts with ':' and would be read as a command")
                }
                guard let intent = turn["intent"] as? String else { throw fail("(\(here)): 'intent' must be a string") }
                var entities: [String: [String]] = [:]
                if let value = turn["entities"] {
                    guard let map = value as? [String: Any], map.values.allSatisfy({ $0 is [Any] }) else {
                        throw fail("(\(here)): 'entities' must map a type to a list of IDs")
                    }
                    for (type, ids) in map { entities[type] = (ids as? [Any] ?? []).map(Self.text) }
                }
                var facts: [String] = []
                if let value = turn["answer_has"] {
                    guard let list = value as? [Any], list.allSatisfy({ $0 is String }) else {
                        throw fail("(\(here)): 'answer_has' must be a list of strings")
                    }
                    facts = list.compactMap { $0 as? String }
                }
                turns.append(EvalTurn(text: text, intent: intent, entities: entities, answerHas: facts))
            }
            cases.append(EvalCase(id: id, turns: turns))
        }
        if cases.isEmpty { throw FileError(message: "\(file): no cases") }
        return cases
    }

    /// A JSON value as Python's `str()` would write it, for IDs that are not strings.
    private static func text(_ value: Any) -> String {
        if let string = value as? String { return string }
        if value is NSNull { return "None" }
        return "\(value)"
    }
}
