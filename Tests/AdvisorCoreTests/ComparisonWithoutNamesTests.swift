import Testing
@testable import AdvisorCore

/// A comparison that names nothing: asked which when it says what it compares ("compare the
/// roles") or says nothing more ("compare"), declined when it names things of another field
/// ("is android better than iphone"); after an answer that named two or more, about those.
@Suite struct ComparisonWithoutNamesTests {
    static func reading(_ line: String, after earlier: [String] = []) -> (Intent, [String], String) {
        var session = TestData.session()
        for line in earlier { _ = session.respond(to: line) }
        guard case .answer(let u, let text) = session.respond(to: line) else { return (.outOfScope, [], "") }
        return (u.intent, u.entities[.role] ?? u.entities[.tool] ?? [], text)
    }

    @Test(arguments: ["compare the roles", "compare salaries"])
    func asksWhichRoles(line: String) {
        let (intent, _, text) = Self.reading(line)
        #expect(intent == .roleCompare)
        #expect(text.hasPrefix("Which roles should I compare? Name two or more of:"))
        // A question back suggests nothing to ask next.
        #expect(!text.contains("You could ask next"))
    }

    @Test func asksWhichTools() {
        let (intent, _, text) = Self.reading("compare the tools")
        #expect(intent == .toolCompare)
        #expect(text.hasPrefix("Which tools should I compare? Name two or more of: Python, Java,"))
    }

    /// A comparison that says which kind of tool asks which of that kind only. (The question
    /// back says it means programming languages, should "the languages" have meant others.)
    @Test func asksWhichOfTheKindItSays() {
        #expect(Self.reading("compare the languages").2
            == "Which programming languages should I compare? Name two or more of: Python, Java, JavaScript, TypeScript, Go, PHP, Ruby, C#, Kotlin and Rust.")
        #expect(Self.reading("compare these frameworks").2
            == "Which frameworks should I compare? Name two or more of: Django, Flask, FastAPI, Spring, Express, Node.js, NestJS, Laravel, Ruby on Rails and ASP.NET Core.")
        #expect(Self.reading("compare the databases").2
            == "Which databases should I compare? Name two or more of: MySQL, PostgreSQL, MongoDB, Redis, SQLite, Oracle Database and Apache Cassandra.")
    }

    @Test(arguments: ["compare", "compare them"])
    func aBareComparisonAsksWhichThings(line: String) {
        let (intent, _, text) = Self.reading(line)
        #expect(intent == .roleCompare)
        #expect(text == "What should I compare? Name two or more roles (Back-End Developer, Junior Back-End Developer, "
            + "Full-Stack Developer, API Developer, Database Administrator, Senior Back-End Developer, DevOps Engineer, "
            + "Software Architect, System Analyst, Cybersecurity Specialist and Cloud Engineer), or two or more tools, "
            + "such as Python, Django, MySQL, Git, AWS and Docker.")
    }

    @Test(arguments: ["compare the tools", "compare them", "compare those two", "compare the languages", "compare"])
    func afterTwoToolsItComparesThem(line: String) {
        let (intent, tools, text) = Self.reading(line, after: ["compare python and go"])
        #expect(intent == .toolCompare)
        #expect(tools == ["python", "go"])
        #expect(text.hasPrefix("Here is how Python and Go compare:"))
    }

    @Test(arguments: ["compare the roles", "compare them", "compare", "compare those two"])
    func afterTwoRolesItComparesThem(line: String) {
        let (intent, roles, text) = Self.reading(line, after: ["who earns more, a dba or a cloud engineer"])
        #expect(intent == .roleCompare)
        #expect(roles == ["database-administrator", "cloud-engineer"])
        #expect(text.contains("What they earn: Of the two, the Cloud Engineer earns more: ₹6–10 LPA.\n"), "answer: \(text)")
    }

    @Test func theOtherKindAfterAComparisonAsksWhich() {
        let (intent, _, text) = Self.reading("compare the roles", after: ["compare python and go"])
        #expect(intent == .roleCompare)
        #expect(text.hasPrefix("Which roles should I compare?"))
        let (toolIntent, _, toolText) = Self.reading("compare the tools", after: ["who earns more, a dba or a cloud engineer"])
        #expect(toolIntent == .toolCompare)
        #expect(toolText.hasPrefix("Which tools should I compare?"))
    }

    @Test func oneRoleIsNotEnoughToCompare() {
        let (intent, roles, text) = Self.reading("compare", after: ["what does a devops engineer do"])
        #expect(intent == .roleCompare)
        #expect(roles == ["devops-engineer"])
        #expect(text.hasPrefix("Which roles should I compare?"))
    }

    @Test func aRoleWhoseNameHoldsAKindWordIsCompared() {
        #expect(Self.reading("compare database administrator and system analyst").0 == .roleCompare)
    }

    @Test func anEverydayComparisonIsStillDeclined() {
        #expect(Self.reading("is android better than iphone").0 == .outOfScope)
        #expect(Self.reading("compare iphone and android", after: ["compare python and go"]).0 == .outOfScope)
    }
}
