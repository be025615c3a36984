/// Every answer says where its parts come from (issue 18): an answer of two sources says which
/// part is which; the list of tools has a source line; "Python or Java?" quotes the step of the
/// article that names them together.
import Testing
@testable import AdvisorCore

@Suite struct SourceLineTests {
    static let article = "the article “What Does a Back-End Developer Do?” (updated Dec 27, 2024)"
    static let general = "general knowledge (the article does not cover this)"

    static func answer(_ line: String) -> String {
        var session = TestData.session()
        guard case .answer(_, let text) = session.respond(to: line) else { return "" }
        return text
    }

    @Test func aRoleDescriptionSaysWhichPartIsTheArticles() {
        #expect(Self.answer("what does a devops engineer do").contains(
            "(Sources: the first line from \(Self.article); the rest from \(Self.general).)"))
    }

    @Test func theListOfToolsSaysWhereItComesFrom() {
        #expect(Self.answer("what tools do backend developers use").contains(
            "(Sources: the kinds from \(Self.article); most of the tools in each from \(Self.general).)"))
    }

    @Test func pythonOrJavaQuotesTheArticlesFirstStep() {
        let text = Self.answer("python or java?")
        #expect(text.contains("The article's step 1, Learn Programming Languages, names them together: \"Start with beginner-friendly languages like Python or Java.\""))
        #expect(text.contains("(Sources: the descriptions from \(Self.general); what the article says from \(Self.article).)"))
    }

    /// Two tools no step names together: the descriptions alone, one source.
    @Test func otherToolsAreComparedWithoutIt() {
        let text = Self.answer("redis or cassandra?")
        #expect(!text.contains("The article's step"))
        #expect(text.contains("(Source: \(Self.general).)"))
    }
}

/// The answer to the question asked (issue 18, item 4): "more" of two, "the most" of three or
/// more; a suggested next question that fits what was just shown and what the profile holds.
@Suite struct AnswerFitTests {
    @Test func moreOfTwoTheMostOfThree() {
        #expect(SourceLineTests.answer("who earns more, a cloud engineer or a DBA?").hasPrefix("Of the two, the Cloud Engineer earns more: ₹6–10 LPA."))
        #expect(SourceLineTests.answer("compare a junior back-end developer, a DBA and a software architect")
            .contains("\nWhat they earn: Of these, the Software Architect earns the most: ₹25–40 LPA.\n"))
    }

    @Test func suggestionsFitTheMoment() {
        #expect(SourceLineTests.answer("tell me about step 5").hasSuffix("You could ask next: what is my next step?"))
        #expect(SourceLineTests.answer("tell me about step 2").hasSuffix("You could ask next: what comes after that step?"))
        #expect(SourceLineTests.answer("compare a DBA and a software architect").hasSuffix("You could ask next: which role pays the most of all?"))
        var session = TestData.session()
        _ = session.respond(to: "I know Python")
        guard case .answer(_, let roadmap) = session.respond(to: "give me the roadmap") else { return }
        #expect(roadmap.hasSuffix("You could ask next: what is my next step?"))
        #expect(SourceLineTests.answer("give me the roadmap").hasSuffix("You could ask next: what is my next step? (tell me what you know first)"))
    }
}

/// "Which database should I learn?" opens with what the article recommends (its step 2 names
/// MySQL and MongoDB), then the kind's tools; a kind the article's steps name nothing of is
/// listed as before.
@Suite struct ArticleRecommendsTests {
    @Test func whichDatabaseOpensWithTheArticlesStep() {
        #expect(SourceLineTests.answer("which databse shud i learn").hasPrefix(
            "The article's step 2, Understand Frameworks and Databases, names MySQL and MongoDB: \"Learn how to use server-side frameworks like Django or Node.js. Practice working with databases like MySQL or MongoDB.\"\nDatabases store and retrieve data used by applications."))
    }

    @Test func aKindTheStepsDoNotNameIsListedAlone() {
        #expect(SourceLineTests.answer("version control tools").hasPrefix("Version control tools help developers track changes in code and collaborate."))
    }
}
