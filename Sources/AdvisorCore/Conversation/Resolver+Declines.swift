/// When the resolver declines: a line about another field, and a line whose examples say it
/// is none of the advisor's questions.
extension Resolver {
    /// A line that names another field (a data scientist, CSS) and nothing of ours is
    /// declined firmly. A line about the person ("I work as a teacher") or naming our roles and
    /// tools is in the domain even when it also names another field; a name that only
    /// qualifies a job ("android developer package for freshers") does not make a line about
    /// another field one of ours.
    func otherField(_ analysis: Analysis, background: [Mention], _ context: ConversationContext) -> Understanding? {
        let foreign = analysis.mentions.filter { $0.value(of: .foreign) != nil && !background.contains($0) }.compactMap { $0.value(of: .foreign) }
        guard let first = foreign.first else { return nil }
        let domain = analysis.mentions.contains { mention in
            mention.values.contains { [.role, .tool, .level, .step].contains($0.type) }
                && !language.qualifierNames.contains(analysis.terms[mention.range].joined(separator: " "))
        }
        // "I hate CSS, would backend be better for me?" weighs the fields: answered as such.
        // (An anchor of its own: the "developer" of "front-end developer" is the other field's.)
        let choosesTheField = analysis.scores.first.map { language.fieldChoices.contains($0.intent) } == true
            && analysis.terms.indices.contains { i in
                language.anchors.contains(analysis.terms[i]) && !analysis.mentions.contains { $0.range.contains(i) }
            }
        guard !domain, !choosesTheField else { return nil }
        var understanding = Self.declined(analysis, 0.95, "it names \(first.id), which is outside back-end careers", firm: true)
        // What the line asks of that other field ("data scientist pay?": a salary) is what a
        // follow-up goes on with ("and backend developers?"). A line that only names the other
        // field ("what about a UI designer?") asks nothing of its own: the question before goes
        // on. A key word ("salary", "earn") says what is asked before the examples do.
        let ours = analysis.scores.filter { !ConversationContext.social.contains($0.intent) }
        let top = ours.first { analysis.favoured.contains($0.intent) } ?? ours.first
        if !analysis.requestTerms.isEmpty { understanding.asked = top?.intent }
        // Asked of another job, where a role's name would stand, the decline lists the roles
        // ("how much does a doctor earn?"; not "should I learn React?").
        if let asked = analysis.requestTerms.isEmpty ? context.lastIntent : top?.intent,
           language.shapes[asked]?.takes.contains(.role) == true,
           let mention = analysis.mentions.first(where: { $0.value(of: .foreign) != nil }),
           analysis.requestTerms.isEmpty || standsForARole(mention.range, in: analysis, for: asked),
           analysis.words.count == analysis.terms.count {
            understanding.unknownRole = analysis.words[mention.range].joined(separator: " ")
        }
        return understanding
    }

    /// Whether to answer at all, judged on the examples alone (`base`, marked down where an
    /// intent cannot be answered): nil to answer, else the decline.
    func declineByExamples(_ analysis: Analysis, _ context: ConversationContext, base: [(intent: Intent, score: Double)],
                           bestIn: (intent: Intent, score: Double), top: (intent: Intent, score: Double)) -> Understanding? {
        // A line anchored in the domain (it names a role, tool, step…, or says "backend") is
        // not declined for resembling everyday requests; its key words may carry it over the
        // threshold. Other lines must beat the declined examples by a wider margin.
        let anchored = isAnchored(analysis) || pointsAtCompared(analysis, context) || picksFromListed(analysis, context)
        let oos = base.first { $0.intent == .outOfScope }
        if !anchored, let oos {
            if oos.score > bestIn.score {
                return Self.declined(analysis, oos.score, "it reads most like the examples of questions the advisor declines")
            }
            // Nearly as close to the declined examples as to the best intent: declined, since
            // a wrong answer costs more than a decline that says what the advisor can answer.
            if oos.score >= bestIn.score - max(language.declineMargin, language.unanchoredMargin) {
                return Self.declined(analysis, oos.score, "it is nearly as close to questions the advisor declines (\(percent(oos.score))) as to \(bestIn.intent.rawValue) (\(percent(bestIn.score)))")
            }
        }
        // Anchored, yet closer to a declined question of the job itself ("do backend developers
        // work from home?") than to anything the advisor answers: declined too. Only a declined
        // example that is itself anchored counts: "how do I improve my soft skills" is not
        // declined for resembling "how do I improve my credit score"; nor is a line that names a
        // tool, step or topic of the article ("what projects should I put on my resume?").
        if anchored, let oos, oos.score > bestIn.score + language.anchoredDeclineMargin,
           analysis.values.allSatisfy({ $0.type == .role || $0.type == .level || $0.type == .foreign }),
           let example = analysis.nearest(.outOfScope), isAnchored(language.analyze(example)) {
            return Self.declined(analysis, oos.score, "it is about the job, but far closer to questions the advisor declines (\(percent(oos.score))) than to \(bestIn.intent.rawValue) (\(percent(bestIn.score)))")
        }
        let evidence = anchored ? max(bestIn.score, top.score) : bestIn.score
        if evidence < language.threshold {
            return Self.declined(analysis, 1 - evidence, "the best match, \(bestIn.intent.rawValue), scores \(percent(evidence)) (below the \(percent(language.threshold)) threshold)")
        }
        // One word alone is small talk only when it is a key word of it ("bye", "thanks") or
        // an example by itself ("later"): "run" or "log" is not a farewell for being part of
        // "gotta run" or "log off".
        if ConversationContext.social.contains(top.intent), analysis.terms.count == 1, !analysis.favoured.contains(top.intent),
           let example = analysis.nearest(top.intent),
           language.normalizer.terms(of: language.normalizer.words(example)) != analysis.terms {
            return Self.declined(analysis, 1 - top.score, "one word that is neither a key word of \(top.intent.rawValue) nor one of its examples by itself", firm: true)
        }
        return nil
    }
}
