/// A saved conversation: what the user typed, how the advisor read it and what it answered,
/// kept as plain UTF-8 text so that a change to an answer shows up in a review as a diff.
///
/// # The format
///
/// ```text
/// # advisor transcript
/// # Salary questions, then a follow-up that names only the role.
///
/// > how much does a devops engineer make?
/// = role.salary role=devops-engineer
/// A DevOps Engineer earns ₹6–10 LPA on average in India.
/// (LPA = lakh rupees per annum. ...)
///
/// > and a cloud engineer?
/// = role.salary role=cloud-engineer
/// A Cloud Engineer earns ₹6–10 LPA on average in India.
///
/// > :reset
/// Starting afresh: I have forgotten this conversation and what you told me about yourself.
/// ```
///
/// - **Comments.** A line starting with `#` is a comment. Comments before the first turn
///   are the header (the recorder writes `# advisor transcript`); comments between turns
///   are allowed too. Both are kept as they are, never compared.
/// - **Turns.** A turn starts with a line `> ` followed by the user's line exactly as it was
///   typed (`>` alone is an empty line). A line starting with `:` is a command (`:reset`).
/// - **The reading.** A question's `>` line may be followed by one line
///   `= INTENT type=id,id type=id`: the contract's intent and entity IDs, types in the
///   order of `EntityType.allCases`, IDs in the order the advisor reported them. Replay
///   compares it with the new reading; a turn without one compares only the answer.
///   Commands have no `=` line. The confidence is not written: it moves with every change to
///   the examples, and a diff should show changes of meaning.
/// - **The answer.** Every following line is the answer, exactly as the advisor printed it,
///   up to the next line starting with `>` or `#`. Blank lines inside an answer are part of
///   it; blank lines at its end are not (they separate turns).
/// - **Escapes.** An answer line that starts with `>`, `#`, `=` or `\` is written with one
///   more `\` in front; the reader drops the leading `\` of every answer line that starts
///   with one, so `\> quoted` is the answer line `> quoted` and `\\n` is `\n`.
/// - **Lines** end in LF; a carriage return at the end of a line is refused, so a file saved
///   with Windows line endings is reported rather than failing every turn.
///
/// `render()` writes a transcript in exactly this shape (one blank line after each turn, one
/// after the header), so `Transcript.parse(t.render(), file:) == t` and recording the same
/// conversation twice gives the same bytes: no timestamps, no confidences.
public struct Transcript: Equatable, Sendable {
    /// Comments and turns in file order.
    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    public enum Entry: Equatable, Sendable {
        /// One comment line, `#` included.
        case comment(String)
        case turn(Turn)
    }

    /// The turns alone, in order.
    public var turns: [Turn] {
        entries.compactMap { if case .turn(let turn) = $0 { return turn } else { return nil } }
    }

    /// One line the user typed and what came back.
    public struct Turn: Equatable, Sendable {
        /// The user's line, exactly as typed.
        public var user: String
        /// How the advisor read the line; nil for commands, and for questions whose reading
        /// is not pinned.
        public var reading: Reading?
        /// The answer's lines joined with `\n`, without trailing newlines.
        public var answer: String
        /// The 1-based lines of the file the turn was read from (`>` line to its last
        /// non-blank answer line); nil for a recorded turn. Where a turn stands is not part of
        /// what it says, so it does not count for equality.
        public internal(set) var lines: ClosedRange<Int>?

        public init(user: String, reading: Reading?, answer: String) {
            self.user = user
            self.reading = reading
            self.answer = Self.trimmed(answer)
        }

        /// The line of its `>` line in the file it was read from; 0 for a recorded turn.
        public var line: Int { lines?.lowerBound ?? 0 }

        /// A line starting with `:` (after spaces) is a command, as in every front end.
        public var isCommand: Bool { user.trimmingSpaces().hasPrefix(":") }

        public static func == (a: Turn, b: Turn) -> Bool {
            a.user == b.user && a.reading == b.reading && a.answer == b.answer
        }

        /// An answer without its trailing newlines: blank lines at the end of an answer
        /// cannot be told from the blank line that separates turns.
        static func trimmed(_ answer: String) -> String {
            var scalars = Substring(answer).unicodeScalars
            while scalars.last == "\n" { scalars.removeLast() }
            return String(scalars)
        }
    }

    /// What a line was understood as, in the contract's terms.
    public struct Reading: Equatable, Sendable, CustomStringConvertible {
        public var intent: Intent
        /// Entity IDs by type; types without IDs are left out.
        public var entities: [EntityType: [String]]

        public init(intent: Intent, entities: [EntityType: [String]] = [:]) {
            self.intent = intent
            self.entities = entities.filter { !$0.value.isEmpty }
        }

        public init(_ understanding: Understanding) {
            self.init(intent: understanding.intent, entities: understanding.entities)
        }

        /// `role.salary role=devops-engineer,cloud-engineer`: the `=` line without its `= `.
        public var description: String {
            let groups = EntityType.allCases.compactMap { type -> String? in
                guard let ids = entities[type], !ids.isEmpty else { return nil }
                return "\(type.rawValue)=\(ids.joined(separator: ","))"
            }
            return ([intent.rawValue] + groups).joined(separator: " ")
        }
    }
}
