/// `advisor check` on broken copies of the data: each check has a copy broken the one way it
/// looks for, and the test pins the whole report. The leave-one-out test, which reads every
/// example and costs most of the time, runs only where it is the subject.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct CheckTests {
    /// A copy of the data, changed by `change`, checked without the leave-one-out test unless
    /// `leaveOneOut` names the files to read.
    static func check(leaveOneOut: Set<String> = [], _ change: (String) throws -> Void) throws -> CheckReport {
        let root = try TestData.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try change(root)
        return DataCheck.run(DataRoot(path: root), model: TestData.model, leaveOneOutOf: { leaveOneOut.contains($0) })
    }

    static func write(_ text: String, to relative: String, in root: String) throws {
        try text.write(toFile: (root as NSString).appendingPathComponent(relative), atomically: true, encoding: .utf8)
    }

    @Test func theShippedDataHasNoFindingsBesidesLeaveOneOut() {
        let report = DataCheck.run(TestData.data, model: TestData.model, leaveOneOutOf: { _ in false })
        #expect(report.render(strict: true) == "0 errors, 0 warnings, 0 notes")
        #expect(report.passes(strict: true))
    }

    @Test func reportsASyntaxErrorInEveryFileWithLineAndColumn() throws {
        let report = try Self.check { root in
            try TestData.edit("Intents/greet.yaml", in: root, replacing: "  - hello\n", with: "  - 'hello\n")
            try TestData.edit("Intents/thank.yaml", in: root, replacing: "  - thanks a lot\n", with: "  - thanks: a: lot\n")
        }
        #expect(report.render(strict: false) == """
            Intents/greet.yaml:20:14: error: YAML syntax: did not find expected '-' indicator while parsing a block collection (which began at line 4)
            Intents/thank.yaml:6:14: error: YAML syntax: mapping values are not allowed in this context
            2 errors, 0 warnings, 0 notes
            """)
        #expect(!report.passes(strict: false))
    }

    @Test func reportsUnknownEntityIDsAndTheValuesLeftWithoutNames() throws {
        let report = try Self.check { root in
            try TestData.edit("Intents/entities.yaml", in: root, replacing: "  kotlin: [kotlin]\n", with: "  kotlinn: [kotlin]\n")
            try TestData.edit("Intents/entities.yaml", in: root, replacing: "  rust: [rust, rustlang]\n", with: "  rusty: [rust, rustlang]\n")
        }
        #expect(report.render(strict: false) == """
            Intents/entities.yaml:50:3: error: unknown tool 'kotlinn'; did you mean 'kotlin'?
            Intents/entities.yaml:51:3: error: unknown tool 'rusty'; did you mean 'rust'?
            Sources/Knowledge/tools.yaml:106:5: warning: tool 'kotlin' has no aliases, so no question can name it: add 'kotlin: [...]' under 'tool' in Intents/entities.yaml with the names people use for it
            Sources/Knowledge/tools.yaml:114:5: warning: tool 'rust' has no aliases, so no question can name it: add 'rust: [...]' under 'tool' in Intents/entities.yaml with the names people use for it
            2 errors, 2 warnings, 0 notes
            """)
    }

    @Test func reportsUnknownEntityIDsInTheMatchersSettings() throws {
        let report = try Self.check { root in
            try TestData.edit("Intents/matching.yaml", in: root, replacing: "defaults: [order/highest]", with: "defaults: [order/higest]")
            try TestData.edit("Intents/matching.yaml", in: root, replacing: "  role/backend-developer: backend developer\n",
                              with: "  role/backend-develper: backend developer\n")
        }
        #expect(report.render(strict: false) == """
            Intents/matching.yaml:25:3: error: unknown role 'backend-develper' in 'role/backend-develper'; did you mean 'backend-developer'?
            Intents/matching.yaml:54:42: error: unknown order 'higest' in 'order/higest'; did you mean 'highest'?
            2 errors, 0 warnings, 0 notes
            """)
    }

    @Test func reportsContractIntentsWithoutExamples() throws {
        let report = try Self.check { root in
            try FileManager.default.removeItem(atPath: root + "/Intents/profile.show.yaml")
            try Self.write("# role.list\nintent: role.list\nexamples: []\n", to: "Intents/role.list.yaml", in: root)
            try TestData.edit("Intents/greet.yaml", in: root, replacing: "intent: greet\n", with: "intent: greeting\n")
        }
        #expect(report.render(strict: false) == """
            Intents: error: intent 'profile.show' has no examples file (add Intents/profile.show.yaml)
            Intents/greet.yaml:2:9: error: unknown intent 'greeting' (known: greet, thank, goodbye, help, backend.definition, backend.analogy, backend.vs_frontend, backend.responsibilities, market.outlook, career.fit, role.list, role.describe, role.salary, role.compare, role.rank, role.skills, skills.list, tools.list, tool.describe, tool.compare, steps.roadmap, steps.detail, steps.next, profile.update, profile.show, out_of_scope)
            Intents/role.list.yaml:3:11: error: intent 'role.list' has no examples: list the questions people ask for it under 'examples'
            3 errors, 0 warnings, 0 notes
            """)
    }

    @Test func warnsOfAnIntentWithFewExamples() throws {
        let report = try Self.check { root in
            try Self.write("intent: profile.show\nexamples:\n  - what do you know about me\n  - show my profile\n  - my profile\n",
                           to: "Intents/profile.show.yaml", in: root)
        }
        #expect(report.render(strict: true) == """
            Intents/profile.show.yaml:3: warning: intent 'profile.show' has only 3 examples: give it at least 15, worded as differently as people ask
            0 errors, 1 warning, 0 notes (--strict: warnings fail the check)
            """)
        #expect(report.passes(strict: false))
        #expect(!report.passes(strict: true))
    }

    @Test func reportsTheSameExampleUnderTwoIntents() throws {
        let report = try Self.check { root in
            try TestData.edit("Intents/greet.yaml", in: root, replacing: "  - hello\n", with: "  - hello\n  - Much  Appreciated!\n")
        }
        #expect(report.render(strict: false) == """
            Intents/thank.yaml:15: error: 'much appreciated' of thank is also an example of greet ('Much  Appreciated!', Intents/greet.yaml:6) once normalized: keep it under one intent
            1 error, 0 warnings, 0 notes
            """)
    }

    @Test func leaveOneOutFindsAnExampleFiledUnderTheWrongIntent() throws {
        // In a file of its own (an intent may take examples from several), so that only it is read.
        let report = try Self.check(leaveOneOut: ["Intents/greet.extra.yaml"]) { root in
            try Self.write("intent: greet\nexamples:\n  - how much does a devops engineer earn per month\n", to: "Intents/greet.extra.yaml", in: root)
        }
        #expect(report.render(strict: false, notes: true) == """
            Intents/greet.extra.yaml:3: note: 'how much does a devops engineer earn per month' (greet) reads as role.salary when left out (0.91 against 0.10 for greet): add examples worded like it to greet, or move it to role.salary if it belongs there
            0 errors, 0 warnings, 1 note
            """)
    }

    @Test func leaveOneOutFindsAnExampleTheAdvisorWouldDecline() throws {
        let report = try Self.check(leaveOneOut: ["Intents/thank.extra.yaml"]) { root in
            try Self.write("intent: thank\nexamples:\n  - what is the capital of peru\n", to: "Intents/thank.extra.yaml", in: root)
        }
        #expect(report.render(strict: false, notes: true) == """
            Intents/thank.extra.yaml:3: note: 'what is the capital of peru' (thank) is declined when left out (it reads most like the examples of questions the advisor declines): add examples worded like it to thank
            0 errors, 0 warnings, 1 note
            """)
    }

    @Test func leaveOneOutAsksFollowUpExamplesAfterAQuestionThatNamedWhatTheyNeed() throws {
        // "what do they do all day" names no role: alone it would be marked down as a role
        // question without a role, but asked after one that named roles it is understood.
        let report = DataCheck.run(TestData.data, model: TestData.model, leaveOneOutOf: { $0 == "Intents/role.describe.yaml" })
        #expect(!report.findings.contains { $0.message.hasPrefix("'what do they do all day'") }, "\(report.render(strict: false))")
        let root = try TestData.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.write("intent: role.compare\nexamples:\n  - is it more than a dentist gets\n", to: "Intents/role.compare.extra.yaml", in: root)
        let planted = DataCheck.run(DataRoot(path: root), model: TestData.model, leaveOneOutOf: { $0 == "Intents/role.compare.extra.yaml" })
        #expect(planted.render(strict: false, notes: true) == """
            Intents/role.compare.extra.yaml:3: note: 'is it more than a dentist gets' (role.compare), asked as a follow-up, is declined when left out (it names other-job, which is outside back-end careers): add examples worded like it to role.compare
            0 errors, 0 warnings, 1 note
            """)
    }

    @Test func reportsARoleWithoutASalary() throws {
        let report = try Self.check { root in
            try TestData.edit("Sources/Knowledge/roles.yaml", in: root, replacing: "  salary: \"₹4–8 LPA\"\n  salary_source: glassdoor\n", with: "")
        }
        #expect(report.render(strict: false) == """
            Sources/Knowledge/roles.yaml:61:3: error: role 'api-developer' has no salary: give 'salary' (like '₹6–10 LPA') and 'salary_source', or 'salary_from'
            1 error, 0 warnings, 0 notes
            """)
    }

    @Test func reportsASalaryWithoutASource() throws {
        let report = try Self.check { root in
            try TestData.edit("Sources/Knowledge/roles.yaml", in: root, replacing: "  salary: \"₹4–8 LPA\"\n  salary_source: glassdoor\n", with: "  salary: \"₹4–8 LPA\"\n")
        }
        #expect(report.render(strict: false) == """
            Sources/Knowledge/roles.yaml:61:3: error: role 'api-developer' has a salary but no 'salary_source'
            1 error, 0 warnings, 0 notes
            """)
    }

    @Test func reportsAToolWithoutACategory() throws {
        let report = try Self.check { root in
            try TestData.edit("Sources/Knowledge/tools.yaml", in: root, replacing: "    name: Kotlin\n    category: languages\n", with: "    name: Kotlin\n")
        }
        #expect(report.render(strict: false) == """
            Sources/Knowledge/tools.yaml:106:5: error: tool 'kotlin' has no category (one of: cloud, containers, databases, frameworks, languages, version-control)
            1 error, 0 warnings, 0 notes
            """)
    }

    @Test func warnsOfEntityValuesWithoutNames() throws {
        let report = try Self.check { root in
            try TestData.edit("Intents/entities.yaml", in: root, replacing: "  kotlin: [kotlin]\n", with: "  kotlin: []\n")
            try TestData.edit("Intents/entities.yaml", in: root, replacing: "  rust: [rust, rustlang]\n", with: "")
        }
        #expect(report.render(strict: false) == """
            Intents/entities.yaml:50:3: warning: tool 'kotlin' has no aliases, so no question can name it: list the names people use for it
            Sources/Knowledge/tools.yaml:114:5: warning: tool 'rust' has no aliases, so no question can name it: add 'rust: [...]' under 'tool' in Intents/entities.yaml with the names people use for it
            0 errors, 2 warnings, 0 notes
            """)
    }

    @Test func reportsTranscriptsThatNameUnknownIntentsOrValues() throws {
        let report = try Self.check { root in
            try FileManager.default.createDirectory(atPath: root + "/Transcripts", withIntermediateDirectories: true)
            try Self.write("# advisor transcript\n\n> what does a devops engineer earn\n= role.salry role=devops-engineer\nA DevOps Engineer earns ₹6–10 LPA.\n",
                           to: "Transcripts/intent.transcript", in: root)
            try Self.write("# advisor transcript\n\n> hi\n= greet\nHello!\n\n> and a cloud engineer?\n= role.salary role=cloud-enginer tool=kotlin\nA Cloud Engineer earns ₹6–10 LPA.\n",
                           to: "Transcripts/value.transcript", in: root)
        }
        #expect(report.render(strict: false) == """
            Transcripts/intent.transcript:4: error: unknown intent 'role.salry'; did you mean 'role.salary'?
            Transcripts/value.transcript:8: error: unknown role 'cloud-enginer' in the reading of 'and a cloud engineer?'; did you mean 'cloud-engineer'?
            2 errors, 0 warnings, 0 notes
            """)
    }

    @Test func aLoadErrorTheFileChecksMissIsReportedOnce() throws {
        let report = try Self.check { root in
            try TestData.edit("Intents/matching.yaml", in: root, replacing: "placeholder_weight:", with: "placeholder_wait:")
        }
        // The message is the loader's own; its list of known keys grows with the matcher.
        try #require(report.findings.count == 1, "\(report.render(strict: false))")
        let finding = report.findings[0]
        #expect(finding.severity == .error && finding.file == "Intents/matching.yaml" && finding.line > 0 && finding.column == 1)
        #expect(finding.message.hasPrefix("unknown key 'placeholder_wait' in matching.yaml (known keys: "), "\(finding)")
        #expect(report.render(strict: false).hasSuffix("\n1 error, 0 warnings, 0 notes"))
    }

    @Test func findingsAreSortedByFileAndLine() {
        let report = CheckReport(findings: [
            Finding(.warning, file: "b.yaml", line: 2, "second"),
            Finding(.error, file: "a.yaml", line: 9, column: 3, "first"),
            Finding(.warning, file: "b.yaml", "whole file"),
        ])
        #expect(report.render(strict: false) == """
            a.yaml:9:3: error: first
            b.yaml: warning: whole file
            b.yaml:2: warning: second
            1 error, 2 warnings, 0 notes
            """)
    }
}
