/// The names stage: which of the names found in a line stand (not inside an idiom, beside
/// another of their kind), and the features the matcher compares once they are replaced by
/// placeholders.
extension LanguageModel {
    /// `mentions` less those inside a set phrase of `idioms` ("AWS or Azure, which should I go
    /// for?" names no Go), unless joined to a name of their kind ("Node.js or Go for a backend?").
    func withoutIdioms(_ terms: [String], _ mentions: [Mention]) -> [Mention] {
        guard !idioms.isEmpty else { return mentions }
        return mentions.filter { mention in
            // Joined to a name of its own kind, it is a name: "Node.js or Go for a backend?"
            let at = mention.range.lowerBound
            if at >= 2, besideJoiners.contains(terms[at - 1]),
               mentions.contains(where: { $0.range.upperBound == at - 1 && $0.values.contains { v in mention.values.contains { $0.type == v.type } } }) {
                return true
            }
            return !idioms.contains { idiom in
                // The idiom starts at most its length before the mention and covers it whole.
                guard idiom.count >= mention.range.count else { return false }
                let earliest = max(0, mention.range.upperBound - idiom.count)
                return (earliest...mention.range.lowerBound).contains { start in
                    start + idiom.count <= terms.count && start + idiom.count >= mention.range.upperBound
                        && terms[start..<(start + idiom.count)].elementsEqual(idiom)
                }
            }
        }
    }

    /// `mentions` with the words of `besideNames` that stand beside another name of their
    /// type, joined to it only by words of `besideJoiners` ("full stack or backend", "backend
    /// vs devops"), read as names too.
    func besideMentions(_ terms: [String], _ mentions: [Mention]) -> [Mention] {
        guard !besideNames.isEmpty, !mentions.isEmpty else { return mentions }
        var result = mentions
        for (i, term) in terms.enumerated() {
            guard let value = besideNames[term], !mentions.contains(where: { $0.range.contains(i) }) else { continue }
            let joined = mentions.contains { m in
                guard m.value(of: value.type) != nil, !m.values.contains(value) else { return false }
                let between = m.range.upperBound <= i ? m.range.upperBound..<i : (i + 1)..<m.range.lowerBound
                return !between.isEmpty && between.allSatisfy { besideJoiners.contains(terms[$0]) }
            }
            guard joined else { continue }
            let at = result.firstIndex { $0.range.lowerBound > i } ?? result.count
            result.insert(Mention(range: i..<(i + 1), values: [value]), at: at)
        }
        return result
    }

    /// The matcher's features of a line: terms with mentions replaced, pairs, the opening
    /// term, and one feature per entity type named twice or more ("Django or Flask?" reads
    /// as a comparison because the examples of comparisons carry the same feature).
    /// - Parameter alsoNamed: a type named once more than `mentions` say (by a reference read
    ///   as its placeholder).
    func features(_ terms: [String], _ mentions: [Mention], alsoNamed: EntityType? = nil) -> [String] {
        let kept = replacingMentions(terms, mentions).filter { !lexicon.ignored.contains($0) }
        var features = IntentMatcher.features(of: kept, opening: openingTerm)
        var counts: [EntityType: Int] = [:]
        if let alsoNamed { counts[alsoNamed] = 1 }
        for mention in mentions where mention.values.count == 1 { counts[mention.values[0].type, default: 0] += 1 }
        for (type, count) in counts.sorted(by: { $0.key < $1.key }) where count >= 2 {
            features.append("#\(type.rawValue)*2")
        }
        return features
    }

    /// Replaces each unambiguous mention with its placeholder terms. A mention with several
    /// readings keeps its own words and adds every reading's placeholder, so the rest of
    /// the line and the examples decide between them.
    func replacingMentions(_ terms: [String], _ mentions: [Mention]) -> [String] {
        guard !mentions.isEmpty else { return terms }
        var out: [String] = []
        var i = 0
        for mention in mentions {
            out.append(contentsOf: terms[i..<mention.range.lowerBound])
            if mention.values.count == 1, let value = mention.values.first,
               let placeholder = placeholders["\(value.type.rawValue)/\(value.id)"] ?? placeholders[value.type.rawValue] {
                out.append(contentsOf: placeholder)
            } else {
                // Several readings: the words stay, and each reading's placeholder joins them.
                out.append(contentsOf: terms[mention.range])
                var seen = Set<String>()
                for value in mention.values {
                    for term in placeholders[value.type.rawValue] ?? [] where term.hasPrefix("#") && seen.insert(term).inserted {
                        out.append(term)
                    }
                }
            }
            i = mention.range.upperBound
        }
        out.append(contentsOf: terms[i...])
        return out
    }
}
