import Foundation

/// How `run_eval.py` compares a fact with an answer: terminal colour codes dropped, NFKC,
/// lower case, every dash as `-`, runs of white space as one space; then a plain substring
/// test on Unicode scalars (as Python compares code points, not Swift's graphemes).
enum FactText {
    static func fold(_ text: String) -> String {
        let lowered = withoutColourCodes(text).precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in lowered.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            switch scalar.value {
            case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: out.append("-")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    static func contains(_ text: String, _ part: String) -> Bool {
        let haystack = Array(text.unicodeScalars), needle = Array(part.unicodeScalars)
        if needle.isEmpty { return true }
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Python's `\s`: Unicode white space, and the separators U+001C–U+001F it counts too.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    /// Drops `ESC [ digits ; ? letter` sequences.
    private static func withoutColourCodes(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{1B}") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" {
                var j = i + 2
                while j < scalars.count, ("0"..."9").contains(scalars[j]) || scalars[j] == ";" || scalars[j] == "?" { j += 1 }
                if j < scalars.count, ("a"..."z").contains(scalars[j]) || ("A"..."Z").contains(scalars[j]) {
                    i = j + 1
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }
}
