/// The answer templates of `Sources/Knowledge/answers.yaml`, split into literal text and
/// `{name}` slots once at load, so filling one costs no parsing.
public struct Templates: Sendable {
    enum Segment: Sendable { case text(String), slot(String) }

    private var templates: [String: [Segment]] = [:]
    /// The suggested next question per intent.
    private(set) var suggestions: [Intent: String] = [:]

    /// Template names the composer uses; a missing one is a load error, not a blank answer.
    static let required: [String] = [
        "cite_one", "cite_many", "tool_compare_item", "greet", "thank", "goodbye", "reset_done", "help", "help_command", "history_empty", "declined", "declined_other_job", "declined_unknown_role", "noted_outside", "outside_name", "salary_monthly", "salary_monthly_item", "cite_parts", "cite_part", "part_first_line", "part_article_line", "part_rest", "part_description", "part_descriptions", "part_kinds", "part_tools", "tool_compare_article", "tools_category_article", "fact",
        "responsibilities_all", "responsibility_item", "responsibility_one", "market",
        "role_list", "role_describe", "role_salary", "role_salary_general", "role_salary_table",
        "role_compare", "role_compare_more", "role_compare_more_two", "suggest_after_last_step", "suggest_next_step_known", "role_compare_same", "role_rank_highest", "role_rank_lowest", "role_rank_start",
        "role_skills", "lpa", "lpa_many", "skills_both", "skills_technical", "skills_soft", "skill_item",
        "tools_all", "tools_category_item", "tools_category", "tool_item", "tool_describe", "tool_seed",
        "tool_compare", "tool_compare_intro", "tool_compare_advice_two", "tool_compare_advice_many", "steps_roadmap", "step_item", "step_detail",
        "next_step", "next_step_empty", "next_step_target", "next_step_after", "next_step_why_start", "next_step_why_frameworks", "next_step_why_frameworks_for", "next_step_why_framework_for", "next_step_why_database", "next_step_why_framework",
        "next_step_why_projects", "next_step_why_community", "next_step_why_certify", "next_step_done",
        "profile_noted", "profile_forgotten", "profile_nothing", "noted_knows", "noted_not_known", "noted_level", "noted_done", "noted_target", "profile_show", "profile_empty", "profile_level",
        "profile_knows", "profile_not_known", "profile_done",
        "heading_role", "heading_salary", "heading_work", "suggest", "clarify",
        "which_role", "which_roles", "which_tool", "which_tools", "which_tools_of", "which_step", "which_to_compare",
        "declined_forget", "next_step_assumed",
        "role_compare_work", "role_compare_work_item", "role_compare_most_shared", "the_role", "tool_compare_article_some", "fit_profile_roles", "fit_profile_start", "fit_role",
        "profile_noted_other", "noted_knows_other", "noted_not_known_other", "noted_level_other", "noted_done_other", "noted_target_other",
        "profile_show_other",
    ]

    static func load(_ doc: DataNode, stepIDs: [String], levelIDs: [String]) throws -> Templates {
        var result = Templates()
        for entry in try doc.pairs("answers.yaml") {
            if entry.key == "suggestions" {
                for s in try entry.value.pairs("'suggestions'") {
                    guard let intent = Intent(rawValue: s.key) else { throw s.keyNode.error("unknown intent '\(s.key)'") }
                    result.suggestions[intent] = try s.value.text("suggestion for '\(s.key)'")
                }
                continue
            }
            result.templates[entry.key] = try parse(try entry.value.text("template '\(entry.key)'"), node: entry.value)
        }
        let readings = Intent.allCases.filter { $0 != .outOfScope }.map { "reading_\($0.rawValue)" }
        let fields = (EntityLexicon.fixedIDs[.foreign] ?? []).map { "field_\($0)" }
        let needed = required + readings + stepIDs.map { "step_done_\($0)" } + levelIDs.map { "level_\($0)" } + fields
        for name in needed where result.templates[name] == nil {
            throw doc.error("answers.yaml has no template '\(name)'")
        }
        return result
    }

    private static func parse(_ text: String, node: DataNode) throws -> [Segment] {
        var segments: [Segment] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { throw node.error("template has '{' without '}'") }
            let name = String(rest[rest.index(after: open)..<close])
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) else {
                throw node.error("template slot '{\(name)}' must be a name of letters and '_'")
            }
            if !literal.isEmpty { segments.append(.text(literal)); literal = "" }
            segments.append(.slot(name))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { segments.append(.text(literal)) }
        return segments
    }

    /// Fills template `name`. A slot with no value is left visible (`{name}`) so a mistake
    /// shows up in a transcript diff instead of silently vanishing.
    ///
    /// "a" or "A" right before a slot becomes "an"/"An" when the value is said with a vowel
    /// first ("an API Developer"), so templates read as plain English ("A {name} earns") for
    /// every name the knowledge base may hold.
    func fill(_ name: String, _ values: [String: String] = [:]) -> String {
        guard let segments = templates[name] else { return "{\(name)}" }
        var out = ""
        for segment in segments {
            switch segment {
            case .text(let t): out += t
            case .slot(let s):
                guard let value = values[s] else { out += "{\(s)}"; continue }
                // Bytes first: most slots follow no "a", and the word test is the dearer one.
                let bytes = out.utf8
                if bytes.last == UInt8(ascii: " "), let a = bytes.dropLast().last, a == UInt8(ascii: "a") || a == UInt8(ascii: "A"),
                   bytes.count == 2 || [UInt8(ascii: " "), UInt8(ascii: "\n")].contains(bytes.dropLast(2).last), Self.takesAn(value) {
                    out.insert("n", at: out.index(out.endIndex, offsetBy: -1))
                }
                out += value
            }
        }
        return out
    }

    /// Whether `phrase` is said with a vowel sound first: a letter-by-letter abbreviation by
    /// the letter's name ("an API", "an SQL", "a DBA"), a word by its first letter, less the
    /// common words whose "u", "eu" or "o" is said as a consonant ("a unique", "a one-off").
    static func takesAn(_ phrase: String) -> Bool {
        let word = phrase.prefix { $0.isLetter }
        guard let first = word.first else { return false }
        if word.count >= 2, word.prefix(2).allSatisfy(\.isUppercase) { return "AEFHILMNORSX".contains(first) }
        let lower = word.lowercased()
        if ["uni", "use", "usu", "uti", "eu", "one", "once"].contains(where: lower.hasPrefix) { return false }
        if ["hour", "honest", "honou", "honor", "heir"].contains(where: lower.hasPrefix) { return true }
        return "aeiou".contains(lower.first!)
    }

    func has(_ name: String) -> Bool { templates[name] != nil }
}

extension Templates {
    /// The templates as parsed, for the advisor's precompiled index (`Index/Templates+Index.swift`).
    var parsed: [String: [Segment]] { templates }

    /// Templates as the index stored them: no parsing, no checks (they were made at build).
    init(parsed: [String: [Segment]], suggestions: [Intent: String]) {
        self.init()
        templates = parsed
        self.suggestions = suggestions
    }
}
