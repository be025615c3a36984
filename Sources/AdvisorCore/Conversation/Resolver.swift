/// Applies the conversation's context to one line's analysis and settles the intent and
/// entities the contract reports: follow-ups that name only an entity, references such as
/// "they" or "the two", and declines (off-topic names, weak matches).
struct Resolver {
    let language: LanguageModel

    /// The line's reading, stage by stage: a line with no words, or about another field, is
    /// declined; one that says what the person is tells; one that only names something goes
    /// on with the last question; any other is read by its examples.
    func resolve(_ analysis: Analysis, context: ConversationContext) -> Understanding {
        let analysis = readingHeadNames(analysis, after: context.lastIntent)
        if analysis.terms.isEmpty { return Self.declined(analysis, 1, "the line has no words", firm: true) }
        // Another job the person says they are ("I'm a mobile dev") is background, no topic.
        let background = self.background(in: analysis)
        if let other = otherField(analysis, background: background, context) { return other }
        if let told = toldAbout(analysis, background: background, context) { return told }
        if let followUp = followUp(analysis, context) { return followUp }
        return byExamples(analysis, context)
    }

    static func declined(_ analysis: Analysis, _ confidence: Double, _ reason: String, firm: Bool = false) -> Understanding {
        var understanding = Understanding(intent: .outOfScope, confidence: confidence, entities: [:], analysis: analysis, reason: reason)
        understanding.firm = firm
        return understanding
    }

    /// "I'm a mobile dev and want to switch": saying what one is, asking nothing, tells the
    /// advisor about oneself, whatever the examples make of the other job's words.
    private func toldAbout(_ analysis: Analysis, background: [Mention], _ context: ConversationContext) -> Understanding? {
        guard !background.isEmpty, !language.lexicon.asksSomething(analysis.text) else { return nil }
        let job = analysis.words.count == analysis.terms.count ? analysis.words[background[0].range].joined(separator: " ") : "another job"
        var understanding = Understanding(intent: .profileUpdate, confidence: 0.9, entities: [:], analysis: analysis,
                                          reason: "it says what you are (\(job)), and asks nothing")
        understanding.entities = entities(for: .profileUpdate, analysis, context, followUp: false, Borrowing(analysis, context, self))
        understanding.outside = outsideNames(in: analysis)
        return understanding
    }

    /// A line of only entity names, filler and a cue continues the previous topic. So does one
    /// that opens with a cue ("and for cloud engineering folks?", "and for someone junior?")
    /// and names what the last question takes, when its other words ask nothing else: each is
    /// a word of the last question's own examples, or of none.
    private func followUp(_ analysis: Analysis, _ context: ConversationContext) -> Understanding? {
        let inScope = analysis.values.filter { $0.type != .foreign }
        guard let last = context.lastIntent, !inScope.isEmpty,
              analysis.requestTerms.isEmpty || goesOnWith(last, analysis, inScope),
              let intent = followUpIntent(after: last, for: inScope) else { return nil }
        var understanding = Understanding(
            intent: intent, confidence: language.followupConfidence, entities: [:], analysis: analysis,
            reason: "a follow-up: it names only \(inScope.map(\.description).joined(separator: ", ")) after \(last.rawValue)")
        understanding.isFollowUp = true
        understanding.entities = entities(for: intent, analysis, context, followUp: true, Borrowing(analysis, context, self))
        return understanding
    }

    /// The examples decide, with intents that cannot be answered marked down. Whether to
    /// answer at all is judged on the examples alone (`declineByExamples`); cue words then
    /// only choose between the readings (they must not pull an everyday request in).
    private func byExamples(_ analysis: Analysis, _ context: ConversationContext) -> Understanding {
        let borrowing = Borrowing(analysis, context, self)
        let marked = penalties(analysis, context, borrowing)
        let base = penalized(analysis.baseScores, marked)
        let ranked = penalized(analysis.scores, marked)
        guard let bestIn = base.first(where: { $0.intent != .outOfScope }),
              let top = ranked.first(where: { $0.intent != .outOfScope }) else {
            return Self.declined(analysis, 1, "none of its words are ones the advisor knows")
        }
        // Another job named is declined by name, and firmly: no other stage may answer it.
        let declined = declineByExamples(analysis, context, base: base, bestIn: bestIn, top: top)
        if let job = unknownRole(in: analysis, for: top.intent) {
            var understanding = Self.declined(analysis, 0.9, "it asks about \"\(job)\", which is none of the roles the advisor knows", firm: true)
            understanding.unknownRole = job
            return understanding
        }
        // The conversation carries a follow-up its words alone read too weakly to answer.
        if let goesOn = continuing(analysis, context, ranked: ranked, top: top) { return goesOn }
        if let declined { return declined }
        var understanding = Understanding(
            intent: top.intent, confidence: min(1, top.score), entities: [:], analysis: analysis,
            reason: "it matches the examples of \(top.intent.rawValue)")
        understanding.entities = entities(for: top.intent, analysis, context, followUp: false, borrowing)
        if let other = pointsAtExcluded(understanding, context) { return other }
        if top.intent == .profileUpdate { understanding.outside = outsideNames(in: analysis) }
        // Two topical readings too close to call: ask which one was meant.
        if let second = ranked.first(where: { $0.intent != top.intent && $0.intent != .outOfScope }),
           second.score >= top.score - language.ambiguityMargin,
           !ConversationContext.social.contains(top.intent), !ConversationContext.social.contains(second.intent),
           // A key word of one reading only ("earn", "analogy") settles it without asking.
           analysis.favoured.contains(top.intent) == analysis.favoured.contains(second.intent) {
            understanding.clarification = [top.intent, second.intent]
            understanding.reason = "\(top.intent.rawValue) (\(percent(top.score))) and \(second.intent.rawValue) (\(percent(second.score))) are too close to choose"
        }
        return understanding
    }

