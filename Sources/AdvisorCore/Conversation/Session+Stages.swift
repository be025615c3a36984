/// The stages a line goes through in `Session.respond`, in order: analyse, read, settle, note
/// what it tells, weigh its meaning, note a gap, answer. Each says in its doc comment what it decides; the
/// re-readings they call (a part of the line, a place in a list…) are in `Session+Readings`.
extension Session {
    /// The line's analysis, with what the conversation points at read into it: what was read
    /// ahead is used where the conversation could not have changed it.
    func analyze(_ line: String, readAhead: Analysis?, _ resolver: Resolver) -> Analysis {
        let language = advisor.language
        let readAhead = readAhead.flatMap { $0.text == line ? $0 : nil }
        if let readAhead, language.reads(readAhead, sameWith: context.lastType) { return readAhead }
        // What was read ahead (without the referent) keeps its words: only what the matcher
        // compares changes.
        let analysis = readAhead.map { language.analyze($0, referent: context.lastType) } ?? language.analyze(line, referent: context.lastType)
        // "What is 2 plus 2" after a role: its "2" points at nothing the advisor said when its
        // other words say nothing of the domain; it is read as it stands.
        if !language.reads(analysis, sameWith: context.lastType), !resolver.speaksOfTheDomain(analysis) {
            return readAhead ?? language.analyze(analysis, referent: nil)
        }
        return analysis
    }

    /// The line's reading: the choice it makes when the advisor asked which reading was meant,
    /// else the whole line's, or the part of it that asks (after small talk, a claim to check,
    /// the last sentence, a clause about the profile), then a place picked from the last list,
    /// the person's own target, or a ranking of what was listed.
    mutating func read(_ line: String, analysis: Analysis, _ resolver: Resolver) -> Turn {
        var plain: Understanding?
        let implied = impliedReferent(analysis, line, resolver, plain: &plain)
        let analysis = implied?.analysis ?? analysis
        if let pending = context.pending {
            context.pending = nil
            let understanding = reading(chosenBy: analysis, from: pending.readings, askedAbout: pending.analysis)
                .map { resolver.resolve(pending.analysis, as: $0, context: context) } ?? resolver.resolve(analysis, context: context)
            return Turn(line: line, analysis: analysis, understanding: understanding, implied: implied)
        }
        // Either reading, when it was worked out already in weighing one against the other.
        var understanding = implied?.reading ?? plain ?? resolver.resolve(analysis, context: context)
        // A question pointing into the scene before it is the surest part; then the others.
        if let part = questionAfterScene(line, understanding, resolver) ?? askingPart(of: line, understanding, analysis, resolver) {
            understanding = part
        }
        let pick = picked(understanding, analysis, resolver)
        if let pick { understanding = pick }
        understanding = ownTarget(understanding, analysis)
        understanding = startingRole(understanding, analysis)
        understanding = rankingOfListed(understanding, analysis)
        var turn = Turn(line: line, analysis: analysis, understanding: understanding, implied: implied)
        turn.settled = pick != nil
        return turn
    }

    /// The part of a line that asks, where the whole line read as small talk, a decline or the
    /// profile: the question after a greeting, a claim to check, the last sentence, or the
    /// question asked of what the person told the advisor.
    private func askingPart(of line: String, _ understanding: Understanding, _ analysis: Analysis, _ resolver: Resolver) -> Understanding? {
        if Self.smallTalk.contains(understanding.intent) { return question(afterSmallTalkIn: line, resolver) }
        if understanding.intent == .outOfScope { return claim(in: line, analysis, resolver) ?? lastSentence(of: line, resolver) }
        if understanding.intent == .profileShow { return question(afterProfileIn: line, resolver) }
        return nil
    }

