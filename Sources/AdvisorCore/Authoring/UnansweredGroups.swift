/// The logged questions grouped by what they ask, biggest groups first, so that an author
/// sees at a glance which missing topic people ask about most.
///
/// Two questions are alike when their term sets — the advisor's own reading: corrected,
/// stemmed, synonyms folded, filler words dropped — overlap by at least `similarity`
/// (Jaccard: shared terms over all terms). Each distinct question joins the first group whose
/// leader (its most asked question) is alike; questions asked more often lead.
public struct UnansweredGroups: Sendable {
    public struct Group: Sendable, Equatable {
        /// How many logged questions the group holds, repeats included.
        public var count: Int
        /// Its distinct questions, most asked first.
        public var questions: [String]
    }

    public private(set) var groups: [Group] = []
    public let total: Int

    public init(_ questions: [String], language: LanguageModel, similarity: Double = 0.5) {
        total = questions.count
        // Repeats of one question (same words, same case aside) count together.
        var distinct: [(text: String, count: Int, terms: Set<String>)] = []
        var position: [String: Int] = [:]
        for question in questions {
            let text = question.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let key = text.lowercased()
            if let at = position[key] { distinct[at].count += 1; continue }
            position[key] = distinct.count
            let ignored = language.lexicon.filler.union(language.lexicon.ignored)
            distinct.append((text, 1, Set(language.analyze(text).terms.filter { !ignored.contains($0) })))
        }
        let ordered = distinct.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }.map(\.element)
        var leaders: [Set<String>] = []
        for item in ordered {
            if let at = leaders.firstIndex(where: { Self.jaccard($0, item.terms) >= similarity }) {
                groups[at].count += item.count
                groups[at].questions.append(item.text)
            } else {
                leaders.append(item.terms)
                groups.append(Group(count: item.count, questions: [item.text]))
            }
        }
        // Stable: groups of one size keep the order of their leaders.
        groups = groups.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }.map(\.element)
    }

    /// Shared over all; two empty sets ("???" and "!!") are alike.
    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
    }

    /// The groups with their counts and up to `examples` questions each.
    public func render(source: String, examples: Int = 3) -> String {
        guard total > 0 else { return "No unanswered questions in \(source)." }
        let groupWord = groups.count == 1 ? "group" : "groups"
        var lines = ["\(total) unanswered question\(total == 1 ? "" : "s") in \(source), in \(groups.count) \(groupWord) (most asked first):", ""]
        let width = String(groups.map(\.count).max() ?? 0).count
        for group in groups {
            let count = String(group.count)
            let indent = String(repeating: " ", count: width + 4)
            for (i, question) in group.questions.prefix(examples).enumerated() {
                lines.append(i == 0 ? "  " + String(repeating: " ", count: width - count.count) + count + "  " + question : indent + question)
            }
            let more = group.questions.count - examples
            if more > 0 { lines.append(indent + "(and \(more) more like \(more == 1 ? "it" : "these"))") }
        }
        return lines.joined(separator: "\n")
    }
}
