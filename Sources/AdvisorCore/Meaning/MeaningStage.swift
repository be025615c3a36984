/// The stage after the lexical reading: where that reading is unsure, one decision from both
/// kinds of evidence, the sentence encoder's reading of the whole line and the lexical scores
/// (`MeaningSettings`).
///
/// The lexical matcher reads the wordings its examples were written for exactly, and reads
/// new wordings badly: a parent's long polite question, "display my saved details", "will
/// backend be a good match for me?". The encoder reads what a line means, whatever its words,
/// but knows nothing of the conversation. So the lexical reading stands where it is sure, where
/// it is a firm decline (another field named), and within a conversation, where it carries
/// what the line points back at. Elsewhere each intent is scored by meaning and words together,
/// and the best may answer a line the matcher declined, change an unsure answer, or decline one
/// that reads like the questions the advisor declines. Entities stay lexical: the reading
/// chosen takes them from the line and the context as any reading does.
struct MeaningStage {
    let meaning: Meaning
    let language: LanguageModel

    /// - Parameter reading: the encoder's reading of `line`, asked for only where it is needed
    ///   (`advisor check` gives one with the example itself left out).
    func weigh(_ lexical: Understanding, line: String, context: ConversationContext, _ resolver: Resolver,
               reading: () -> MeaningReading) -> Understanding {
        let settings = meaning.settings
        let answered = lexical.intent != .outOfScope
        // A firm decline, or a reading of a part of the line (a claim, the last sentence, the
        // question after small talk) is not the encoder's to weigh; a question the words would
        // ask back is asked only where meaning cannot settle it either.
        if lexical.firm || lexical.analysis.text != line { return lexical }
        if let offered = lexical.clarification { return settle(lexical, offered, context, resolver, reading: reading()) }
        // Within a conversation, a reading is unsure only where another reading runs it close:
        // what the line points back at is the lexical reading's to carry.
        let scores = lexical.analysis.scores
        let close = scores.count > 1 && scores[0].score - scores[1].score < settings.margin
        if answered && (lexical.isFollowUp || (context.lastIntent == nil ? lexical.confidence >= settings.trust : !close)) { return lexical }
        let read = reading()
        var kept = lexical
        kept.meaning = read
        let weighed = shaped(combined(read, lexical.analysis.scores, weight: settings.lexicalWeight), lexical.analysis, resolver)
        guard let top = weighed.first else { return kept }
        let declined = weighed.first { $0.intent == .outOfScope }?.score ?? 0
        if top.intent == .outOfScope {
            // A key word that is the request ("hello", "thanks") is not outweighed by the rest.
            guard answered, !lexical.analysis.decided.contains(lexical.intent), let next = weighed.first(where: { $0.intent != .outOfScope }), top.score - next.score >= settings.margin else { return kept }
            var understanding = Understanding(intent: .outOfScope, confidence: min(1, top.score), entities: [:], analysis: lexical.analysis,
                                              reason: "by meaning and words together it is closest to questions the advisor declines (\(percent(top.score)), "
                                                  + "against \(percent(next.score)) for \(next.intent.rawValue)); the lexical reading, "
                                                  + "\(lexical.intent.rawValue), was unsure (\(percent(lexical.confidence)))")
            understanding.meaning = read
            return understanding
        }
        // Another intent replaces the reading only when it is clearly ahead: of the declined
        // questions, and of the lexical reading's own intent weighed the same way.
        let own = answered ? weighed.first { $0.intent == lexical.intent }?.score ?? 0 : declined
        guard top.intent != lexical.intent, top.score >= settings.accept, top.score - own >= settings.margin,
              top.score - declined >= settings.margin else { return kept }
        // What a person tells about themselves, with what it names, is kept: read as a question
        // ("I work as a tester and want to move into backend": how to start), it would be lost.
        if lexical.intent == .profileUpdate, !lexical.entities.isEmpty { return kept }
        var understanding = resolver.resolve(lexical.analysis, as: top.intent, context: context)
        // A reading that lacks what it cannot be answered without (a role to describe) is no answer.
        if let shape = language.shapes[top.intent], let type = shape.requires, (understanding.entities[type]?.count ?? 0) < shape.atLeast {
            return kept
        }
        understanding.confidence = min(1, top.score)
        understanding.meaning = read
        let was = answered ? "\(lexical.intent.rawValue) (\(percent(lexical.confidence)))" : "declined"
        understanding.reason = "by meaning and words together it is closest to \(top.intent.rawValue) (\(percent(top.score)), "
            + "against \(percent(declined)) for the declined questions); the lexical reading was unsure: \(was)"
        return understanding
    }

    /// Two readings the words could not choose between ("what are backend devs responsible
    /// for": its outlook or what the job is): the question back is asked only where meaning
    /// cannot choose either. An intent clearly ahead by meaning and words together, of the
    /// next and of the declined questions, is taken.
    private func settle(_ lexical: Understanding, _ offered: [Intent], _ context: ConversationContext, _ resolver: Resolver,
                        reading read: MeaningReading) -> Understanding {
        var kept = lexical
        kept.meaning = read
        let weighed = shaped(combined(read, lexical.analysis.scores, weight: meaning.settings.lexicalWeight), lexical.analysis, resolver)
        guard weighed.count > 1, let top = weighed.first, top.intent != .outOfScope,
              top.score >= meaning.settings.accept, top.score - weighed[1].score >= meaning.settings.margin else { return kept }
        var understanding = resolver.resolve(lexical.analysis, as: top.intent, context: context)
        if let shape = language.shapes[top.intent], let type = shape.requires, (understanding.entities[type]?.count ?? 0) < shape.atLeast {
            return kept
        }
        understanding.confidence = min(1, top.score)
        understanding.meaning = read
        understanding.reason = "the words run \(offered.map(\.rawValue).joined(separator: " and ")) too close; by meaning and words together "
            + "it is closest to \(top.intent.rawValue) (\(percent(top.score)), against \(percent(weighed[1].score)) for \(weighed[1].intent.rawValue))"
        return understanding
    }

    /// Each intent's score by meaning and by words together, best first: `weight` of the
    /// lexical score (capped at 1: cue words can push it past), the rest the score by meaning.
    /// Ties in the contract's order.
    func combined(_ read: MeaningReading, _ lexical: [(intent: Intent, score: Double)], weight: Double) -> [(intent: Intent, score: Double)] {
        var byWords = [Double](repeating: 0, count: Intent.allCases.count)
        for entry in lexical { byWords[entry.intent.ordinal] = max(byWords[entry.intent.ordinal], min(1, entry.score)) }
        return read.scores.map { ($0.intent, (1 - weight) * $0.score + weight * byWords[$0.intent.ordinal]) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// The combined scores with the readings marked down that are never about a name the line
    /// holds (`not_with`), as the lexical ranking marks them: a step named by its place is no
    /// question about the whole path, whatever the line means besides.
    private func shaped(_ weighed: [(intent: Intent, score: Double)], _ analysis: Analysis, _ resolver: Resolver) -> [(intent: Intent, score: Double)] {
        resolver.penalized(weighed, resolver.namesNeverAbout(analysis))
    }

    private func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
