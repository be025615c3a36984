/// Runs the built `advisor` on a real pseudo-terminal, as a person would, without tmux: openpty,
/// then posix_spawn in a new session that opens the terminal by name, so it is the child's
/// controlling terminal and libedit edits for real.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

final class PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Keys as a terminal sends them.
    enum Key {
        static let up = "\u{1B}[A"
        static let tab = "\t"
        static let ctrlR = "\u{12}"
        static let ctrlC = "\u{03}"
        static let ctrlD = "\u{04}"
        static let enter = "\r"
    }

    /// How long any one wait may take before the test fails instead of hanging.
    static let patience: Double = 20

    let master: Int32
    let pid: pid_t
    /// Everything the child wrote so far.
    private(set) var output: [UInt8] = []
    /// How far `expect` has read.
    private var seen = 0
    private var exitStatus: Int32?

    /// A fresh environment for the advisor: a temporary HOME (so no real ~/.editrc or history is
    /// touched), a UTF-8 locale, a capable terminal type and the history file in `home`.
    static func environment(home: String, extra: [String: String?] = [:]) -> [String: String] {
        var env = ["HOME": home, "LANG": "C.UTF-8", "TERM": "xterm-256color", "PATH": "/usr/bin:/bin",
                   "ADVISOR_HISTORY": home + "/history", "NO_COLOR": "1"]
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// - Parameters:
    ///   - executable: the program to run (the debug advisor by default; InstallTests runs an installed one).
    ///   - directory: the folder it starts in (this process's by default).
    init(arguments: [String] = [], environment: [String: String], executable: String = TestData.binary.path,
         directory: String? = nil) throws {
        var size = winsize(ws_row: 24, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1, slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw Failure(description: "openpty failed: \(errno)") }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        var name = [CChar](repeating: 0, count: 256)
        let named = ttyname_r(slave, &name, name.count)
        close(slave)  // the child opens it by name; with no copy here, its exit reads as EIO
        guard named == 0 else { close(master); throw Failure(description: "ttyname_r failed: \(named)") }
        self.master = master

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid, the terminal becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        if let directory {
            guard Self.addChdir(&actions, directory) == 0 else { close(master); throw Failure(description: "cannot start in \(directory)") }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID is 0x80 on glibc and not visible from Swift. The test runner's
        // threads block SIGINT and more; the child must start with none blocked and none ignored.
        posix_spawnattr_setflags(&attributes, Int16(0x80 | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { close(master); throw Failure(description: "posix_spawn failed: \(spawned)") }
        self.pid = pid
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29), which Swift's Glibc module does not show.
    private static let addChdir: @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32 = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { fatalError("this C library cannot start a child in another folder") }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
    }()

    deinit {
        stop()
        close(master)
    }

    /// Types `keys` once libedit is reading keys. libedit draws the prompt before it leaves
    /// canonical mode, and keys typed in between are mangled, so wait for ICANON to go off.
    func type(_ keys: String) throws {
        try waitUntil("raw mode") { self.isRaw }
        var bytes = Array(keys.utf8)[...]
        try waitUntil("the terminal to take \(bytes.count) bytes") {
            // Drain output as we go: a long paste is echoed, and a full buffer would stall both sides.
            let written = bytes.withUnsafeBytes { Glibc.write(self.master, $0.baseAddress, $0.count) }
            if written > 0 { bytes = bytes.dropFirst(written) }
            return bytes.isEmpty
        }
    }

    /// Changes the terminal's size, as a person dragging the window does: the kernel sends the
    /// child SIGWINCH before this returns, so keys typed afterwards meet the new size.
    func resize(columns: UInt16, rows: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Waits until the output after the last expectation contains `text`, and returns that
    /// output up to the end of `text`.
    @discardableResult
    func expect(_ text: String) throws -> String {
        let needle = Array(text.utf8)
        var found: Int?
        try waitUntil("\"\(text)\"") {
            found = Self.find(needle, in: self.output, from: self.seen)
            return found != nil
        }
        let end = found! + needle.count
        defer { seen = end }
        return String(decoding: output[seen..<end], as: UTF8.self)
    }

    /// The output after the last expectation so far, without waiting.
    var unseen: String { pump(); return String(decoding: output[seen...], as: UTF8.self) }

    /// Waits for the child to end and returns its exit status (-1 when a signal ended it).
    func waitForExit() throws -> Int32 {
        try waitUntil("the advisor to exit") { self.reap() }
        return exitStatus!
    }

    /// Kills the child if it is still running; every test ends with this.
    func stop() {
        if exitStatus == nil && !reap() {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            exitStatus = -1
        }
    }

    private var isRaw: Bool {
        var settings = termios()
        return tcgetattr(master, &settings) == 0 && settings.c_lflag & tcflag_t(ICANON) == 0
    }

    private func reap() -> Bool {
        if exitStatus != nil { return true }
        pump()
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return false }
        pump()
        exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
        return true
    }

    /// Reads whatever the child has written.
    @discardableResult
    private func pump() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        var any = false
        while true {
            let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard count > 0 else { return any }
            output.append(contentsOf: chunk[..<count])
            any = true
        }
    }

    /// Polls `done`, reading output in between, until it holds or `patience` runs out.
    private func waitUntil(_ what: String, _ done: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(Self.patience)
        while true {
            pump()
            if done() { return }
            if reap() {
                if done() { return }  // its last words arrived with its exit
                throw Failure(description: "the advisor exited (status \(exitStatus!)) while waiting for \(what); output after the last expectation:\n\(unseen)")
            }
            if Date() > deadline {
                throw Failure(description: "timed out waiting for \(what); output after the last expectation:\n\(unseen)")
            }
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            _ = poll(&poller, 1, 20)
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count - start >= needle.count else { return nil }
        for i in start...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }
}