    /// What the conversation settles: the step after the one pointed at, a short change of
    /// topic or a line going on with the last question asked no question back, and a request
    /// to forget declined with the command to type.
    func settle(_ turn: inout Turn, _ resolver: Resolver) {
        // "Why?" right after an answer asks what it rests on: the last question again. After
        // advice that named a step its question did not take, the implied referent reads it
        // better: why that step comes then.
        let impliedNamesMore = turn.implied.map { implied in
            context.lastIntent.map { advisor.language.shapes[$0]?.takes.contains(implied.type) == false } ?? false
        } ?? false
        if !impliedNamesMore, let last = context.lastIntent, !ConversationContext.social.contains(last),
           advisor.language.lexicon.basisAsked.contains(turn.analysis.words) {
            turn.understanding = Understanding(intent: last, confidence: advisor.language.followupConfidence, entities: context.lastEntities,
                                               analysis: turn.analysis, reason: "it asks what the last answer rests on: \(last.rawValue) again")
            turn.settled = true
            turn.noted = advisor.templates.fill("basis_again")
            return
        }
        turn.understanding = followingStep(turn.understanding, turn.analysis)
        // The conversation settles what a bare "skills?" would leave open: no question back.
        if let implied = turn.implied, turn.understanding.clarification != nil, turn.understanding.intent == implied.intent {
            turn.understanding.clarification = nil
            turn.understanding.reason += "; a short change of topic, about the \(implied.type.rawValue) the conversation was last about"
        }
        // "Give an example" right after the API task: of two readings too close to choose, the
        // one that goes on with the last question, in words its own examples use, is meant.
        if let offered = turn.understanding.clarification, let last = context.lastIntent, offered.contains(last),
           turn.analysis.mentions.isEmpty, Resolver.OwnWords(turn.analysis, advisor.language).goOn(with: last) {
            let reason = turn.understanding.reason
            turn.understanding = turn.understanding.intent == last ? turn.understanding : resolver.resolve(turn.analysis, as: last, context: context)
            turn.understanding.clarification = nil
            turn.understanding.reason = reason + "; it goes on with the last question, \(last.rawValue)"
            turn.settled = true
        }
        // "Forget everything about me" asks for what `:forget` does, which no answer can do.
        if asksToForget(turn.analysis) {
            turn.asksToForget = true
            turn.understanding = Understanding(intent: .outOfScope, confidence: 0.95, entities: [:], analysis: turn.analysis,
                                               reason: "it asks to forget what you told the advisor, which the command :forget does")
            turn.understanding.firm = true
        }
    }

    /// "I know Java and Spring, what next?": a clause that tells the advisor about oneself,
    /// then a question. The profile takes only what the first clause says ("I know MySQL, what
    /// is Django?" does not make Django known), and the answer notes it, then answers the
    /// question for the profile as it now is. The line is reported as what it asks.
    mutating func noteTelling(_ turn: inout Turn, _ resolver: Resolver) {
        let u = turn.understanding
        // A line read as a question of its own is read so still (the telling may set its
        // scene: "…there are 'frontend' people and 'backend' people. How does their work
        // differ?"); the telling is noted all the same when the question reads alike alone, if
        // it says what the person is ("I have been working as…": "My cousin works as a DBA" is
        // no news about the person asking). Looked for in the whole line first, which is cheap.
        let asksAlone = u.intent == .profileUpdate || u.intent == .stepsNext || u.intent == .outOfScope
        let descriptions = advisor.language.lexicon.selfDescriptions
        func saysWhatOneIs(_ terms: [String]) -> Bool {
            descriptions.contains { phrase in terms.indices.contains { terms[$0...].starts(with: phrase) } }
        }
        guard !u.firm, asksAlone || saysWhatOneIs(turn.analysis.terms),
              let compound = statementThenQuestion(in: turn.line, resolver),
              asksAlone || (compound.question.intent == u.intent && saysWhatOneIs(compound.statement.analysis.terms)) else { return }
        let change = updateProfile(compound.statement)
        turn.noted = composer.answer(compound.statement, profile: profile, change: change).text
        // Of a question the whole line asks as well, the whole line's reading keeps what the
        // telling named ("My cousin works as a DBA. How much does that role pay?").
        if asksAlone { turn.understanding = compound.question }
        turn.understanding.reason = "it tells about you first (noted), then asks: \(turn.understanding.reason)"
        turn.toldThenAsked = true
    }

    /// Where the reading of the whole line is unsure, its meaning weighs in. A line whose
    /// question the stages before found in a part of it, a short change of topic about what
    /// the conversation was about, or a place picked from the last list, is theirs.
    func weighMeaning(_ turn: inout Turn, _ resolver: Resolver) {
        guard !turn.toldThenAsked, !turn.settled, turn.implied == nil, let meaning = advisor.meaning else { return }
        let language = advisor.language, line = turn.line
        let lexical = turn.understanding.intent
        turn.understanding = MeaningStage(meaning: meaning, language: language).weigh(turn.understanding, line: line, context: context, resolver) {
            meaning.read(language.encoderText(of: line))
        }
        // A reading by meaning names the role a level starts in, as the lexical one does.
        if turn.understanding.intent != lexical { turn.understanding = startingRole(turn.understanding, turn.analysis) }
    }

