import Testing
@testable import AdvisorCore

/// Questions of the trade that the knowledge base has no answer for are declined with the
/// usual line on what the advisor can answer, not answered as a neighbouring topic: the
/// article says nothing of SQL against NoSQL, nor of microservices.
@Suite struct OutsideTheSeedTests {
    static let declined = """
        Sorry, that is outside what I can answer: I only know about back-end development careers.
        Ask me what the job is, the roles and what they earn, the skills and tools, or how to get started.
        """

    static func reading(_ line: String, after earlier: [String] = []) -> (String, String) {
        var session = TestData.session()
        for line in earlier { _ = session.respond(to: line) }
        guard case .answer(let u, let text) = session.respond(to: line) else { return ("", "") }
        return (u.intent.rawValue, text)
    }

    /// Two things that are not the front end and the back end are no question of front end
    /// against back end, nor, after a comparison, a question about what it compared.
    @Test(arguments: ["what is the difference between sql and nosql", "what's the difference between tea and coffee",
                      "sql vs nosql"])
    func aDifferenceBetweenOtherThingsIsDeclined(line: String) {
        for earlier in [[], ["compare devops and cloud engineer"], ["compare python and go"]] {
            let (intent, text) = Self.reading(line, after: earlier)
            #expect(intent == "out_of_scope", "after \(earlier)")
            #expect(text == Self.declined)
        }
    }

    @Test(arguments: ["what is the difference between front end and back end", "client side vs server side",
                      "how is the back end different from the part users see?"])
    func frontEndAgainstBackEndIsStillAnswered(line: String) {
        #expect(Self.reading(line).0 == "backend.vs_frontend")
    }

    /// "What are …" is a help request only when it asks about the advisor ("what are you").
    @Test(arguments: ["what are microservices", "what are design patterns", "what is graphql?"])
    func aTopicTheArticleDoesNotCoverIsDeclined(line: String) {
        for earlier in [[], ["what does a devops engineer do"]] {
            let (intent, text) = Self.reading(line, after: earlier)
            #expect(intent == "out_of_scope", "after \(earlier)")
            #expect(text == Self.declined)
        }
    }

    @Test(arguments: ["what are you", "what can i ask you?", "menu", "how does this work", "help", "what are your capabilities"])
    func helpIsStillAnswered(line: String) {
        #expect(Self.reading(line).0 == "help")
    }

    @Test func aComparisonGoesOnInItsOwnWords() {
        #expect(Self.reading("which pays more?", after: ["compare devops and cloud engineer"]).0 == "role.compare")
    }
}

/// A front-end framework is no back-end tool the advisor knows: a question about it is
/// declined by name, not answered with the first step of the back-end path.
@Suite struct FrontEndFrameworkTests {
    @Test(arguments: ["should i learn react", "is angular good for backend", "react vs vue"])
    func aFrontEndFrameworkIsDeclinedByName(line: String) {
        let (intent, text) = OutsideTheSeedTests.reading(line)
        #expect(intent == "out_of_scope")
        let name = line.split(separator: " ").first { ["react", "angular"].contains($0) }.map(String.init) ?? ""
        #expect(text.hasPrefix("Sorry, I cannot answer about \"\(name)\": I only know about back-end development careers."))
    }
}
