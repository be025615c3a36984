/// The meta-commands, answered by the `Session` alike in the REPL, piped input and `--json`.
import Testing
@testable import AdvisorCore

@Suite struct ReplCommandTests {
    func text(_ reply: Session.Reply) -> String {
        switch reply {
        case .answer(_, let text), .command(_, let text): return text
        case .error(let message): return message
        }
    }

    func name(_ reply: Session.Reply) -> String? {
        if case .command(let name, _) = reply { return name }
        return nil
    }

    @Test func helpSaysWhatToAskAndListsTheCommands() {
        var session = TestData.session()
        let reply = session.respond(to: ":help")
        #expect(name(reply) == "help")
        for part in ["what does a DevOps engineer earn?", ":help", ":why", ":history [N]", ":reset", ":quit", "Tab", "Ctrl-R"] {
            #expect(text(reply).contains(part), "missing \(part) in: \(text(reply))")
        }
    }

    @Test(arguments: [":quit", ":exit", ":QUIT", "  :exit  "])
    func quitAndExitSayGoodbye(line: String) {
        var session = TestData.session()
        let reply = session.respond(to: line)
        #expect(name(reply) == "quit")
        #expect(text(reply).hasPrefix("Goodbye"))
    }

    @Test func resetForgetsTheConversation() {
        var session = TestData.session()
        _ = session.respond(to: "what does a DevOps engineer earn")
        #expect(session.last != nil)
        #expect(name(session.respond(to: ":reset")) == "reset")
        #expect(session.last == nil)
        #expect(text(session.respond(to: ":why")) == "Nothing to explain yet: ask a question first.")
    }

    @Test func whyExplainsTheLastQuestion() {
        var session = TestData.session()
        _ = session.respond(to: "what does a DevOps engineer earn")
        let reply = session.respond(to: ":why")
        #expect(name(reply) == "why")
        #expect(text(reply).hasPrefix("You asked: what does a DevOps engineer earn\n"))
        #expect(text(reply).contains("Understood: role.salary"))
    }

    @Test func historyListsEveryEntryNumbered() {
        var session = TestData.session()
        session.history = (1...10).map { "line \($0)" }
        let reply = session.respond(to: ":history")
        #expect(name(reply) == "history")
        #expect(text(reply).hasPrefix(" 1  line 1\n 2  line 2\n"))
        #expect(text(reply).hasSuffix("\n10  line 10"))
    }

    @Test func historyWithANumberListsTheLastEntries() {
        var session = TestData.session()
        session.history = ["what is Django", "hello", ":history 2"]
        #expect(text(session.respond(to: ":history 2")) == "2  hello\n3  :history 2")
        #expect(text(session.respond(to: ":history 99")).hasPrefix("1  what is Django"))
    }

    @Test func historyBeforeAnythingWasTyped() {
        var session = TestData.session()
        #expect(text(session.respond(to: ":history")).hasPrefix("No history yet"))
    }

    @Test(arguments: [":history 0", ":history -1", ":history lots", ":history 1 2"])
    func historyRefusesAnythingButACount(line: String) {
        var session = TestData.session()
        #expect(text(session.respond(to: line)) == "':history' takes a number of entries, like ':history 20'.")
    }

    @Test func anUnknownCommandGetsADidYouMean() {
        var session = TestData.session()
        #expect(text(session.respond(to: ":histroy")) == "Unknown command ':histroy'. Did you mean ':history'? Type :help for the commands.")
        #expect(text(session.respond(to: ":hlep")) == "Unknown command ':hlep'. Did you mean ':help'? Type :help for the commands.")
        #expect(text(session.respond(to: ":nonsense")) == "Unknown command ':nonsense'. Type :help for the commands.")
    }

    @Test func jsonModeAnswersEachCommandByName() {
        var session = TestData.session()
        for (line, expected) in [(":help", "help"), (":why", "why"), (":history", "history"), (":history 3", "history"),
                                 (":reset", "reset"), (":exit", "quit")] {
            #expect(JSONLine.render(session.respond(to: line), input: line) == "{\"command\": \"\(expected)\"}")
        }
        #expect(JSONLine.render(session.respond(to: ":history x"), input: ":history x")
                == #"{"error": "':history' takes a number of entries, like ':history 20'."}"#)
    }

    @Test func commandNamesAreWhatCompletionOffers() {
        #expect(Session.commandNames.sorted() == ["exit", "forget", "help", "history", "profile", "quit", "reset", "save", "why"])
    }
}
