/// The profile as a small text file, so the REPL can remember a person across sessions
/// (`~/.advisor_profile`). One fact per line, readable and editable by hand:
///
///     # advisor profile: what you told the advisor about yourself (:forget deletes it)
///     level: student
///     knows: python, django
///     not-known: java
///     done: projects
///     target: cloud-engineer
///     about: your son
///
/// Reading is strict about shape (a line that is no `key: value` is an error, so a corrupt
/// file is reported rather than half-read) and lenient about IDs the data no longer has.
extension Profile {
    static let header = "# advisor profile: what you told the advisor about yourself (:forget deletes it)"

    /// The file's text; the same profile always gives the same bytes.
    public func render() -> String {
        var lines = [Self.header]
        if let level { lines.append("level: \(level)") }
        if !knows.isEmpty { lines.append("knows: " + knows.joined(separator: ", ")) }
        if !notKnown.isEmpty { lines.append("not-known: " + notKnown.joined(separator: ", ")) }
        if !done.isEmpty { lines.append("done: " + done.joined(separator: ", ")) }
        if let target { lines.append("target: \(target)") }
        if let whose { lines.append("about: \(whose)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A problem with a profile file, located like every data error.
    public struct FileError: Error, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Reads a profile file; IDs the knowledge base does not know are dropped.
    public static func parse(_ text: String, knowledge: KnowledgeBase) throws(FileError) -> Profile {
        var profile = Profile()
        let tools = Set(knowledge.tools.map(\.id)), steps = Set(knowledge.steps.map(\.id)), roles = Set(knowledge.roles.map(\.id))
        let levels = Set(EntityLexicon.fixedIDs[.level] ?? [])
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw FileError(line: index + 1, message: "'\(line.prefix(40))' is not a 'key: value' line")
            }
            let key = String(line[..<colon]).trimmingSpaces()
            let values = line[line.index(after: colon)...].split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            switch key {
            case "level": profile.level = values.first.flatMap { levels.contains($0) ? $0 : nil }
            case "knows": profile.knows = values.filter(tools.contains)
            case "not-known": profile.notKnown = values.filter(tools.contains)
            case "done": profile.done = values.filter(steps.contains)
            case "target": profile.target = values.first.flatMap { roles.contains($0) ? $0 : nil }
            // Whom the profile is about, as the user named them ("your son"); the whole value.
            case "about":
                let whose = String(line[line.index(after: colon)...]).trimmingSpaces()
                profile.whose = whose.isEmpty ? nil : whose
            default: throw FileError(line: index + 1, message: "unknown key '\(key)' (known: level, knows, not-known, done, target, about)")
            }
        }
        return profile
    }
}
