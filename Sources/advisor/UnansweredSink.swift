import AdvisorCore
import Foundation

/// Where the interactive advisor files the questions it declined or was unsure of
/// (`UnansweredLog`, `~/.advisor_unanswered`), so `advisor check --unanswered` can show authors
/// what to add next. Only the REPL calls it: `ask`, `--json`, piped input and replay are
/// scripts, not people asking, and never write the log.
enum UnansweredSink {
    static let log = UnansweredLog(environment: ProcessInfo.processInfo.environment)
    private static let warning = OneWarning()

    /// Files `line` when `reply` declined it, asked which reading was meant, or answered it
    /// with little confidence. A log that cannot be written is reported once, then left alone:
    /// the conversation matters more than the log.
    static func note(_ line: String, _ reply: Session.Reply, threshold: Double) {
        do {
            try log.note(line, reply, threshold: threshold)
        } catch {
            if warning.claim() { Output.error("advisor: \(error)") }
        }
    }

    /// True the first time only.
    private final class OneWarning: @unchecked Sendable {
        private let lock = NSLock()
        private var given = false

        func claim() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if given { return false }
            given = true
            return true
        }
    }
}
