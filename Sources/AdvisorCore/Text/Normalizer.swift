import Foundation

/// Turns raw text into the terms the matcher compares: folded words (case, NFKC, dashes,
/// quotes), contractions expanded, number words as figures, then stemmed, with synonyms
/// folded to one canonical term. The same function reads examples, aliases and questions.
///
/// A class holding its own copy of the lexicon: handed around with every line, a struct would
/// retain and release the lexicon's dozen tables at each hand-over.
final class Normalizer: Sendable {
    let lexicon: Lexicon

    init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Case- and Unicode-folds the text and splits it into words, expanding contractions
    /// and number words. Words keep `#`, `+` and inner `.` so "c#", "c++" and "node.js" survive.
    func words(_ text: String) -> [String] {
        var folded = Self.fold(text)
        if let ascii = folded.withUTF8({ Self.asciiWords($0) }) { return ascii.flatMap(expand) }
        return Self.scalarWords(folded).flatMap(expand)
    }

    /// The words of folded text by Unicode scalars, before expansion: the rules for any text
    /// (and what the ASCII path must equal).
    static func scalarWords(_ folded: String) -> [String] {
        var words: [String] = []
        var current = ""
        let scalars = Array(folded.unicodeScalars)
        for (i, ch) in scalars.enumerated() {
            if Self.isWordScalar(ch) {
                current.unicodeScalars.append(ch)
            } else if (ch == "." || ch == "'") && !current.isEmpty && i + 1 < scalars.count && Self.isWordScalar(scalars[i + 1])
                        && scalars[i + 1].properties.isAlphabetic {
                current.unicodeScalars.append(ch)
            } else if (ch == "#" || ch == "+") && !current.isEmpty {
                current.unicodeScalars.append(ch)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The words of folded ASCII text, by the rules of `words` (which this mirrors byte for
    /// byte: most lines are ASCII), or nil when the text has other bytes.
    static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
        @inline(__always) func isWord(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) }
        var words: [String] = []
        var start = -1
        for i in 0..<bytes.count {
            let b = bytes[i]
            if isWord(b) {
                if start < 0 { start = i }
            } else if (b == 0x2E || b == 0x27) && start >= 0 && i + 1 < bytes.count && isLetter(bytes[i + 1]) {
                continue
            } else if (b == 0x23 || b == 0x2B) && start >= 0 {
                continue
            } else if start >= 0 {
                words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = -1
            }
        }
        if start >= 0 { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
        return words
    }

    /// Expands one word: contractions first, then contracted endings, then number words.
    private func expand(_ word: String) -> [String] {
        if let whole = lexicon.contractions[word] { return whole }
        if word.utf8.contains(UInt8(ascii: "'")) {
            for (ending, replacement) in lexicon.suffixes where word.hasSuffix(ending) && word.count > ending.count {
                let base = String(word.dropLast(ending.count).filter { $0 != "'" })
                return [base] + replacement.filter { !$0.isEmpty }
            }
            return [String(word.filter { $0 != "'" })]
        }
        if let number = lexicon.numbers[word] { return [number] }
        return [word]
    }

    /// Stems the words and folds synonym phrases (longest variant first) into canonical terms.
    func terms(of words: [String]) -> [String] {
        let stems = words.map(Stemmer.stem)
        guard !lexicon.synonyms.isEmpty else { return stems }
        var terms: [String] = []
        var i = 0
        outer: while i < stems.count {
            if let candidates = lexicon.synonyms[stems[i]] {
                for (variant, canonical) in candidates where i + variant.count <= stems.count {
                    if Array(stems[i..<(i + variant.count)]) == variant {
                        terms.append(canonical)
                        i += variant.count
                        continue outer
                    }
                }
            }
            terms.append(stems[i])
            i += 1
        }
        return terms
    }

    /// Lowercase, NFKC, every dash as "-", every curly quote straight, control bytes as spaces.
    static func fold(_ text: String) -> String {
        // The common case, plain ASCII, is folded byte by byte.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { b -> UInt8 in
                switch b {
                case 0x41...0x5A: return b + 0x20
                case 0x60: return 0x27
                case 0x00...0x1F, 0x7F: return 0x20
                default: return b
                }
            }, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        // ASCII text is already in NFKC; only the rest pays for Foundation's normalization.
        let normalized = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCompatibilityMapping
        for scalar in normalized.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: out.append("-")
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x0060, 0x00B4: out.append("'")
            case 0x201C, 0x201D, 0x201F, 0x2033: out.append("\"")
            case 0x00...0x1F, 0x7F...0x9F: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }
}
