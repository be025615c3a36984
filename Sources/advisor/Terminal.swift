#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the advisor is running: a person at a terminal gets the line editor and colours; a
/// pipe or a file gets plain lines.
enum Terminal {
    /// Both ends must be terminals: libedit stops editing when output is piped (and Tab would
    /// insert a tab), and a `dumb` terminal cannot redraw a line.
    static func isInteractive(environment: [String: String]) -> Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 && environment["TERM"] != "dumb"
    }

    /// Colours unless `--no-color` or a non-empty `NO_COLOR` (no-color.org) says otherwise;
    /// asked only once the REPL knows it is on a terminal.
    static func usesColour(noColorFlag: Bool, environment: [String: String]) -> Bool {
        !noColorFlag && (environment["NO_COLOR"] ?? "").isEmpty
    }
}

/// The few colours the REPL uses; plain text when colours are off.
struct Palette {
    let enabled: Bool

    /// The prompt, its escape sequences bracketed by `\u{1}` so libedit does not count them
    /// towards the prompt's width (the `EL_PROMPT_ESC` convention).
    func prompt(_ text: String) -> String {
        enabled ? "\u{1}\u{1B}[1;36m\u{1}\(text)\u{1}\u{1B}[0m\u{1} " : text + " "
    }

    func banner(_ text: String) -> String { paint(text, "1") }
    func error(_ text: String) -> String { paint(text, "33") }

    private func paint(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
