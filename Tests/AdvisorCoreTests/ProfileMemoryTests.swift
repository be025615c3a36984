/// Guards the profile's memory across interactive sessions: it survives a restart in a
/// private file, `:forget` deletes it, and the non-interactive modes never touch it.
import Foundation
import Testing

@Suite struct ProfileMemoryTests {
    static func withHome(_ body: (String) throws -> Void) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-profile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try body(home)
    }

    @Test func theProfileSurvivesARestartAndForgetClearsIt() throws {
        try Self.withHome { home in
            let file = home + "/.advisor_profile"
            let first = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            try first.type("I know Python and Django" + PseudoTerminal.Key.enter)
            try first.expect("Noted: you know Python and Django.")
            try first.type(PseudoTerminal.Key.ctrlD)
            #expect(try first.waitForExit() == 0)
            first.stop()

            var info = stat()
            #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)

            let second = try PseudoTerminal(environment: PseudoTerminal.environment(home: home))
            defer { second.stop() }
            try second.type("what do you know about me?" + PseudoTerminal.Key.enter)
            try second.expect("- knows: Python and Django")
            try second.type(":forget" + PseudoTerminal.Key.enter)
            try second.expect("Done: I have forgotten what you told me about yourself.")
            try second.type(":profile" + PseudoTerminal.Key.enter)
            try second.expect("You have not told me anything about yourself yet.")
            try second.type(PseudoTerminal.Key.ctrlD)
            #expect(try second.waitForExit() == 0)
            #expect(!FileManager.default.fileExists(atPath: file))
        }
    }

    /// `ask` and `--json` answer the same whatever profile is on disk, and write none.
    @Test func nonInteractiveModesNeitherReadNorWriteIt() throws {
        try Self.withHome { home in
            let file = home + "/profile"
            try "level: student\nknows: python\n".write(toFile: file, atomically: true, encoding: .utf8)
            let run = TestData.run(["--json"], stdin: "what do you know about me?\nI know Java\n", environment: ["ADVISOR_PROFILE": file])
            #expect(run.stdout.contains("You have not told me anything about yourself yet."))
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "level: student\nknows: python\n")
        }
    }
}
