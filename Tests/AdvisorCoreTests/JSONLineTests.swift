/// Guards the `--json` line format: the contract's key order, and strings that any JSON reader
/// takes back unchanged, whatever the line or the answer holds.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct JSONLineTests {
    @Test func everyCharacterThatMustBeEscapedIs() {
        let text = "a\"b\\c\nd\re\tf\u{0}g\u{1F}h\u{7F}i\u{85}j\u{9F}k\u{2028}l\u{2029}m ₹6–10 LPA मराठी 🙂"
        #expect(JSONLine.quote(text)
            == #""a\"b\\c\nd\re\tf\u0000g\u001fh\u007fi\u0085j\u009fk\u2028l\u2029m ₹6–10 LPA मराठी 🙂""#)
    }

    @Test func aQuotedStringReadsBackAsItWas() throws {
        // Every scalar up to U+3000 and a few beyond, in one string.
        var scalars = String.UnicodeScalarView()
        for value in UInt32(0)...0x3000 { if let scalar = Unicode.Scalar(value) { scalars.append(scalar) } }
        for value: UInt32 in [0xFEFF, 0xFFFD, 0x1F600, 0x10FFFF] { scalars.append(Unicode.Scalar(value)!) }
        let text = String(scalars)
        let quoted = JSONLine.quote(text)
        let back = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: [.fragmentsAllowed]) as? String
        #expect(back == text)
    }

    @Test func anAnswerKeepsTheContractsKeyOrder() throws {
        let advisor = TestData.advisor
        var session = advisor.session()
        let line = JSONLine.render(session.respond(to: "what does a devops engineer earn"), input: "what does a devops engineer earn")
        #expect(line.hasPrefix(#"{"input": "what does a devops engineer earn", "intent": "role.salary", "confidence": "#))
        #expect(line.contains(#", "entities": {"role": ["devops-engineer"]}, "answer": "A DevOps Engineer earns ₹6–10 LPA"#))
        #expect(line.hasSuffix("\"}"))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?.keys.sorted() == ["answer", "confidence", "entities", "input", "intent"])
    }
}
