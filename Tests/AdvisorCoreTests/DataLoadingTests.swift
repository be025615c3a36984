/// Guards that the shipped data loads with the contract's content, and that broken data is reported as `file:line:column: message`.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct DataLoadingTests {
    /// The seed article's salary table, in its order: role name, contract ID, figure as printed.
    static let seedTable: [(name: String, id: String, salary: String)] = [
        ("Junior Back-End Developer", "junior-backend-developer", "₹3–5 LPA"),
        ("Full-Stack Developer", "full-stack-developer", "₹5–9 LPA"),
        ("API Developer", "api-developer", "₹4–8 LPA"),
        ("Database Administrator", "database-administrator", "₹4–7 LPA"),
        ("Senior Back-End Developer", "senior-backend-developer", "₹7–12 LPA"),
        ("DevOps Engineer", "devops-engineer", "₹6–10 LPA"),
        ("Software Architect", "software-architect", "₹25–40 LPA"),
        ("System Analyst", "system-analyst", "₹5–8 LPA"),
        ("Cybersecurity Specialist", "cybersecurity-specialist", "₹6–12 LPA"),
        ("Cloud Engineer", "cloud-engineer", "₹6–10 LPA"),
    ]

    @Test func shippedDataLoads() {
        #expect(throws: Never.self) { try Advisor.load(from: TestData.data, model: TestData.model) }
    }

    @Test func everyIntentHasAtLeastFifteenExamples() {
        let examples = TestData.advisor.language.examples
        let short = Intent.allCases.filter { (examples[$0]?.count ?? 0) < 15 }
            .map { "\($0.rawValue) (\(examples[$0]?.count ?? 0))" }
        #expect(short.isEmpty, "intents with fewer than 15 examples: \(short.joined(separator: ", "))")
    }

    @Test func knowledgeHasTheContractRoles() {
        let ids = TestData.advisor.knowledge.roles.map(\.id)
        #expect(Set(ids) == Set(["backend-developer"] + Self.seedTable.map(\.id)))
    }

    @Test func rolesCarryTheSeedTableSalariesExactly() {
        let roles = TestData.advisor.knowledge.rolesWithSalary
        let found = roles.map { "\($0.name) | \($0.id) | \($0.salary?.text ?? "-")" }
        let expected = Self.seedTable.map { "\($0.name) | \($0.id) | \($0.salary)" }
        #expect(found == expected)
    }

    @Test func theJobInGeneralTakesItsFiguresFromJuniorAndSenior() throws {
        let role = try #require(TestData.advisor.knowledge.role("backend-developer"))
        #expect(role.salary == nil)
        #expect(role.salaryFrom == ["junior-backend-developer", "senior-backend-developer"])
    }

    // MARK: Malformed data

    static let roles = "Sources/Knowledge/roles.yaml"
    static let devOpsSalary = """
          responsibility: Automate and manage server infrastructure and processes.
          salary: "₹6–10 LPA"
          salary_source: glassdoor

        """

    @Test func reportsAYAMLSyntaxErrorAtTheColon() throws {
        let (error, line) = try Self.loadError(
            Self.roles, replacing: "  name: DevOps Engineer\n", with: "  name: DevOps Engineer: the one\n",
            lineOf: "DevOps Engineer: the one")
        #expect(error.description == "Sources/Knowledge/roles.yaml:\(line):24: YAML syntax: mapping values are not allowed in this context")
    }

    @Test func reportsAnUnknownEntityIDWithTheKnownOnes() throws {
        let (error, line) = try Self.loadError(
            "Intents/entities.yaml", replacing: "  devops-engineer: [", with: "  devops-wizard: [", lineOf: "devops-wizard:")
        #expect(error.description == "Intents/entities.yaml:\(line):3: unknown role 'devops-wizard' (known: backend-developer, "
            + "junior-backend-developer, full-stack-developer, api-developer, database-administrator, senior-backend-developer, "
            + "devops-engineer, software-architect, system-analyst, cybersecurity-specialist, cloud-engineer)")
    }

    @Test func reportsARoleWithoutASalary() throws {
        let (error, line) = try Self.loadError(
            Self.roles, replacing: Self.devOpsSalary,
            with: "  responsibility: Automate and manage server infrastructure and processes.\n",
            lineOf: "- id: devops-engineer")
        #expect(error.description == "Sources/Knowledge/roles.yaml:\(line):3: role 'devops-engineer' has no salary: "
            + "give 'salary' (like '₹6–10 LPA') and 'salary_source', or 'salary_from'")
    }

    @Test func reportsASalaryOfTheWrongShape() throws {
        let (error, line) = try Self.loadError(
            Self.roles, replacing: Self.devOpsSalary,
            with: Self.devOpsSalary.replacingOccurrences(of: "\"₹6–10 LPA\"", with: "\"6-10 lakhs\""),
            lineOf: "6-10 lakhs")
        #expect(error.description == "Sources/Knowledge/roles.yaml:\(line):11: salary '6-10 lakhs' of role 'devops-engineer' "
            + "must read like '₹6–10 LPA' (rupee sign, en dash, LPA)")
    }

    @Test func reportsAnUnknownKeyInATool() throws {
        let (error, line) = try Self.loadError(
            "Sources/Knowledge/tools.yaml", replacing: "    name: Docker\n",
            with: "    name: Docker\n    website: https://www.docker.com\n", lineOf: "website:")
        #expect(error.description == "Sources/Knowledge/tools.yaml:\(line):5: unknown key 'website' in a tool "
            + "(known keys: category, id, name, seed_text, source, text)")
    }

    @Test func reportsAnIntentFileWithAnUnknownIntent() throws {
        let (error, line) = try Self.loadError(
            "Intents/greet.yaml", replacing: "intent: greet\n", with: "intent: greeting\n", lineOf: "intent: greeting")
        #expect(error.description == "Intents/greet.yaml:\(line):9: unknown intent 'greeting' (known: greet, thank, "
            + "goodbye, help, backend.definition, backend.analogy, backend.vs_frontend, backend.responsibilities, "
            + "market.outlook, career.fit, role.list, role.describe, role.salary, role.compare, role.rank, role.skills, "
            + "skills.list, tools.list, tool.describe, tool.compare, steps.roadmap, steps.detail, steps.next, "
            + "profile.update, profile.show, out_of_scope)")
    }

    /// Loads a copy of the data with one edit and returns the error it gives, with the 1-based
    /// line of `lineOf` in the edited file (so the pinned text does not depend on unrelated edits).
    /// A lone CR is a line break to YAML but not to a line count, so it is refused where it is.
    @Test func refusesALoneCarriageReturnAtItsLine() throws {
        let (error, line) = try Self.loadError(
            Self.roles, replacing: "  name: DevOps Engineer\n", with: "  name: DevOps Engineer\r", lineOf: "DevOps Engineer\r")
        #expect(error.description == "Sources/Knowledge/roles.yaml:\(line): a line ends with a lone carriage return (CR); "
            + "save the file with LF or CRLF line endings")
    }

    /// CRLF line endings (a file saved on Windows) load as LF would, with the same line numbers.
    @Test func acceptsCRLFLineEndings() throws {
        let root = try TestData.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = (root as NSString).appendingPathComponent(Self.roles)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        let advisor = try Advisor.load(from: DataRoot(path: root), model: TestData.model)
        #expect(advisor.knowledge.role("devops-engineer")?.salary?.text == "₹6–10 LPA")
        try text.replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(of: "  name: DevOps Engineer\r\n", with: "  name: DevOps Engineer: x\r\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.contains("name: DevOps Engineer") }) + 1
        let error = try #require(throws: DataError.self) { try Advisor.load(from: DataRoot(path: root), model: TestData.model) }
        #expect(error.line == line)
    }

    static func loadError(_ file: String, replacing old: String, with new: String, lineOf needle: String,
                          sourceLocation: SourceLocation = #_sourceLocation) throws -> (DataError, Int) {
        let root = try TestData.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try TestData.edit(file, in: root, replacing: old, with: new)
        let text = try String(contentsOfFile: (root as NSString).appendingPathComponent(file), encoding: .utf8)
        let line = try #require(
            text.components(separatedBy: "\n").firstIndex { ($0 + "\n").contains(needle) }, sourceLocation: sourceLocation) + 1
        let error = try #require(throws: DataError.self, sourceLocation: sourceLocation) {
            try Advisor.load(from: DataRoot(path: root), model: TestData.model)
        }
        return (error, line)
    }
}
