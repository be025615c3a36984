/// Odd input through the built binary: `--json`, plain standard input and a real terminal.
/// Whole outputs are compared with what the library answers for the same lines, so these
/// tests pin the front ends (cleaning, echo, one reply per line) and not the data.
import Foundation
import Testing
@testable import AdvisorCore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct RobustnessBinaryTests {
    /// The odd lines, as raw bytes (invalid UTF-8 included), one per line.
    static let oddLines: [[UInt8]] = [
        [],
        Array("   ".utf8),
        Array("\t \t".utf8),
        Array("what".utf8) + [0] + Array("is django".utf8),
        [0xFF, 0xFE] + Array(" what is flask".utf8),
        Array("\u{1B}[31mwhat is django\u{1B}[0m".utf8),
        Array("\u{1B}]0;pwned\u{07}hello".utf8),
        Array("\u{07}\u{08}\u{7F}".utf8),
        Array("😀😀 🚀".utf8),
        Array("👩‍💻 what is docker 🐳".utf8),
        Array("مرحبا كيف حالك".utf8),
        Array("नमस्ते, बैकएंड डेवलपर क्या है?".utf8),
        Array("?!?!...,,,".utf8),
        Array("how much does a \u{1B}[31mpilot\u{1B}[0m earn".utf8),
        Array(":\u{1B}[2Jfoo".utf8),
        Array(":why".utf8),
    ]

    static var input: [UInt8] { oddLines.flatMap { $0 + [0x0A] } }

    /// What one session of the library answers for the lines, cleaned as the front end cleans them.
    static func expected(json: Bool) -> String {
        var session = TestData.session()
        var output = ""
        for bytes in oddLines {
            let line = InputSanitizer.clean(String(decoding: bytes, as: UTF8.self))
            if !json && line.allSatisfy(\.isWhitespace) { continue }
            let reply = session.respond(to: line)
            if json {
                output += JSONLine.render(reply, input: line) + "\n"
            } else {
                switch reply {
                case .answer(_, let text), .command(_, let text), .error(let text): output += text + "\n\n"
                }
            }
        }
        return output
    }

    @Test func jsonAnswersEveryOddLineWithTheLibrarysWholeOutput() throws {
        let run = try Self.run(["--json"], stdin: Self.input)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "stderr: \(run.stderr)")
        #expect(run.stdout == Self.expected(json: true))
        #expect(run.stdout.split(separator: "\n").count == Self.oddLines.count)
        #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{0}"))
    }

    @Test func plainInputAnswersEveryOddLineWithTheLibrarysWholeOutput() throws {
        let run = try Self.run([], stdin: Self.input)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "stderr: \(run.stderr)")
        #expect(run.stdout == Self.expected(json: false))
        RobustnessInputTests.expectPrintable(run.stdout)
        #expect(run.stdout.contains("Sorry, I cannot answer about \"pilot\": "))
        #expect(run.stdout.contains("Unknown command ':foo'."))
    }

    /// A 10 MB line through `--json` and plain input: its answer, then the next line's, and
    /// nothing else. (How the library bounds the work is `RobustnessInputTests`' to show;
    /// `make bench` times the release binary on this line.)
    @Test(arguments: [["--json"], []])
    func aTenMegabyteLineIsAnsweredFromAPipe(arguments: [String]) throws {
        let line = RobustnessInputTests.question + " " + String(repeating: "x", count: 10_000_000)
        let run = try Self.run(arguments, stdin: Array(line.utf8) + [0x0A] + Array("hello\n".utf8))
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        var session = TestData.session()
        let replies = [line, "hello"].map { ($0, session.respond(to: $0)) }
        let expected = replies.map { input, reply in
            if arguments == ["--json"] { return JSONLine.render(reply, input: input) + "\n" }
            switch reply {
            case .answer(_, let text), .command(_, let text), .error(let text): return text + "\n\n"
            }
        }.joined()
        #expect(run.stdout == expected)
        #expect(run.stdout.contains("₹6–10 LPA") && run.stdout.contains("Hello!"))
    }

    // MARK: - On a terminal

    @Test func escapesTypedOnTheTerminalNeverReachTheHistory() throws {
        try Self.withHome { home in
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            // Ctrl-V makes libedit insert the next key as it is: here a real ESC.
            try tty.type("how much does a \u{16}\u{1B}[31mpilot\u{16}\u{1B}[0m earn" + PseudoTerminal.Key.enter)
            try tty.expect("Sorry, I cannot answer about \"pilot\": ")
            try tty.expect(PseudoTerminalTests.prompt)
            try tty.typeBytes([0xFF, 0xFE] + Array(" what is flask\r".utf8))
            try tty.expect("Flask (Frameworks)")
            try tty.expect(PseudoTerminalTests.prompt)
            try tty.type("👩‍💻 what is docker 🐳 مرحبا" + PseudoTerminal.Key.enter)
            try tty.expect("Docker (")
            try tty.expect(PseudoTerminalTests.prompt)
            try tty.type(":why" + PseudoTerminal.Key.enter)
            let why = try tty.expect("Because:")
            #expect(why.contains("You asked: 👩‍💻 what is docker 🐳 مرحبا\r\n"))
            try tty.type(PseudoTerminal.Key.ctrlD)
            #expect(try tty.waitForExit() == 0)
            let saved = LibeditHistoryText.decode(try String(contentsOfFile: home + "/history", encoding: .utf8))
            #expect(saved == ["how much does a pilot earn", " what is flask", "👩‍💻 what is docker 🐳 مرحبا", ":why"])
        }
    }

    /// A 10 MB paste: the line stops at 16,384 characters, the rest is dropped unseen with one
    /// warning, and the question at its start is answered.
    @Test func aTenMegabytePasteIsCutAndAnswered() throws {
        try Self.withHome { home in
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            let line = RobustnessInputTests.question + " " + String(repeating: "x", count: 10_000_000)
            // Bounded by count: the editor keeps 16,384 characters and drops the rest unseen
            // (libedit alone took about two minutes for this paste, redrawing the whole line at
            // every key); the paste itself gives up after `PseudoTerminal.patience` without progress.
            try tty.paste(Array(line.utf8))
            try tty.type(PseudoTerminal.Key.enter)
            try tty.expect("that line was longer than 16384 characters, so the last \(line.count - 16_384) were left out.")
            try tty.expect("₹6–10 LPA")
            try tty.expect(PseudoTerminalTests.prompt)
            try tty.type("hello" + PseudoTerminal.Key.enter)
            try tty.expect("Hello!")
            let saved = LibeditHistoryText.decode(try String(contentsOfFile: home + "/history", encoding: .utf8))
            #expect(saved.map(\.count) == [16_384, 5])
            #expect(saved.first.map { $0.hasPrefix(RobustnessInputTests.question + " xxx") } == true)
        }
    }

    // MARK: - Helpers

    /// Runs the binary with raw bytes on standard input (which may be invalid UTF-8).
    static func run(_ arguments: [String], stdin: [UInt8], environment: [String: String] = [:]) throws
        -> (status: Int32, stdout: String, stderr: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-odd-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(stdin).write(to: URL(fileURLWithPath: dir + "/stdin"))
        _ = FileManager.default.createFile(atPath: dir + "/stdout", contents: nil)
        _ = FileManager.default.createFile(atPath: dir + "/stderr", contents: nil)
        let process = Process()
        process.executableURL = TestData.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: dir + "/stdin"))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/stdout"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/stderr"))
        try process.run()
        process.waitUntilExit()
        let out = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/stdout")), as: UTF8.self)
        let err = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/stderr")), as: UTF8.self)
        return (process.terminationStatus, out, err)
    }

    static func withHome(_ body: (String) throws -> Void) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-odd-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try body(home)
    }
}

