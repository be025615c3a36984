/// The entities a reading reports, and the intent a follow-up goes on with: named in the line,
/// or borrowed from the conversation where the intent needs them or the line points back.
extension Resolver {
    /// Whether the line names a value the intent never takes ("a backend developer", the job
    /// in general, for role.skills): it is about that, so nothing of the type is borrowed from
    /// the context ("what languages should a backend developer learn" after a question about
    /// an architect is not about the architect).
    func namesExcluded(_ shape: IntentShape, _ type: EntityType, _ analysis: Analysis) -> Bool {
        !shape.excludes.isEmpty && analysis.named(type).contains { id in shape.excludes.contains { $0.type == type && $0.id == id } }
    }

    /// "What does each of them do?" after an answer that named several of a type: all of them
    /// (only where the line may borrow from the context at all).
    func allOfThem(_ type: EntityType, _ analysis: Analysis, _ context: ConversationContext, _ excluded: Set<String>) -> [String]? {
        guard analysis.terms.contains(where: { language.lexicon.pluralReferences.contains($0) }),
              let previous = context.lastEntities[type]?.filter({ !excluded.contains($0) }), previous.count > 1 else { return nil }
        return previous
    }

    /// The intent a bare-entity follow-up takes: the previous one if it takes that type,
    /// else the type's own default ("and Django?" after a salary question describes Django).
    func followUpIntent(after last: Intent, for values: [EntityValue]) -> Intent? {
        // Two or more of one kind ("Python or Java?") ask for the intent that sets them side by side.
        for type in EntityType.allCases where values.filter({ $0.type == type }).count >= 2 {
            if let pair = Intent.allCases.first(where: { language.shapes[$0]?.requires == type && (language.shapes[$0]?.atLeast ?? 1) >= 2 }) {
                return pair
            }
        }
        let takes = language.shapes[last]?.takes ?? []
        if values.contains(where: { takes.contains($0.type) }) { return last }
        // "How about for a beginner?" after a comparison asks it again, for a beginner.
        if values.allSatisfy({ language.followupQualifiers.contains($0.type) }), last != .profileShow { return last }
        for value in values { if let intent = language.followupCounterparts[last]?[value.type] { return intent } }
        // An order ("best", "highest") qualifies what it names with it: "best backend
        // language?" is about languages; "the highest?" alone is a ranking.
        for value in values where value.type != .order { if let intent = language.followupIntents[value.type] { return intent } }
        for value in values { if let intent = language.followupIntents[value.type] { return intent } }
        return nil
    }

    /// The entities the intent reports: those the line names, of the types the intent takes,
    /// completed from the context where the intent needs more or the line points back.
    func entities(for intent: Intent, _ analysis: Analysis, _ context: ConversationContext, followUp: Bool,
                          _ borrowing: Borrowing) -> [EntityType: [String]] {
        guard let shape = language.shapes[intent] else { return [:] }
        let comparesUnnamed = shape.atLeast > 1 && shape.requires.map { analysis.named($0).isEmpty } == true
        let borrows = followUp || borrowing.allows(intent, fromContext: shape.fromContext, lastIntent: context.lastIntent,
                                                   comparesUnnamed: comparesUnnamed)
        let pointsBack = analysis.pointsBack
        var result: [EntityType: [String]] = [:]
        let background = shape.takes.contains(.level) && analysis.named(.level).isEmpty && !self.background(in: analysis).isEmpty
        for type in shape.takes {
            let excluded = Set(shape.excludes.filter { $0.type == type }.map(\.id))
            var ids = analysis.named(type).filter { !excluded.contains($0) }
            let recent = (borrows && !namesExcluded(shape, type, analysis)
                ? (context.recent[type] ?? []) : [])
                .filter { !excluded.contains($0) }
            if type == shape.requires && ids.count < shape.atLeast {
                if shape.atLeast > 1 {
                    if context.lastIntent == intent, let previous = context.lastEntities[type], !ids.isEmpty {
                        ids = previous.filter { !ids.contains($0) } + ids
                    } else {
                        let fill = recent.filter { !ids.contains($0) }.suffix(shape.atLeast - ids.count)
                        ids = Array(fill) + ids
                    }
                } else if !recent.isEmpty, let several = allOfThem(type, analysis, context, excluded) {
                    ids = several
                } else if let last = recent.last {
                    ids = [last]
                }
            } else if !shape.fromContext {
                // Only what the line itself says.
            } else if ids.isEmpty && pointsBack && !followUp && !recent.isEmpty, let several = allOfThem(type, analysis, context, excluded) {
                ids = several
            } else if ids.isEmpty && pointsBack && !followUp, let last = recent.last, type != .level {
                ids = [last]
            } else if ids.isEmpty && !followUp && type != .level && isShortTopicChange(analysis),
                      let previous = context.lastEntities[type], !previous.isEmpty {
                // "the salary?" after a question about a DBA is about the DBA.
                ids = previous.filter { !excluded.contains($0) }
            }
            if ids.isEmpty, let fallback = shape.defaults.first(where: { $0.type == type }) { ids = [fallback.id] }
            if ids.isEmpty, type == .level, background { ids = [Self.workingLevel] }
            if ids.count > shape.atMost { ids = Array(ids.prefix(shape.atMost)) }
            if !ids.isEmpty { result[type] = ids }
        }
        return result
    }
}
