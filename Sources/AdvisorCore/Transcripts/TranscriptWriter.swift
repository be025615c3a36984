extension Transcript {
    /// The file's text in the documented format, ending with one newline.
    ///
    /// Byte-stable: the same transcript always gives the same bytes, and reading them back
    /// gives the same transcript. A blank line follows every turn and the header; comments
    /// between turns sit right above the turn they introduce.
    public func render() -> String {
        var lines: [String] = []
        var seenTurn = false
        for (index, entry) in entries.enumerated() {
            switch entry {
            case .comment(let text):
                lines.append(text)
            case .turn(let turn):
                lines += Self.lines(of: turn)
                seenTurn = true
            }
            // A blank line ends each turn, and ends the header before the first turn.
            let next = entries.indices.contains(index + 1) ? entries[index + 1] : nil
            if case .turn = entry, next != nil {
                lines.append("")
            } else if case .comment = entry, !seenTurn, case .turn = next {
                lines.append("")
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// A turn's lines: `> user`, the `=` line if any, then the answer with escapes.
    static func lines(of turn: Turn) -> [String] {
        var lines = [turn.user.isEmpty ? ">" : "> " + turn.user]
        if let reading = turn.reading { lines.append("= \(reading)") }
        lines += answerLines(turn.answer).map(escaped)
        return lines
    }

    /// The answer split at line feeds; an empty answer has no lines.
    static func answerLines(_ answer: String) -> [String] {
        guard !answer.isEmpty else { return [] }
        return answer.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    }

    /// The characters that would make an answer line read as something else.
    static let markers: Set<Unicode.Scalar> = [">", "#", "=", "\\"]

    static func escaped(_ line: String) -> String {
        guard let first = line.unicodeScalars.first, markers.contains(first) else { return line }
        return "\\" + line
    }
}
