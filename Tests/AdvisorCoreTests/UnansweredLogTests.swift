/// The unanswered-question log: which replies it keeps, the line it writes (escaped, one per
/// question, appended whole even from many writers), its mode, where it lives, and that only
/// the interactive advisor writes it.
import Foundation
import Testing
@testable import AdvisorCore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct UnansweredLogTests {
    static let epoch = Date(timeIntervalSince1970: 0)

    static func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-unanswered-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    static func reply(_ intent: Intent, confidence: Double, asking: [Intent]? = nil) -> Session.Reply {
        var understanding = Understanding(intent: intent, confidence: confidence, entities: [:],
                                          analysis: TestData.advisor.language.analyze("roles"), reason: "")
        understanding.clarification = asking
        return .answer(understanding, text: "")
    }

    static func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func keepsDeclinesClarifyingQuestionsAndUnsureAnswersOnly() throws {
        try Self.withFolder { (folder: String) throws in
            let log = UnansweredLog(path: folder + "/log")
            var session = TestData.session()
            let threshold = TestData.advisor.language.threshold
            for question in ["what does a pilot earn", "what does a DevOps engineer earn", "qwpoeiru zxmcnv", ":help"] {
                try log.note(question, session.respond(to: question), threshold: threshold, at: Self.epoch)
            }
            try log.note("roles?", Self.reply(.roleList, confidence: 0.59), threshold: 0.5, at: Self.epoch)
            try log.note("roles!", Self.reply(.roleList, confidence: 0.61), threshold: 0.5, at: Self.epoch)
            try log.note("pay or compare?", Self.reply(.roleSalary, confidence: 0.9, asking: [.roleSalary, .roleCompare]),
                         threshold: 0.5, at: Self.epoch)
            #expect(try Self.text(folder + "/log") == """
                1970-01-01T00:00:00Z\tdeclined\twhat does a pilot earn
                1970-01-01T00:00:00Z\tdeclined\tqwpoeiru zxmcnv
                1970-01-01T00:00:00Z\tunsure role.list 0.59\troles?
                1970-01-01T00:00:00Z\tasked role.salary or role.compare\tpay or compare?

                """)
        }
    }

    @Test func escapesControlCharactersSoEachQuestionStaysOneLine() throws {
        try Self.withFolder { (folder: String) throws in
            let log = UnansweredLog(path: folder + "/log")
            let question = "tab\there\nnew\\line\u{7}bell\u{2028}sep, ünïcödé ₹"
            #expect(try log.note(question, Self.reply(.outOfScope, confidence: 1), threshold: 0.5, at: Self.epoch))
            #expect(try Self.text(folder + "/log")
                    == "1970-01-01T00:00:00Z\tdeclined\ttab\\there\\nnew\\\\line\\u{7}bell\\u{2028}sep, ünïcödé ₹\n")
            #expect(try UnansweredLog.questions(at: folder + "/log") == [question])
        }
    }

    @Test func theFileIsPrivateEvenWhenItExistedBefore() throws {
        try Self.withFolder { (folder: String) throws in
            let path = folder + "/log"
            try UnansweredLog(path: path).note("x", Self.reply(.outOfScope, confidence: 1), threshold: 0.5)
            var status = stat()
            #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o600)

            let older = folder + "/older"
            #expect(FileManager.default.createFile(atPath: older, contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o644]))
            try UnansweredLog(path: older).note("y", Self.reply(.outOfScope, confidence: 1), threshold: 0.5)
            #expect(stat(older, &status) == 0 && status.st_mode & 0o777 == 0o600)
            #expect(try UnansweredLog.questions(at: older) == ["old", "y"])
        }
    }

    @Test func manyWritersAppendWholeLines() throws {
        try Self.withFolder { (folder: String) throws in
            let log = UnansweredLog(path: folder + "/log")
            let writers = 8, each = 40
            DispatchQueue.concurrentPerform(iterations: writers) { writer in
                for n in 0..<each {
                    // Long lines (under the 1000 characters a question is cut to), so torn writes would show.
                    let question = "writer \(writer) question \(n) " + String(repeating: "\(writer)", count: 900)
                    _ = try? log.note(question, Self.reply(.outOfScope, confidence: 1), threshold: 0.5)
                }
            }
            let questions = try UnansweredLog.questions(at: folder + "/log")
            #expect(questions.count == writers * each)
            for question in questions {
                let parts = question.split(separator: " ")
                #expect(parts.count == 5 && parts[4] == Substring(String(repeating: String(parts[1]), count: 900)), "torn line: \(question.prefix(80))")
            }
        }
    }

    @Test func theEnvironmentChoosesTheFileOrSwitchesItOff() {
        #expect(UnansweredLog(environment: ["HOME": "/home/a"]).path == "/home/a/.advisor_unanswered")
        #expect(UnansweredLog(environment: ["HOME": "/home/a/", "ADVISOR_UNANSWERED": "~/notes/q"]).path == "/home/a/notes/q")
        #expect(UnansweredLog(environment: ["HOME": "/home/a", "ADVISOR_UNANSWERED": "/tmp/q"]).path == "/tmp/q")
        #expect(UnansweredLog(environment: ["HOME": "/home/a", "ADVISOR_UNANSWERED": ""]).path == nil)
        #expect(UnansweredLog(environment: [:]).path == nil)
    }

    @Test func switchedOffItWritesNothing() throws {
        let log = UnansweredLog(environment: ["HOME": "/nonexistent", "ADVISOR_UNANSWERED": ""])
        #expect(try log.note("what does a pilot earn", Self.reply(.outOfScope, confidence: 1), threshold: 0.5) == false)
    }

    @Test func aFileThatCannotBeWrittenSaysHowToGoOn() {
        let log = UnansweredLog(path: "/nonexistent-folder/log")
        #expect(throws: UnansweredLog.Failure.self) { try log.note("x", Self.reply(.outOfScope, confidence: 1), threshold: 0.5) }
        do { try log.note("x", Self.reply(.outOfScope, confidence: 1), threshold: 0.5) } catch {
            #expect("\(error)" == "Could not write the unanswered-question log /nonexistent-folder/log: No such file or directory. "
                    + "Set ADVISOR_UNANSWERED to another file, or to nothing to switch the log off.")
        }
    }

    @Test func askJSONAndPipedInputNeverWriteIt() throws {
        try Self.withFolder { (home: String) throws in
            let env = ["HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
            let question = "what does a pilot earn"
            #expect(Self.run(["ask", question], environment: env).status == 0)
            #expect(Self.run(["--json"], stdin: question + "\n", environment: env).status == 0)
            #expect(Self.run([], stdin: question + "\n", environment: env).status == 0)
            #expect(!FileManager.default.fileExists(atPath: home + "/.advisor_unanswered"))
        }
    }

    @Test func theInteractiveAdvisorLogsWhatItDeclined() throws {
        try Self.withFolder { (home: String) throws in
            let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { tty.stop() }
            try tty.expect("Type :help")
            try tty.type("what does a pilot earn" + PseudoTerminal.Key.enter)
            try tty.expect("advisor> ")
            try tty.type("what does a DevOps engineer earn" + PseudoTerminal.Key.enter)
            try tty.expect("₹6–10 LPA")
            try tty.expect("advisor> ")
            try tty.type(PseudoTerminal.Key.ctrlD)
            #expect(try tty.waitForExit() == 0)
            #expect(try UnansweredLog.questions(at: home + "/.advisor_unanswered") == ["what does a pilot earn"])
            #expect(try Self.text(home + "/.advisor_unanswered").hasSuffix("\tdeclined\twhat does a pilot earn\n"))
        }
    }

    @Test func checkUnansweredListsTheLogGrouped() throws {
        try Self.withFolder { (home: String) throws in
            let path = home + "/log"
            try "t\tdeclined\twhat does a pilot earn\nt\tdeclined\thow much does a pilot earn?\nt\tdeclined\ttell me a joke\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            let result = Self.run(["check", "--unanswered"], environment: ["HOME": home, "ADVISOR_UNANSWERED": path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == """
                3 unanswered questions in \(path), in 2 groups (most asked first):

                  2  what does a pilot earn
                     how much does a pilot earn?
                  1  tell me a joke

                """)
            let off = Self.run(["check", "--unanswered"], environment: ["HOME": home, "ADVISOR_UNANSWERED": ""])
            #expect(off.stdout == "The unanswered-question log is switched off (ADVISOR_UNANSWERED is empty).\n")
        }
    }

    /// The built binary with its own environment (nothing inherited), so no real home is touched.
    static func run(_ args: [String], stdin: String = "", environment: [String: String]) -> (status: Int32, stdout: String, stderr: String) {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("advisor-run-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? fm.removeItem(at: dir) }
            let input = dir.appendingPathComponent("in"), output = dir.appendingPathComponent("out"), errors = dir.appendingPathComponent("err")
            try Data(stdin.utf8).write(to: input)
            _ = fm.createFile(atPath: output.path, contents: nil)
            _ = fm.createFile(atPath: errors.path, contents: nil)
            let process = Process()
            process.executableURL = TestData.binary
            process.arguments = args
            process.environment = environment
            process.standardInput = try FileHandle(forReadingFrom: input)
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: try Data(contentsOf: output), as: UTF8.self),
                    String(decoding: try Data(contentsOf: errors), as: UTF8.self))
        } catch {
            return (-1, "", "could not run \(TestData.binary.path): \(error)")
        }
    }
}