    /// "And after some years, as a senior?" after a salary: a line that opens with a follow-up
    /// cue and names what the last question takes goes on with that question where its words
    /// read it nearly as well as any other (`continuityMargin`): the conversation is the
    /// likelier reading of words that ask nothing decisive.
    private func continuing(_ analysis: Analysis, _ context: ConversationContext, ranked: [(intent: Intent, score: Double)],
                            top: (intent: Intent, score: Double)) -> Understanding? {
        guard analysis.opensWithCue, let last = context.lastIntent, last != top.intent, !ConversationContext.social.contains(last),
              let takes = language.shapes[last]?.takes,
              analysis.values.contains(where: { $0.type != .foreign && takes.contains($0.type) }),
              let own = ranked.first(where: { $0.intent == last }), own.score >= top.score - language.continuityMargin
        else { return nil }
        var understanding = Understanding(
            intent: last, confidence: language.followupConfidence, entities: [:], analysis: analysis,
            reason: "a follow-up: it opens as one and names what \(last.rawValue) takes, and its words read it nearly as well (\(Int((own.score * 100).rounded()))%) as \(top.intent.rawValue) (\(Int((top.score * 100).rounded()))%)")
        understanding.isFollowUp = true
        understanding.entities = entities(for: last, analysis, context, followUp: true, Borrowing(analysis, context, self))
        return understanding
    }

    /// "What is that job?" after the back-end developer's pay: an intent that needs a value,
    /// where the line points back at one it never takes (the job in general), is answered by
    /// the intent the shape says (`instead`). Nil for any other reading.
    private func pointsAtExcluded(_ understanding: Understanding, _ context: ConversationContext) -> Understanding? {
        guard let shape = language.shapes[understanding.intent], let other = shape.instead, let type = shape.requires,
              (understanding.entities[type] ?? []).isEmpty,
              let last = excludedPointedAt(shape, understanding.analysis, context) else { return nil }
        var reading = understanding
        reading.intent = other
        reading.entities = [:]
        reading.reason += "; it points back at \(last), which \(other.rawValue) answers"
        return reading
    }

    /// The value of its kind the line points back at, naming none, where the shape never takes
    /// it but sends it elsewhere (`instead`): the job in general after its pay. Nil otherwise.
    func excludedPointedAt(_ shape: IntentShape, _ analysis: Analysis, _ context: ConversationContext) -> String? {
        guard shape.instead != nil, let type = shape.requires, analysis.pointsBack, analysis.named(type).isEmpty,
              let last = context.recent[type]?.last, shape.excludes.contains(EntityValue(type, last)) else { return nil }
        return last
    }

    /// Reads `analysis` as `intent`, chosen by the person in answer to a clarifying question.
    func resolve(_ analysis: Analysis, as intent: Intent, context: ConversationContext) -> Understanding {
        var understanding = Understanding(
            intent: intent, confidence: 1, entities: [:], analysis: analysis,
            reason: "you chose this reading when asked")
        understanding.entities = entities(for: intent, analysis, context, followUp: false, Borrowing(analysis, context, self))
        return understanding
    }

    /// Whether the line names something of the domain (a role, tool, step, category,
    /// responsibility or kind of skill, by a name that is not also an everyday word: "soft
    /// skills", not "soft") or holds an anchor word such as "backend".
    func isAnchored(_ analysis: Analysis) -> Bool {
        let domainTypes: Set<EntityType> = [.role, .tool, .step, .category, .responsibility, .kind]
        return analysis.mentions.contains { m in
            m.values.contains { domainTypes.contains($0.type) }
                && !analysis.terms[m.range].allSatisfy { language.weakNames.contains($0) }
        } || analysis.terms.contains { language.anchors.contains($0) }
    }

