/// One conversation: reads lines, keeps the context and the profile, and answers. Every
/// front end (REPL, `ask`, `--json`, replay) drives a `Session`, so they answer alike.
public struct Session: Sendable {
    public let advisor: Advisor
    public private(set) var context = ConversationContext()
    public private(set) var profile = Profile()
    /// The last question's reading, for `:why`.
    public private(set) var last: Understanding?
    /// The lines the front end keeps in its history, oldest first, for `:history`. A front end
    /// without one (`--json`, piped input) leaves it empty.
    public var history: [String] = []

    /// The commands a line may start with (after `:`), for "did you mean" and tab completion.
    public static let commandNames = ["help", "why", "history", "profile", "forget", "reset", "save", "quit", "exit"]

    /// Made once per session: one made per line copied the knowledge base and the templates.
    private let composer: Composer

    init(advisor: Advisor) {
        self.advisor = advisor
        composer = Composer(kb: advisor.knowledge, t: advisor.templates, shapes: advisor.language.shapes)
    }

    /// What a line produced: an answer to a question, or a command's reply.
    public enum Reply: Sendable {
        case answer(Understanding, text: String)
        /// A command that the session carried out (`reset`) or that the front end must
        /// carry out (`quit`), with the text to show.
        case command(name: String, text: String)
        /// A line starting with `:` that is no known command.
        case error(String)
    }

    /// Answers one line. Lines starting with `:` are commands.
    ///
    /// Escape sequences and control characters are cleaned out first (`InputSanitizer`), so
    /// they neither change how the line is read nor reach an answer that quotes it.
    public mutating func respond(to line: String) -> Reply {
        respond(to: line, readAhead: nil)
    }

    /// Answers one line, given what `readAhead(_:)` made of it earlier (on another thread,
    /// say, while the line before was answered). It is used where the conversation could not
    /// have changed it, and the line is read again where it could: the answer is the same.
    public mutating func respond(to line: String, readAhead: Analysis?) -> Reply {
        respond(to: line, readAhead: readAhead, split: true)
    }

