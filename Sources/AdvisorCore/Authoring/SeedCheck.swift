import Foundation

/// `advisor check --seed FILE`: a fact of the knowledge base that names the article (`seed`)
/// as its source must be one the article's text supports. Its key words (four letters or more,
/// but for function words) are looked up in the article; where more than a fifth are missing,
/// the fact is another source's (general knowledge) or the article was misquoted, and the
/// check fails at the fact's `file:line`.
///
/// A fact's source is the key `<field>_source` beside it (`about_source` for `about`), or
/// `source` for the fields the article's text fills (`text`, `example`, `summary`, `title`).
enum SeedCheck {
    static let sourceID = "seed"
    /// The fields whose source is the record's own `source`.
    static let sourcedFields: Set<String> = ["text", "example", "summary", "title"]
    /// The share of a fact's key words the article must hold.
    static let support = 0.8
    /// Words that say nothing of what a fact claims.
    static let functionWords: Set<String> = [
        "that", "this", "with", "from", "they", "them", "their", "there", "have", "will", "your", "what", "when",
        "which", "about", "into", "also", "like", "more", "most", "only", "other", "some", "such", "than", "then",
        "very", "would", "could", "should", "these", "those", "been", "were", "does", "being", "over", "just",
        "make", "made", "each", "many", "much", "must", "where", "while", "both", "it's", "you're",
    ]

    static func findings(_ root: DataRoot, seed: String) -> [Finding] {
        let known = Set(keyWords(seed))
        guard let files = try? root.yamlFiles(in: DataRoot.knowledgeFolder) else { return [] }
        var findings: [Finding] = []
        for file in files {
            guard let node = try? root.parse(file) else { continue }  // the syntax check reports it
            walk(node) { field, value in
                let words = keyWords(value.text)
                let missing = words.filter { !known.contains($0) }
                guard !words.isEmpty, Double(words.count - missing.count) / Double(words.count) < support else { return }
                var unique: [String] = []
                for word in missing where !unique.contains(word) { unique.append(word) }
                findings.append(Finding(.error, file: file, line: value.line, column: value.column,
                                        "'\(field)' is marked source: seed, but the article does not say it: \(missing.count) of its \(words.count) key words are not in the article (\(unique.prefix(6).joined(separator: ", "))); mark it general, or quote the article"))
            }
        }
        return findings
    }

    /// Calls `visit` with each text field whose source is the article, with its node.
    private static func walk(_ node: DataNode, _ visit: (String, (text: String, line: Int, column: Int)) -> Void) {
        if let items = try? node.list("") {
            for item in items { walk(item, visit) }
            return
        }
        guard let pairs = try? node.pairs("") else { return }
        var texts: [String: String] = [:]
        for pair in pairs { if let text = try? pair.value.text("") { texts[pair.key] = text } }
        for pair in pairs {
            guard let text = texts[pair.key] else {
                walk(pair.value, visit)
                continue
            }
            let source = texts[pair.key + "_source"] ?? (sourcedFields.contains(pair.key) ? texts["source"] : nil)
            if source == sourceID { visit(pair.key, (text, pair.value.line, pair.value.column)) }
        }
    }

    /// The words of `text` that carry what it says: lowercased, four letters or more, but
    /// for function words; curly apostrophes read as straight ones.
    static func keyWords(_ text: String) -> [String] {
        text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .split { !($0.isLetter || $0 == "'") }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            .filter { $0.count >= 4 && !functionWords.contains($0) }
    }
}
