import AdvisorCore
import LineEditor

/// The interactive loop on a terminal: a banner, then prompt, answer, prompt, until `:quit` or
/// Ctrl-D. Editing, history and keys belong to `LineEditor`; answers to the `Session`.
struct REPL {
    private var session: Session
    private let editor: LineEditor
    private let palette: Palette
    private var saving: TranscriptSaving
    private var profiles: ProfileStore

    /// Nil when libedit cannot drive this terminal; the caller then reads plain lines.
    init?(advisor: Advisor, colours: Bool, environment: [String: String], saving: TranscriptSaving) {
        guard LineEditor.isAvailable else {
            Output.error("advisor: libedit (libedit.so.2) is not installed, so lines cannot be edited here; reading plain lines. "
                + "Install it with: sudo apt-get install -y libedit2")
            return nil
        }
        let settings = HistorySettings(environment: environment)
        settings.warnings.forEach { Output.error("advisor: " + $0) }
        let history = InputHistory(size: settings.size, file: settings.path.map(HistoryFile.init))
        do { try history.load() } catch { Output.error("advisor: \(error)") }
        if history.droppedEntries > 0, let file = history.file {
            Output.error("advisor: \(file.path) held \(history.droppedEntries) line(s) longer than \(history.longestEntry) characters; "
                + "they are left out of the history.")
        }

        let completer = Completer(advisor: advisor)
        let palette = Palette(enabled: colours)
        guard let editor = LineEditor(program: "advisor", prompt: palette.prompt("advisor>"), history: history,
                                      completer: { line, cursor, columns in
            let edit = CompletionEdit(completer.candidates(line: line, cursor: cursor), line: line, cursor: cursor)
            return .init(deleting: edit.deleting, inserting: edit.inserting,
                         listing: CandidateColumns.lines(edit.listing, width: columns))
        }) else { return nil }
        var session = advisor.session()
        var profiles = ProfileStore(environment: environment)
        let remembered = profiles.load(knowledge: advisor.knowledge)
        if let warning = remembered.warning { Output.error(warning) }
        session.restore(remembered.profile)
        self.session = session
        self.profiles = profiles
        self.editor = editor
        self.palette = palette
        self.saving = saving
    }

    mutating func run() {
        Signals.installForTerminal()
        Output.line(palette.banner("advisor \(AdvisorVersion.current), a career advisor for back-end development. Type :help for what you can ask."))
        while true {
            switch editor.read() {
            case .interrupted:
                continue
            case .endOfInput:
                // libedit has echoed ^D on the prompt's line; the goodbye goes on a line of its own.
                if case .command(_, let goodbye) = session.respond(to: ":quit") { Output.line("\n" + goodbye) }
                return
            case .line(let typed):
                if editor.droppedCharacters > 0 {
                    Output.error("advisor: that line was longer than \(editor.maxLineLength) characters, so the last \(editor.droppedCharacters) were left out.")
                }
                // Escape sequences and control characters go before the line is kept anywhere.
                let line = InputSanitizer.clean(typed)
                if line.allSatisfy(\.isWhitespace) { continue }
                record(line)
                if TranscriptSaving.isSave(line) {
                    let saved = saving.save(line)
                    Output.line((saved.ok ? saved.message : palette.error(saved.message)) + "\n")
                    continue
                }
                let reply = session.respond(to: line)
                UnansweredSink.note(line, reply, threshold: session.advisor.language.threshold)
                if let warning = saving.note(line, reply) { Output.error(warning) }
                if case .command(name: "forget", _) = reply {
                    if let warning = profiles.forget() { Output.error(warning) }
                } else if let warning = profiles.save(session.profile) {
                    Output.error(warning)
                }
                switch reply {
                // Broken between words at the terminal's width, not wherever the terminal would.
                case .answer(_, let text), .command(_, let text): Output.line(TextWrap.wrap(text, width: editor.columns) + "\n")
                case .error(let message): Output.line(palette.error(message) + "\n")
                }
                if case .command(name: "quit", _) = reply { return }
            }
        }
    }

    /// Saves the line before answering it, so nothing typed is lost if the answer never comes.
    private mutating func record(_ line: String) {
        do {
            try editor.history.record(line)
        } catch {
            Output.error("advisor: \(error)")
        }
        session.history = editor.history.entries
    }
}
