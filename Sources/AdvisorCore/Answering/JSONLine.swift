/// The contract's one-JSON-object-per-line output, written by hand so that the keys come in
/// the documented order (`input`, `intent`, `confidence`, `entities`, `answer`) and the
/// bytes are the same on every run.
public enum JSONLine {
    public static func render(_ reply: Session.Reply, input: String) -> String {
        switch reply {
        case .answer(let u, let text):
            let entities = EntityType.allCases.compactMap { type -> String? in
                guard let ids = u.entities[type], !ids.isEmpty else { return nil }
                return quote(type.rawValue) + ": [" + ids.map(quote).joined(separator: ", ") + "]"
            }.joined(separator: ", ")
            return "{\"input\": \(quote(input)), \"intent\": \(quote(u.intent.rawValue)), "
                + "\"confidence\": \(number(u.confidence)), \"entities\": {\(entities)}, \"answer\": \(quote(text))}"
        case .command(let name, _):
            return "{\"command\": \(quote(name))}"
        case .error(let message):
            return "{\"error\": \(quote(message))}"
        }
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
        // Built as UTF-8 bytes: appending scalar by scalar to a String costs more than the rest
        // of rendering an answer.
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 16)
        func append(_ literal: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)) }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": append("\\\"")
            case "\\": append("\\\\")
            case "\n": append("\\n")
            case "\r": append("\\r")
            case "\t": append("\\t")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
