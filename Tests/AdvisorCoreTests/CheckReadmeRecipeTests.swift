/// Follows the README's "Extending the advisor" recipe to the letter: the role it shows is
/// added to a copy of the data, with the names it shows, and the advisor then gives the new
/// role's salary. If the README's example stops working, this fails.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct CheckReadmeRecipeTests {
    /// The README's section "Extending the advisor".
    static func section() throws -> String {
        let readme = try String(contentsOfFile: TestData.packageRoot + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "\n## Extending the advisor\n"), "README.md has no section 'Extending the advisor'")
        let rest = readme[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    @Test func addingTheRoleTheREADMEShowsAnswersItsSalary() throws {
        let section = try Self.section()
        // The role: the first ```yaml block.
        let yamlStart = try #require(section.range(of: "```yaml\n"))
        let yamlEnd = try #require(section[yamlStart.upperBound...].range(of: "```"))
        let role = String(section[yamlStart.upperBound..<yamlEnd.lowerBound])
        // Its names: the `site-reliability-engineer: [...]` the README shows.
        let namesStart = try #require(section.range(of: "`site-reliability-engineer: ["))
        let namesEnd = try #require(section[namesStart.upperBound...].range(of: "]`"))
        let names = "site-reliability-engineer: [" + section[namesStart.upperBound..<namesEnd.lowerBound] + "]"

        let root = try TestData.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let roles = root + "/Sources/Knowledge/roles.yaml"
        try (try String(contentsOfFile: roles, encoding: .utf8) + role).write(toFile: roles, atomically: true, encoding: .utf8)
        try TestData.edit("Intents/entities.yaml", in: root, replacing: "\nrole:\n", with: "\nrole:\n  \(names)\n")

        let report = DataCheck.run(DataRoot(path: root), model: TestData.model, leaveOneOutOf: { _ in false })
        #expect(report.render(strict: true) == "0 errors, 0 warnings, 0 notes")

        var session = try Advisor.load(from: DataRoot(path: root), model: TestData.model).session()
        for question in ["what does an SRE earn", "how much does a site reliability engineer make?"] {
            guard case .answer(let understanding, let text) = session.respond(to: question) else {
                Issue.record("no answer to '\(question)'")
                continue
            }
            #expect(understanding.intent == .roleSalary, "\(question)")
            #expect(understanding.entities[.role] == ["site-reliability-engineer"], "\(question)")
            #expect(text.contains("₹9–14 LPA"), "\(question): \(text)")
            // The figure is credited to the new role's own source, not to the article's table.
            if role.contains("salary_source: general") {
                #expect(text.contains("Source: general knowledge"), "\(question): \(text)")
                #expect(!text.contains("Glassdoor"), "\(question): \(text)")
            }
        }
    }
}
