/// The re-readings the stages of `Session.respond` call: two questions in one line, a
/// statement then a question, the step after the one pointed at, a short change of topic, the
/// question after small talk or asked of the profile, a place picked from the last list, the
/// person's own target, a ranking of what was listed.
extension Session {
    /// "What does a system analyst earn and what do they do?": two questions in one line, each
    /// answered, in order, the second in the light of the first (its "they" is the analyst).
    /// The line reports the first question's reading. Nil, and the session as it was, unless
    /// the line splits where a question opens (`Lexicon.questionSplit`) into two questions the
    /// advisor answers that ask different things. A first part that tells about oneself ("I
    /// know Java and what should I learn next?") is noted first, as `statementThenQuestion`
    /// does after a comma.
    mutating func twoQuestions(_ line: String) -> Reply? {
        guard advisor.language.lexicon.mayHoldTwoQuestions(line) else { return nil }
        let words = line.split(whereSeparator: { $0 == " " }).map(String.init)
        guard let at = advisor.language.lexicon.questionSplit(in: words) else { return nil }
        let first = words[..<at.end].joined(separator: " "), second = words[at.start...].joined(separator: " ")
        let saved = self
        guard case .answer(var asked, let firstText) = respond(to: first, readAhead: nil, split: false),
              case .answer(let then, let secondText) = respond(to: second, readAhead: nil, split: true),
              asked.clarification == nil, then.clarification == nil, then.intent != .profileUpdate,
              !ConversationContext.social.contains(asked.intent), !ConversationContext.social.contains(then.intent),
              asked.intent != then.intent || asked.entities != then.entities else {
            self = saved
            return nil
        }
        // One suggestion of what to ask next, after both answers.
        var text = firstText
        if let question = advisor.templates.suggestions[asked.intent] {
            let suggestion = "\n" + advisor.templates.fill("suggest", ["question": question])
            if text.hasSuffix(suggestion) { text.removeLast(suggestion.count) }
        }
        asked.reason += "; it goes on to ask \(then.intent.rawValue), answered after"
        return .answer(asked, text: text + "\n\n" + secondText)
    }

    /// A line whose first clause tells the advisor about oneself (a profile update) and whose
    /// rest asks a question of the domain; both read without the context's referent. Nil for
    /// any other line.
    ///
    /// The latest break that leaves a statement before and a question after is taken: "I've
    /// been a QA engineer for 5 years. I know Java. What should I learn?" tells both facts.
    func statementThenQuestion(in line: String, _ resolver: Resolver) -> (statement: Understanding, question: Understanding)? {
        // One word may ask after a telling ("I've finished Java, next?"): it must then end with "?".
        for (head, rest) in Self.clauseSplits(of: line, words: 1).reversed() where rest.contains(" ") || rest.hasSuffix("?") {
            let statement = resolver.resolve(advisor.language.analyze(head), context: context)
            guard statement.intent == .profileUpdate else { continue }
            // The rest must ask something of its own: "I know Python, Django and MySQL" is one
            // statement whose list runs on after the comma.
            guard advisor.language.lexicon.asksSomething(rest) else { continue }
            let question = resolver.resolve(advisor.language.analyze(rest), context: context)
            guard question.intent != .profileUpdate, !ConversationContext.social.contains(question.intent) else { continue }
            return (statement, question)
        }
        return nil
    }

    /// "What comes after that step?" (the advisor's own suggestion after a step) and "what
    /// comes after hackathons?" ask for the step that follows the one named or pointed at, not
    /// for that step again, nor for the person's own next step. Right after a step, "ok and
    /// then?" (a word for what follows, and nothing else of its own) goes on along the path.
    func followingStep(_ understanding: Understanding, _ analysis: Analysis) -> Understanding {
        guard analysis.terms.contains(where: { advisor.language.lexicon.successors.contains($0) }) else { return understanding }
        // "And then?", "ok and after that?": nothing asked but what follows.
        let successors = advisor.language.lexicon.successors
        let goesOn = analysis.requestTerms.allSatisfy(successors.contains) && analysis.mentions.isEmpty
        guard understanding.intent == .stepsDetail || understanding.intent == .stepsNext || goesOn,
              let step = analysis.named(.step).last ?? understanding.entities[.step]?.last
                ?? (goesOn || analysis.pointsBack ? context.lastEntities[.step]?.last : nil),
              let at = advisor.knowledge.steps.firstIndex(where: { $0.id == step }) else { return understanding }
        // After the last step there is none: that step again, which says it is the last ("5 of 5").
        let next = min(at + 1, advisor.knowledge.steps.count - 1)
        var following = understanding
        following.intent = .stepsDetail
        following.entities = [.step: [advisor.knowledge.steps[next].id]]
        following.reason += next > at ? "; it asks for the step after \(step)" : "; \(step) is the last step"
        return following
    }

