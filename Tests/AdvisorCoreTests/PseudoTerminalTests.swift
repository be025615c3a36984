/// The REPL on a real pseudo-terminal: typing, history across sessions, Ctrl-R, Tab, Ctrl-C,
/// Ctrl-D, UTF-8 and two sessions sharing one history file. Assertions look at the advisor's
/// own output lines (answers, `:why`, listings), not at libedit's redraw bytes.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PseudoTerminalTests {
    static let question = "what does a DevOps engineer earn"
    static let salary = "₹6–10 LPA"
    static let prompt = "advisor> "

    @Test func aTypedQuestionIsAnswered() throws {
        try withHome { home in
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            try tty.expect("Type :help")
            try tty.type(Self.question + PseudoTerminal.Key.enter)
            try tty.expect(Self.salary)
            try tty.expect(Self.prompt)
            try tty.type(PseudoTerminal.Key.ctrlD)
            try tty.expect("Goodbye")
            #expect(try tty.waitForExit() == 0)
        }
    }

    /// The REPL keeps in memory only the lines its history keeps (`ADVISOR_HISTSIZE`), as in
    /// the file: `:history` after five lines with room for three lists the last three.
    @Test func historyInMemoryIsCappedLikeTheHistoryFile() throws {
        try withHome { home in
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home, extra: ["ADVISOR_HISTSIZE": "3"]))
            defer { tty.stop() }
            for line in ["hello", "what is Django", "thanks", "what is Flask"] {
                try tty.type(line + PseudoTerminal.Key.enter)
                try tty.expect(Self.prompt)
            }
            try tty.type(":history" + PseudoTerminal.Key.enter)
            try tty.expect("1  thanks\r\n2  what is Flask\r\n3  :history\r\n")
            try tty.type(PseudoTerminal.Key.ctrlD)
            #expect(try tty.waitForExit() == 0)
            #expect(LibeditHistoryText.decode(try String(contentsOfFile: home + "/history", encoding: .utf8)) == ["thanks", "what is Flask", ":history"])
        }
    }

    @Test func upRecallsALineFromAPreviousSession() throws {
        try withHome { home in
            try LibeditHistoryText.encode(["what is Django", Self.question]).write(toFile: home + "/history", atomically: true, encoding: .utf8)
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            try tty.type(PseudoTerminal.Key.up + PseudoTerminal.Key.enter)
            try tty.expect(Self.salary)
        }
    }

    @Test func ctrlRFindsAnOlderLine() throws {
        try withHome { home in
            try LibeditHistoryText.encode(["what is Django", Self.question, "hello"]).write(toFile: home + "/history", atomically: true, encoding: .utf8)
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            try tty.type(PseudoTerminal.Key.ctrlR + "Djan")
            try tty.type(PseudoTerminal.Key.enter)
            try tty.expect("(Sources:")
            try tty.expect(Self.prompt)
            try tty.type(":why" + PseudoTerminal.Key.enter)
            try tty.expect("You asked: what is Django\r\n")
        }
    }

    @Test func tabCompletesAMultiWordRoleWhole() throws {
        try withHome { home in
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            try tty.type("what does a dev" + PseudoTerminal.Key.tab)
            try tty.type("do" + PseudoTerminal.Key.enter)
            try tty.expect("DevOps Engineer:")
            try tty.expect(Self.prompt)
            try tty.type(":why" + PseudoTerminal.Key.enter)
            try tty.expect("You asked: what does a DevOps Engineer do\r\n")
        }
    }

    @Test func tabListsTheCandidatesForAnAmbiguousPrefix() throws {
        try withHome { home in
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            try tty.type("what does a s" + PseudoTerminal.Key.tab)
            let listing = try tty.expect("System Analyst")
            #expect(listing.contains("Senior Back-End Developer  Software Architect"), "listing: \(listing)")
            try tty.type("oft" + PseudoTerminal.Key.tab + "do" + PseudoTerminal.Key.enter)
            try tty.expect("Software Architect:")
        }
    }

    @Test func aResizedTerminalListsCandidatesForItsNewWidth() throws {
        try withHome { home in
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            try tty.expect(Self.prompt)
            tty.resize(columns: 40, rows: 24)
            try tty.type("what does a " + PseudoTerminal.Key.tab)
            // At 100 columns three roles share a line; at 40 each has its own.
            try tty.expect("\r\nAPI Developer\r\nBack-End Developer\r\n")
        }
    }

    /// A long answer is broken between words at the terminal's width, also after a resize.
    @Test func answersAreBrokenBetweenWordsAtTheTerminalsWidth() throws {
        try withHome { home in
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            try tty.expect(Self.prompt)
            tty.resize(columns: 40, rows: 24)
            try tty.type(Self.question + PseudoTerminal.Key.enter)
            try tty.expect("A DevOps Engineer earns ₹6–10 LPA on\r\naverage in India.\r\n(LPA = lakh rupees per annum. Source:\r\n")
        }
    }

    @Test func editrcRebindsKeys() throws {
        try withHome { home in
            try "bind ^O advisor-complete\n".write(toFile: home + "/.editrc", atomically: true, encoding: .utf8)
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            try tty.type("what does a dev" + "\u{0F}")
            try tty.type("do" + PseudoTerminal.Key.enter)
            try tty.expect("DevOps Engineer:")
        }
    }

    @Test func ctrlCDiscardsAPartialLineAndCtrlDExitsWithStatusZero() throws {
        try withHome { home in
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            try tty.type(Self.question)
            try tty.type(PseudoTerminal.Key.ctrlC)
            try tty.expect("^C")
            try tty.expect(Self.prompt)
            // Ctrl-D exits only on an empty line, so this also shows the line was discarded.
            try tty.type(PseudoTerminal.Key.ctrlD)
            let rest = try tty.expect("Goodbye")
            #expect(try tty.waitForExit() == 0)
            #expect(!rest.contains(Self.salary), "the discarded question was answered: \(rest)")
            #expect(!FileManager.default.fileExists(atPath: home + "/history"), "a discarded line was saved")
        }
    }

    @Test(arguments: ["C.UTF-8", nil] as [String?])
    func cafeAndRupeeRoundTrip(lang: String?) throws {
        try withHome { home in
            let line = "café ₹ नमस्ते"
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home, extra: ["LANG": lang]))
            defer { tty.stop() }
            try tty.type(line + PseudoTerminal.Key.enter)
            try tty.expect("\r\n" + Self.prompt)
            try tty.type(":why" + PseudoTerminal.Key.enter)
            try tty.expect("You asked: \(line)\r\n")
            let saved = try String(contentsOfFile: home + "/history", encoding: .utf8)
            #expect(LibeditHistoryText.decode(saved).first == line)
        }
    }

    @Test func aPastedTenThousandCharacterLineIsRead() throws {
        try withHome { home in
            // The question first (the matcher reads only a long line's opening), then spaces up
            // to a final "?", so the line cannot arrive whole unless all 10,000 characters do.
            let line = Self.question + String(repeating: " ", count: 10_000 - Self.question.count - 1) + "?"
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            try tty.type(line + PseudoTerminal.Key.enter)
            try tty.expect(Self.salary)
            let saved = try String(contentsOfFile: home + "/history", encoding: .utf8)
            #expect(LibeditHistoryText.decode(saved) == [line])
        }
    }

    @Test func twoConcurrentSessionsKeepTheLinesOfBothInAPrivateFile() throws {
        try withHome { home in
            let environment = PseudoTerminal.environment(home: home)
            let first = try PseudoTerminal(environment: environment)
            defer { first.stop() }
            let second = try PseudoTerminal(environment: environment)
            defer { second.stop() }
            let turns: [(PseudoTerminal, String, String)] = [
                (first, "what is Django", "(Sources:"), (second, Self.question, Self.salary),
                (first, "hello", "Hello!"), (second, "what is Flask", "(Sources:"),
            ]
            for (tty, line, answer) in turns {
                try tty.type(line + PseudoTerminal.Key.enter)
                try tty.expect(answer)
                try tty.expect(Self.prompt)
            }
            for tty in [first, second] {
                try tty.type(PseudoTerminal.Key.ctrlD)
                #expect(try tty.waitForExit() == 0)
            }
            let path = home + "/history"
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let saved = LibeditHistoryText.decode(try String(contentsOfFile: path, encoding: .utf8))
            #expect(saved == turns.map(\.1))
        }
    }

    @Test func aForeignHistoryFileIsLeftAloneWithOneWarning() throws {
        try withHome { home in
            let path = home + "/history"
            try "my notes\n".write(toFile: path, atomically: true, encoding: .utf8)
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            try tty.expect("is not an advisor history file")
            try tty.type(Self.question + PseudoTerminal.Key.enter)
            try tty.expect(Self.salary)
            try tty.expect(Self.prompt)
            try tty.type("hello" + PseudoTerminal.Key.enter)
            let rest = try tty.expect("Hello!")
            #expect(!rest.contains("history"), "warned again: \(rest)")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "my notes\n")
        }
    }

    @Test func withoutHomeItWarnsAndStillAnswers() throws {
        try withHome { home in
            let environment = PseudoTerminal.environment(home: home, extra: ["HOME": nil, "ADVISOR_HISTORY": nil])
            let tty = try PseudoTerminal(environment: environment)
            defer { tty.stop() }
            try tty.expect("HOME is not set")
            try tty.type(Self.question + PseudoTerminal.Key.enter)
            try tty.expect(Self.salary)
        }
    }

    @Test(arguments: [(["NO_COLOR": nil], [], true), (["NO_COLOR": "1"], [], false), (["NO_COLOR": nil], ["--no-color"], false)]
          as [([String: String?], [String], Bool)])
    func coloursOnlyWhenAllowed(environment extra: [String: String?], arguments: [String], coloured: Bool) throws {
        try withHome { home in
            let tty = try PseudoTerminal(arguments: arguments, environment: PseudoTerminal.environment(home: home, extra: extra))
            defer { tty.stop() }
            try tty.type(":nonsense" + PseudoTerminal.Key.enter)
            let output = try tty.expect("Unknown command")
            #expect(output.contains("\u{1B}[1;36m") == coloured, "prompt: \(output.debugDescription)")
        }
    }

    /// Runs `body` with a fresh temporary folder as HOME, removed afterwards.
    private func withHome(_ body: (String) throws -> Void) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-tty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try body(home)
    }
}
