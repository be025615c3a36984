/// The opening of exactly one role's name ("cloud" of "cloud engineer", "cyber" of "cyber
/// security specialist") names that role where the words around it say a person is meant,
/// whatever else the opening may name (the cloud platforms):
/// - followed by a word for a person (`person_words` in lexicon.yaml): "what about cloud
///   guys?", "database folks";
/// - in a list of roles, joined to one by a word of `besideJoiners`: "compare devops, cloud
///   and cyber security roles".
extension LanguageModel {
    func roleHeadMentions(_ terms: [String], _ mentions: [Mention]) -> [Mention] {
        let people = lexicon.personWords
        let listed = mentions.contains { $0.value(of: .role) != nil }
        // The table of openings is made the first time a line needs it, never at start.
        guard terms.count > 1, listed || terms.dropFirst().contains(where: people.contains) else { return mentions }
        var result = mentions
        func role(_ range: Range<Int>) -> String? {
            let heads = nameHeads.value
            // "It" opens "IT analyst", yet in "is it more than a DBA gets?" it points back.
            guard !terms[range].contains(where: { lexicon.references.contains($0) || lexicon.filler.contains($0) }),
                  let roles = heads[Array(terms[range])]?[.role], roles.count == 1 else { return nil }
            return roles.first
        }
        @discardableResult func name(_ range: Range<Int>, _ id: String) -> Bool {
            // A role named already ("a cloud engineer guy") is left as it is; a name of a role and
            // of something else ("security") is narrowed to the role.
            guard !result.contains(where: { $0.range.overlaps(range) && $0.values.count == 1 && $0.value(of: .role) != nil }) else { return false }
            // An opening that ends a longer name is that name's ("a non-technical person").
            guard !result.contains(where: { $0.range.overlaps(range) && $0.range.lowerBound < range.lowerBound }) else { return false }
            result.removeAll { $0.range.overlaps(range) }
            let at = result.firstIndex { $0.range.lowerBound > range.lowerBound } ?? result.count
            result.insert(Mention(range: range, values: [EntityValue(.role, id)]), at: at)
            return true
        }
        for i in 1..<terms.count where people.contains(terms[i]) {
            for length in [2, 1] where i >= length {
                if let id = role((i - length)..<i) { name((i - length)..<(i + 1), id); break }
            }
        }
        guard listed else { return result }
        let openings = roleOpenings.value
        guard terms.contains(where: { openings[$0] != nil }) else { return result }
        // Each opening named joins the list, so the one before it may join too ("api, cloud
        // and devops engineers"): until a pass names none.
        var named = true
        while named {
            named = false
            for i in terms.indices where !result.contains(where: { $0.range.contains(i) && $0.value(of: .role) != nil }) {
                guard openings[terms[i]] != nil, let id = role(i..<(i + 1)), joinedToRole(i, terms, result) else { continue }
                if name(i..<(i + 1), id) { named = true }
            }
        }
        return result
    }

    /// Whether the term at `i` is joined to a role's name by joining words only ("and", "or"),
    /// or stands right beside one in a list of two roles or more (the commas of "api, cloud and
    /// devops engineers" are no words).
    private func joinedToRole(_ i: Int, _ terms: [String], _ mentions: [Mention]) -> Bool {
        let roles = mentions.filter { $0.value(of: .role) != nil }
        return roles.contains { m in
            let between = m.range.upperBound <= i ? m.range.upperBound..<i : (i + 1)..<m.range.lowerBound
            return between.isEmpty ? roles.count > 1 : between.allSatisfy { besideJoiners.contains(terms[$0]) }
        }
    }
}
