/// Without a terminal the advisor reads plain lines: no editor, no banner, no prompt, no escape
/// codes, no history; and a reader that goes away early ends it quietly.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct PlainModeTests {
    @Test func pipedInputGetsAnswersOnlyAndExitsZeroAtEndOfInput() {
        let result = TestData.run([], stdin: "what does a DevOps engineer earn\n:history\n")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("A DevOps Engineer earns ₹6–10 LPA"), "stdout: \(result.stdout)")
        #expect(result.stdout.contains("No history yet"))
        #expect(!result.stdout.contains("\u{1B}"), "escape codes in: \(result.stdout.debugDescription)")
        #expect(!result.stdout.contains("advisor>"))
        #expect(!result.stdout.contains("Type :help"))
        #expect(result.stderr.isEmpty, "stderr: \(result.stderr)")
    }

    @Test func jsonModeAnswersHistoryAsACommand() {
        let result = TestData.run(["--json"], stdin: ":history\n:history 5\n:history five\n")
        #expect(result.status == 0)
        #expect(result.stdout == """
            {"command": "history"}
            {"command": "history"}
            {"error": "':history' takes a number of entries, like ':history 20'."}

            """)
    }

    /// A program that talks to `advisor --json` line by line gets each answer before it sends
    /// the next line: reading ahead never waits for more input. The follow-up leans on the
    /// line before it, so it must be read with that line's context.
    @Test func aConversationOverAPipeIsAnsweredLineByLine() throws {
        let input = Pipe(), output = Pipe()
        let process = Process()
        process.executableURL = TestData.binary
        process.arguments = ["--json"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        func answer(_ line: String) throws -> String {
            try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
            var reply = Data()
            while !reply.contains(UInt8(ascii: "\n")), let chunk = try output.fileHandleForReading.read(upToCount: 1), !chunk.isEmpty {
                reply += chunk
            }
            return String(decoding: reply, as: UTF8.self)
        }
        #expect(try answer("what does a DevOps engineer earn").contains(#""intent": "role.salary""#))
        let followUp = try answer("what do they do?")
        #expect(followUp.contains(#""intent": "role.describe", "confidence": 1.0, "entities": {"role": ["devops-engineer"]}"#), "\(followUp)")
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// `advisor | head -1`: the reader closes the pipe after one line; the advisor, still
    /// answering, meets EPIPE and ends with status 0 and nothing on stderr.
    @Test func aClosedPipeEndsItQuietly() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("advisor-pipe-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        // Far more answers than a pipe holds, so the advisor is still writing when the pipe closes.
        let input = dir.appendingPathComponent("stdin")
        try Data(String(repeating: "what does a DevOps engineer earn\n", count: 2000).utf8).write(to: input)
        let errors = dir.appendingPathComponent("stderr")
        #expect(fm.createFile(atPath: errors.path, contents: nil))

        let pipe = Pipe()
        let process = Process()
        process.executableURL = TestData.binary
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = pipe
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        try pipe.fileHandleForWriting.close()
        var first = Data()
        while !first.contains(UInt8(ascii: "\n")), let chunk = try pipe.fileHandleForReading.read(upToCount: 1), !chunk.isEmpty {
            first += chunk
        }
        try pipe.fileHandleForReading.close()
        process.waitUntilExit()

        #expect(String(decoding: first, as: UTF8.self).hasPrefix("A DevOps Engineer earns"))
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOf: errors, encoding: .utf8) == "")
    }
}
