/// Answers laid out for a terminal of a given width: long lines are broken between words, so
/// that the terminal does not break them in the middle of one. Only the REPL uses it; plain
/// output, `--json` and transcripts keep each answer's lines as they are.
public enum TextWrap {
    /// `text` with every line wider than `width` broken between words. A list item ("- ",
    /// "2. ") goes on under its text, not under its marker. Lines laid out in columns (a
    /// table, its rule) are left whole: broken, their columns would no longer line up. A word
    /// wider than the whole line stands on a line of its own.
    public static func wrap(_ text: String, width: Int) -> String {
        guard width >= 20 else { return text }
        var out: [Substring] = []
        var wrapped = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.count <= width || isColumns(line) {
                out.append(line)
                continue
            }
            let indent = String(repeating: " ", count: hangingIndent(line))
            var current = ""
            var currentWidth = 0
            wrapped = ""
            for word in line.split(separator: " ", omittingEmptySubsequences: true) {
                let w = word.count
                if currentWidth == 0 {
                    current = (wrapped.isEmpty ? String(line.prefix(while: { $0 == " " })) : indent) + word
                    currentWidth = current.count
                } else if currentWidth + 1 + w <= width {
                    current += " " + word
                    currentWidth += 1 + w
                } else {
                    wrapped += (wrapped.isEmpty ? "" : "\n") + current
                    current = indent + word
                    currentWidth = current.count
                }
            }
            wrapped += (wrapped.isEmpty ? "" : "\n") + current
            out.append(Substring(wrapped))
        }
        return out.joined(separator: "\n")
    }

    /// Two spaces between words, or a rule of dashes: a line laid out in columns.
    static func isColumns(_ line: Substring) -> Bool {
        let trimmed = line.drop(while: { $0 == " " })
        if !trimmed.isEmpty && trimmed.allSatisfy({ $0 == "-" || $0 == " " }) { return true }
        return trimmed.contains("  ")
    }

    /// How far a line's continuation is indented: under the text of a list item ("- ", "3. "),
    /// else as far as the line itself.
    static func hangingIndent(_ line: Substring) -> Int {
        let lead = line.prefix(while: { $0 == " " }).count
        let rest = line.dropFirst(lead)
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") || rest.hasPrefix("• ") { return lead + 2 }
        let digits = rest.prefix(while: \.isASCIIDigit)
        if !digits.isEmpty, digits.count <= 3, rest.dropFirst(digits.count).hasPrefix(". ") { return lead + digits.count + 2 }
        return lead
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
