/// Faults injected into running advisors: SIGINT, SIGTERM, SIGHUP, SIGPIPE and `kill -9`. Each
/// ends cleanly (the documented status, no core, no temporary file left) with every line typed
/// before it in the history. Two sessions sharing one history are
/// `PseudoTerminalTests.twoConcurrentSessionsKeepTheLinesOfBothInAPrivateFile`.
import Foundation
import Testing
@testable import AdvisorCore
@testable import LineEditor
#if canImport(Glibc)
import Glibc
#endif

@Suite struct FaultTests {
    static let lines = ["hello", "what is Django", "what does a DevOps engineer earn"]
    static let answers = ["Hello!", "Django (", "₹6–10 LPA"]

    // MARK: - The interactive advisor

    /// SIGTERM and SIGHUP at the prompt: the terminal is put back, the status is 128 + the
    /// signal, and the history holds every line entered (the half-typed one is not a line).
    @Test(arguments: [SIGTERM, SIGHUP])
    func aTerminatingSignalEndsTheREPLCleanly(signal: Int32) throws {
        try Self.withHome { home in
            let tty = try Self.sessionAfterThreeLines(home: home)
            defer { tty.stop() }
            try tty.type("half a li")
            kill(tty.pid, signal)
            #expect(try tty.waitForExit() == 128 + signal)
            var settings = termios()
            #expect(tcgetattr(tty.master, &settings) == 0)
            #expect(settings.c_lflag & tcflag_t(ICANON) != 0 && settings.c_lflag & tcflag_t(ECHO) != 0, "the terminal was left raw")
            #expect(try Self.history(home) == Self.lines)
            #expect(try Self.filesLeft(home) == ["history"])
        }
    }

    /// SIGINT never ends the REPL: while an answer is being made it is ignored, and while a
    /// line is edited libedit either passes it on (the line is discarded, as with Ctrl-C) or,
    /// when it arrives between two reads, absorbs it. Sent right after each Enter, it lands in
    /// any of these.
    @Test func sigintNeverEndsTheREPL() throws {
        try Self.withHome { home in
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            for (line, answer) in zip(Self.lines, Self.answers) {
                try tty.type(line + PseudoTerminal.Key.enter)
                kill(tty.pid, SIGINT)
                try tty.expect(answer)
                try tty.expect(PseudoTerminalTests.prompt)
            }
            try tty.type("a line that is never ent")
            kill(tty.pid, SIGINT)
            usleep(200_000)
            // Whatever the signal did to the line, Ctrl-C discards what is left of it.
            try tty.type(PseudoTerminal.Key.ctrlC)
            try tty.expect(PseudoTerminalTests.prompt)
            try tty.type("hello" + PseudoTerminal.Key.enter)
            try tty.expect("Hello!")
            try tty.type(PseudoTerminal.Key.ctrlD)
            #expect(try tty.waitForExit() == 0)
            #expect(try Self.history(home) == Self.lines + ["hello"])
        }
    }

    /// `kill -9` cannot be caught: the history must already hold every line entered.
    @Test func afterKillDashNineTheHistoryHoldsEveryLineEntered() throws {
        try Self.withHome { home in
            let tty = try Self.sessionAfterThreeLines(home: home)
            defer { tty.stop() }
            try tty.type("what is Flask" + PseudoTerminal.Key.enter)
            try tty.expect("Flask (")
            kill(tty.pid, SIGKILL)
            #expect(try tty.waitForExit() == -1)
            #expect(try Self.history(home) == Self.lines + ["what is Flask"])
        }
    }

    /// A paste of many lines, each saved as it is entered, with SIGTERM in the middle of the
    /// saving: the file is a whole history of the lines entered so far, and no temporary file
    /// is left beside it (the signal waits for the rename).
    @Test(arguments: [0.05, 0.15, 0.3])
    func sigtermDuringSavesLeavesAWholeHistoryAndNoTemporaryFile(after delay: Double) throws {
        try Self.withHome { home in
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            let pasted = (1...200).map { "what is Django \($0)" }
            try tty.type(pasted.joined(separator: PseudoTerminal.Key.enter) + PseudoTerminal.Key.enter)
            usleep(useconds_t(delay * 1_000_000))
            kill(tty.pid, SIGTERM)
            #expect(try tty.waitForExit() == 128 + SIGTERM)
            let saved = try Self.history(home)
            #expect(saved == Array(pasted.prefix(saved.count)), "not a prefix of the lines typed: \(saved.suffix(3))")
            #expect(try Self.filesLeft(home).allSatisfy { $0 == "history" || $0 == ".advisor_unanswered" })
        }
    }

    // MARK: - Plain input and --json

    /// Without a terminal the signals' default actions end the advisor (a shell shows 128 + N);
    /// the transcript `--record` keeps is whole, and no temporary file is left.
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalEndsPlainInputCleanly(signal: Int32) throws {
        try Self.withHome { folder in
            let record = folder + "/session.transcript"
            let child = try Child(["--record", record])
            defer { child.stop() }
            try child.send("what is Django\n")
            try child.expect("Django (")
            kill(child.pid, signal)
            let status = try child.waitForExit()
            #expect(status.signal == signal && !status.coreDumped)
            let transcript = try TranscriptRun.read(record).transcript
            #expect(transcript.turns.map(\.user) == ["what is Django"])
            #expect(try Self.filesLeft(folder) == ["session.transcript"])
        }
    }

