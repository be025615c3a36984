/// Broken files around the advisor: a history or profile that is missing, unreadable, a folder,
/// a named pipe, corrupt, huge or on a disk that cannot be written; no HOME; `:save` onto a
/// taken, bad or unwritable name; transcripts that are not text. The advisor always starts,
/// says what is wrong once, and goes on answering.
///
/// The tests run as root, which chmod does not stop, so the failures are real ones: a path
/// under a regular file (ENOTDIR), a file in /proc (which no one can create: ENOENT on
/// write), /proc/self/mem (EIO on read), a named pipe, a folder.
import Foundation
import Testing
@testable import AdvisorCore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct RobustnessFileTests {
    /// How a history or profile file is broken.
    enum Damage: String, Sendable {
        case missing, underAFile, procMem, folder, namedPipe, foreign, historyWithJunk
        case hugeEntries, hugeEntry, hugeBinary, readOnlyDisk, corruptProfile, notUTF8, hugeText

        /// Makes the file called `name` in `home` damaged this way, and returns its path.
        func make(_ name: String, in home: String) throws -> String {
            let path = home + "/" + name
            switch self {
            case .missing: break
            case .underAFile:
                try "x".write(toFile: home + "/file", atomically: true, encoding: .utf8)
                return home + "/file/" + name
            case .procMem: return "/proc/self/mem"
            case .folder: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            case .namedPipe: mkfifo(path, 0o600)
            case .foreign: try Data([0x00, 0xFF, 0x1B, 0x5B, 0x32, 0x4A, 0x0A]).write(to: URL(fileURLWithPath: path))
            case .historyWithJunk:
                try Data(Array("_HiStOrY_V2_\nwhat\\040is\\040Go\n".utf8) + [0x00, 0x01, 0xFF, 0x1B, 0x5B, 0x32, 0x4A, 0x0A])
                    .write(to: URL(fileURLWithPath: path))
            case .hugeEntries: try RobustnessFileTests.hugeHistory(path, oneLine: false)
            case .hugeEntry: try RobustnessFileTests.hugeHistory(path, oneLine: true)
            case .hugeBinary: try Data(repeating: 0xFF, count: 50_000_000).write(to: URL(fileURLWithPath: path))
            case .readOnlyDisk: return "/proc/advisor_" + name
            case .corruptProfile: try "level: student\nthis is not a profile\n".write(toFile: path, atomically: true, encoding: .utf8)
            case .notUTF8: try Data(Array("level: ".utf8) + [0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
            case .hugeText: try Data(repeating: 0x61, count: 50_000_000).write(to: URL(fileURLWithPath: path))
            }
            return path
        }
    }

    /// A broken file and the one warning it must give (`{path}` stands for its path).
    struct Broken: CustomTestStringConvertible, Sendable {
        let damage: Damage
        let warning: String?
        init(_ damage: Damage, _ warning: String?) {
            self.damage = damage
            self.warning = warning
        }
        var testDescription: String { damage.rawValue }
    }

    static let historyCases: [Broken] = [
        Broken(.missing, nil),
        Broken(.underAFile, "cannot read the history file {path} (Not a directory); this session's lines will not be saved."),
        Broken(.procMem, "cannot read the history file /proc/self/mem (Input/output error)"),
        Broken(.folder, "cannot read the history file {path} (it is a folder)"),
        Broken(.namedPipe, "cannot read the history file {path} (it is not a regular file)"),
        Broken(.foreign, "{path} is not an advisor history file, so it is left alone"),
        Broken(.historyWithJunk, nil),
        Broken(.hugeEntries, nil),
        Broken(.hugeEntry, "{path} held 1 line(s) longer than 16384 characters; they are left out of the history."),
        Broken(.hugeBinary, "{path} is not an advisor history file"),
        Broken(.readOnlyDisk, "cannot save the history to /proc/advisor_history"),
    ]

    @Test(arguments: historyCases)
    func aBrokenHistoryFileGivesOneWarningAndTheAdvisorWorks(_ broken: Broken) throws {
        try Self.withHome { home in
            let path = try broken.damage.make("history", in: home)
            let output = try Self.session(environment: PseudoTerminal.environment(home: home, extra: ["ADVISOR_HISTORY": path]))
            Self.expectOneWarning(output, broken.warning?.replacingOccurrences(of: "{path}", with: path))
        }
    }

    static let profileCases: [Broken] = [
        Broken(.missing, nil),
        Broken(.underAFile, "cannot read the profile {path} (Not a directory); starting without it and leaving the file as it is."),
        Broken(.procMem, "cannot read the profile /proc/self/mem (Input/output error)"),
        Broken(.folder, "cannot read the profile {path} (it is a folder)"),
        Broken(.namedPipe, "cannot read the profile {path} (it is not a regular file)"),
        Broken(.corruptProfile, "the profile {path} is not readable (line 2: 'this is not a profile' is not a 'key: value' line)"),
        Broken(.notUTF8, "cannot read the profile {path} (it is not UTF-8 text)"),
        Broken(.hugeText, "cannot read the profile {path} (50000000 bytes is too large for a profile, which is a few lines)"),
        Broken(.readOnlyDisk, "Could not write /proc/advisor_profile: No such file or directory. Your profile is kept for this session only."),
    ]

    /// Each session tells the advisor two facts, so a profile that cannot be written is tried
    /// twice and must still warn only once.
    @Test(arguments: profileCases)
    func aBrokenProfileGivesOneWarningAndTheAdvisorWorks(_ broken: Broken) throws {
        try Self.withHome { home in
            let path = try broken.damage.make("profile", in: home)
            let before = Self.fingerprint(path)
            let output = try Self.session(environment: PseudoTerminal.environment(home: home, extra: ["ADVISOR_PROFILE": path]))
            Self.expectOneWarning(output, broken.warning?.replacingOccurrences(of: "{path}", with: path))
            // A file that could not be used is left exactly as it was.
            if broken.warning != nil && !path.hasPrefix("/proc") {
                #expect(Self.fingerprint(path) == before)
            }
        }
    }

    /// Type, size and modification time of what is at `path`, or nil.
    static func fingerprint(_ path: String) -> [String]? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return [attributes[.type], attributes[.size], attributes[.modificationDate]].map { "\($0 ?? "-")" }
    }

    @Test func forgetNeverDeletesAFolderNamedLikeTheProfile() throws {
        try Self.withHome { home in
            let folder = home + "/profile"
            try FileManager.default.createDirectory(atPath: folder + "/inside", withIntermediateDirectories: true)
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home, extra: ["ADVISOR_PROFILE": folder]))
            defer { tty.stop() }
            try tty.type(":forget" + PseudoTerminal.Key.enter)
            try tty.expect("could not delete \(folder): it is a folder.")
            #expect(FileManager.default.fileExists(atPath: folder + "/inside"))
        }
    }

    @Test func withoutHomeItWarnsOnceAndWorksWithoutHistoryOrProfile() throws {
        try Self.withHome { home in
            let environment = PseudoTerminal.environment(home: home, extra: ["HOME": nil, "ADVISOR_HISTORY": nil])
            let output = try Self.session(environment: environment)
            Self.expectOneWarning(output, "HOME is not set, so this session's lines will not be saved; set ADVISOR_HISTORY to a file to keep them.")
            #expect(try FileManager.default.contentsOfDirectory(atPath: home).isEmpty)
        }
    }

    // MARK: - :save

    @Test func saveRefusesATakenNameABadNameAndAnUnwritableFolderLeavingNoFile() throws {
        try Self.withHome { home in
            let folder = home + "/transcripts"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "mine\n".write(toFile: folder + "/taken.transcript", atomically: true, encoding: .utf8)
            try "x".write(toFile: home + "/file", atomically: true, encoding: .utf8)
            let lines = ["hello", ":save taken", ":save ../up", ":save a/b", ":save .hidden", ":save bad*name", ":save two words",
                         ":save " + String(repeating: "n", count: 65), ":save ok"]
            // Piped input keeps its turns only under --record (here outside `home`, whose files are counted below).
            let record = try Self.recordFile()
            defer { try? FileManager.default.removeItem(atPath: (record as NSString).deletingLastPathComponent) }
            let run = TestData.run(["--transcripts", folder, "--record", record], stdin: lines.joined(separator: "\n") + "\n")
            #expect(run.status == 0)
            let replies = run.stdout.components(separatedBy: "\n\n").dropFirst().map { $0.trimmingCharacters(in: .newlines) }
            #expect(Array(replies.prefix(8)) == [
                "\(folder)/taken.transcript already exists; ':save! taken' replaces it.",
                "A transcript name cannot contain '/': it names a file in the transcripts folder. Try a name like 'salary-followups'.",
                "A transcript name cannot contain '/': it names a file in the transcripts folder. Try a name like 'salary-followups'.",
                "A transcript name cannot start with '.', which would hide the file. Try a name like 'salary-followups'.",
                "A transcript name may hold only letters, digits, '-', '_' and '.', not '*'. Try a name like 'salary-followups'.",
                "Give one name, for example ':save salary-questions' (letters, digits, '-', '_' and '.').",
                "A transcript name has at most 64 characters; this one has 65.",
                "Saved 1 turn to \(folder)/ok.transcript. Replay it with: advisor replay \(folder)/ok.transcript",
            ])
            #expect(try String(contentsOfFile: folder + "/taken.transcript", encoding: .utf8) == "mine\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["ok.transcript", "taken.transcript"])

            for (unwritable, reason) in [(home + "/file/sub", "\(home)/file is a file, not a folder"),
                                         (home + "/file", "\(home)/file is a file, not a folder"),
                                         ("/proc/advisor-transcripts", "/proc/advisor-transcripts: No such file or directory")] {
                let failed = TestData.run(["--transcripts", unwritable, "--record", record], stdin: "hello\n:save x\n")
                #expect(failed.stdout.hasSuffix("Could not create the folder \(unwritable) (\(reason)), so nothing was saved.\n\n"))
            }
            let intoProc = TestData.run(["--transcripts", "/proc", "--record", record], stdin: "hello\n:save x\n")
            #expect(intoProc.stdout.hasSuffix("Could not write /proc/x.transcript: No such file or directory.\n\n"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: home).sorted() == ["file", "transcripts"])
        }
    }

    /// A record file in a temporary folder of its own.
    static func recordFile() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-record-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/session.transcript"
    }

    /// Piped input keeps no turns (a day of questions must not fill the memory), so `:save`
    /// without `--record` says how to keep them and writes nothing.
    @Test func saveWithoutRecordOnPipedInputSaysHowToKeepTheConversation() throws {
        try Self.withHome { home in
            let message = "Piped input keeps no conversation, so there is nothing to save. "
                + "Start the advisor with --record FILE to keep one; ':save NAME' then saves a copy of it."
            let run = TestData.run(["--transcripts", home + "/saved"], stdin: "hello\n:save x\n")
            #expect(run.status == 0)
            #expect(run.stdout.hasSuffix("\n\n" + message + "\n\n"))
            let json = TestData.run(["--json", "--transcripts", home + "/saved"], stdin: ":save x\n")
            #expect(json.stdout == "{\"error\": \"" + message + "\"}\n")
            let left = try FileManager.default.contentsOfDirectory(atPath: home)
            #expect(left.isEmpty)
        }
    }

    @Test func recordingIntoAnUnwritableFileWarnsOnceAndTheSessionGoesOn() {
        let run = TestData.run(["--record", "/proc/advisor.transcript"], stdin: "hello\nwhat is Django\nthanks\n")
        #expect(run.status == 0)
        #expect(run.stderr == "advisor: Could not write /proc/advisor.transcript: No such file or directory. The session goes on without recording.\n")
        #expect(run.stdout.contains("Hello!") && run.stdout.contains("Django"))
    }

    // MARK: - Transcripts that are not text

    @Test func replayLocatesATranscriptThatIsNotTextAndExits65() throws {
        try Self.withHome { folder in
            let good = TranscriptRecorder.record(["hi"], advisor: TestData.advisor).render()
            try Data(Array(good.utf8) + Array("> what is Go\n".utf8) + [0xFF, 0x0A]).write(to: URL(fileURLWithPath: folder + "/binary.transcript"))
            try "# advisor transcript\r\n> hi\r\n".write(toFile: folder + "/crlf.transcript", atomically: true, encoding: .utf8)
            mkfifo(folder + "/pipe.transcript", 0o600)
            let run = TestData.run(["replay", folder])
            #expect(run.status == 65)
            let lines = good.split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(run.stdout == """
                \(folder)/binary.transcript:\(lines + 1): the file is not valid UTF-8; save it as UTF-8 text

                \(folder)/crlf.transcript:1: the line ends with a carriage return: save the transcript with Unix (LF) line endings

                \(folder)/pipe.transcript: cannot read the file (it is not a regular file)

                0 passed, 3 failed

                """)
        }
    }

    // MARK: - Helpers

    /// One REPL session on a pseudo-terminal: two profile facts, a question, a greeting, Ctrl-D.
    /// Returns everything it printed.
    static func session(environment: [String: String]) throws -> String {
        let tty = try PseudoTerminal(environment: environment)
        defer { tty.stop() }
        var output = ""
        for (line, answer) in [("I know Python", "Noted"), ("what does a DevOps engineer earn", "₹6–10 LPA"),
                               ("I know Django", "Noted"), ("hello", "Hello!")] {
            try tty.type(line + PseudoTerminal.Key.enter)
            output += try tty.expect(answer)
            output += try tty.expect(PseudoTerminalTests.prompt)
        }
        try tty.type(PseudoTerminal.Key.ctrlD)
        output += try tty.expect("Goodbye")
        #expect(try tty.waitForExit() == 0)
        return output
    }

    /// Exactly one line starting `advisor:` that contains `warning`, or none when it is nil.
    static func expectOneWarning(_ output: String, _ warning: String?, sourceLocation: SourceLocation = #_sourceLocation) {
        let warnings = output.components(separatedBy: "\r\n").filter { $0.hasPrefix("advisor: ") }
        if let warning {
            #expect(warnings.count == 1 && warnings[0].contains(warning), "warnings: \(warnings)", sourceLocation: sourceLocation)
        } else {
            #expect(warnings.isEmpty, "warnings: \(warnings)", sourceLocation: sourceLocation)
        }
    }

    static func hugeHistory(_ path: String, oneLine: Bool) throws {
        var text = Data("_HiStOrY_V2_\n".utf8)
        if oneLine {
            text.append(Data(repeating: UInt8(ascii: "x"), count: 50_000_000))
            text.append(0x0A)
        } else {
            let entry = Data("what\\040is\\040Django\\040number\\040".utf8)
            var number = 0
            while text.count < 50_000_000 {
                text.append(entry)
                text.append(Data(String(number).utf8))
                text.append(0x0A)
                number += 1
            }
        }
        try text.write(to: URL(fileURLWithPath: path))
    }

    static func withHome(_ body: (String) throws -> Void) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-files-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try body(home)
    }
}
