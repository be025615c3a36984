/// Makes a typed or piped line safe to keep and to show again: what the REPL saves in the
/// history, what a transcript records as the user's line, and the text an answer quotes
/// (`:why`'s "You asked", an unknown command's name).
///
/// A terminal acts on control bytes instead of showing them: an escape sequence pasted into a
/// line (`ESC[2J`, an OSC window title) would clear the screen or retitle the window each time
/// the line is shown again, and a carriage return or NUL would garble a history or transcript
/// file. So escape sequences are removed whole, other control characters become spaces (the
/// words on either side stay apart: `what\0is` reads as "what is"), and the bidirectional
/// overrides that make a line display as something other than what it says are removed.
/// Everything printable stays: emoji (with their joiners), right-to-left and Devanagari text,
/// and U+FFFD where the input was not valid UTF-8.
///
/// Works on UTF-8 bytes: every character it acts on is ASCII or one of a few two- and
/// three-byte sequences, so a 10 MB line is cleaned in one pass.
public enum InputSanitizer {
    /// The line with escape sequences removed and other control characters as spaces; the
    /// same string when there is nothing to clean, which is the common case.
    public static func clean(_ line: String) -> String {
        guard needsCleaning(line) else { return line }
        let bytes = Array(line.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { input in
            var reader = Reader(bytes: input)
            while let byte = reader.next() {
                switch byte {
                case 0x1B:
                    reader.skipEscape()
                case 0x00...0x1F, 0x7F:
                    output.append(0x20)
                case 0xC2 where reader.peek().map({ (0x80...0x9F).contains($0) }) == true:
                    let control = reader.next()!
                    switch control {
                    case 0x9B: reader.skipControlSequence()
                    case 0x90, 0x98, 0x9D, 0x9E, 0x9F: reader.skipControlString()
                    default: output.append(0x20)
                    }
                case 0xE2:
                    guard let second = reader.peek(), let third = reader.peek(1),
                          let special = Self.special(second: second, third: third) else {
                        output.append(byte)
                        continue
                    }
                    reader.at += 2
                    if special == .separator { output.append(0x20) }
                default:
                    output.append(byte)
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The text with every control character but the line feed made visible instead of
    /// removed: `^[` for ESC, `^@` for NUL, `^?` for DEL, `<U+0085>` for a C1 control or a
    /// bidirectional override. For messages that quote a file's text back (a replay's diff, a
    /// data error), where what is wrong must be seen but must not act on the terminal.
    public static func showingControls(_ text: String) -> String {
        guard needsCleaning(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                out.append(scalar)
            case 0x00...0x1F:
                out.append("^")
                out.append(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            case 0x7F:
                out.append(contentsOf: "^?".unicodeScalars)
            case 0x80...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                out.append(contentsOf: "<U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(4))>".unicodeScalars)
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when `clean` would change the line.
    public static func needsCleaning(_ line: String) -> Bool {
        var utf8 = line.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x00...0x1F, 0x7F:
                return true
            case 0xC2:
                if let next = utf8.next(), (0x80...0x9F).contains(next) { return true }
            case 0xE2:
                guard let second = utf8.next(), let third = utf8.next() else { return false }
                if special(second: second, third: third) != nil { return true }
            default:
                continue
            }
        }
        return false
    }

    private enum Special { case separator, override }

    /// U+2028 and U+2029 (line and paragraph separators: E2 80 A8–A9) read as spaces; the
    /// embeddings and overrides U+202A–E (E2 80 AA–AE) and the isolates U+2066–9 (E2 81 A6–A9)
    /// are removed.
    private static func special(second: UInt8, third: UInt8) -> Special? {
        if second == 0x80 && (0xA8...0xA9).contains(third) { return .separator }
        if second == 0x80 && (0xAA...0xAE).contains(third) { return .override }
        if second == 0x81 && (0xA6...0xA9).contains(third) { return .override }
        return nil
    }

    /// A cursor over the line's bytes that knows ECMA-48's shapes of escape sequences.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        mutating func next() -> UInt8? {
            guard at < bytes.count else { return nil }
            defer { at += 1 }
            return bytes[at]
        }

        func peek(_ ahead: Int = 0) -> UInt8? {
            at + ahead < bytes.count ? bytes[at + ahead] : nil
        }

        /// After ESC: `[` starts a control sequence; `]`, `P`, `X`, `^` and `_` a control
        /// string; otherwise intermediates (0x20–0x2F) and one final character end it.
        mutating func skipEscape() {
            switch peek() {
            case UInt8(ascii: "["):
                at += 1
                skipControlSequence()
            case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
                at += 1
                skipControlString()
            default:
                while let c = peek(), (0x20...0x2F).contains(c) { at += 1 }
                if let c = peek(), (0x30...0x7E).contains(c) { at += 1 }
            }
        }

        /// Parameters (0x30–0x3F) and intermediates (0x20–0x2F), then one final byte
        /// (0x40–0x7E). Anything else ends the sequence early and is kept, so a stray ESC
        /// cannot eat the text after it.
        mutating func skipControlSequence() {
            while let c = peek(), (0x20...0x3F).contains(c) { at += 1 }
            if let c = peek(), (0x40...0x7E).contains(c) { at += 1 }
        }

        /// Up to and including BEL or ST (ESC `\`, or U+009C), or to the end of the line: a
        /// terminal would swallow the same text, so nothing it would have shown is lost.
        mutating func skipControlString() {
            while let c = next() {
                switch c {
                case 0x07:
                    return
                case 0x1B:
                    if peek() == UInt8(ascii: "\\") { at += 1 }
                    return
                case 0xC2 where peek() == 0x9C:
                    at += 1
                    return
                default:
                    continue
                }
            }
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
