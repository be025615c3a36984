/// `advisor check` as a person runs it: findings on standard output, then the counts, and the
/// exit status; `--data` points it at a copy. (A copy that loads is also read example by
/// example, which a debug build takes long over, so these copies are broken before that.)
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct CheckCommandTests {
    @Test func printsEachFindingAndTheCountsAndFailsOnErrors() throws {
        let root = try TestData.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try TestData.edit("Intents/thank.yaml", in: root, replacing: "  - thanks a lot\n", with: "  - thanks: a: lot\n")
        try TestData.edit("Intents/entities.yaml", in: root, replacing: "  kotlin: [kotlin]\n", with: "  kotlinn: [kotlin]\n")
        for arguments in [["check", "--data", root], ["--data", root, "check", "--strict"]] {
            let result = TestData.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stdout == """
                Intents/entities.yaml:50:3: error: unknown tool 'kotlinn'; did you mean 'kotlin'?
                Intents/thank.yaml:6:14: error: YAML syntax: mapping values are not allowed in this context
                Sources/Knowledge/tools.yaml:106:5: warning: tool 'kotlin' has no aliases, so no question can name it: add 'kotlin: [...]' under 'tool' in Intents/entities.yaml with the names people use for it
                2 errors, 1 warning, 0 notes\(arguments.contains("--strict") ? " (--strict: warnings fail the check)" : "")

                """, "\(arguments)")
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }
    }

    @Test func aMissingDataFolderIsAFinding() {
        let result = TestData.run(["check", "--data", "/nonexistent-advisor-data"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("Intents: error: cannot list /nonexistent-advisor-data/Intents: the data folder is missing\n"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("errors, 0 warnings, 0 notes\n"), "\(result.stdout)")
    }
}