    /// - Parameter split: whether a line of two questions may be answered as two.
    private mutating func respond(to line: String, readAhead: Analysis?, split: Bool) -> Reply {
        let line = InputSanitizer.clean(line)
        let trimmed = line.trimmingSpaces()
        if trimmed.hasPrefix(":") { return command(trimmed) }
        if split, let both = twoQuestions(line) { return both }
        if let question = questionAfterAcknowledgement(line) {
            return respond(to: question, readAhead: nil, split: split)
        }
        let resolver = Resolver(language: advisor.language)
        let language = advisor.language
        var analysis: Analysis
        let readAhead = readAhead.flatMap { $0.text == line ? $0 : nil }
        if let readAhead, language.reads(readAhead, sameWith: context.lastType) {
            analysis = readAhead
        } else {
            // What was read ahead (without the referent) keeps its words: only what the
            // matcher compares changes.
            analysis = readAhead.map { language.analyze($0, referent: context.lastType) } ?? language.analyze(line, referent: context.lastType)
            // "What is 2 plus 2" after a role: its "2" points at nothing the advisor said when
            // its other words say nothing of the domain; it is read as it stands.
            if !language.reads(analysis, sameWith: context.lastType), !resolver.speaksOfTheDomain(analysis) {
                analysis = readAhead ?? language.analyze(analysis, referent: nil)
            }
        }
        var plain: Understanding?
        let implied = impliedReferent(analysis, line, resolver, plain: &plain)
        if let implied { analysis = implied.analysis }
        var understanding: Understanding
        if let pending = context.pending {
            context.pending = nil
            if let choice = reading(chosenBy: analysis, from: pending.readings, askedAbout: pending.analysis) {
                understanding = resolver.resolve(pending.analysis, as: choice, context: context)
            } else {
                understanding = resolver.resolve(analysis, context: context)
            }
        } else {
            // Either reading, when it was worked out already in weighing one against the other.
            understanding = implied?.reading ?? plain ?? resolver.resolve(analysis, context: context)
            if Self.smallTalk.contains(understanding.intent), let question = question(afterSmallTalkIn: line, resolver) {
                understanding = question
            } else if understanding.intent == .outOfScope, let claim = claim(in: line, analysis, resolver) {
                understanding = claim
            } else if understanding.intent == .outOfScope, let asked = lastSentence(of: line, resolver) {
                understanding = asked
            } else if understanding.intent == .profileShow, let asked = question(afterProfileIn: line, resolver) {
                understanding = asked
            }
            if let pick = picked(understanding, analysis, resolver) { understanding = pick }
            understanding = ownTarget(understanding, analysis)
            understanding = rankingOfListed(understanding, analysis)
        }
        understanding = followingStep(understanding, analysis)
        // The conversation settles what a bare "skills?" would leave open: no question back.
        if let implied, understanding.clarification != nil, understanding.intent == implied.intent {
            understanding.clarification = nil
            understanding.reason += "; a short change of topic, about the \(implied.type.rawValue) the conversation was last about"
        }
        // "Forget everything about me" asks for what `:forget` does, which no answer can do:
        // declined, with the command to type.
        let asksToForget = self.asksToForget(analysis)
        if asksToForget {
            understanding = Understanding(intent: .outOfScope, confidence: 0.95, entities: [:], analysis: analysis,
                                          reason: "it asks to forget what you told the advisor, which the command :forget does")
            understanding.firm = true
        }
        // "I know Java and Spring, what next?": a clause that tells the advisor about oneself,
        // then a question. The profile takes only what the first clause says ("I know MySQL,
        // what is Django?" does not make Django known), and the answer notes it, then answers
        // the question for the profile as it now is. The line is reported as what it asks: the
        // telling is noted on the way.
        var noted: String?
        var question: Understanding?
        if understanding.intent == .profileUpdate || understanding.intent == .stepsNext || (understanding.intent == .outOfScope && !understanding.firm),
           let compound = statementThenQuestion(in: line, resolver) {
            let change = updateProfile(compound.statement)
            noted = composer.answer(compound.statement, profile: profile, change: change).text
            understanding = compound.question
            understanding.reason = "it tells about you first (noted), then asks: \(understanding.reason)"
            question = understanding
        }
        // Where the reading of the whole line is unsure, its meaning weighs in (a line whose
        // question the rules above found in a part of it, or a short change of topic about what
        // the conversation was about, is theirs).
        if question == nil, implied == nil, let meaning = advisor.meaning {
            understanding = MeaningStage(meaning: meaning, language: language).weigh(understanding, line: line, context: context, resolver) {
                meaning.read(language.readPart(of: line))
            }
        }
        // A line the advisor asks about ("noting what you told me, or whether back-end work
        // suits you?") changes nothing until the person says which they meant.
        let change = understanding.intent == .profileUpdate && understanding.clarification == nil && noted == nil
            ? updateProfile(understanding) : Profile()
        // "What should I learn after Python?": the next step of someone who knows Python. The
        // line asks, it does not tell, so the profile keeps nothing of it (as with "how long
        // will it take me to learn Django?"); the answer says what it took as known.
        var answered = profile
        if understanding.intent == .stepsNext, question == nil {
            let after = toolsAfterSuccessor(in: analysis).filter { !profile.knows.contains($0) }
            if !after.isEmpty {
                _ = answered.update(tools: after, steps: [], level: nil, target: nil, negated: false)
                let names = ListText.join(after.compactMap { advisor.knowledge.tool($0)?.name })
                noted = advisor.templates.fill("next_step_assumed", ["tools": names])
                understanding.reason += "; it asks what follows \(after.joined(separator: ", ")), answered as if known"
            }
        }
        var answer = composer.answer(question ?? understanding, profile: answered, change: change)
        if let noted { answer.text = noted + "\n" + answer.text }
        if asksToForget { answer.text = advisor.templates.fill("declined_forget") }
        context.remember(understanding, named: answer.named, listed: answer.listed)
        last = understanding
        return .answer(understanding, text: answer.text)
    }

