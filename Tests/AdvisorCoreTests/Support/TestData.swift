/// Shared fixtures: the built-in advisor loaded once, editable copies of the data, and a runner for the built binary.
import Foundation
@testable import AdvisorCore

enum TestData {
    /// This checkout, as a build inside it finds it: its data, with the index kept in
    /// `.build/advisor-cache/`, and the model `make model` converts.
    static let checkout = Installation.checkout(packageRoot)
    /// The shipped data.
    static var data: DataRoot { checkout.data }
    /// The sentence encoder `make model` installs (`ADVISOR_MODEL` may name another, or none).
    static let model = checkout.encoderModel(environment: ProcessInfo.processInfo.environment)

    /// The advisor over the shipped data, loaded once for the whole test run, with `model`;
    /// `MeaningStageTests.theEncoderIsOn` fails the run when it is missing.
    static let advisor: Advisor = try! Advisor.load(from: data, model: model)
    /// The same data read with the lexical matcher alone, as on a machine without the model.
    static let lexical: Advisor = try! Advisor.load(from: data, model: .none)

    /// The package root: this file lives in `Tests/AdvisorCoreTests/Support/`.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A fresh session of the shared advisor.
    static func session() -> Session { advisor.session() }

    /// Copies `Intents/` and `Sources/Knowledge/` into a new temporary folder laid out like the
    /// package, so a test can break or change the data without touching the real files.
    static func copyOfData() throws -> String {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("advisor-data-\(UUID().uuidString)")
        let source = URL(fileURLWithPath: packageRoot)
        for folder in ["Intents", "Sources/Knowledge"] {
            let target = root.appendingPathComponent(folder)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: source.appendingPathComponent(folder), to: target)
        }
        return root.path
    }

    /// Replaces exactly one occurrence of `old` with `new` in the file at `relative` under `root`.
    /// Fails the calling test (by throwing) when `old` does not occur exactly once, so an edit
    /// that no longer applies to changed data is reported rather than silently skipped.
    static func edit(_ relative: String, in root: String, replacing old: String, with new: String) throws {
        let path = (root as NSString).appendingPathComponent(relative)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let count = text.components(separatedBy: old).count - 1
        guard count == 1 else { throw EditError(file: relative, text: old, count: count) }
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    struct EditError: Error, CustomStringConvertible {
        let file: String
        let text: String
        let count: Int
        var description: String { "expected '\(text)' exactly once in \(file), found it \(count) times" }
    }

    /// The `advisor` executable built beside the test bundle, or in `.build/debug`.
    static let binary: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("advisor")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: packageRoot).appendingPathComponent(".build/debug/advisor")
    }()

    /// Runs the built binary with `args`, feeding it `stdin`, and returns its exit status and output.
    /// Input and output go through temporary files, so no pipe can fill up and stall the child.
    /// - Parameters:
    ///   - environment: added to this process's environment, or, with `inheriting: false`, all of it.
    ///   - executable: another program to run (InstallTests runs installed advisors).
    ///   - directory: the folder it starts in (this process's by default).
    static func run(_ args: [String], stdin: String = "", environment: [String: String] = [:], inheriting: Bool = true,
                    executable: URL = binary, directory: String? = nil) -> (status: Int32, stdout: String, stderr: String) {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("advisor-run-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? fm.removeItem(at: dir) }
            let input = dir.appendingPathComponent("stdin")
            let output = dir.appendingPathComponent("stdout")
            let errors = dir.appendingPathComponent("stderr")
            try Data(stdin.utf8).write(to: input)
            _ = fm.createFile(atPath: output.path, contents: nil)
            _ = fm.createFile(atPath: errors.path, contents: nil)
            let process = Process()
            process.executableURL = executable
            process.arguments = args
            if !inheriting {
                process.environment = environment
            } else if !environment.isEmpty {
                process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            }
            if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
            process.standardInput = try FileHandle(forReadingFrom: input)
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
            process.waitUntilExit()
            let out = String(decoding: try Data(contentsOf: output), as: UTF8.self)
            let err = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
            return (process.terminationStatus, out, err)
        } catch {
            return (-1, "", "could not run \(executable.path): \(error)")
        }
    }
}
