/// How the resolver marks down the readings a line cannot have: an intent lacking an entity it
/// requires (none named, none to borrow), a word it needs, or an opening it refuses.
extension Resolver {
    /// Which intents (by `Intent.ordinal`) lack a required entity (and cannot borrow one from
    /// the context) or a word they need, and so are marked down.
    func penalties(_ analysis: Analysis, _ context: ConversationContext, _ borrowing: Borrowing) -> [Bool] {
        var marked = [Bool](repeating: false, count: Intent.allCases.count)
        // Per entity type, the distinct values the line names, and those with what it may
        // borrow from the context (which can hold every role after a table): worked out once
        // per type, not per intent.
        var distinct: [[String]?] = Array(repeating: nil, count: 2 * EntityType.allCases.count)
        func available(_ type: EntityType, borrowing: Bool) -> [String] {
            let key = 2 * type.ordinal + (borrowing ? 1 : 0)
            if let known = distinct[key] { return known }
            var ids: [String] = []
            for id in analysis.named(type) + (borrowing ? context.recent[type] ?? [] : []) where !ids.contains(id) { ids.append(id) }
            distinct[key] = ids
            return ids
        }
        // A needed word missing, or an opening refused: looked up once per word of the line.
        let byWords = language.shapeWords.marked(analysis.terms)
        for intent in Intent.allCases where byWords & 1 << UInt64(intent.ordinal) != 0 { marked[intent.ordinal] = true }
        for (i, never) in namesNeverAbout(analysis).enumerated() where never { marked[i] = true }
        // Whether the context holds enough of some kind for a comparison of that kind, and the
        // comparisons whose kind the line says ("the roles"), worked out once per line.
        let comparable = language.shapes.values.contains { shape in
            shape.atLeast > 1 && shape.requires.map { (context.recent[$0]?.count ?? 0) >= shape.atLeast } ?? false
        }
        let kindsSaid = language.comparedWords.comparisonsWhoseKind(analysis)
        let asksForAComparison = language.comparedWords.asksForAComparison(analysis)
        // Only the intents that require an entity can lack one.
        for (intent, shape) in language.shapeWords.requiring where !marked[intent.ordinal] {
            guard let type = shape.requires else { continue }
            // "Compare the roles" is no comparison of tools, whatever the context holds.
            if shape.atLeast > 1, !kindsSaid.isEmpty, !kindsSaid.contains(intent) {
                marked[intent.ordinal] = true
                continue
            }
            let comparesUnnamed = shape.atLeast > 1 && analysis.named(type).isEmpty
            let ids = available(type, borrowing: borrowing.allows(intent, fromContext: shape.fromContext, lastIntent: context.lastIntent,
                                                                  comparesUnnamed: comparesUnnamed)
                                    && !namesExcluded(shape, type, analysis))
            let count = shape.excludes.isEmpty ? ids.count
                : ids.filter { id in !shape.excludes.contains { $0.type == type && $0.id == id } }.count
            // "Compare the roles" or "compare", with too few named and too few said before for
            // any comparison: asked which (with enough of another kind said before, "compare"
            // is about those). One said before is enough only for a line that asks to compare
            // as such: "which one pays more?" after one role is its pay.
            let asksWhich = (count == 0 || (count < shape.atLeast && asksForAComparison)) && analysis.named(type).isEmpty
                && analysis.terms.contains(where: { shape.asksWhichWith.contains($0) })
                && (!comparable || kindsSaid.contains(intent))
            // "What is that job?" pointing back at the job in general is answered all the same
            // (by the intent the shape sends it to).
            marked[intent.ordinal] = count < shape.atLeast && !asksWhich && excludedPointedAt(shape, analysis, context) == nil
        }
        return marked
    }

    /// Per intent (by `Intent.ordinal`), whether the line names something of a kind the intent
    /// is never about ("explain Docker in simple words"), but for the values it excludes (the
    /// back-end developer is what the analogy pictures).
    func namesNeverAbout(_ analysis: Analysis) -> [Bool] {
        var marked = [Bool](repeating: false, count: Intent.allCases.count)
        for (intent, shape) in language.shapes where !shape.notWith.isEmpty && analysis.mentions.contains(where: { mention in
            mention.values.allSatisfy { shape.notWith.contains($0.type) && !shape.excludes.contains($0) } }) {
            marked[intent.ordinal] = true
        }
        return marked
    }

    func goesOnWith(_ last: Intent, _ analysis: Analysis, _ named: [EntityValue]) -> Bool {
        guard analysis.opensWithCue, let takes = language.shapes[last]?.takes, named.contains(where: { takes.contains($0.type) }) else { return false }
        return analysis.requestTerms.allSatisfy { term in
            let users = language.matcher.intentsUsing(term) & ConversationContext.answerableBits
            return users == 0 || users & 1 << UInt64(last.ordinal) != 0
        }
    }

    /// `scores` with the `marked` intents marked down, best first.
    func penalized(_ scores: [(intent: Intent, score: Double)], _ marked: [Bool]) -> [(intent: Intent, score: Double)] {
        var result = scores
        for i in result.indices where marked[result[i].intent.ordinal] { result[i].score *= language.requiresPenalty }
        return result.sorted { $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent }
    }
}
