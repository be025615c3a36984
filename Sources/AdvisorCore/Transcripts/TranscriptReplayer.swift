/// Replays transcripts in fresh sessions and says, for each turn whose answer or reading
/// changed, what changed: in meaning first (the reason), then in words (the diff).
public struct TranscriptReplayer: Sendable {
    public let advisor: Advisor

    public init(advisor: Advisor) {
        self.advisor = advisor
    }

    /// Answers every user line of `transcript` in one fresh session, in order, and compares.
    /// Every turn is answered even after a mismatch, so the context evolves as it did when
    /// the transcript was recorded and later turns are judged fairly.
    public func replay(_ transcript: Transcript) -> TranscriptResult {
        var session = advisor.session()
        var failures: [TurnFailure] = []
        for (index, expected) in transcript.turns.enumerated() {
            let reply = session.respond(to: expected.user)
            let actual = TranscriptRecorder.turn(expected.user, reply)
            if let failure = TurnFailure(index: index, expected: expected, actual: actual, reply: reply) {
                failures.append(failure)
            }
        }
        return TranscriptResult(turnCount: transcript.turns.count, failures: failures)
    }
}

/// What replaying one transcript gave.
public struct TranscriptResult: Sendable {
    public var turnCount: Int
    /// The turns that changed, in file order; empty when the transcript passed.
    public var failures: [TurnFailure]

    public var passed: Bool { failures.isEmpty }
}

/// One turn whose answer or reading is not the expected one.
public struct TurnFailure: Sendable {
    /// The turn's position among the transcript's turns (0-based).
    public var index: Int
    public var expected: Transcript.Turn
    /// What the advisor says now, in the same shape (its reading, its answer).
    public var actual: Transcript.Turn
    /// One line saying what changed in meaning (see `TurnFailure.reason`).
    public var reason: String
    /// The unified diff of the expected and actual answers; empty when only the reading changed.
    public var diff: String

    /// The turn's `>` line in its file; 0 for a transcript that was not read from a file.
    public var line: Int { expected.line }

    /// Nil when the turn passes: the same answer, and the same reading where one is pinned.
    init?(index: Int, expected: Transcript.Turn, actual: Transcript.Turn, reply: Session.Reply) {
        let readingMatches = expected.reading == nil || expected.reading == actual.reading
        guard !readingMatches || expected.answer != actual.answer else { return nil }
        self.index = index
        self.expected = expected
        self.actual = actual
        self.reason = Self.reason(expected: expected, actual: actual, reply: reply)
        self.diff = LineDiff.unified(expected: Transcript.answerLines(expected.answer),
                                     actual: Transcript.answerLines(actual.answer))
    }

    /// The change in meaning, most telling first: a new decline, another intent, other
    /// entities; failing all these the words alone changed.
    static func reason(expected: Transcript.Turn, actual: Transcript.Turn, reply: Session.Reply) -> String {
        if expected.isCommand {
            if case .error = reply { return "the command is now refused" }
            return "same command, different text"
        }
        guard let old = expected.reading, let new = actual.reading else {
            return "different text (the turn has no '=' line, so its reading is not compared)"
        }
        if new.intent == .outOfScope, old.intent != .outOfScope, case .answer(let understanding, _) = reply {
            return "fell below the threshold: now out_of_scope (\(understanding.reason))"
        }
        if old.intent != new.intent {
            return "intent changed \(old.intent.rawValue) → \(new.intent.rawValue)"
        }
        let changes = EntityType.allCases.compactMap { type -> String? in
            let before = old.entities[type] ?? [], after = new.entities[type] ?? []
            guard before != after else { return nil }
            let (was, now) = (before.joined(separator: ","), after.joined(separator: ","))
            if before.isEmpty { return "entity added: \(type.rawValue) \(now)" }
            if after.isEmpty { return "entity removed: \(type.rawValue) \(was)" }
            return "entity changed: \(type.rawValue) \(was) → \(now)"
        }
        if !changes.isEmpty { return changes.joined(separator: "; ") }
        return "same understanding, different text"
    }
}
