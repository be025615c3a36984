extension Transcript {
    /// Reads a transcript in the documented format.
    /// - Parameter file: the name errors give, as a person would open it (`Transcripts/x.transcript`).
    /// - Throws: `DataError` at the first malformed line, `file:line: what`, or `file: what`
    ///   when the file holds no turn at all.
    public static func parse(_ text: String, file: String) throws -> Transcript {
        var parser = TranscriptParser(file: file)
        for (index, line) in sourceLines(text).enumerated() {
            try parser.read(line, at: index + 1)
        }
        return try parser.finish()
    }

    /// The lines of a file's text, split at line feeds only (a `\r\n` is one `Character` in
    /// Swift, so the split is done on scalars); a final newline does not start a line.
    static func sourceLines(_ text: String) -> [String] {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// The line-by-line reader behind `Transcript.parse`: where it is (before the first turn,
/// in a turn, after a comment) decides what each line may be.
struct TranscriptParser {
    let file: String
    private var transcript = Transcript()
    private var state = State.header
    /// The turn being read, and the answer lines seen so far (blank ones included).
    private var turn: Transcript.Turn?
    private var answer: [String] = []
    private var lastAnswerLine = 0

    private enum State {
        case header, afterUser, answer, betweenTurns
    }

    init(file: String) {
        self.file = file
    }

    mutating func read(_ line: String, at number: Int) throws {
        if line.unicodeScalars.last == "\r" {
            throw error(number, "the line ends with a carriage return: save the transcript with Unix (LF) line endings")
        }
        let first = line.unicodeScalars.first
        switch first {
        case ">":
            closeTurn()
            var user = Substring(line).unicodeScalars.dropFirst()
            if user.first == " " { user = user.dropFirst() }
            var turn = Transcript.Turn(user: String(user), reading: nil, answer: "")
            turn.lines = number...number
            self.turn = turn
            state = .afterUser
        case "#":
            closeTurn()
            transcript.entries.append(.comment(line))
            if state != .header { state = .betweenTurns }
        case "=":
            guard state == .afterUser, var current = turn else {
                throw error(number, "a '=' line (the reading) must come right after the '> ' line of its turn; write '\\=' for answer text that starts with '='")
            }
            if current.isCommand {
                throw error(number, "'\(current.user)' is a command, and commands have no '=' line")
            }
            current.reading = try reading(String(Substring(line).unicodeScalars.dropFirst()), at: number)
            current.lines = current.line...number
            turn = current
            state = .answer
        default:
            switch state {
            case .header:
                if line.isEmpty { return }
                throw error(number, "text before the first turn: start a turn with '> ' and the user's line, or a comment with '#'")
            case .betweenTurns:
                if line.isEmpty { return }
                throw error(number, "text outside a turn: an answer ends at a '#' comment line; write '\\#' for answer text that starts with '#'")
            case .afterUser, .answer:
                state = .answer
                answer.append(first == "\\" ? String(Substring(line).unicodeScalars.dropFirst()) : line)
                if !line.isEmpty { lastAnswerLine = number }
            }
        }
    }

    mutating func finish() throws -> Transcript {
        closeTurn()
        guard !transcript.turns.isEmpty else {
            throw DataError(file: file, message: "no turns: a transcript needs at least one line starting with '> ' (the user's line)")
        }
        return transcript
    }

    /// Ends the turn being read: its answer loses its trailing blank lines.
    private mutating func closeTurn() {
        guard var current = turn else { return }
        while answer.last == "" { answer.removeLast() }
        current.answer = answer.joined(separator: "\n")
        if !answer.isEmpty { current.lines = current.line...lastAnswerLine }
        transcript.entries.append(.turn(current))
        turn = nil
        answer = []
        state = .betweenTurns
    }

    /// The text after `=`: an intent, then `type=id,id` groups.
    private func reading(_ text: String, at number: Int) throws -> Transcript.Reading {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let name = words.first else {
            throw error(number, "a '=' line needs an intent, like '= role.salary role=devops-engineer'")
        }
        guard let intent = Intent(rawValue: name) else {
            throw error(number, "unknown intent '\(name)'\(Self.suggestion(for: name, among: Intent.allCases.map(\.rawValue)))")
        }
        var entities: [EntityType: [String]] = [:]
        for group in words.dropFirst() {
            let parts = group.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw error(number, "expected 'type=id,id' after the intent, found '\(group)'")
            }
            guard let type = EntityType(rawValue: parts[0]) else {
                throw error(number, "unknown entity type '\(parts[0])' in '\(group)'\(Self.suggestion(for: parts[0], among: EntityType.allCases.map(\.rawValue)))")
            }
            guard entities[type] == nil else {
                throw error(number, "entity type '\(type.rawValue)' appears twice; list its IDs once, like '\(type.rawValue)=a,b'")
            }
            let ids = parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard !ids.contains("") else {
                throw error(number, "an empty entity ID in '\(group)'; separate IDs with one comma, like '\(type.rawValue)=a,b'")
            }
            entities[type] = ids
        }
        return Transcript.Reading(intent: intent, entities: entities)
    }

    /// "; did you mean 'x'?" for a near miss, else the whole list of known names.
    private static func suggestion(for name: String, among known: [String]) -> String {
        let nearest = known.min { Session.distance(name, $0) < Session.distance(name, $1) }
        if let nearest, Session.distance(name, nearest) <= 2 { return "; did you mean '\(nearest)'?" }
        return " (known: \(known.joined(separator: ", ")))"
    }

    private func error(_ line: Int, _ message: String) -> DataError {
        DataError(file: file, line: line, message: message)
    }
}
