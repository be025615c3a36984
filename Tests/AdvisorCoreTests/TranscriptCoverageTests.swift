/// `replay --coverage`: the contract intents and entity values no transcript's reading names.
import Testing
@testable import AdvisorCore

@Suite struct TranscriptCoverageTests {
    static let knowledge = TestData.advisor.knowledge

    @Test func everyEntityValueIsCounted() {
        let values = TranscriptCoverage.values(of: Self.knowledge)
        #expect(values.contains(EntityValue(.role, "cloud-engineer")))
        #expect(values.contains(EntityValue(.order, "highest")))
        #expect(values.contains(EntityValue(.level, "working-professional")))
        #expect(values.contains(EntityValue(.step, "hackathons-and-open-source")))
        #expect(!values.contains { $0.type == .foreign })
        #expect(values.filter { $0.type == .role }.map(\.id) == Self.knowledge.roles.map(\.id))
    }

    @Test func listsWhatNoReadingNames() throws {
        let transcript = try Transcript.parse("""
            > hi
            = greet

            > pay of devops and cloud?
            = role.salary role=devops-engineer,cloud-engineer
            """, file: "t")
        let unpinned = try Transcript.parse("> thanks\nYou're welcome.\n", file: "u")
        let coverage = TranscriptCoverage([transcript, unpinned], knowledge: Self.knowledge)
        #expect(!coverage.missingIntents.contains(.greet))
        #expect(!coverage.missingIntents.contains(.roleSalary))
        #expect(coverage.missingIntents.contains(.thank), "a turn without '=' line does not count")
        #expect(coverage.missingIntents.count == Intent.allCases.count - 2)
        let all = TranscriptCoverage.values(of: Self.knowledge)
        #expect(coverage.missingValues == all.filter { $0 != EntityValue(.role, "devops-engineer") && $0 != EntityValue(.role, "cloud-engineer") })

        let report = coverage.render()
        let missingRoles = Self.knowledge.roles.map(\.id).filter { $0 != "devops-engineer" && $0 != "cloud-engineer" }
        #expect(report.hasPrefix("""
            coverage: 2 of \(Intent.allCases.count) intents, 2 of \(all.count) entity values
            intents no transcript exercises: thank, goodbye, help, backend.definition,
            """))
        #expect(report.contains("\nentity values no transcript exercises:\n  role: \(missingRoles.joined(separator: ", "))\n  responsibility: "))
        #expect(report.hasSuffix("\n  level: beginner, student, working-professional\n"))
    }

    @Test func fullCoverageSaysNone() {
        let turns = Intent.allCases.map { intent in
            Transcript.Entry.turn(.init(user: intent.rawValue, reading: .init(intent: intent), answer: ""))
        }
        let values = TranscriptCoverage.values(of: Self.knowledge)
        let entities = Dictionary(grouping: values, by: \.type).mapValues { $0.map(\.id) }
        let all = Transcript.Entry.turn(.init(user: "all", reading: .init(intent: .profileUpdate, entities: entities), answer: ""))
        let coverage = TranscriptCoverage([Transcript(entries: turns + [all])], knowledge: Self.knowledge)
        #expect(coverage.render() == """
            coverage: \(Intent.allCases.count) of \(Intent.allCases.count) intents, \(values.count) of \(values.count) entity values
            intents no transcript exercises: none
            entity values no transcript exercises: none

            """)
    }
}
