/// The contract's one-JSON-object-per-line output, written by hand so that the keys come in
/// the documented order (`input`, `intent`, `confidence`, `entities`, `answer`) and the
/// bytes are the same on every run.
public enum JSONLine {
    public static func render(_ reply: Session.Reply, input: String) -> String {
        String(decoding: bytes(reply, input: input), as: UTF8.self)
    }

    /// The line as UTF-8 bytes, without its newline: what a batch writes, with no String made
    /// (checking the bytes again as a String cost a quarter of rendering them).
    public static func bytes(_ reply: Session.Reply, input: String) -> [UInt8] {
        // Built as UTF-8 bytes in one buffer: concatenating Strings piece by piece cost more
        // than the rest of rendering an answer.
        var out: [UInt8] = []
        switch reply {
        case .answer(let u, let text):
            out.reserveCapacity(input.utf8.count + text.utf8.count + 160)
            out += #"{"input": "#.utf8
            quote(input, into: &out)
            out += #", "intent": "#.utf8
            quote(u.intent.rawValue, into: &out)
            out += #", "confidence": "#.utf8
            out += number(u.confidence).utf8
            out += #", "entities": {"#.utf8
            var first = true
            for type in EntityType.allCases {
                guard let ids = u.entities[type], !ids.isEmpty else { continue }
                if !first { out += ", ".utf8 }
                first = false
                quote(type.rawValue, into: &out)
                out += ": [".utf8
                for (i, id) in ids.enumerated() {
                    if i > 0 { out += ", ".utf8 }
                    quote(id, into: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
            out += #"}, "answer": "#.utf8
            quote(text, into: &out)
            out.append(UInt8(ascii: "}"))
        case .command(let name, _):
            out += #"{"command": "#.utf8
            quote(name, into: &out)
            out.append(UInt8(ascii: "}"))
        case .error(let message):
            out += #"{"error": "#.utf8
            quote(message, into: &out)
            out.append(UInt8(ascii: "}"))
        }
        return out
    }

    /// A confidence with three decimals, always in [0, 1].
    static func number(_ value: Double) -> String {
        let clamped = min(1, max(0, value.isFinite ? value : 0))
        let thousandths = Int((clamped * 1000).rounded())
        if thousandths == 1000 { return "1.0" }
        var digits = String(thousandths)
        while digits.count < 3 { digits = "0" + digits }
        while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
        return "0." + digits
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; the rest
    /// (₹, –, Devanagari) written as UTF-8.
    public static func quote(_ text: String) -> String {
        var out: [UInt8] = []
        quote(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal. Works on the UTF-8 bytes: the characters that
    /// need escaping are ASCII controls, `"` and `\`, the C1 controls (C2 80–9F) and the line
    /// and paragraph separators (E2 80 A8/A9), which some JSON readers take for line ends.
    static func quote(_ text: String, into out: inout [UInt8]) {
        var text = text
        out.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                // A run of bytes that need no escaping goes in whole: byte by byte, appending
                // cost more than the rest of the line.
                var j = i
                while j < n {
                    let c = bytes[j]
                    if c < 0x20 || c == 0x22 || c == 0x5C || c == 0x7F || c == 0xC2 || c == 0xE2 { break }
                    j += 1
                }
                if j > i {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    i = j
                    if i == n { break }
                }
                let b = bytes[i]
                switch b {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
                case 0x00..<0x20, 0x7F:
                    escape(UInt32(b), into: &out)
                case 0xC2 where i + 1 < n && (0x80...0x9F).contains(bytes[i + 1]):
                    escape(UInt32(bytes[i + 1]), into: &out)
                    i += 1
                case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029, into: &out)
                    i += 2
                default:
                    out.append(b)
                }
                i += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `\u` and four lower-case hex digits.
    private static func escape(_ value: UInt32, into out: inout [UInt8]) {
        let digits = Array("0123456789abcdef".utf8)
        out += [0x5C, UInt8(ascii: "u")]
        for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int((value >> UInt32(shift)) & 0xF)]) }
    }
}
