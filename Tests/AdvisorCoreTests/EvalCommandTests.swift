/// `advisor eval` as a person runs it: the headline figures on the development set agree with
/// `../shared/eval/run_eval.py` on the same binary, and an unusable file is refused.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct EvalCommandTests {
    static let evalFolder = URL(fileURLWithPath: TestData.packageRoot).appendingPathComponent("../shared/eval").standardizedFileURL.path
    static let devSet = evalFolder + "/dev.jsonl"
    static let runner = evalFolder + "/run_eval.py"
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) } ?? Self.onPath("python3")
    static let canCompare = python != nil && FileManager.default.fileExists(atPath: devSet) && FileManager.default.fileExists(atPath: runner)

    static func onPath(_ name: String) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: canCompare, "python3, ../shared/eval/run_eval.py or dev.jsonl is absent: cannot compare with the runner"))
    func headlineFiguresAgreeWithRunEval() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("run-eval-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let runner = Self.execute(Self.python!, [Self.runner, "--cases", Self.devSet, "--advisor", "\(TestData.binary.path) --json", "--json-out", out])
        try #require(runner.status == 0, "run_eval.py: \(runner.stderr)\n\(runner.stdout)")
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])

        let ours = TestData.run(["eval", Self.devSet, "--json"])
        try #require(ours.status == 0, "advisor eval: \(ours.stderr)")
        let mine = try #require(try JSONSerialization.jsonObject(with: Data(ours.stdout.utf8)) as? [String: Any])

        #expect(mine["summary"] as? String == theirs["summary"] as? String)
        #expect(Self.lastLine(runner.stdout) == mine["summary"] as? String)
        let a = try #require(theirs["metrics"] as? NSDictionary), b = try #require(mine["metrics"] as? NSDictionary)
        #expect(a == b, "run_eval.py: \(a)\nadvisor eval: \(b)")
        #expect(theirs["per_intent"] as? NSDictionary == mine["per_intent"] as? NSDictionary)
        #expect(theirs["confusions"] as? NSArray == mine["confusions"] as? NSArray)

        let text = TestData.run(["eval", Self.devSet])
        #expect(Self.lastLine(text.stdout) == Self.lastLine(runner.stdout))
    }

    @Test func anUnusableCasesFileIsRefused() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "{\"id\": \"x\", \"turns\": [{\"text\": \"hi\", \"intent\": 3}]}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = TestData.run(["eval", file])
        #expect(result.status == 1)
        #expect(result.stderr == "advisor: \(file):1: (x turn 1): 'intent' must be a string\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func answersFromTheDataGivenWithData() throws {
        let root = try TestData.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try TestData.edit("Sources/Knowledge/roles.yaml", in: root, replacing: "  name: DevOps Engineer\n  responsibility: Automate and manage server infrastructure and processes.\n  salary: \"₹6–10 LPA\"",
                          with: "  name: DevOps Engineer\n  responsibility: Automate and manage server infrastructure and processes.\n  salary: \"₹7–11 LPA\"")
        let file = root + "/one.jsonl"
        try "{\"id\": \"x\", \"turns\": [{\"text\": \"what does a devops engineer earn\", \"intent\": \"role.salary\", \"answer_has\": [\"7–11 LPA\"]}]}\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = TestData.run(["eval", file, "--data", root])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.lastLine(result.stdout) == "intent 100.0% entities n/a facts 100.0% oos-recall n/a false-accept n/a false-reject 0.0%")
    }

    static func lastLine(_ text: String) -> String? {
        text.split(separator: "\n").last.map(String.init)
    }

    /// Runs a program with arguments, output to temporary files (no pipe can fill up).
    static func execute(_ program: String, _ arguments: [String]) -> (status: Int32, stdout: String, stderr: String) {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("exec-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? fm.removeItem(at: dir) }
            let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
            _ = fm.createFile(atPath: out.path, contents: nil)
            _ = fm.createFile(atPath: err.path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            try process.run()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self),
                    String(decoding: try Data(contentsOf: err), as: UTF8.self))
        } catch {
            return (-1, "", "could not run \(program): \(error)")
        }
    }
}
