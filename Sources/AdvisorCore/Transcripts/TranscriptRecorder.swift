/// Builds a transcript from a real conversation, turn by turn, as a front end answers it.
///
/// The REPL feeds it each line it handed to its `Session` with the reply it got, and writes
/// `transcript.render()` on `:save`. Lines the front end handles itself (`:save`) or skips
/// (a person's blank line) are not part of the conversation and are not fed; `:history` is
/// fed but left out (see `unrecordedCommands`). Nothing time-dependent is written, so
/// recording the same lines twice gives the same file.
public struct TranscriptRecorder: Sendable {
    /// The first line of every recorded file, so a reader knows what the file is.
    public static let header = "# advisor transcript"

    public private(set) var transcript: Transcript

    /// - Parameter comments: lines saying what the conversation shows, written under the
    ///   header (each gets a leading `# ` unless it already starts with `#`).
    public init(comments: [String] = []) {
        transcript = Transcript(entries: ([Self.header] + comments).flatMap(Self.commentLines).map { .comment($0) })
    }

    /// Commands whose reply depends on the front end rather than on the conversation:
    /// `:history` lists the REPL's history file, which a replay in a fresh session cannot
    /// have, so a recorded `:history` would fail every replay. They are left out.
    public static let unrecordedCommands: Set<String> = ["history"]

    /// Adds one turn: the line as typed and the session's reply to it.
    public mutating func record(_ line: String, _ reply: Session.Reply) {
        if case .command(let name, _) = reply, Self.unrecordedCommands.contains(name) { return }
        transcript.entries.append(.turn(Self.turn(line, reply)))
    }

    /// Adds a comment between turns.
    public mutating func comment(_ text: String) {
        transcript.entries += Self.commentLines(text).map { .comment($0) }
    }

    /// The turn a reply makes: questions keep their reading, commands and refused commands
    /// only their text.
    public static func turn(_ line: String, _ reply: Session.Reply) -> Transcript.Turn {
        switch reply {
        case .answer(let understanding, let text):
            return Transcript.Turn(user: line, reading: Transcript.Reading(understanding), answer: text)
        case .command(_, let text):
            return Transcript.Turn(user: line, reading: nil, answer: text)
        case .error(let message):
            return Transcript.Turn(user: line, reading: nil, answer: message)
        }
    }

    /// Answers `lines` in a fresh session of `advisor` and records every turn.
    public static func record(_ lines: [String], advisor: Advisor, comments: [String] = []) -> Transcript {
        var recorder = TranscriptRecorder(comments: comments)
        var session = advisor.session()
        for line in lines { recorder.record(line, session.respond(to: line)) }
        return recorder.transcript
    }

    /// The same conversation answered afresh: every comment and user line kept where it is,
    /// every reading and answer replaced by what `advisor` says now. A turn without a `=`
    /// line gets one if it is a question. This is how the corpus is re-recorded after the
    /// data changes, and how a file of bare `>` lines becomes a transcript.
    public static func rerecord(_ transcript: Transcript, advisor: Advisor) -> Transcript {
        var session = advisor.session()
        var result = transcript
        for (index, entry) in result.entries.enumerated() {
            guard case .turn(let old) = entry else { continue }
            var turn = turn(old.user, session.respond(to: old.user))
            turn.lines = old.lines
            result.entries[index] = .turn(turn)
        }
        return result
    }

    /// A text as comment lines: one per line of it, so a line feed cannot end the comment.
    private static func commentLines(_ text: String) -> [String] {
        Transcript.answerLines(text).map { $0.hasPrefix("#") ? $0 : ($0.isEmpty ? "#" : "# " + $0) }
    }
}