    /// "Skills?" right after a question about a role asks for that role's skills, as "what
    /// skills does that role need?" would: a short change of topic that names nothing and
    /// points at nothing is also read as pointing at what the conversation was last about.
    /// That reading is taken when its intent takes that kind of thing, the plain reading's
    /// does not, and the intent's own examples use every word the line says.
    /// - Parameter plain: set to the plain reading when it was worked out here (the caller
    ///   need not resolve the line again when the implied reading is not taken).
    func impliedReferent(_ analysis: Analysis, _ line: String, _ resolver: Resolver, plain: inout Understanding?)
        -> (analysis: Analysis, intent: Intent, type: EntityType, reading: Understanding)? {
        guard context.pending == nil, let type = context.lastType, analysis.mentions.isEmpty,
              advisor.language.reads(analysis, sameWith: type), resolver.isShortTopicChange(analysis) else { return nil }
        let shapes = advisor.language.shapes
        let plainReading = resolver.resolve(analysis, context: context)
        plain = plainReading
        // A word or two declined on its own ("work?" after a DBA's pay) may still be about it.
        // So may one word declined firmly for being no small talk by itself ("why?" after advice):
        // firm against the encoder ("run" is no farewell), not against the conversation.
        let declinedShort = plainReading.intent == .outOfScope && (!plainReading.firm || analysis.terms.count == 1)
            && analysis.requestTerms.count <= 2
        guard declinedShort || !ConversationContext.social.contains(plainReading.intent),
              declinedShort || shapes[plainReading.intent]?.takes.contains(type) == false
        else { return nil }
        let implied = advisor.language.analyze(analysis, referent: type, implied: true)
        let reading = resolver.resolve(implied, context: context)
        guard shapes[reading.intent]?.takes.contains(type) == true, !(reading.entities[type] ?? []).isEmpty,
              Resolver.OwnWords(implied, advisor.language).goOn(with: reading.intent) else { return nil }
        return (implied, reading.intent, type, reading)
    }

    /// The tools a line names after a word for "after" ("what should I learn after Python and
    /// Django?"): what the person has, or is on the way to having, before the step asked for.
    /// "Is Python enough to get a job?" asks the same of every tool it names.
    func toolsAfterSuccessor(in analysis: Analysis) -> [String] {
        let lexicon = advisor.language.lexicon
        let at = analysis.terms.contains(where: lexicon.sufficiency.contains) ? -1
            : analysis.terms.firstIndex(where: { lexicon.successors.contains($0) })
        guard let at else { return [] }
        var tools: [String] = []
        for mention in analysis.mentions where mention.range.lowerBound > at {
            if let id = mention.value(of: .tool)?.id, !tools.contains(id) { tools.append(id) }
        }
        return tools
    }

    /// Whether the line asks the advisor to forget what the person told it: a word for
    /// forgetting and one about oneself (the words a profile update needs: "me", "my"), naming
    /// no role, tool or step ("should I remove Java from my CV?" asks something else).
    func asksToForget(_ analysis: Analysis) -> Bool {
        let forgetting = advisor.language.lexicon.forgetting
        let aboutOneself = advisor.language.shapes[.profileUpdate]?.wordsNeeded ?? []
        return analysis.words.contains(where: forgetting.contains) && analysis.terms.contains(where: aboutOneself.contains)
            && !analysis.values.contains { [.role, .tool, .step].contains($0.type) }
    }

    static let smallTalk: Set<Intent> = [.greet, .thank, .goodbye, .help]

    /// "hello! what is backend development": a line that opens with small talk and goes on,
    /// after a clause break, with a question is answered as that question (the greeting alone
    /// won the line: its cue words count towards answering). Nil when what follows is small
    /// talk too, out of scope, or absent.
    func question(afterSmallTalkIn line: String, _ resolver: Resolver) -> Understanding? {
        for rest in Self.clauses(after: line) {
            // Read without the referent: a clause that only points back ("thanks, that helps") is
            // a remark on the last answer, not a new question about it.
            var understanding = resolver.resolve(advisor.language.analyze(rest), context: context)
            guard !ConversationContext.social.contains(understanding.intent) else { continue }
            understanding.reason = "it opens with small talk, and what follows \(understanding.reason)"
            return understanding
        }
        return nil
    }

    /// "Based on my profile, what should I study next?", "given everything I told you, what do
    /// I do now?": a clause that points at what the person told the advisor, then a question,
    /// asks that question (answered for the profile), not to be shown the profile. Nil when no
    /// clause after the first asks anything else.
    func question(afterProfileIn line: String, _ resolver: Resolver) -> Understanding? {
        let lexicon = advisor.language.lexicon
        for (head, rest) in Self.clauseSplits(of: line, breaks: 2) where !lexicon.asksSomething(head) && lexicon.asksSomething(rest) {
            var understanding = resolver.resolve(advisor.language.analyze(rest), context: context)
            guard understanding.intent != .profileShow, !ConversationContext.social.contains(understanding.intent),
                  understanding.clarification == nil else { continue }
            understanding.reason = "it asks \"\(rest)\" of what you told the advisor: \(understanding.reason)"
            return understanding
        }
        return nil
    }

