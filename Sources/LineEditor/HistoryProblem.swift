/// Why the history cannot be read or saved. The REPL prints it once and goes on without saving:
/// a broken history file must never stop a person from asking questions.
public struct HistoryProblem: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) { self.description = description }

    static func unreadable(_ path: String, _ reason: String) -> HistoryProblem {
        HistoryProblem("cannot read the history file \(path) (\(reason)); this session's lines will not be saved.")
    }

    static func notHistory(_ path: String) -> HistoryProblem {
        HistoryProblem("\(path) is not an advisor history file, so it is left alone; this session's lines will not be saved. "
            + "Move it away or set ADVISOR_HISTORY to another file.")
    }

    static func unwritable(_ path: String, _ reason: String) -> HistoryProblem {
        HistoryProblem("cannot save the history to \(path) (\(reason)); this session's lines will not be saved.")
    }
}
