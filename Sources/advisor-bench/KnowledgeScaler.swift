import AdvisorCore
import Foundation

/// Writes a copy of the advisor's data N times larger, for measuring how costs grow: (N−1)
/// synthetic roles and tools per real one (each with a salary or a category, a text and
/// entity names), and (N−1) synthetic examples per real one in every intent file.
///
/// A synthetic example is a real one of the same intent with its role or tool names swapped
/// for synthetic ones and, often, a few words added before or after ("quick question, …",
/// "… these days"), so the matcher sees new word pairs and not only copies. The output is
/// the same for the same input and scale (a fixed pseudo-random sequence).
enum KnowledgeScaler {
    static func run(scale: Int, out: String, data: String?) {
        let source = data ?? packageRoot()
        do {
            try write(scale: scale, from: source, to: out)
        } catch {
            fail("cannot write \(out): \(error)")
        }
    }

    /// The data of the checkout this tool was built in (it is never installed).
    static func packageRoot() -> String {
        Installation.locate(executable: Installation.runningExecutable() ?? CommandLine.arguments[0]).dataPath
    }

    static func write(scale: Int, from source: String, to out: String) throws {
        let fm = FileManager.default
        try? fm.removeItem(atPath: out)
        for folder in ["Intents", "Sources/Knowledge"] {
            let target = (out as NSString).appendingPathComponent(folder)
            try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try fm.copyItem(atPath: (source as NSString).appendingPathComponent(folder), toPath: target)
        }
        guard scale > 1 else { return }
        var random = SplitMix(seed: UInt64(scale))
        let intents = (out as NSString).appendingPathComponent("Intents")
        let knowledge = (out as NSString).appendingPathComponent("Sources/Knowledge")
        var names = NameMaker(reserved: Set(try read("\(intents)/everyday-words.txt").split(separator: "\n").map(String.init)))

        let rolesText = try read("\(knowledge)/roles.yaml")
        let toolsText = try read("\(knowledge)/tools.yaml")
        let roleCount = rolesText.split(separator: "\n").filter { $0.hasPrefix("- id:") }.count
        let toolCount = toolsText.split(separator: "\n").filter { $0.hasPrefix("  - id:") }.count
        let categories = categoryIDs(toolsText)

        var roles: [(id: String, name: String)] = []
        var roleYAML = "\n# Synthetic roles (advisor-bench generate --scale \(scale)).\n"
        for i in 0..<(roleCount * (scale - 1)) {
            let word = names.next(&random)
            let kind = ["Engineer", "Developer", "Specialist", "Analyst", "Architect", "Administrator"][i % 6]
            let role = (id: "\(word.lowercased())-\(kind.lowercased())", name: "\(word) \(kind)")
            roles.append(role)
            let low = 3 + random.below(20), high = low + 2 + random.below(10)
            roleYAML += """
                - id: \(role.id)
                  name: \(role.name)
                  responsibility: Build and run the back-end services of the \(word) platform.
                  salary: "₹\(low)–\(high) LPA"
                  salary_source: glassdoor
                  needs:
                    - a server-side language such as Python, Java or Go
                    - SQL and a relational database
                    - the \(word) toolkit
                  needs_source: general

                """
        }
        try append(roleYAML, to: "\(knowledge)/roles.yaml")

        var tools: [String] = []
        var toolYAML = "\n  # Synthetic tools (advisor-bench generate --scale \(scale)).\n"
        for i in 0..<(toolCount * (scale - 1)) {
            let word = names.next(&random)
            tools.append(word)
            let category = categories[i % categories.count]
            toolYAML += """
                  - id: \(word.lowercased())
                    name: \(word)
                    category: \(category)
                    text: >-
                      \(word) is a synthetic tool in the \(category) category, made up to measure how the
                      advisor copes with a much larger knowledge base.
                    source: general

                """
        }
        try append(toolYAML, to: "\(knowledge)/tools.yaml")

        var entities = try read("\(intents)/entities.yaml").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let roleAliases = roles.map { "  \($0.id): [\($0.name.lowercased())]" }
        let toolAliases = tools.map { "  \($0.lowercased()): [\($0.lowercased())]" }
        for (key, lines) in [("role:", roleAliases), ("tool:", toolAliases)] {
            guard let at = entities.firstIndex(of: key) else { fail("entities.yaml has no '\(key)' section") }
            entities.insert(contentsOf: lines, at: at + 1)
        }
        try entities.joined(separator: "\n").write(toFile: "\(intents)/entities.yaml", atomically: true, encoding: .utf8)

        let reserved: Set<String> = ["entities.yaml", "lexicon.yaml", "matching.yaml"]
        for file in try fm.contentsOfDirectory(atPath: intents).sorted() where file.hasSuffix(".yaml") && !reserved.contains(file) {
            let path = "\(intents)/\(file)"
            let examples = try read(path).split(separator: "\n").filter { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) }
            guard !examples.isEmpty else { continue }
            var more = "\n  # Synthetic examples (advisor-bench generate --scale \(scale)).\n"
            for _ in 0..<(examples.count * (scale - 1)) {
                let example = examples[random.below(examples.count)]
                more += "  - " + vary(example, roles: roles, tools: tools, &random) + "\n"
            }
            try append(more, to: path)
        }
    }

    /// Role and tool names of the real data that a synthetic example may swap out.
    static let roleNames = ["devops engineer", "cloud engineer", "system analyst", "software architect", "api developer",
                            "database administrator", "full stack developer", "cybersecurity specialist", "dba"]
    static let toolNames = ["python", "java", "django", "flask", "mysql", "postgresql", "mongodb", "docker",
                            "kubernetes", "aws", "git", "spring", "php", "ruby", "redis"]
    static let openings = ["so ", "hey, ", "ok ", "quick question, ", "tell me, ", "please ", "honestly ", "actually ", "one more thing, "]
    static let endings = [" please", " right now", " these days", " in 2025", " for me", " exactly", " in short", " today", " in india"]

    static func vary(_ example: String, roles: [(id: String, name: String)], tools: [String], _ random: inout SplitMix) -> String {
        // Quoted examples keep their quotes; the words change inside them.
        var quote = ""
        var text = example
        if let first = text.first, first == "\"" || first == "'", text.count >= 2, text.last == first {
            quote = String(first)
            text = String(text.dropFirst().dropLast())
        }
        for name in roleNames where text.lowercased().contains(name) {
            text = text.replacingOccurrences(of: name, with: roles[random.below(roles.count)].name.lowercased(), options: .caseInsensitive)
        }
        for name in toolNames where text.lowercased().split(separator: " ").contains(Substring(name)) {
            let words = text.split(separator: " ").map { $0.lowercased() == name ? tools[random.below(tools.count)].lowercased() : String($0) }
            text = words.joined(separator: " ")
        }
        switch random.below(4) {
        case 0: text = openings[random.below(openings.count)] + text
        case 1: text += endings[random.below(endings.count)]
        case 2: text = openings[random.below(openings.count)] + text + endings[random.below(endings.count)]
        default: break
        }
        return quote + text + quote
    }

    static func categoryIDs(_ tools: String) -> [String] {
        var ids: [String] = []
        var inCategories = false
        for line in tools.split(separator: "\n") {
            if line.hasPrefix("categories:") { inCategories = true; continue }
            if line.hasPrefix("tools:") { break }
            if inCategories, line.hasPrefix("  - id: ") { ids.append(String(line.dropFirst(8))) }
        }
        return ids
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    static func append(_ text: String, to path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else { fail("cannot open \(path)") }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
}

/// Pronounceable made-up words ("Zarvik", "Dromelu"), each once, none an everyday word.
struct NameMaker {
    let reserved: Set<String>
    var used: Set<String> = []

    static let onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "pl", "st", "tr", "zh", "qu"]
    static let vowels = ["a", "e", "i", "o", "u", "ai", "ou"]
    static let codas = ["", "", "n", "r", "l", "x", "k", "m", "s"]

    mutating func next(_ random: inout SplitMix) -> String {
        while true {
            var word = ""
            for _ in 0..<(2 + random.below(2)) {
                word += Self.onsets[random.below(Self.onsets.count)] + Self.vowels[random.below(Self.vowels.count)]
                    + Self.codas[random.below(Self.codas.count)]
            }
            if word.count >= 5, !reserved.contains(word), used.insert(word).inserted {
                return word.prefix(1).uppercased() + word.dropFirst()
            }
        }
    }
}

/// A small seeded pseudo-random generator, so that a generated knowledge base is the same
/// every time.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
