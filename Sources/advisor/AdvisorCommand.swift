import AdvisorCore
import ArgumentParser
import Foundation

/// The `advisor` executable: parses arguments and hands lines to a `Session`.
/// Everything it answers comes from `AdvisorCore`; this file only wires input and output.
/// (`Main` in QuickStart.swift is the entry point: the everyday invocations skip parsing here.)
struct AdvisorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advisor",
        abstract: "An offline advisor for back-end development careers.",
        discussion: """
            With no subcommand on a terminal, starts an interactive session with line editing, \
            history (~/.advisor_history, or ADVISOR_HISTORY; ADVISOR_HISTSIZE entries) and Tab \
            completion. When input or output is not a terminal, reads questions from standard input \
            and answers each one; it keeps no transcript of them unless --record is given.

            Lines starting with ':' are commands: :help, :why (how the last line was read), \
            :history [N] (the last N lines typed), :profile (what you told it about yourself), \
            :forget (forget that), :reset (forget the conversation too), :save NAME (the \
            conversation as a transcript; :save! NAME replaces one), :quit or :exit.

            ':save NAME' writes NAME.transcript to --transcripts DIR, by default to Transcripts/ \
            when started in a checkout of the advisor, else to $XDG_DATA_HOME/advisor/transcripts \
            (~/.local/share/advisor/transcripts), where 'advisor replay' looks too.

            The advisor answers from the data installed with it (PREFIX/share/advisor, or the \
            checkout it was built in) unless --data names a copy. Its environment variables and \
            files are listed in advisor(1).
            """,
        version: AdvisorVersion.withUnderstanding,
        subcommands: [Ask.self, Replay.self, Check.self, Eval.self])

    @Flag(name: .long, help: "Batch mode: one JSON object per input line, as the contract describes.")
    var json = false

    @Flag(name: .customLong("no-color"), help: "No colours in the interactive session (NO_COLOR=1 does the same).")
    var noColor = false

    @Option(name: .long, help: ArgumentHelp("Where ':save NAME' writes transcripts (default: Transcripts/ in a checkout, else $XDG_DATA_HOME/advisor/transcripts).", valueName: "dir"),
            completion: .directory)
    var transcripts: String?

    @Option(name: .long, help: ArgumentHelp("Record the whole session as a transcript in this file, each turn added as it is answered.", valueName: "file"),
            completion: .file(extensions: ["transcript"]))
    var record: String?

    @OptionGroup var data: DataOptions

    func run() throws {
        try Self.run(json: json, noColor: noColor, transcripts: transcripts, record: record, data: data.data)
    }

    /// The session with these options: the REPL on a terminal, plain lines otherwise.
    static func run(json: Bool, noColor: Bool, transcripts: String?, record: String?, data: String?) throws {
        Output.ignoreBrokenPipe()
        let advisor = try DataOptions.load(data)
        let environment = ProcessInfo.processInfo.environment
        // A person at a terminal may ':save' what they typed (even where libedit is missing and
        // lines are read plainly); piped input keeps no turns but under --record.
        let interactive = !json && Terminal.isInteractive(environment: environment)
        let saving = TranscriptSaving(folder: transcripts ?? BuiltIn.transcripts, recordFile: record, keepsTurns: interactive)
        if interactive,
           var repl = REPL(advisor: advisor, colours: Terminal.usesColour(noColorFlag: noColor, environment: environment),
                           environment: environment, saving: saving) {
            repl.run()
        } else {
            var lines = PlainLines(session: advisor.session(), json: json, saving: saving)
            lines.run()
        }
    }
}

/// `advisor ask "QUESTION"`: one answer, then exit.
struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Answer one question and exit.")

    @Argument(help: "The question, in your own words.")
    var question: [String]

    @Flag(name: .long, help: "Print the answer as one JSON object.")
    var json = false

    @OptionGroup var data: DataOptions

    func validate() throws {
        if question.joined().trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("Give a question, for example: advisor ask \"what does a DevOps engineer earn\"")
        }
    }

    func run() throws {
        try Self.run(question: question, json: json, data: data.data)
    }

    /// Answers `question` (its words joined by spaces).
    static func run(question: [String], json: Bool, data: String?) throws {
        var session = try DataOptions.load(data).session()
        let text = question.joined(separator: " ")
        let reply = session.respond(to: text)
        switch reply {
        case .answer(_, let answer), .command(_, let answer):
            Output.line(json ? JSONLine.render(reply, input: text) : answer)
        case .error(let message):
            Output.error(message)
            throw ExitCode.validationFailure
        }
    }
}

/// `--data DIR`: answer from an edited copy of the data instead of the built-in one.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder with Intents/ and Sources/Knowledge/ to load instead of the built-in data.", valueName: "dir"),
            completion: .directory)
    var data: String?

    /// Loads the advisor; a data error is printed as `file:line: what` and exits 65 (EX_DATAERR).
    func load() throws -> Advisor { try Self.load(data) }

    static func load(_ data: String?) throws -> Advisor {
        do {
            let root = try BuiltIn.data(data)
            let model = BuiltIn.model
            if model.hasNoVectors {
                Output.error("advisor: reading the examples with the sentence encoder, once (about half a minute)...")
            }
            let advisor = try Advisor.load(from: root, model: model)
            // Said once, at start, on standard error: the answers still come, read lexically. Not
            // said when ADVISOR_MODEL= asks for the lexical matcher alone.
            if !advisor.meaningStatus.isOn, ProcessInfo.processInfo.environment["ADVISOR_MODEL"] != "" {
                Output.error("advisor: note: \(advisor.meaningStatus.description)")
            }
            return advisor
        } catch let error as DataError {
            Output.error("advisor: \(error)")
            throw ExitCode(65)
        } catch let missing as BuiltIn.Missing {
            Output.error("advisor: \(missing)")
            throw ExitCode(66)  // EX_NOINPUT
        }
    }
}
