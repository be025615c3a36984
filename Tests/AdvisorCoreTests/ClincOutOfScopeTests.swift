/// Guards declining: on the val split of CLINC150 (real requests from other domains, turned
/// into cases by ../shared/datasets/clinc150/to_cases.py), at most 3% of the out-of-scope
/// queries may get an in-scope answer, and the social intents stay recognised. The advisor
/// learns only from the train split (Intents/*.clinc.yaml), so val measures it honestly.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct ClincOutOfScopeTests {
    /// The most out-of-scope queries that may be answered as if in scope (issue 3: 3%).
    static let falseAcceptCeiling = 0.03
    /// The least share of greet, goodbye, thank and help queries read right; it only goes up.
    static let socialFloor = 0.90

    static let script = URL(fileURLWithPath: TestData.packageRoot)
        .deletingLastPathComponent().appendingPathComponent("shared/datasets/clinc150/to_cases.py").path
    static let available = FileManager.default.fileExists(atPath: script)
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    /// The val cases as (text, expected intent), converted by the dataset's own script.
    static func valCases() throws -> [(text: String, intent: String)] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, "--split", "val"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let turn = (json?["turns"] as? [[String: Any]])?.first
            return (turn?["text"] as? String ?? "", turn?["intent"] as? String ?? "")
        }
    }

    @Test(.enabled(if: available, "../shared/datasets/clinc150/to_cases.py or python3 is absent"))
    func declinesOtherDomainsAndKnowsSmallTalk() throws {
        let cases = try Self.valCases()
        try #require(cases.count > 2000, "expected the whole val split, got \(cases.count) cases")
        var outOfScope = 0, falseAccepts: [String] = []
        var social = 0, socialRight = 0, socialWrong: [String] = []
        for c in cases {
            var session = TestData.session()
            guard case .answer(let u, _) = session.respond(to: c.text) else { continue }
            if c.intent == "out_of_scope" {
                outOfScope += 1
                if u.intent != .outOfScope { falseAccepts.append("\(c.text) → \(u.intent.rawValue)") }
            } else {
                social += 1
                if u.intent.rawValue == c.intent { socialRight += 1 } else { socialWrong.append("\(c.text) → \(u.intent.rawValue)") }
            }
        }
        let falseAcceptRate = Double(falseAccepts.count) / Double(max(outOfScope, 1))
        let socialRate = Double(socialRight) / Double(max(social, 1))
        #expect(falseAcceptRate <= Self.falseAcceptCeiling,
                "false-accept \(falseAccepts.count) of \(outOfScope): \(falseAccepts.prefix(30).joined(separator: "; "))")
        #expect(socialRate >= Self.socialFloor,
                "social \(socialRight) of \(social) right: \(socialWrong.joined(separator: "; "))")
    }
}
