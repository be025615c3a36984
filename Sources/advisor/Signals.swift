#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the interactive advisor meets the signals that end a program. The only handlers are
/// installed here, at the edge, and do only what is safe in a signal handler.
///
/// Nothing needs saving on the way out: every line is in the history file before it is
/// answered, and the profile and transcripts are written when they change, each file written
/// whole or not at all, with these signals held back during the write. So:
///
/// | signal | interactive advisor | plain lines, `--json` |
/// | --- | --- | --- |
/// | SIGINT (Ctrl-C) | while editing, a key that discards the line; while answering, ignored: Ctrl-C never ends the advisor | ends, status 130 |
/// | SIGTERM, SIGHUP | terminal restored, ends with status 143, 129 | ends, status 143, 129 |
/// | SIGPIPE | — | ignored; the write fails with EPIPE and the advisor ends quietly with status 0 (`Output`) |
///
/// (In the plain modes the default actions end the process; a shell shows 128 + the signal.)
enum Signals {
    /// For the REPL: SIGTERM and SIGHUP put the terminal back as it was at start-up and end
    /// with status 128 + the signal; SIGINT is ignored outside editing. While libedit edits a
    /// line its own handlers come first (they restore the terminal and pass the signal on).
    static func installForTerminal() {
        let saved = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        saved.initialize(to: termios())
        if tcgetattr(STDIN_FILENO, saved) == 0 { startupTerminal = saved }
        signal(SIGTERM, endOnSignal)
        signal(SIGHUP, endOnSignal)
        signal(SIGINT, SIG_IGN)
    }
}

/// The terminal's settings before the advisor changed them. Set once, before the handler that
/// reads them is installed, and never freed. (A heap block, not a global `termios`: under
/// `make sanitize`, `tcgetattr`'s 60-byte write ran past the 57 bytes Swift gave such a global.)
nonisolated(unsafe) private var startupTerminal: UnsafeMutablePointer<termios>?

/// Async-signal-safe: `tcsetattr` and `_exit` only, no allocation, no locks, no Swift runtime.
private let endOnSignal: @convention(c) (Int32) -> Void = { signal in
    if let startupTerminal { _ = tcsetattr(STDIN_FILENO, TCSANOW, startupTerminal) }
    _exit(128 + signal)
}
