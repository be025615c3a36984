/// Guards the built `advisor` binary: `ask`, plain stdin, `--json` batches, data errors and usage errors, with their exit codes.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct EndToEndTests {
    static let question = "what does a DevOps engineer earn"

    @Test func askAnswersOneQuestion() {
        let result = TestData.run(["ask", Self.question])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("₹6–10 LPA"), "stdout: \(result.stdout)")
        #expect(result.stderr.isEmpty, "stderr: \(result.stderr)")
    }

    @Test func answersQuestionsFromStandardInput() {
        let result = TestData.run([], stdin: Self.question + "\n")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("₹6–10 LPA"), "stdout: \(result.stdout)")
    }

    @Test func jsonModeWritesOneObjectPerInputLine() throws {
        let result = TestData.run(["--json"], stdin: Self.question + "\n:reset\n\n")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = Self.lines(result.stdout)
        try #require(lines.count == 3, "stdout: \(result.stdout)")
        let objects = try lines.map(Self.object)

        let keys: Set<String> = ["input", "intent", "confidence", "entities", "answer"]
        #expect(keys.isSubset(of: Set(objects[0].keys)), "keys: \(objects[0].keys.sorted())")
        #expect(objects[0]["input"] as? String == Self.question)
        #expect(objects[0]["intent"] as? String == "role.salary")
        #expect(objects[0]["entities"] as? [String: [String]] == ["role": ["devops-engineer"]])
        let confidence = try #require(objects[0]["confidence"] as? Double)
        #expect((0...1).contains(confidence))
        #expect((objects[0]["answer"] as? String)?.contains("₹6–10 LPA") == true)

        #expect(lines[1] == #"{"command": "reset"}"#)

        #expect(objects[2]["input"] as? String == "")
        #expect(objects[2]["intent"] as? String == "out_of_scope")
        #expect(objects[2]["entities"] as? [String: [String]] == [:])
    }

    @Test func jsonModeReportsAnUnknownCommandAndGoesOn() throws {
        let result = TestData.run(["--json"], stdin: ":nonsense\nhi\n")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = Self.lines(result.stdout)
        try #require(lines.count == 2, "stdout: \(result.stdout)")
        let error = try Self.object(lines[0])
        #expect(Set(error.keys) == ["error"])
        #expect(lines[0] == #"{"error": "Unknown command ':nonsense'. Type :help for the commands."}"#)
        #expect(try Self.object(lines[1])["intent"] as? String == "greet")
    }

    @Test func brokenDataExitsWithDataErrorStatus() throws {
        let root = try TestData.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try TestData.edit("Sources/Knowledge/roles.yaml", in: root,
                          replacing: "  name: DevOps Engineer\n", with: "  name: DevOps Engineer: the one\n")
        let error = try #require(throws: DataError.self) { try Advisor.load(from: DataRoot(path: root), model: TestData.model) }
        #expect(error.description.hasPrefix("Sources/Knowledge/roles.yaml:"))

        let result = TestData.run(["--data", root, "ask", "hi"])
        #expect(result.status == 65)
        #expect(result.stderr == "advisor: \(error.description)\n")
        #expect(result.stdout.isEmpty, "stdout: \(result.stdout)")
    }

    /// Forms ArgumentParser reads (not the hand-read plain ones) still give `ask` its `--json`.
    @Test(arguments: [["ask", "--data=ROOT", "hi", "--json"], ["ask", "--json", "--", "hi"], ["ask", "hi", "--json", "--data", "ROOT", "--data", "ROOT"]])
    func askJSONInEveryForm(arguments: [String]) throws {
        let root = TestData.packageRoot
        let result = TestData.run(arguments.map { $0.replacingOccurrences(of: "ROOT", with: root) })
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix(#"{"input": "hi", "intent": "greet", "confidence": 1.0, "entities": {}, "answer": "Hello!"#),
                "stdout: \(result.stdout)")
    }

    @Test func askWithoutAQuestionShowsUsage() {
        let result = TestData.run(["ask"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Usage: advisor ask"), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty, "stdout: \(result.stdout)")
    }

    // MARK: Helpers

    static func lines(_ output: String) -> [String] {
        var lines = output.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    struct NotAnObject: Error, CustomStringConvertible {
        let line: String
        var description: String { "not a JSON object: \(line)" }
    }

    static func object(_ line: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw NotAnObject(line: line)
        }
        return object
    }
}
