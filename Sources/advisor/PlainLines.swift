import AdvisorCore

/// Standard input that is not a terminal (a pipe, a file, `--json`): one answer per line, no
/// prompt, no escape codes, no history, and exit status 0 at the end of input.
struct PlainLines {
    var session: Session
    /// `--json`: one JSON object per input line, as the contract describes.
    let json: Bool
    var saving: TranscriptSaving

    mutating func run() {
        let lines = ReadAhead(advisor: session.advisor)
        while let next = lines.nextLine() {
            let input = next.text
            // Everything sees the line without escape sequences and control characters, the
            // `input` that `--json` echoes too: the line as the advisor read it.
            let line = InputSanitizer.clean(input)
            // The contract gives every JSON input line an answer; a person's blank line gets none.
            if !json && line.allSatisfy(\.isWhitespace) { continue }
            if TranscriptSaving.isSave(line) {
                let saved = saving.save(line)
                Output.line(json ? (saved.ok ? "{\"command\": \"save\"}" : "{\"error\": \(JSONLine.quote(saved.message))}")
                                 : saved.message + "\n")
                continue
            }
            let reply = session.respond(to: line, readAhead: next.analysis)
            if let warning = saving.note(line, reply) { Output.error(warning) }
            if json {
                Output.line(bytes: JSONLine.bytes(reply, input: line))
                continue
            }
            switch reply {
            case .answer(_, let text), .command(_, let text): Output.line(text + "\n")
            case .error(let message): Output.line(message + "\n")
            }
            if case .command(name: "quit", _) = reply { return }
        }
    }
}