    /// "What does a DevOps engineer earn in Bangalore?", "in USD?" after a salary: a question
    /// the article leaves open (`gaps.yaml`) is answered as what it asks, and the answer says
    /// what the article gives instead. A line declined on its own that asks into a gap, and
    /// nothing else, asks the last question again if the gap qualifies it, else (in a
    /// conversation, or in words of the domain) the gap's first reading.
    func noteGap(_ turn: inout Turn) {
        let words = turn.analysis.words
        guard words.contains(where: advisor.gapOpenings.contains),
              let gap = advisor.knowledge.gaps.first(where: { $0.isAsked(in: words) }) else { return }
        let u = turn.understanding
        if gap.readings.contains(u.intent), u.clarification == nil {
            turn.understanding.gap = gap.id
            // "Per year or per month?" after a Cloud Engineer's pay is still about that role.
            if let last = context.lastIntent, gap.readings.contains(last), let shape = advisor.language.shapes[u.intent],
               shape.takes.contains(.role), shape.atLeast <= 1, (u.entities[.role] ?? []).isEmpty, turn.analysis.named(.role).isEmpty,
               !turn.analysis.terms.contains(where: advisor.language.lexicon.quantifiers.contains), let earlier = context.lastEntities[.role] {
                turn.understanding.entities[.role] = earlier
                turn.understanding.reason += "; about the roles of the last answer"
            }
            return
        }
        guard u.intent == .outOfScope, !u.firm, asksNothingElse(turn.analysis, besides: gap) else { return }
        // After a question the gap qualifies, that question again; else the gap's first reading
        // ("how many years does it take to become one?" asks of the path).
        if let last = context.lastIntent, gap.readings.contains(last) {
            turn.understanding = Understanding(intent: last, confidence: advisor.language.followupConfidence, entities: context.lastEntities,
                                               analysis: turn.analysis, reason: "it asks the last question again, into what the article leaves open (\(gap.id))")
        } else if let first = gap.readings.first, context.lastIntent != nil || Resolver(language: advisor.language).isAnchored(turn.analysis) {
            // Out of any conversation, only a line of the domain: "where did you come from?"
            // asks nothing of salaries.
            turn.understanding = Understanding(intent: first, confidence: advisor.language.followupConfidence, entities: [:],
                                               analysis: turn.analysis, reason: "it asks into what the article leaves open (\(gap.id))")
        } else {
            return
        }
        turn.understanding.gap = gap.id
    }

    /// Whether every word a line asks with, but the gap's own, is one the advisor's questions
    /// use: "in USD?" asks nothing else; "what's the weather in Delhi?" asks of the weather.
    private func asksNothingElse(_ analysis: Analysis, besides gap: Gap) -> Bool {
        guard analysis.words.count == analysis.terms.count else { return false }
        let gapWords = gap.positions(in: analysis.words), request = Set(analysis.requestTerms)
        return analysis.terms.indices.allSatisfy { i in
            gapWords.contains(i) || !request.contains(analysis.terms[i]) || advisor.language.matcher.intentsUsing(analysis.terms[i]) & ~ConversationContext.socialBits != 0
        }
    }

    /// The answer to the turn, for the profile as the turn leaves it; the context remembers it.
    mutating func answer(_ turn: Turn) -> Reply {
        var turn = turn
        // A line the advisor asks about ("noting what you told me, or whether back-end work
        // suits you?") changes nothing until the person says which they meant.
        let change = turn.understanding.intent == .profileUpdate && turn.understanding.clarification == nil && turn.noted == nil
            ? updateProfile(turn.understanding) : Profile()
        let answered = profileAssumed(&turn)
        var answer = composer.answer(turn.understanding, profile: answered, change: change)
        if let noted = turn.noted { answer.text = noted + "\n" + answer.text }
        if turn.asksToForget { answer.text = advisor.templates.fill("declined_forget") }
        context.remember(turn.understanding, named: answer.named, listed: answer.listed)
        last = turn.understanding
        return .answer(turn.understanding, text: answer.text)
    }

    /// "What should I learn after Python?": the next step of someone who knows Python. The line
    /// asks, it does not tell, so the profile keeps nothing of it (as with "how long will it
    /// take me to learn Django?"); the answer says what it took as known.
    private func profileAssumed(_ turn: inout Turn) -> Profile {
        var answered = profile
        guard turn.understanding.intent == .stepsNext, !turn.toldThenAsked else { return answered }
        let after = toolsAfterSuccessor(in: turn.analysis).filter { !profile.knows.contains($0) }
        guard !after.isEmpty else { return answered }
        _ = answered.update(tools: after, steps: [], level: nil, target: nil, negated: false)
        let names = ListText.join(after.compactMap { advisor.knowledge.tool($0)?.name })
        turn.noted = advisor.templates.fill("next_step_assumed", ["tools": names])
        turn.understanding.reason += "; it asks what follows \(after.joined(separator: ", ")), answered as if known"
        return answered
    }
}