    /// "What does a system analyst earn and what do they do?": two questions in one line, each
    /// answered, in order, the second in the light of the first (its "they" is the analyst).
    /// The line reports the first question's reading. Nil, and the session as it was, unless
    /// the line splits where a question opens (`Lexicon.questionSplit`) into two questions the
    /// advisor answers that ask different things. A first part that tells about oneself ("I
    /// know Java and what should I learn next?") is noted first, as `statementThenQuestion`
    /// does after a comma.
    private mutating func twoQuestions(_ line: String) -> Reply? {
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
    private func statementThenQuestion(in line: String, _ resolver: Resolver) -> (statement: Understanding, question: Understanding)? {
        for (head, rest) in Self.clauseSplits(of: line) {
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
    private func followingStep(_ understanding: Understanding, _ analysis: Analysis) -> Understanding {
        guard analysis.terms.contains(where: { advisor.language.lexicon.successors.contains($0) }) else { return understanding }
        let goesOn = analysis.requestTerms.isEmpty && analysis.mentions.isEmpty
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
    private func impliedReferent(_ analysis: Analysis, _ line: String, _ resolver: Resolver, plain: inout Understanding?)
        -> (analysis: Analysis, intent: Intent, type: EntityType, reading: Understanding)? {
        guard context.pending == nil, let type = context.lastType, analysis.mentions.isEmpty,
              advisor.language.reads(analysis, sameWith: type), resolver.isShortTopicChange(analysis) else { return nil }
        let shapes = advisor.language.shapes
        let plainReading = resolver.resolve(analysis, context: context)
        plain = plainReading
        // A word or two declined on its own ("work?" after a DBA's pay) may still be about it.
        let declinedShort = plainReading.intent == .outOfScope && !plainReading.firm && analysis.requestTerms.count <= 2
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
    private func toolsAfterSuccessor(in analysis: Analysis) -> [String] {
        guard let at = analysis.terms.firstIndex(where: { advisor.language.lexicon.successors.contains($0) }) else { return [] }
        var tools: [String] = []
        for mention in analysis.mentions where mention.range.lowerBound > at {
            if let id = mention.value(of: .tool)?.id, !tools.contains(id) { tools.append(id) }
        }
        return tools
    }

    /// Whether the line asks the advisor to forget what the person told it: a word for
    /// forgetting and one about oneself (the words a profile update needs: "me", "my"), naming
    /// no role, tool or step ("should I remove Java from my CV?" asks something else).
    private func asksToForget(_ analysis: Analysis) -> Bool {
        let forgetting = advisor.language.lexicon.forgetting
        let aboutOneself = advisor.language.shapes[.profileUpdate]?.wordsNeeded ?? []
        return analysis.terms.contains(where: forgetting.contains) && analysis.terms.contains(where: aboutOneself.contains)
            && !analysis.values.contains { [.role, .tool, .step].contains($0.type) }
    }

    static let smallTalk: Set<Intent> = [.greet, .thank, .goodbye, .help]

    /// "hello! what is backend development": a line that opens with small talk and goes on,
    /// after a clause break, with a question is answered as that question (the greeting alone
    /// won the line: its cue words count towards answering). Nil when what follows is small
    /// talk too, out of scope, or absent.
    private func question(afterSmallTalkIn line: String, _ resolver: Resolver) -> Understanding? {
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
    private func question(afterProfileIn line: String, _ resolver: Resolver) -> Understanding? {
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
    private func ownTarget(_ understanding: Understanding, _ analysis: Analysis) -> Understanding {
        guard understanding.intent == .roleSalary, (understanding.entities[.role] ?? []).isEmpty, understanding.clarification == nil,
              let target = profile.target,
              let aboutOneself = advisor.language.shapes[.profileUpdate]?.wordsNeeded,
              analysis.terms.contains(where: aboutOneself.contains) else { return understanding }
        var reading = understanding
        reading.entities[.role] = [target]
        reading.reason += "; about yourself, and you want to become \(target)"
        return reading
    }

    /// "Which one is the highest?" right after a table of roles ranks them: a comparison that
    /// names too few to compare but says an order ("highest", "best"), after a list of more than
    /// a comparison takes, asks for the intent that takes the order. ("Better" and "highest" are
    /// one term, so the examples alone cannot tell a ranking from a comparison here.)
    private func rankingOfListed(_ understanding: Understanding, _ analysis: Analysis) -> Understanding {
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
    private func picked(_ understanding: Understanding, _ analysis: Analysis, _ resolver: Resolver) -> Understanding? {
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

    /// "I enjoy maths and puzzles more than drawing. Should I go for back end?": a line declined
    /// as a whole whose last sentence is a question the advisor answers, in words of the domain
    /// or the key words of its intent, is answered as that question; what comes before only
    /// sets the scene. Nil when there is no such sentence.
    private func lastSentence(of line: String, _ resolver: Resolver) -> Understanding? {
        let scalars = Array(line.unicodeScalars.prefix(2000))
        guard let end = scalars.indices.dropLast().last(where: { ".!?".unicodeScalars.contains(scalars[$0]) && scalars[$0 + 1] == " " })
        else { return nil }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: scalars[(end + 1)...])
        let text = String(rest).trimmingSpaces()
        guard text.split(separator: " ").count >= 3 else { return nil }
        let language = advisor.language
        var read = language.analyze(text, referent: context.lastType)
        if !language.reads(read, sameWith: context.lastType), !resolver.speaksOfTheDomain(read) { read = language.analyze(text) }
        var understanding = resolver.resolve(read, context: context)
        // The question must say it is for the advisor, by a word of the domain or a key word of
        // its intent: "My car broke down. What should I do next?" is not about a career.
        guard understanding.intent != .outOfScope, understanding.clarification == nil,
              resolver.isAnchored(read) || read.favoured.contains(understanding.intent) else { return nil }
        understanding.reason = "its last sentence asks \"\(text)\": \(understanding.reason)"
        return understanding
    }

    /// "My friend says backend is boring. Is that true?", "is it true that DevOps pays well?":
    /// a line declined as it stands that asks whether a claim is true, or reports what
    /// someone says, is read as the claim itself ("backend is boring"), the words of
    /// `claim_checks` in lexicon.yaml set aside. Nil when there is no such claim, or it is not
    /// a question the advisor answers either (nor small talk: "tell my mom I said hi").
    private func claim(in line: String, _ analysis: Analysis, _ resolver: Resolver) -> Understanding? {
        let language = advisor.language
        let lexicon = language.lexicon
        var claims: [[String]] = []
        // "…, is that true?" (a clause of its own), or "… is that true" run on.
        for (head, rest) in Self.clauseSplits(of: line, breaks: 8) where lexicon.claimTags.contains(language.normalizer.words(rest)) {
            claims.append(language.normalizer.words(head))
        }
        let words = analysis.words
        for tag in lexicon.claimTags where tag.count >= 3 && words.count > tag.count && Array(words.suffix(tag.count)) == tag {
            claims.append(Array(words.dropLast(tag.count)))
        }
        for opener in lexicon.claimOpeners where words.count > opener.count && words.starts(with: opener) {
            claims.append(Array(words.dropFirst(opener.count)))
        }
        claims.append(words)
        for var claim in claims {
            // "my friend says (that) …", "I heard …": what is said, not who says it.
            if let (at, length) = Self.hearsay(in: claim, lexicon.hearsay) {
                claim.removeFirst(at + length)
                if claim.first == "that" { claim.removeFirst() }
            } else if claim == words {
                continue
            }
            guard claim.count >= 2 else { continue }
            let text = claim.joined(separator: " ")
            var read = language.analyze(text, referent: context.lastType)
            if !language.reads(read, sameWith: context.lastType), !resolver.speaksOfTheDomain(read) { read = language.analyze(text) }
            var understanding = resolver.resolve(read, context: context)
            guard understanding.intent != .outOfScope, !ConversationContext.social.contains(understanding.intent),
                  understanding.clarification == nil else { continue }
            understanding.reason = "it asks whether a claim is true, read as the claim \"\(text)\": \(understanding.reason)"
            return understanding
        }
        return nil
    }

    /// Where a word reporting what someone says (`hearsay`) stands among the first words of
    /// `words`, after who says it ("my friend says", "people say", "I heard"), and its length.
    static func hearsay(in words: [String], _ hearsay: [[String]]) -> (at: Int, length: Int)? {
        guard words.count > 2 else { return nil }
        for at in 1..<min(5, words.count) {
            for phrase in hearsay where words[at...].starts(with: phrase) && at + phrase.count < words.count { return (at, phrase.count) }
        }
        return nil
    }

    /// "Fine, what does that job involve then?": the question after a clause that only
    /// acknowledges the last answer (`acknowledgements`), or nil. Read alone, its words are all
    /// the domain's, so it may point back at what the conversation was about.
    private func questionAfterAcknowledgement(_ line: String) -> String? {
        guard let (head, rest) = Self.clauseSplits(of: line, breaks: 1).first else { return nil }
        let lexicon = advisor.language.lexicon, normalizer = advisor.language.normalizer
        let terms = normalizer.terms(of: normalizer.words(head))
        guard !terms.isEmpty, terms.count <= 3, terms.allSatisfy(lexicon.acknowledgements.contains), lexicon.asksSomething(rest) else { return nil }
        return rest
    }

    /// The text after each clause break (a comma, semicolon, colon, full stop, "!" or "?"
    /// followed by a space) that leaves two words or more, first break first.
    static func clauses(after line: String) -> [String] { clauseSplits(of: line).map(\.rest) }

    /// The line split at each clause break into what comes before it and the rest, where the
    /// rest has two words or more; first break first. Only the opening of a long line, and its
    /// first few breaks, are looked at: a pasted line of a thousand commas is read once, not a
    /// thousand times over.
    static func clauseSplits(of line: String, characters: Int = 2000, breaks: Int = 8) -> [(head: String, rest: String)] {
        let scalars = Array(line.unicodeScalars.prefix(characters))
        var result: [(head: String, rest: String)] = []
        for i in scalars.indices.dropLast() where ",;:.!?".unicodeScalars.contains(scalars[i]) && scalars[i + 1].properties.isWhitespace {
            if result.count == breaks { break }
            var head = String.UnicodeScalarView(), rest = String.UnicodeScalarView()
            head.append(contentsOf: scalars[..<i])
            rest.append(contentsOf: scalars[(i + 1)...])
            let text = String(rest).trimmingSpaces()
            if text.split(separator: " ").count >= 2 { result.append((String(head).trimmingSpaces(), text)) }
        }
        return result
    }

    /// What can be made of a line before the conversation reaches it (nil for a command), for
    /// `respond(to:readAhead:)`. It needs no session state, so any thread may call it.
    public static func readAhead(_ line: String, advisor: Advisor) -> Analysis? {
        let line = InputSanitizer.clean(line)
        return line.trimmingSpaces().hasPrefix(":") ? nil : advisor.language.analyze(line)
    }

    /// Which of two offered readings a short reply picks: "the first", "2", or words that
    /// fit one reading better ("the salary"). Nil when the reply is a new question.
    private func reading(chosenBy reply: Analysis, from readings: [Intent], askedAbout asked: Analysis) -> Intent? {
        guard readings.count == 2, reply.terms.count <= 5 else { return nil }
        let lexicon = advisor.language.lexicon
        if reply.terms.contains(where: { lexicon.firstChoice.contains($0) }) { return readings[0] }
        if reply.terms.contains(where: { lexicon.secondChoice.contains($0) }) { return readings[1] }
        // Otherwise the reply must itself read as one of the two ("the salary"); a reply
        // that reads as something else ("hello"), or names something the line asked about did
        // not ("forget that I know Django" after "I'm not interested in Java"), is a new line,
        // answered as itself.
        guard let own = reply.scores.first?.intent, readings.contains(own) else { return nil }
        let askedValues = asked.values
        guard reply.values.allSatisfy({ askedValues.contains($0) }) else { return nil }
        return own
    }

    /// Starts from a profile remembered from an earlier session (the REPL's profile file).
    public mutating func restore(_ remembered: Profile) {
        profile = remembered
    }

    /// Forgets the context and the profile: a fresh session.
    public mutating func reset() {
        context = ConversationContext()
        profile = Profile()
        last = nil
    }

    /// Files what a `profile.update` line told and returns those facts alone, for the reply.
    private mutating func updateProfile(_ understanding: Understanding) -> Profile {
        let analysis = understanding.analysis
        let negated = analysis.terms.contains { advisor.language.lexicon.negations.contains($0) }
        var change = Profile()
        _ = change.update(
            tools: understanding.entities[.tool] ?? [], steps: understanding.entities[.step] ?? [],
            level: understanding.entities[.level]?.first, target: analysis.named(.role).first, negated: negated)
        _ = profile.update(
            tools: understanding.entities[.tool] ?? [], steps: understanding.entities[.step] ?? [],
            level: understanding.entities[.level]?.first, target: analysis.named(.role).first, negated: negated)
        return change
    }

    private mutating func command(_ line: String) -> Reply {
        let words = line.dropFirst().split(separator: " ", omittingEmptySubsequences: true)
        let name = words.first.map { String($0).lowercased() } ?? ""
        switch name {
        case "reset":
            reset()
            return .command(name: "reset", text: advisor.templates.fill("reset_done"))
        case "help":
            return .command(name: "help", text: advisor.templates.fill("help_command"))
        case "why":
            // The encoder's reading is shown beside the lexical one, even where the stage did not need it.
            var shown = last
            if let meaning = advisor.meaning, let text = shown?.analysis.text, shown?.meaning == nil {
                shown?.meaning = meaning.read(advisor.language.readPart(of: text))
            }
            return .command(name: "why", text: WhyReport.render(shown, examples: advisor.meaning))
        case "history":
            let count = words.count == 2 ? Int(words[1]) : nil
            guard words.count == 1 || (count ?? 0) > 0 else {
                return .error("':history' takes a number of entries, like ':history 20'.")
            }
            return .command(name: "history", text: HistoryListing.render(history, last: count, empty: advisor.templates.fill("history_empty")))
        case "profile":
            return .command(name: "profile", text: ProfileText(kb: advisor.knowledge, t: advisor.templates).show(profile))
        case "forget":
            // The front end that keeps a profile file deletes it on this reply.
            profile = Profile()
            return .command(name: "forget", text: advisor.templates.fill("profile_forgotten"))
        case "quit", "exit":
            return .command(name: "quit", text: advisor.templates.fill("goodbye"))
        case "save", "save!":
            // A front end that keeps a transcript handles `:save` before the session sees it.
            return .error("':save' works in the interactive session and with piped input, not here.")
        default:
            let suggestion = Self.commandNames.min { Self.distance(name, $0) < Self.distance(name, $1) }
            let hint = suggestion.map { Self.distance(name, $0) <= 2 ? " Did you mean ':\($0)'?" : "" } ?? ""
            return .error("Unknown command ':\(name)'.\(hint) Type :help for the commands.")
        }
    }

    static func distance(_ a: String, _ b: String) -> Int {
        SpellingCorrector.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 99) ?? 99
    }
}
