/// Where the REPL keeps its history and how much of it, from the environment:
/// `ADVISOR_HISTORY` (a file; empty means no history) or else `~/.advisor_history`, and
/// `ADVISOR_HISTSIZE` entries (1000 when unset).
struct HistorySettings: Equatable {
    static let defaultSize = 1000

    /// The history file; nil keeps lines for this session only.
    var path: String?
    var size = Self.defaultSize
    /// Why the settings differ from what was asked, for the REPL to show once at start-up.
    var warnings: [String] = []

    init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        if let chosen = environment["ADVISOR_HISTORY"] {
            if chosen.hasPrefix("~/"), let home {
                path = home + chosen.dropFirst()
            } else {
                path = chosen.isEmpty ? nil : chosen
            }
        } else if let home {
            path = (home.hasSuffix("/") ? home : home + "/") + ".advisor_history"
        } else {
            warnings.append("HOME is not set, so this session's lines will not be saved; set ADVISOR_HISTORY to a file to keep them.")
        }
        if let text = environment["ADVISOR_HISTSIZE"] {
            if let number = Int(text), number > 0 {
                size = number
            } else {
                warnings.append("ADVISOR_HISTSIZE must be a positive number of entries, not '\(text)'; keeping \(Self.defaultSize).")
            }
        }
    }
}
