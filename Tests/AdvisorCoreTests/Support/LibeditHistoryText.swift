/// libedit's history file format, to prepare a previous session's file and to read what a
/// session saved: a `_HiStOrY_V2_` line, then one entry per line with spaces, tabs, newlines
/// and backslashes written as octal escapes (`\040`), other bytes (UTF-8 included) as they are.
enum LibeditHistoryText {
    static func encode(_ entries: [String]) -> String {
        var text = "_HiStOrY_V2_\n"
        for entry in entries {
            for scalar in entry.unicodeScalars {
                switch scalar {
                case " ": text += "\\040"
                case "\t": text += "\\011"
                case "\n": text += "\\012"
                case "\\": text += "\\134"
                default: text.unicodeScalars.append(scalar)
                }
            }
            text += "\n"
        }
        return text
    }

    /// The entries of a file's text, octal escapes decoded.
    static func decode(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == "_HiStOrY_V2_" else { return [] }
        lines.removeFirst()
        if lines.last == "" { lines.removeLast() }
        return lines.map { line in
            var bytes: [UInt8] = []
            var utf8 = Array(line.utf8)[...]
            while let byte = utf8.popFirst() {
                if byte == UInt8(ascii: "\\"), utf8.count >= 3,
                   let value = UInt8(String(decoding: utf8.prefix(3), as: UTF8.self), radix: 8) {
                    bytes.append(value)
                    utf8 = utf8.dropFirst(3)
                } else {
                    bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
