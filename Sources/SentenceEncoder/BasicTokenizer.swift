import Foundation

/// BERT's basic tokenizer as the reference runs it (Hugging Face `tokenizers`' BertNormalizer
/// with clean_text, handle_chinese_chars and lowercase, then BertPreTokenizer): text to words.
/// It works on Unicode scalars, as the reference works on Rust `char`s, never on `Character`s
/// (a Hindi vowel sign or a combining accent is its own scalar there).
enum BasicTokenizer {
    /// The words of `text`, each as its scalars, in order.
    static func words(_ text: Substring) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var word: [Unicode.Scalar] = []
        func endWord() {
            if !word.isEmpty { words.append(word); word.removeAll(keepingCapacity: true) }
        }
        for scalar in normalized(text) {
            if scalar == " " || scalar.properties.isWhitespace {
                endWord()
            } else if isPunctuation(scalar) {
                endWord()
                words.append([scalar])
            } else {
                word.append(scalar)
            }
        }
        endWord()
        return words
    }

    /// Cleaned, CJK-spaced, accent-stripped and lower-cased, in the reference's order: accents
    /// are stripped before lower-casing, so "İ" becomes "i" and not "i̇".
    static func normalized(_ text: Substring) -> [Unicode.Scalar] {
        var cleaned = String.UnicodeScalarView()
        var isASCII = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value == 0x09 || value == 0x0A || value == 0x0D {
                    cleaned.append(" ")
                } else if value >= 0x20 && value != 0x7F {
                    cleaned.append(scalar)
                }
                continue
            }
            isASCII = false
            // Control and format characters go, so a zero-width space or soft hyphen joins the
            // words around it; then every White_Space character is a space.
            if value == 0xFFFD || isOther(scalar) { continue }
            if scalar.properties.isWhitespace {
                cleaned.append(" ")
            } else if isCJKIdeograph(value) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(cleaned.count)
        if isASCII {
            for scalar in cleaned {
                let value = scalar.value
                result.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            }
            return result
        }
        for scalar in String(cleaned).decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            if properties.changesWhenLowercased {
                result.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return result
    }

    /// What the reference drops as "other" (the `unicode_categories` crate's `is_other`):
    /// control, format, surrogate and private use, but not unassigned code points, which stay
    /// and make their word `[UNK]` (checked against the reference on 6,000 strings).
    private static func isOther(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse: return true
        default: return false
        }
    }

    /// ASCII punctuation and symbols (33–47, 58–64, 91–96, 123–126), and Unicode's `P*`.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 33 && value <= 47) || (value >= 58 && value <= 64)
                || (value >= 91 && value <= 96) || (value >= 123 && value <= 126)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The CJK blocks `tokenizers` spaces out, as it lists them (its fifth extension range
    /// starts at U+2B920, not U+2B820 as in the Python tokenizer: the reference was checked).
    static func isCJKIdeograph(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
             0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
