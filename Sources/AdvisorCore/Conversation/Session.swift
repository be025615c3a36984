/// One conversation: reads lines, keeps the context and the profile, and answers. Every
/// front end (REPL, `ask`, `--json`, replay) drives a `Session`, so they answer alike.
public struct Session: Sendable {
    public let advisor: Advisor
    public internal(set) var context = ConversationContext()
    public internal(set) var profile = Profile()
    /// The last question's reading, for `:why`.
    public internal(set) var last: Understanding?
    /// The lines the front end keeps in its history, oldest first, for `:history`. A front end
    /// without one (`--json`, piped input) leaves it empty.
    public var history: [String] = []

    /// The commands a line may start with (after `:`), for "did you mean" and tab completion.
    public static let commandNames = ["help", "why", "history", "profile", "forget", "reset", "save", "quit", "exit"]

    /// Made once per session: one made per line copied the knowledge base and the templates.
    let composer: Composer

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
    ///
    /// A line goes through the stages in order, each on the `Turn` so far: read (the whole
    /// line, a choice asked for, or the part of it that asks), settle (what the conversation
    /// makes of it), note what it tells, weigh its meaning, note a question the article leaves
    /// open, then answer and remember.
    mutating func respond(to line: String, readAhead: Analysis?, split: Bool) -> Reply {
        let line = InputSanitizer.clean(line)
        let trimmed = line.trimmingSpaces()
        if trimmed.hasPrefix(":") { return command(trimmed) }
        if split, let both = twoQuestions(line) { return both }
        if let question = questionAfterAcknowledgement(line) {
            return respond(to: question, readAhead: nil, split: split)
        }
        let resolver = Resolver(language: advisor.language)
        var turn = read(line, analysis: analyze(line, readAhead: readAhead, resolver), resolver)
        settle(&turn, resolver)
        noteTelling(&turn, resolver)
        weighMeaning(&turn, resolver)
        noteGap(&turn)
        return answer(turn)
    }

    /// What can be made of a line before the conversation reaches it (nil for a command), for
    /// `respond(to:readAhead:)`. It needs no session state, so any thread may call it.
    public static func readAhead(_ line: String, advisor: Advisor) -> Analysis? {
        let line = InputSanitizer.clean(line)
        return line.trimmingSpaces().hasPrefix(":") ? nil : advisor.language.analyze(line)
    }

    /// Which of two offered readings a short reply picks: "the first", "2", or words that
    /// fit one reading better ("the salary"). Nil when the reply is a new question.
    func reading(chosenBy reply: Analysis, from readings: [Intent], askedAbout asked: Analysis) -> Intent? {
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
    mutating func updateProfile(_ understanding: Understanding) -> Profile {
        let analysis = understanding.analysis
        let negated = analysis.terms.contains { advisor.language.lexicon.negations.contains($0) }
        // A role the person says they hold ("I work as a DBA") is no target: it says they work.
        let held = Resolver(language: advisor.language).background(in: analysis, of: .role)
        let target = analysis.mentions.first { $0.value(of: .role) != nil && !held.contains($0) }?.value(of: .role)?.id
        let level = understanding.entities[.level]?.first ?? (held.isEmpty ? nil : Resolver.workingLevel)
        var change = Profile()
        _ = change.update(
            tools: understanding.entities[.tool] ?? [], steps: understanding.entities[.step] ?? [],
            level: level, target: target, negated: negated)
        _ = profile.update(
            tools: understanding.entities[.tool] ?? [], steps: understanding.entities[.step] ?? [],
            level: level, target: target, negated: negated)
        // "He already knows Python": the profile is of the person the user speaks for.
        if let whose = advisor.language.lexicon.spokenFor(in: analysis.words) {
            change.whose = whose
            profile.whose = whose
        }
        return change
    }

    mutating func command(_ line: String) -> Reply {
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
                shown?.meaning = meaning.read(advisor.language.encoderText(of: text))
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