    /// `advisor --json < big | head -1`: the reader goes away after one line; the advisor meets
    /// EPIPE (SIGPIPE is ignored), stops at once, says nothing and exits 0.
    @Test func aReaderThatGoesAwayEndsJSONModeWithStatusZero() throws {
        try Self.withHome { folder in
            let input = folder + "/big"
            try String(repeating: "what does a DevOps engineer earn\n", count: 20_000).write(toFile: input, atomically: true, encoding: .utf8)
            let script = "set -o pipefail; '\(TestData.binary.path)' --json < '\(input)' 2> '\(folder)/stderr' | head -1 > '\(folder)/stdout'"
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/bash")
            shell.arguments = ["-c", script]
            try shell.run()
            shell.waitUntilExit()
            #expect(shell.terminationStatus == 0)
            let first = try String(contentsOfFile: folder + "/stdout", encoding: .utf8)
            #expect(first.hasPrefix("{\"input\": \"what does a DevOps engineer earn\", \"intent\": \"role.salary\""))
            #expect(first.split(separator: "\n").count == 1)
            #expect(try String(contentsOfFile: folder + "/stderr", encoding: .utf8) == "")
        }
    }

    // MARK: - The held signals

    /// While a file is being replaced, the signals that end the advisor are held; after, the
    /// mask is as it was.
    @Test func terminationSignalsAreHeldWhileAFileIsReplaced() throws {
        let terminating = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
        func blocked() -> [Int32] {
            var mask = sigset_t()
            pthread_sigmask(SIG_BLOCK, nil, &mask)
            return terminating.filter { sigismember(&mask, $0) == 1 }
        }
        let before = blocked()
        #expect(AtomicFile.holdingTerminationSignals { blocked() } == terminating)
        #expect(blocked() == before)
        try Self.withHome { folder in
            var during: [Int32] = []
            try HistoryFile(path: folder + "/history").replace { temporary in
                during = blocked()
                return FileManager.default.createFile(atPath: temporary, contents: Data("_HiStOrY_V2_\n".utf8))
            }
            #expect(during == terminating)
            #expect(blocked() == before)
        }
    }

    // MARK: - Helpers

    /// A REPL in a fresh home that has answered `lines`.
    static func sessionAfterThreeLines(home: String) throws -> PseudoTerminal {
        let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
        for (line, answer) in zip(lines, answers) {
            try tty.type(line + PseudoTerminal.Key.enter)
            try tty.expect(answer)
            try tty.expect(PseudoTerminalTests.prompt)
        }
        return tty
    }

    static func history(_ home: String) throws -> [String] {
        LibeditHistoryText.decode(try String(contentsOfFile: home + "/history", encoding: .utf8))
    }

    /// The files in a folder, hidden ones included, sorted.
    static func filesLeft(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    static func withHome(_ body: (String) throws -> Void) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-fault-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try body(home)
    }
}

/// The built `advisor` with pipes for its standard input and output, spawned with every signal
/// at its default and none blocked (the test runner's threads block some, and a child would
/// inherit that).
final class Child {
    let pid: pid_t
    private let input: Int32
    private let output: Int32
    private var received: [UInt8] = []
    private var status: Int32?

    struct Status {
        let raw: Int32
        var signal: Int32? { raw & 0x7F == 0 ? nil : raw & 0x7F }
        var coreDumped: Bool { raw & 0x80 != 0 }
    }

    init(_ arguments: [String]) throws {
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw PseudoTerminal.Failure(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for fd in toChild + fromChild { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let argv = ([TestData.binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = ["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "HOME=/nonexistent"].map { strdup($0 as String) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, TestData.binary.path, &actions, &attributes, argv, envp)
        close(toChild[0])
        close(fromChild[1])
        guard spawned == 0 else { throw PseudoTerminal.Failure(description: "posix_spawn failed: \(spawned)") }
        self.pid = pid
        input = toChild[1]
        output = fromChild[0]
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        stop()
        close(input)
        close(output)
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ write(input, $0.baseAddress, $0.count) }) == bytes.count else {
            throw PseudoTerminal.Failure(description: "could not write to the advisor")
        }
    }

    /// Waits until the output holds `text`.
    func expect(_ text: String) throws {
        let deadline = Date().addingTimeInterval(PseudoTerminal.patience)
        while !String(decoding: received, as: UTF8.self).contains(text) {
            guard Date() < deadline else { throw PseudoTerminal.Failure(description: "timed out waiting for \(text)") }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count > 0 { received += chunk[..<count] } else { usleep(10_000) }
        }
    }

    func waitForExit() throws -> Status {
        let deadline = Date().addingTimeInterval(PseudoTerminal.patience)
        while status == nil {
            var raw: Int32 = 0
            if waitpid(pid, &raw, WNOHANG) == pid { status = raw; break }
            guard Date() < deadline else { throw PseudoTerminal.Failure(description: "the advisor did not exit") }
            usleep(10_000)
        }
        return Status(raw: status!)
    }

    func stop() {
        guard status == nil else { return }
        kill(pid, SIGKILL)
        var raw: Int32 = 0
        waitpid(pid, &raw, 0)
        status = raw
    }
}
