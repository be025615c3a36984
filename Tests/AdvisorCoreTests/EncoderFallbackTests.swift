/// The advisor without its sentence encoder (no model installed, a damaged file, or
/// `ADVISOR_MODEL=`): it answers on the lexical matcher alone, says so once on standard error
/// (not when asked for it), and `--version` says which way it reads.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct EncoderFallbackTests {
    @Test func withoutTheModelItAnswersAndSaysSoOnce() {
        let missing = "/nonexistent/advisor.model"
        let result = TestData.run(["--json"], stdin: "what does a devops engineer earn\nthanks\n", environment: ["ADVISOR_MODEL": missing])
        #expect(result.status == 0)
        let answers = result.stdout.split(separator: "\n")
        #expect(answers.count == 2)
        #expect(answers.first?.contains("\"intent\": \"role.salary\"") == true)
        #expect(result.stderr == "advisor: note: understanding: the lexical matcher alone (no sentence encoder model at \(missing); `make model` installs it)\n")
    }

    @Test func aDamagedModelIsReportedAndPassedOver() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-damaged-\(UUID().uuidString).model").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("not a model at all".utf8).write(to: URL(fileURLWithPath: path))
        let result = TestData.run(["ask", "what does a devops engineer earn"], environment: ["ADVISOR_MODEL": path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("A DevOps Engineer earns ₹6–10 LPA"))
        #expect(result.stderr.hasPrefix("advisor: note: understanding: the lexical matcher alone ("))
        #expect(result.stderr.contains(path))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func askedForTheLexicalMatcherAloneItSaysNothing() {
        let result = TestData.run(["ask", "what does a devops engineer earn"], environment: ["ADVISOR_MODEL": ""])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let version = TestData.run(["--version"], environment: ["ADVISOR_MODEL": ""])
        #expect(version.stdout == "0.1.0\nunderstanding: the lexical matcher alone (ADVISOR_MODEL is empty)\n")
    }

    @Test(.enabled(if: MeaningStageTests.encoderWanted)) func versionNamesTheEncoder() {
        let version = TestData.run(["--version"])
        #expect(version.stdout.hasPrefix("0.1.0\nunderstanding: the lexical matcher and the sentence encoder all-MiniLM-L6-v2 ("))
    }
}