    /// "How much will I earn?" from someone who said which role they want is that role's
    /// salary, not the whole table: a salary question about oneself (a word of the profile's,
    /// such as "I") that names no role takes the role the profile aims at.
    func ownTarget(_ understanding: Understanding, _ analysis: Analysis) -> Understanding {
        guard understanding.intent == .roleSalary, (understanding.entities[.role] ?? []).isEmpty, understanding.clarification == nil,
              let target = profile.target,
              let aboutOneself = advisor.language.shapes[.profileUpdate]?.wordsNeeded,
              analysis.terms.contains(where: aboutOneself.contains) else { return understanding }
        var reading = understanding
        reading.entities[.role] = [target]
        reading.reason += "; about yourself, and you want to become \(target)"
        return reading
    }

    /// "How much will she earn at the start?", "and when starting out?" after a senior's pay: a
    /// question about a role that names none, but a level a role is where one starts
    /// (`starts_for` in roles.yaml), is about that role.
    func startingRole(_ understanding: Understanding, _ analysis: Analysis) -> Understanding {
        let levels = analysis.named(.level)
        guard !levels.isEmpty, understanding.clarification == nil, analysis.named(.role).isEmpty,
              let shape = advisor.language.shapes[understanding.intent], shape.takes.contains(.role), shape.atLeast <= 1,
              let role = advisor.knowledge.startingRole(for: levels) else { return understanding }
        var reading = understanding
        reading.entities[.role] = [role.id]
        reading.reason += "; \(role.id) is where a \(levels[0]) starts"
        return reading
    }

    /// "Which one is the highest?" right after a table of roles ranks them: a comparison that
    /// names too few to compare but says an order ("highest", "best"), after a list of more than
    /// a comparison takes, asks for the intent that takes the order. ("Better" and "highest" are
    /// one term, so the examples alone cannot tell a ranking from a comparison here.)
    func rankingOfListed(_ understanding: Understanding, _ analysis: Analysis) -> Understanding {
        let shapes = advisor.language.shapes
        guard let shape = shapes[understanding.intent], shape.atLeast > 1, let type = shape.requires,
              (understanding.entities[type] ?? []).count < shape.atLeast, analysis.named(type).isEmpty,
              context.listed.filter({ $0.type == type }).count > shape.atLeast,
              let order = analysis.named(.order).first,
              let ranking = Intent.allCases.first(where: { shapes[$0]?.takes.contains(.order) == true }) else { return understanding }
        var reading = Understanding(intent: ranking, confidence: understanding.confidence, entities: [.order: [order]], analysis: analysis,
                                    reason: "it asks for an order among the \(context.listed.count) the last answer listed")
        reading.clarification = nil
        return reading
    }

    /// "Tell me more about the third one" after the roadmap is step 3; "what does the second
    /// one earn?" after a table of roles, the second role in it: a place (`Lexicon.ordinal`) in
    /// what the last answer listed, when the line names nothing of that kind itself. The line's
    /// intent stands when it takes that kind; else the line is read again with its "one" as a
    /// name of that kind ("what does the second #role earn"), and failing that the kind's own
    /// intent (`followup_intents`) is taken.
    func picked(_ understanding: Understanding, _ analysis: Analysis, _ resolver: Resolver) -> Understanding? {
        let listed = context.listed
        guard let type = listed.first?.type, let (place, at, relative) = advisor.language.lexicon.ordinal(in: analysis.terms),
              !analysis.mentions.contains(where: { $0.range.contains(at) }), analysis.named(type).isEmpty else { return nil }
        let index: Int
        if relative {
            guard let current = context.recent[type]?.last, let now = listed.firstIndex(of: EntityValue(type, current)) else { return nil }
            // 0: the other of two ("and the other one?" after a comparison of two).
            if place == 0 { guard listed.count == 2 else { return nil } }
            index = place == 0 ? 1 - now : now + place
        } else {
            index = place > 0 ? place - 1 : listed.count + place
        }
        guard listed.indices.contains(index) else { return nil }
        let value = listed[index]
        // One picked value is never a comparison.
        func takes(_ reading: Understanding) -> Bool {
            guard let shape = advisor.language.shapes[reading.intent] else { return false }
            return !ConversationContext.social.contains(reading.intent) && shape.takes.contains(type) && shape.atLeast <= 1
        }
        var reading = understanding
        // "And the other one?" says nothing but the place: it goes on with the last question.
        if analysis.requestTerms.allSatisfy({ $0 == analysis.terms[at] }), let last = context.lastIntent,
           let shape = advisor.language.shapes[last], shape.takes.contains(type), shape.atLeast <= 1 {
            reading = Understanding(intent: last, confidence: advisor.language.followupConfidence, entities: context.lastEntities,
                                    analysis: analysis, reason: "")
        }
        if !takes(reading) {
            reading = resolver.resolve(advisor.language.analyze(analysis, referent: type), context: context)
        }
        if !takes(reading) {
            guard let intent = advisor.language.followupIntents[type] else { return nil }
            reading = Understanding(intent: intent, confidence: advisor.language.followupConfidence, entities: [:], analysis: analysis, reason: "")
        }
        reading.entities[type] = [value.id]
        reading.clarification = nil
        reading.reason = "it picks place \(place) of the \(listed.count) the last answer listed: \(value)"
        return reading
    }
}
