import Testing
@testable import AdvisorCore

/// A comparison that names nothing: asked which when it says what it compares ("compare the
/// roles"), declined when it names things of another field ("is android better than iphone").
@Suite struct ComparisonWithoutNamesTests {
    static func reading(_ line: String) -> (Intent, String) {
        var session = TestData.session()
        guard case .answer(let u, let text) = session.respond(to: line) else { return (.outOfScope, "") }
        return (u.intent, text)
    }

    @Test(arguments: ["compare the roles", "compare salaries"])
    func asksWhichRoles(line: String) {
        let (intent, text) = Self.reading(line)
        #expect(intent == .roleCompare)
        #expect(text.hasPrefix("Which roles should I compare? Name two or more of:"))
    }

    @Test func anEverydayComparisonIsStillDeclined() {
        #expect(Self.reading("is android better than iphone").0 == .outOfScope)
    }
}
