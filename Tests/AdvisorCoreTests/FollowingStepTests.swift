/// Guards "what comes after that step?" (the advisor's own suggestion after a step) and "what
/// comes after hackathons?": the step that follows, not the same step again, nor step 1.
import Testing
@testable import AdvisorCore

@Suite struct FollowingStepTests {
    static func walk(_ lines: [String]) -> [String] {
        var session = TestData.session()
        return lines.map { line in
            guard case .answer(let u, let text) = session.respond(to: line) else { return "" }
            return "\(u.intent.rawValue) \(u.entities[.step] ?? []) \(text.prefix(12))"
        }
    }

    @Test func theSuggestedFollowUpGoesOnToTheNextStep() {
        #expect(Self.walk(["tell me about step 2", "what comes after that step?", "and after that?"]) == [
            "steps.detail [\"frameworks-and-databases\"] Step 2 of 5,",
            "steps.detail [\"projects\"] Step 3 of 5,",
            "steps.detail [\"hackathons-and-open-source\"] Step 4 of 5,",
        ])
    }

    @Test func aNamedStepIsFollowedByTheNextOne() {
        #expect(Self.walk(["what comes after hackathons"]) == ["steps.detail [\"certifications\"] Step 5 of 5,"])
    }

    @Test func afterTheLastStepItSaysItIsTheLast() {
        #expect(Self.walk(["what comes after certifications"]) == ["steps.detail [\"certifications\"] Step 5 of 5,"])
    }

    /// Without a step to follow, "next" is the person's own next step.
    @Test func ownNextStepIsUnchanged() {
        #expect(Self.walk(["what's my next step"]).first?.hasPrefix("steps.next [] ") == true)
    }
}
