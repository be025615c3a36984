import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The interactive line editor: one libedit `EditLine` over the terminal, with history, Ctrl-R,
/// tab completion and a Ctrl-C that discards the line instead of ending the program.
///
/// Create it only when standard input and output are both terminals: libedit turns editing off
/// when output is piped, and Tab would then insert a literal tab.
public final class LineEditor {
    /// What one `read()` produced.
    public enum Input: Equatable, Sendable {
        /// A line, without its newline or the space a completion leaves behind.
        case line(String)
        /// Ctrl-C: the line was discarded.
        case interrupted
        /// Ctrl-D on an empty line, or the end of input.
        case endOfInput
    }

    /// What Tab does to the line: delete `deleting` code points before the cursor, insert
    /// `inserting`, and show `listing` (lines already laid out in columns) above a fresh prompt.
    public struct Completion: Sendable, Equatable {
        public var deleting: Int
        public var inserting: String
        public var listing: [String]

        public init(deleting: Int = 0, inserting: String = "", listing: [String] = []) {
            self.deleting = deleting
            self.inserting = inserting
            self.listing = listing
        }

        var isEmpty: Bool { deleting == 0 && inserting.isEmpty && listing.isEmpty }
    }

    /// Given the line, the cursor (in Unicode code points, as libedit counts) and the terminal
    /// width, says what Tab does.
    public typealias Completer = (_ line: String, _ cursor: Int, _ columns: Int) -> Completion

    public let history: InputHistory
    let editLine: OpaquePointer
    let completer: Completer
    /// Owned copy of the prompt, handed to libedit each time it draws.
    let prompt: UnsafeMutablePointer<CChar>
    /// Set by the Ctrl-C key function, read when `el_gets` returns.
    var interrupted = false
    /// The most characters a line may hold; a paste beyond it is cut (`droppedCharacters`).
    public let maxLineLength: Int
    /// How many typed or pasted characters the last `read()` dropped because its line had
    /// reached `maxLineLength`.
    public internal(set) var droppedCharacters = 0
    /// The terminal's width as libedit last saw it (it follows SIGWINCH), 80 when unknown.
    public var columns: Int { Int(advisor_el_columns(editLine)) }
    /// Keys already read from the terminal but not yet given to libedit.
    var typeahead = Typeahead()
    /// The names and help texts of the key functions, as wide strings libedit keeps pointers
    /// to; freed after `el_end`.
    private var functionTexts: [UnsafeMutablePointer<wchar_t>] = []

    /// Whether libedit can be loaded (it is loaded on first use, not at start-up): when it
    /// cannot, neither a `LineEditor` nor an `InputHistory` may be made.
    public static var isAvailable: Bool { advisor_libedit_available() != 0 }

    /// A line long enough for any question, with room to spare: the advisor reads only the
    /// first 2,000 characters, and libedit redraws each character as it arrives.
    public static let defaultMaxLineLength = 16_384

    /// - Parameters:
    ///   - program: the name `~/.editrc` lines may start with (`advisor:bind ...`).
    ///   - prompt: the prompt; escape sequences in it must be bracketed by `\u{1}`.
    /// - Returns: nil when libedit cannot set up the terminal.
    ///   - maxLineLength: the most characters a line may hold.
    public init?(program: String, prompt: String, history: InputHistory, maxLineLength: Int = defaultMaxLineLength,
                 completer: @escaping Completer) {
        TerminalLocale.adoptUTF8()
        guard let editLine = advisor_el_init(program, advisor_stdin(), advisor_stdout(), advisor_stderr()) else { return nil }
        self.editLine = editLine
        self.history = history
        self.completer = completer
        self.prompt = strdup(prompt)
        self.maxLineLength = max(1, maxLineLength)
        configure()
    }

    deinit {
        advisor_el_end(editLine)
        functionTexts.forEach { $0.deallocate() }
        free(prompt)
    }

    /// Reads one line with editing. Trims the newline `el_gets` keeps and the trailing space a
    /// completion leaves.
    public func read() -> Input {
        droppedCharacters = 0
        while true {
            interrupted = false
            var count: Int32 = 0
            let text = advisor_el_gets(editLine, &count)
            if interrupted { return .interrupted }
            guard let text, count > 0 else {
                // A signal that libedit passed on (SIGINT sent with kill): like Ctrl-C, the
                // line is discarded and the prompt comes back on a line of its own.
                if count < 0 && errno == EINTR {
                    fputs("\n", advisor_stdout())
                    return .interrupted
                }
                return .endOfInput
            }
            var line = String(cString: text)
            while let last = line.unicodeScalars.last, last == "\n" || last == "\r" || last == " " || last == "\t" {
                line.unicodeScalars.removeLast()
            }
            return .line(line)
        }
    }

    private func configure() {
        advisor_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        advisor_el_set_editor(editLine, "emacs")
        // libedit's own handlers restore the terminal on a fatal signal and redraw after a resize.
        advisor_el_set_signal(editLine, 1)
        advisor_el_set_prompt(editLine, { editLine in LineEditor.of(editLine).prompt }, 1)
        advisor_el_set_history(editLine, history.handle)
        // The typeahead decodes UTF-8 itself; in any other codeset libedit reads on its own.
        if TerminalLocale.isUTF8 { advisor_el_set_read_char(editLine, Self.readCharacterFunction) }
        // el_gets returns as if at end of input when SIGINT interrupts it, so ^C must reach
        // libedit as a key: no ISIG while editing, and a key function that discards the line.
        advisor_el_setty_edit(editLine, "-isig")
        advisor_el_add_function(editLine, wide("advisor-complete"), wide("Complete a role, tool or command"),
                                { editLine, _ in LineEditor.of(editLine).completeKey() })
        advisor_el_add_function(editLine, wide("advisor-interrupt"), wide("Discard the line"),
                                { editLine, _ in LineEditor.of(editLine).interruptKey() })
        advisor_el_add_function(editLine, wide("advisor-suspend"), wide("Suspend the advisor"),
                                { editLine, _ in LineEditor.of(editLine).suspendKey() })
        advisor_el_bind(editLine, "^I", "advisor-complete")
        advisor_el_bind(editLine, "^C", "advisor-interrupt")
        advisor_el_bind(editLine, "^Z", "advisor-suspend")
        advisor_el_bind(editLine, "^R", "em-inc-search-prev")
        // Last, so a person's ~/.editrc (or $EDITRC) can rebind any of the keys above.
        advisor_el_source(editLine, nil)
    }

    /// A wide copy of `text` that lives as long as the editor.
    private func wide(_ text: String) -> UnsafeMutablePointer<wchar_t> {
        let characters = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
        let copy = UnsafeMutablePointer<wchar_t>.allocate(capacity: characters.count)
        copy.initialize(from: characters, count: characters.count)
        functionTexts.append(copy)
        return copy
    }

    /// The editor behind a callback, carried by `EL_CLIENTDATA` instead of a global.
    static func of(_ editLine: OpaquePointer?) -> LineEditor {
        Unmanaged<LineEditor>.fromOpaque(advisor_el_clientdata(editLine)!).takeUnretainedValue()
    }
}