extension PseudoTerminal {
    /// Pastes `bytes` as fast as the advisor reads them, throwing away what it echoes meanwhile
    /// (the text itself). End the paste with `type`, so that what follows is seen by `expect`.
    func paste(_ bytes: [UInt8]) throws {
        try type("")
        var rest = bytes[...]
        var sink = [UInt8](repeating: 0, count: 1 << 16)
        let deadline = Date().addingTimeInterval(Self.patience)
        while !rest.isEmpty {
            guard Date() < deadline else { throw Failure(description: "the paste stalled with \(rest.count) bytes left") }
            var poller = pollfd(fd: master, events: Int16(POLLOUT | POLLIN), revents: 0)
            _ = poll(&poller, 1, 100)
            _ = sink.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            let written = rest.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if written > 0 { rest = rest.dropFirst(written) }
        }
    }

    /// Types raw bytes (invalid UTF-8 included), once libedit is reading keys.
    func typeBytes(_ bytes: [UInt8]) throws {
        try type("")
        var rest = bytes[...]
        let deadline = Date().addingTimeInterval(Self.patience)
        while !rest.isEmpty && Date() < deadline {
            let written = rest.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if written > 0 { rest = rest.dropFirst(written) } else { usleep(1000) }
        }
        if !rest.isEmpty { throw Failure(description: "the terminal did not take \(bytes.count) bytes") }
    }
}
