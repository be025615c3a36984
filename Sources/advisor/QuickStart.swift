import ArgumentParser

/// The entry point. The everyday invocations (`advisor ask QUESTION…` and `advisor` with its
/// flags) are read here by hand; everything else goes to ArgumentParser.
///
/// ArgumentParser finds a command's options by reflection, which costs more than the rest of
/// a one-shot answer together: about 17 of 26 million instructions of `advisor ask hi`
/// (callgrind), some 4 ms. Only plain forms are read here: each option at most once, values
/// as the next argument, no `--`, `=`, `-h` or anything else that starts with a dash. Any
/// other form is ArgumentParser's, so help, errors and exit codes are exactly its own.
@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let run = QuickStart.command(arguments) {
            do {
                try run()
            } catch {
                (arguments.first == "ask" ? AskCommand.exit(withError: error) : AdvisorCommand.exit(withError: error))
            }
            return
        }
        arguments.first == "ask" ? AskCommand.main(arguments) : AdvisorCommand.main()
    }
}

/// `advisor ask …` in the forms QuickStart leaves to ArgumentParser (`--data=DIR`, `--`, a
/// repeated option…), parsed under a root with no options of its own. Under `AdvisorCommand`,
/// whose own `--json` takes the flag wherever it stands, `ask … --json` printed text.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "advisor", subcommands: [Ask.self])
}

enum QuickStart {
    /// What to run for `arguments`, or nil when ArgumentParser must read them.
    static func command(_ arguments: [String]) -> (() throws -> Void)? {
        if arguments.first == "ask" {
            guard let parsed = parse(arguments.dropFirst(), flags: ["--json"], options: ["--data"], positionals: true),
                  !parsed.positionals.isEmpty,
                  // Ask.validate's check (nothing but CharacterSet.whitespaces: tabs and the
                  // Zs spaces), without Foundation; ArgumentParser reports the empty question.
                  !parsed.positionals.joined().unicodeScalars.allSatisfy({ $0 == "\t" || $0.properties.generalCategory == .spaceSeparator })
            else { return nil }
            return { try Ask.run(question: parsed.positionals, json: parsed.flags.contains("--json"), data: parsed.options["--data"]) }
        }
        guard let parsed = parse(arguments[...], flags: ["--json", "--no-color"], options: ["--data", "--transcripts", "--record"],
                                 positionals: false) else { return nil }
        return {
            try AdvisorCommand.run(json: parsed.flags.contains("--json"), noColor: parsed.flags.contains("--no-color"),
                                   transcripts: parsed.options["--transcripts"], record: parsed.options["--record"],
                                   data: parsed.options["--data"])
        }
    }

    /// The flags, options and positional words of `arguments`, or nil when they hold anything
    /// else (an unknown or repeated option, a value that starts with a dash, `--x=y`, `--`).
    static func parse(_ arguments: ArraySlice<String>, flags known: Set<String>, options: Set<String>, positionals allowed: Bool)
        -> (flags: Set<String>, options: [String: String], positionals: [String])? {
        var flags = Set<String>()
        var values: [String: String] = [:]
        var positionals: [String] = []
        var rest = arguments
        while let argument = rest.popFirst() {
            if known.contains(argument) {
                guard flags.insert(argument).inserted else { return nil }
            } else if options.contains(argument) {
                guard values[argument] == nil, let value = rest.popFirst(), !value.hasPrefix("-") else { return nil }
                values[argument] = value
            } else if argument.hasPrefix("-") || !allowed {
                return nil
            } else {
                positionals.append(argument)
            }
        }
        return (flags, values, positionals)
    }
}
