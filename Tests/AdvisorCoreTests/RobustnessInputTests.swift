/// Odd input through the library: every line gets a sensible reply in bounded time, and no
/// escape sequence or control character comes back out in an answer, a `:why`, a transcript
/// or a `:history` listing.
import Foundation
import Testing
@testable import AdvisorCore
@testable import advisor

@Suite struct RobustnessInputTests {
    /// One odd line and how it must be read.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let line: String
        let intent: Intent
        var entities: [EntityType: [String]] = [:]
        var testDescription: String { name }
    }

    static let question = "what does a DevOps engineer earn"

    static let cases: [Case] = [
        Case(name: "empty", line: "", intent: .outOfScope),
        Case(name: "spaces", line: "   ", intent: .outOfScope),
        Case(name: "tabs and spaces", line: "\t \t", intent: .outOfScope),
        Case(name: "NUL between words", line: "what\u{0}is django", intent: .toolDescribe, entities: [.tool: ["django"]]),
        Case(name: "invalid UTF-8 (decoded as U+FFFD)", line: String(decoding: [0xFF, 0xFE] + Array(" what is flask".utf8), as: UTF8.self),
             intent: .toolDescribe, entities: [.tool: ["flask"]]),
        Case(name: "carriage return between words", line: "what\rdoes a devops engineer earn", intent: .roleSalary, entities: [.role: ["devops-engineer"]]),
        Case(name: "bell, backspace, delete", line: "\u{07}\u{08}\u{7F}", intent: .outOfScope),
        Case(name: "C1 controls", line: "\u{85}what is django\u{9C}", intent: .toolDescribe, entities: [.tool: ["django"]]),
        Case(name: "ANSI colours", line: "\u{1B}[31mwhat is django\u{1B}[0m", intent: .toolDescribe, entities: [.tool: ["django"]]),
        Case(name: "ANSI clear screen and cursor moves", line: "\u{1B}[2J\u{1B}[H\u{1B}[10;20Hhello", intent: .greet),
        Case(name: "OSC window title", line: "\u{1B}]0;pwned\u{07}hello", intent: .greet),
        Case(name: "8-bit CSI", line: "\u{9B}1mhello", intent: .greet),
        Case(name: "emoji only", line: "😀😀 🚀", intent: .outOfScope),
        Case(name: "emoji around a question", line: "👩‍💻 what is docker 🐳", intent: .toolDescribe, entities: [.tool: ["docker"]]),
        Case(name: "right-to-left (Arabic)", line: "مرحبا كيف حالك", intent: .outOfScope),
        Case(name: "right-to-left (Hebrew)", line: "מה שלומך", intent: .outOfScope),
        Case(name: "Devanagari", line: "नमस्ते, बैकएंड डेवलपर क्या है?", intent: .outOfScope),
        Case(name: "punctuation only", line: "?!?!...,,,", intent: .outOfScope),
        Case(name: "one question mark", line: "?", intent: .outOfScope),
        Case(name: "a right-to-left override inside a question", line: "how much does a \u{202E}pilot earn", intent: .outOfScope),
    ]

    @Test(arguments: cases)
    func eachOddLineGetsASensibleAnswer(_ odd: Case) throws {
        var session = TestData.session()
        let reply = session.respond(to: odd.line)
        guard case .answer(let understanding, let text) = reply else {
            Issue.record("not an answer: \(reply)")
            return
        }
        #expect(understanding.intent == odd.intent)
        #expect(understanding.entities.filter { !$0.value.isEmpty } == odd.entities)
        #expect(!text.isEmpty)
        Self.expectPrintable(text)
        // The same line, cleaned by hand, is read exactly alike: the odd bytes changed nothing.
        var plain = TestData.session()
        if case .answer(let clean, let cleanText) = plain.respond(to: InputSanitizer.clean(odd.line)) {
            #expect(clean.intent == understanding.intent && cleanText == text)
        }
    }

    /// The decline that quotes what was asked about quotes only the word, never the escapes
    /// around it.
    @Test func theDeclineQuotesTheTopicWithoutEscapes() throws {
        var session = TestData.session()
        let reply = session.respond(to: "how much does a \u{1B}[31mpilot\u{1B}[0m earn\u{07}")
        guard case .answer(let understanding, let text) = reply else { throw Failure("not an answer") }
        #expect(understanding.intent == .outOfScope)
        #expect(text.hasPrefix("Sorry, I cannot answer about \"pilot\": "), "answer: \(text.debugDescription)")
        Self.expectPrintable(text)
        let why = session.respond(to: ":why")
        guard case .command(_, let report) = why else { throw Failure("not a command") }
        #expect(report.hasPrefix("You asked: how much does a pilot earn \n"), "why: \(report.debugDescription)")
        Self.expectPrintable(report)
    }

    @Test func anUnknownCommandIsNamedWithoutItsEscapes() {
        var session = TestData.session()
        guard case .error(let message) = session.respond(to: ":\u{1B}[2Jfoo\u{0}") else {
            Issue.record("not an error")
            return
        }
        #expect(message == "Unknown command ':foo'. Type :help for the commands.")
    }

    /// A 10 MB line, described by name so that the test log does not print it.
    enum LongLine: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case questionThenLetters, oneLetter, escapesAndControls, devanagariAndEmoji

        var text: String {
            switch self {
            case .questionThenLetters: question + " " + String(repeating: "x", count: 10_000_000)
            case .oneLetter: String(repeating: "a", count: 10_000_000)
            case .escapesAndControls: String(repeating: "\u{1B}[31m\u{0}\u{07}\u{FFFD}", count: 1_250_000)
            case .devanagariAndEmoji: String(repeating: "नमस्ते 😀 ", count: 420_000)
            }
        }

        var intent: Intent { self == .questionThenLetters ? .roleSalary : .outOfScope }
        var testDescription: String { rawValue }
    }

    /// The matcher reads the first 2,000 characters and nothing after them, and `:why` quotes
    /// only the opening. The work is bounded by count, not timed: every word the reading went
    /// on to (spelling, names, the matcher) lies in that opening. (`make bench` times the
    /// release binary on such a line.)
    @Test(arguments: LongLine.allCases)
    func aTenMegabyteLineIsReadOnlyAsFarAsItsOpening(_ long: LongLine) throws {
        let line = long.text
        #expect(line.utf8.count >= 10_000_000)
        var session = TestData.session()
        guard case .answer(let understanding, let text) = session.respond(to: line) else { throw Failure("not an answer") }
        #expect(understanding.intent == long.intent)
        #expect(understanding.analysis.truncated)
        let opening = TestData.advisor.language.maxCharacters
        #expect(understanding.analysis.words.reduce(0) { $0 + $1.unicodeScalars.count } <= opening)
        let cleaned = InputSanitizer.clean(line)
        #expect(understanding.analysis.words == TestData.advisor.language.analyze(String(String.UnicodeScalarView(cleaned.unicodeScalars.prefix(opening)))).words)
        Self.expectPrintable(text)
        guard case .command(_, let why) = session.respond(to: ":why") else { throw Failure("not a command") }
        let asked = why.split(separator: "\n")[0]
        #expect(asked.unicodeScalars.count <= "You asked: ".count + WhyReport.shownCharacters + 1)
        #expect(asked.hasSuffix("…"))
    }

    @Test func aRecordedTranscriptKeepsTheCleanLineAndReadsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-odd-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var saving = TranscriptSaving(folder: folder, recordFile: nil, keepsTurns: true)
        var session = TestData.session()
        for odd in ["\u{1B}[1mwhat is django\u{1B}[0m\r\u{0}", "what\nis\u{2028}flask"] {
            _ = saving.note(odd, session.respond(to: odd))
        }
        let saved = saving.save(":save odd")
        #expect(saved.ok, "\(saved.message)")
        let text = try String(contentsOfFile: folder + "/odd.transcript", encoding: .utf8)
        #expect(text.contains("\n> what is django  \n"))
        #expect(text.contains("\n> what is flask\n"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let reread = try Transcript.parse(text, file: "odd.transcript")
        #expect(reread.turns.map(\.user) == ["what is django  ", "what is flask"])
        #expect(TranscriptReplayer(advisor: TestData.advisor).replay(reread).passed)
    }

    @Test func theHistoryListingShowsNoControlCharacters() {
        var session = TestData.session()
        session.history = ["what is \u{1B}[31mdjango", "hello\u{0}there"]
        guard case .command(_, let text) = session.respond(to: ":history") else {
            Issue.record("not a command")
            return
        }
        #expect(text == "1  what is django\n2  hello there")
    }

    // MARK: - The sanitizer itself

    /// One sanitizer case, named so that the log shows no raw escape sequence.
    struct Cleaning: CustomTestStringConvertible, Sendable {
        let what: String
        let input: String
        let expected: String
        init(_ what: String, _ input: String, _ expected: String) {
            self.what = what
            self.input = input
            self.expected = expected
        }
        var testDescription: String { what }
    }

    @Test(arguments: [
        Cleaning("plain text stays", "what is Django?", "what is Django?"),
        Cleaning("UTF-8 stays", "café ₹ नमस्ते 👩‍💻 مرحبا", "café ₹ नमस्ते 👩‍💻 مرحبا"),
        Cleaning("U+FFFD stays", "\u{FFFD}x", "\u{FFFD}x"),
        Cleaning("controls become spaces", "a\u{0}b\u{1}c\tD\rE\nF\u{7F}G", "a b c D E F G"),
        Cleaning("C1 controls become spaces", "a\u{85}b\u{80}c", "a b c"),
        Cleaning("CSI removed whole", "\u{1B}[1;31mred\u{1B}[0m", "red"),
        Cleaning("CSI with private parameters", "\u{1B}[?1049hx\u{1B}[?25l", "x"),
        Cleaning("two-character escapes", "\u{1B}cx\u{1B}7y\u{1B}(Bz", "xyz"),
        Cleaning("OSC ended by BEL", "\u{1B}]0;title\u{07}after", "after"),
        Cleaning("OSC ended by ST", "\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "link"),
        Cleaning("DCS to the end of the line", "before\u{1B}Pq#0;2;0;0;0", "before"),
        Cleaning("8-bit CSI and OSC", "\u{9B}31mred\u{9D}title\u{9C}!", "red!"),
        Cleaning("a lone ESC at the end", "end\u{1B}", "end"),
        Cleaning("ESC before text eats one final character only", "\u{1B}hello", "ello"),
        Cleaning("an unfinished CSI keeps what follows", "\u{1B}[12;\u{20AC}", "\u{20AC}"),
        Cleaning("bidi overrides removed", "a\u{202E}b\u{2066}c\u{2069}d", "abcd"),
        Cleaning("line separators become spaces", "a\u{2028}b\u{2029}c", "a b c"),
        Cleaning("dashes and quotes near the special ones stay", "a\u{2013}b\u{201C}c\u{2026}", "a\u{2013}b\u{201C}c\u{2026}"),
    ])
    func sanitizes(_ cleaning: Cleaning) {
        #expect(InputSanitizer.clean(cleaning.input) == cleaning.expected)
        #expect(InputSanitizer.needsCleaning(cleaning.input) == (cleaning.input != cleaning.expected))
        Self.expectPrintable(InputSanitizer.clean(cleaning.input))
    }

    @Test func messagesThatQuoteAFileShowItsControlCharacters() {
        #expect(InputSanitizer.showingControls("a\u{1B}[2Jb\u{0}\n\u{7F}\u{85}\u{202E}é") == "a^[[2Jb^@\n^?<U+0085><U+202E>é")
        #expect(InputSanitizer.showingControls("plain\ntext ₹") == "plain\ntext ₹")
    }

    /// A transcript someone edited by hand may hold escape sequences; replay's report shows
    /// them as `^[` and never sends them to the terminal.
    @Test func replayShowsTheEscapesInATranscriptInsteadOfSendingThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-odd-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "> hello\u{1B}]0;x\u{07}\nHello\u{1B}[2J!\n".write(toFile: folder + "/odd.transcript", atomically: true, encoding: .utf8)
        let run = TestData.run(["replay", folder + "/odd.transcript"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("> hello^[]0;x^G\n"))
        #expect(run.stdout.contains("-Hello^[[2J!\n"))
        Self.expectPrintable(run.stdout)
        let data = TestData.run(["--data", folder + "/no\u{1B}[2Jdata"], stdin: "hello\n")
        #expect(data.status == 65)
        #expect(data.stderr.contains("no^[[2Jdata"))
        Self.expectPrintable(data.stderr)
    }

    // MARK: - Helpers

    /// No C0 control but the line feed, no DEL, no C1 control, no bidirectional override.
    static func expectPrintable(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bad = text.unicodeScalars.first { scalar in
            let v = scalar.value
            return (v < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }
        #expect(bad == nil, "U+\(String(bad?.value ?? 0, radix: 16)) in \(text.prefix(300).debugDescription)", sourceLocation: sourceLocation)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
