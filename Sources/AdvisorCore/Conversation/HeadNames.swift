/// "And for cloud?" after the skills a DevOps engineer needs is about the cloud engineer, not
/// the cloud platforms: in a follow-up that names only something of a kind the last question
/// does not take, a name that opens the name of exactly one thing of a kind it does take
/// ("cloud" of "cloud engineer") names that thing.
extension Resolver {
    func readingHeadNames(_ analysis: Analysis, after last: Intent?) -> Analysis {
        guard let last, analysis.requestTerms.isEmpty, let takes = language.shapes[last]?.takes,
              analysis.mentions.contains(where: { mention in !mention.values.contains { takes.contains($0.type) } }) else { return analysis }
        let heads = language.nameHeads.value
        var result = analysis
        result.mentions = analysis.mentions.map { mention in
            guard !mention.values.contains(where: { takes.contains($0.type) }) else { return mention }
            let opened = heads[Array(analysis.terms[mention.range])] ?? [:]
            for type in takes {
                if let ids = opened[type], ids.count == 1, let id = ids.first { return Mention(range: mention.range, values: [EntityValue(type, id)]) }
            }
            return mention
        }
        return result
    }
}
