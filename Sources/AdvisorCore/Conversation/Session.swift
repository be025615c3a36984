/// One conversation: reads lines, keeps the context and the profile, and answers. Every
/// front end (REPL, `ask`, `--json`, replay) drives a `Session`, so they answer alike.
public struct Session: Sendable {
    public let advisor: Advisor
    public private(set) var context = ConversationContext()
    public private(set) var profile = Profile()
    /// The last question's reading, for `:why`.
    public private(set) var last: Understanding?

    init(advisor: Advisor) {
        self.advisor = advisor
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
    public mutating func respond(to line: String) -> Reply {
        let trimmed = line.trimmingSpaces()
        if trimmed.hasPrefix(":") { return command(trimmed) }
        let resolver = Resolver(language: advisor.language)
        var understanding = resolver.resolve(advisor.language.analyze(line), context: context)
        if understanding.intent == .profileUpdate { understanding = updateProfile(understanding) }
        let composer = Composer(kb: advisor.knowledge, t: advisor.templates, shapes: advisor.language.shapes)
        let answer = composer.answer(understanding, profile: profile)
        context.remember(understanding, named: answer.named)
        last = understanding
        return .answer(understanding, text: answer.text)
    }

    /// Forgets the context and the profile: a fresh session.
    public mutating func reset() {
        context = ConversationContext()
        profile = Profile()
        last = nil
    }

    private mutating func updateProfile(_ understanding: Understanding) -> Understanding {
        let analysis = understanding.analysis
        let negated = analysis.terms.contains("not") || analysis.terms.contains("never")
        _ = profile.update(
            tools: understanding.entities[.tool] ?? [], steps: understanding.entities[.step] ?? [],
            level: understanding.entities[.level]?.first, target: analysis.named(.role).first, negated: negated)
        return understanding
    }

    private mutating func command(_ line: String) -> Reply {
        let words = line.dropFirst().split(separator: " ", omittingEmptySubsequences: true)
        let name = words.first.map { String($0).lowercased() } ?? ""
        switch name {
        case "reset":
            reset()
            return .command(name: "reset", text: advisor.templates.fill("reset_done"))
        case "help":
            return .command(name: "help", text: advisor.templates.fill("help"))
        case "why":
            return .command(name: "why", text: WhyReport.render(last))
        case "quit", "exit":
            return .command(name: "quit", text: advisor.templates.fill("goodbye"))
        default:
            let known = ["help", "reset", "why", "quit", "exit"]
            let suggestion = known.min { Self.distance(name, $0) < Self.distance(name, $1) }
            let hint = suggestion.map { Self.distance(name, $0) <= 2 ? " Did you mean ':\($0)'?" : "" } ?? ""
            return .error("Unknown command ':\(name)'.\(hint) Type :help for the commands.")
        }
    }

    static func distance(_ a: String, _ b: String) -> Int {
        SpellingCorrector.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 99) ?? 99
    }
}
