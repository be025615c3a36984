/// Guards the transcript commands of the built binary: `advisor replay` (diff, reason,
/// summary, exit status), `--update`, `--coverage`, and `:save` in a real pseudo-terminal.
import AdvisorCore
import Foundation
import Testing

@Suite struct ReplayCommandTests {
    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-replay-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static let transcript = """
        # advisor transcript

        > how much do DevOps engineers make?
        = role.salary role=devops-engineer
        A DevOps Engineer earns ₹6–10 LPA on average in India.
        (LPA = lakh rupees per annum. Source: Glassdoor average salaries in India, as quoted in the article (updated Dec 27, 2024).)
        You could ask next: what skills does that role need?

        """

    @Test func anAnswerChangedOnPurposeFailsWithTheDiffAndReasonAndUpdateMakesItPass() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/salary.transcript"
        try Self.transcript.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(TestData.run(["replay", file]).status == 0)

        let changed = Self.transcript.replacingOccurrences(of: "₹6–10 LPA", with: "₹6–11 LPA")
        try changed.write(toFile: file, atomically: true, encoding: .utf8)
        let failed = TestData.run(["replay", file])
        #expect(failed.status == 1)
        #expect(failed.stdout == """
            \(file):3: same understanding, different text
            > how much do DevOps engineers make?
            --- expected
            +++ actual
            @@ -1,3 +1,3 @@
            -A DevOps Engineer earns ₹6–11 LPA on average in India.
            +A DevOps Engineer earns ₹6–10 LPA on average in India.
             (LPA = lakh rupees per annum. Source: Glassdoor average salaries in India, as quoted in the article (updated Dec 27, 2024).)
             You could ask next: what skills does that role need?

            0 passed, 1 failed

            """)

        let updated = TestData.run(["replay", "--update", file])
        #expect(updated.status == 0)
        #expect(updated.stdout.hasSuffix("0 passed, 1 failed\nUpdated:\n  \(file)\n"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.transcript)
        #expect(TestData.run(["replay", file]).stdout == "1 passed, 0 failed\n")
    }

    @Test func aChangedReadingNamesTheIntents() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/reading.transcript"
        try Self.transcript.replacingOccurrences(of: "= role.salary", with: "= role.describe")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = TestData.run(["replay", file])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("\(file):3: intent changed role.describe → role.salary\n"))
    }

    @Test func aMalformedTranscriptIsLocatedAndExits65() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/bad.transcript"
        try "# advisor transcript\n\n> hi\n= greeting\nHello!\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = TestData.run(["replay", file])
        #expect(result.status == 65)
        #expect(result.stdout.contains("\(file):4: "))
        #expect(result.stdout.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test func aMissingPathIsACleanError() {
        let result = TestData.run(["replay", "/nonexistent/none.transcript"])
        #expect(result.status == 66)
        #expect(result.stderr == "advisor: No transcript file or folder at '/nonexistent/none.transcript'.\n")
    }

    @Test func theShippedCorpusCoversEveryIntent() {
        let result = TestData.run(["replay", "--coverage", TestData.packageRoot + "/Transcripts"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("intents no transcript exercises: none\n"))
    }

    /// `:save` refuses names that leave the folder, keeps an existing file unless `:save!`,
    /// and what it writes replays green.
    @Test func saveInAPseudoTerminalWritesATranscriptThatReplaysGreen() throws {
        let home = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let folder = home + "/saved"
        let tty = try PseudoTerminal(arguments: ["--transcripts", folder], environment: PseudoTerminal.environment(home: home))
        defer { tty.stop() }
        try tty.type("what does a DBA earn" + PseudoTerminal.Key.enter)
        try tty.expect("₹4–7 LPA")
        try tty.type("and a system analyst?" + PseudoTerminal.Key.enter)
        try tty.expect("₹5–8 LPA")
        try tty.type(":save ../x" + PseudoTerminal.Key.enter)
        try tty.expect("A transcript name cannot contain '/'")
        try tty.type(":save dba-then-analyst" + PseudoTerminal.Key.enter)
        try tty.expect("Saved 2 turns to \(folder)/dba-then-analyst.transcript.")
        try tty.type(":save dba-then-analyst" + PseudoTerminal.Key.enter)
        try tty.expect("already exists; ':save! dba-then-analyst' replaces it.")
        try tty.type(PseudoTerminal.Key.ctrlD)
        #expect(try tty.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: home + "/x.transcript"))
        let replay = TestData.run(["replay", folder])
        #expect(replay.status == 0)
        #expect(replay.stdout == "1 passed, 0 failed\n")
    }

    @Test func recordWritesTheWholeSession() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/session.transcript"
        let run = TestData.run(["--record", file], stdin: "hi\nwhat does a DBA earn\n")
        #expect(run.status == 0)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("# advisor transcript\n\n> hi\n= greet\n"))
        #expect(text.contains("> what does a DBA earn\n= role.salary role=database-administrator\nA Database Administrator earns ₹4–7 LPA"))
        #expect(TestData.run(["replay", file]).status == 0)
    }

    /// `--record` appends each turn as it is answered: the file is byte for byte what the
    /// library records for the same lines, and `:save` on piped input saves a copy of it.
    @Test func recordStreamsTheSessionAndSaveCopiesIt() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/session.transcript"
        let lines = ["hi", "what does a DBA earn", "and a system analyst?", ":history", ":why"]
        let run = TestData.run(["--record", file, "--transcripts", folder + "/saved"],
                               stdin: (lines + [":save copy"]).joined(separator: "\n") + "\n")
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("Saved 4 turns to \(folder)/saved/copy.transcript. Replay it with: advisor replay \(folder)/saved/copy.transcript\n\n"))
        let expected = TranscriptRecorder.record(lines, advisor: TestData.advisor).render()
        #expect(try String(contentsOfFile: file, encoding: .utf8) == expected)
        #expect(try String(contentsOfFile: folder + "/saved/copy.transcript", encoding: .utf8) == expected)
    }
}
