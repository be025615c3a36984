import AdvisorCore
import ArgumentParser
import Foundation

/// The `advisor` executable: parses arguments and hands lines to a `Session`.
/// Everything it answers comes from `AdvisorCore`; this file only wires input and output.
@main
struct AdvisorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advisor",
        abstract: "An offline advisor for back-end development careers.",
        discussion: """
            With no subcommand, reads questions from standard input and answers each one. \
            Lines starting with ':' are commands (:help, :reset, :quit).
            """,
        version: AdvisorVersion.current,
        subcommands: [Ask.self])

    @Flag(name: .long, help: "Batch mode: one JSON object per input line, as the contract describes.")
    var json = false

    @OptionGroup var data: DataOptions

    func run() throws {
        let advisor = try data.load()
        var session = advisor.session()
        while let line = readLine(strippingNewline: true) {
            // The contract gives every JSON input line an answer; a person's blank line gets none.
            if !json && line.allSatisfy(\.isWhitespace) { continue }
            let reply = session.respond(to: line)
            if json {
                Output.line(JSONLine.render(reply, input: line))
            } else {
                switch reply {
                case .answer(_, let text), .command(_, let text): Output.line(text + "\n")
                case .error(let message): Output.line(message + "\n")
                }
                if case .command(name: "quit", _) = reply { return }
            }
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
        var session = try data.load().session()
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
    @Option(name: .long, help: ArgumentHelp("A folder with Intents/ and Sources/Knowledge/ to load instead of the built-in data.", valueName: "dir"))
    var data: String?

    /// Loads the advisor; a data error is printed as `file:line: what` and exits 65 (EX_DATAERR).
    func load() throws -> Advisor {
        let root = data.map { DataRoot(path: $0) } ?? .builtIn
        do {
            return try Advisor.load(from: root)
        } catch let error as DataError {
            Output.error("advisor: \(error)")
            throw ExitCode(65)
        }
    }
}

/// Writes whole lines and flushes at once, so a reader of a pipe sees each answer as it is made.
enum Output {
    static func line(_ text: String) {
        print(text)
        fflush(nil)
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