    /// "Compare the languages" right after Python and Go: a word that says what a comparison
    /// compares points at the values of that kind the conversation holds, when it holds enough
    /// to compare. The line is then about them, not an everyday request ("change the language").
    func pointsAtCompared(_ analysis: Analysis, _ context: ConversationContext) -> Bool {
        language.shapes.contains { intent, shape in
            guard shape.atLeast > 1, let type = shape.requires, (context.recent[type]?.count ?? 0) >= shape.atLeast else { return false }
            return language.comparedWords.saysWhatIsCompared(analysis, by: intent)
        }
    }

    /// "Which one is the highest?" right after a table of roles: "one" (a counted reference,
    /// not "it") points into what the last answer listed, so the line is about those.
    func picksFromListed(_ analysis: Analysis, _ context: ConversationContext) -> Bool {
        guard !context.listed.isEmpty, let at = analysis.pointer else { return false }
        return language.lexicon.countedReferences.contains(analysis.terms[at])
    }

    /// Whether a line may take what it lacks from the context, worked out once per line: when
    /// it points back ("that role", "the two"), only changes the topic, or goes on with the
    /// same intent, and its own words are the domain's. A new question ("who is the CEO of
    /// Google?") does not borrow a role from the last answer.
    struct Borrowing {
        let pointsBack: Bool
        let shortChange: Bool
        /// The line's own words, when the conversation holds something to borrow and they
        /// speak of the domain; else nil, and nothing is borrowed.
        let own: OwnWords?

        init(_ analysis: Analysis, _ context: ConversationContext, _ resolver: Resolver) {
            pointsBack = analysis.pointsBack
            shortChange = resolver.isShortTopicChange(analysis)
            // Nothing to borrow in a fresh conversation: the line's words need not be looked up.
            let words = context.recent.values.allSatisfy(\.isEmpty) ? nil : OwnWords(analysis, resolver.language)
            own = words?.speakOfTheDomain == true ? words : nil
        }

        /// Whether `intent` (whose shape says whether it may take from the context at all) may
        /// borrow: a line that points back may; a short one, one going on with the last intent,
        /// or a comparison that names none of what it compares ("who gets paid more?" after a
        /// cloud engineer and an architect) may when it says what it asks in words of that
        /// intent's own examples.
        func allows(_ intent: Intent, fromContext: Bool, lastIntent: Intent?, comparesUnnamed: Bool = false) -> Bool {
            guard fromContext, let own else { return false }
            return pointsBack || ((shortChange || lastIntent == intent || comparesUnnamed) && own.goOn(with: intent))
        }
    }

    /// Whether every word the line says of its own (not a name, filler or a word pointing
    /// back) is one the advisor's topics use: "what does each of them do?" speaks of the
    /// domain and may take what it points at from the context; "what is 2 plus 2" or "what
    /// colour is it" does not, and borrows nothing (its "2" or "it" points at no role).
    func speaksOfTheDomain(_ analysis: Analysis) -> Bool {
        OwnWords(analysis, language).speakOfTheDomain
    }

    /// The intents whose examples use each word a line says of its own (not a name, filler or
    /// a word pointing back), looked up once per line.
    struct OwnWords {
        /// Per word, the intents whose examples use it (bit `Intent.ordinal`).
        let usedBy: [UInt64]

        init(_ analysis: Analysis, _ language: LanguageModel) {
            // A number that points at nothing ("what is two and two") is a word of the line's own.
            // The two sets, not the whole lexicon: a copy of it retains and releases every table.
            let references = language.lexicon.references, counted = language.lexicon.countedReferences
            let pointing = analysis.pointsBack
            usedBy = analysis.requestTerms.filter { !references.contains($0) || (counted.contains($0) && !pointing) }
                .map { language.matcher.intentsUsing($0) }
        }

        var speakOfTheDomain: Bool { usedBy.allSatisfy { $0 & ~ConversationContext.socialBits != 0 } }

        /// Whether the line, short or going on with the last intent, says what it asks in words
        /// of `intent`'s own examples: "which pays more?" after a comparison, "salary?" after a
        /// role; not "SQL vs NoSQL", which names two things of its own, after a comparison of
        /// Python and Go.
        func goOn(with intent: Intent) -> Bool { usedBy.allSatisfy { $0 & 1 << UInt64(intent.ordinal) != 0 } }
    }

    /// A line that only changes the topic: at most three words of its own, none of them a
    /// word for "all" ("salary?", "and the skills?", but not "all the salaries").
    func isShortTopicChange(_ analysis: Analysis) -> Bool {
        analysis.requestTerms.count <= 3 && !analysis.terms.contains { language.lexicon.quantifiers.contains($0) }
    }

    func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
