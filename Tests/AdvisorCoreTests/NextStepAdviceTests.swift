/// Guards the personal next step: the five-step path walked by what the person says, a
/// target role's key tools first, negations and changes of mind, and the profile file.
import Testing
@testable import AdvisorCore

@Suite struct NextStepAdviceTests {
    /// Says each line in one session and returns the answer to the last one.
    static func answer(after lines: [String]) -> String {
        var session = TestData.session()
        var last = ""
        for line in lines {
            if case .answer(_, let text) = session.respond(to: line) { last = text }
        }
        return last
    }

    @Test func nothingKnownGivesStepOneAndAsksWhatYouKnow() {
        #expect(Self.answer(after: ["what should I do next?"]) == """
            Start with step 1, Learn Programming Languages: Start with beginner-friendly languages like Python or Java.
            Tell me what you already know (for example "I know Python") and I can make this more specific.
            """)
    }

    @Test func pythonLeadsToAFrameworkAndADatabase() {
        let text = Self.answer(after: ["I know Python", "what should I do next?"])
        #expect(text.hasPrefix("Your next step is step 2, Understand Frameworks and Databases:"))
        #expect(text.contains("You know Python; next learn a framework such as Django and a database such as MySQL."))
        #expect(text.hasSuffix("After that comes step 3, Work on Projects."))
    }

    /// "After Python" says the person knows Python, or soon will: the answer is theirs, but a
    /// question tells the profile nothing to keep.
    /// A language's own framework, never another language's ("you know Go; next learn
    /// Django"): where the knowledge base has none for the language (Go, Rust), a framework
    /// for it, unnamed. (The article's own step text still names Django and Node.js.)
    @Test(arguments: [("Java", "a framework such as Spring and a database such as MySQL"),
                      ("JavaScript", "a framework such as Express and a database such as MySQL"),
                      ("Go", "a web framework for Go and a database such as MySQL"),
                      ("Rust", "a web framework for Rust and a database such as MySQL")])
    func eachLanguageLeadsToAFrameworkOfItsOwn(language: String, next: String) {
        let text = Self.answer(after: ["I know \(language)", "what should I do next?"])
        #expect(text.contains("You know \(language); next learn \(next)."), "answer: \(text)")
    }

    /// Who knows a framework knows a language: Flask alone leads to a database, not to step 1.
    @Test func aFrameworkAloneIsPastTheFirstStep() {
        let text = Self.answer(after: ["I know Flask", "what should I do next?"])
        #expect(text.hasPrefix("Your next step is step 2, Understand Frameworks and Databases:"), "answer: \(text)")
        #expect(text.contains("You know Flask; next learn a database such as MySQL and use it from Flask."), "answer: \(text)")
    }

    @Test func goAndADatabaseLeadToAFrameworkForGo() {
        let text = Self.answer(after: ["I know Go and MySQL", "what should I do next?"])
        #expect(text.contains("You know Go and MySQL; next learn a web framework for Go to build on your MySQL skills."), "answer: \(text)")
    }

    @Test(arguments: ["what should i learn after python", "What should I study after Python?", "what do I do after python"])
    func whatComesAfterAToolIsAnsweredAsIfItWereKnown(line: String) {
        var session = TestData.session()
        guard case .answer(let u, let text) = session.respond(to: line) else {
            Issue.record("no answer")
            return
        }
        #expect(u.intent == .stepsNext)
        #expect(text.hasPrefix("""
            Taking it that you know Python (tell me "I know Python" and I will remember it):
            Your next step is step 2, Understand Frameworks and Databases:
            """))
        #expect(text.contains("You know Python; next learn a framework such as Django and a database such as MySQL."))
        #expect(session.profile.isEmpty)
    }

    @Test func whatComesAfterSeveralToolsTakesThemAll() {
        let text = Self.answer(after: ["what should i learn after java and spring?"])
        #expect(text.hasPrefix("Taking it that you know Java and Spring"))
        #expect(text.contains("You know Java and Spring; next learn a database such as MySQL and use it from Spring."))
        // What the profile already holds is not announced again.
        let known = Self.answer(after: ["I know Java", "what should i learn after java?"])
        #expect(known.hasPrefix("Your next step is step 2"))
    }

    @Test func pythonDjangoAndMySQLLeadToAProject() {
        let text = Self.answer(after: ["I know Python, Django and MySQL", "what's my next step?"])
        #expect(text.hasPrefix("Your next step is step 3, Work on Projects: Build small projects like a login system or e-commerce backend"))
        #expect(text.contains("build a small project such as a login system"))
    }

    @Test func aLoginSystemLeadsToHackathonsAndOpenSource() {
        let text = Self.answer(after: ["I know Python", "I have built a login system", "what next?"])
        #expect(text.hasPrefix("Your next step is step 4, Participate in Hackathons or Open-Source Projects:"))
    }

    @Test func hackathonsLeadToCertifications() {
        let text = Self.answer(after: ["I took part in a hackathon", "what should I do now?"])
        #expect(text.hasPrefix("Your next step is step 5, Earn Certifications: Get certified in tools like AWS, Microsoft Azure"))
    }

    /// A certification is earned without code: it covers its own step only, and the path goes
    /// on where it was, without naming as next the step already done.
    @Test func aCertificationCoversOnlyItself() {
        let text = Self.answer(after: ["I know Python", "I have an AWS certification", "what's next"])
        #expect(text.hasPrefix("Your next step is step 2, Understand Frameworks and Databases:"))
        let later = Self.answer(after: ["I know Python", "I have an AWS certification", "I built a login system", "what's next"])
        #expect(later == """
            Your next step is step 4, Participate in Hackathons or Open-Source Projects: Join coding events to solve real-world problems and collaborate with others.
            You have built projects; now join hackathons or contribute to open source to work with others on real problems.
            """)
        #expect(Self.answer(after: ["I joined a hackathon", "I have an AWS certification", "what's next"])
            == "You have covered all five steps; keep building projects and deepen your skills for the role you want.")
    }

    @Test func aCloudEngineerTargetPutsAWSOrAzureFirst() {
        let text = Self.answer(after: ["I want to become a cloud engineer", "I know Python", "what should I do next?"])
        #expect(text.hasPrefix("You want to become a Cloud Engineer, so learn AWS or Microsoft Azure first."))
        // Knowing one of the key tools removes the line.
        let later = Self.answer(after: ["I want to become a cloud engineer", "I know Python and AWS", "what should I do next?"])
        #expect(!later.contains("learn AWS or Microsoft Azure first"))
    }

    @Test func aNegationAndAChangeOfMind() {
        var session = TestData.session()
        _ = session.respond(to: "I don't know Java yet")
        #expect(session.profile.notKnown == ["java"] && session.profile.knows.isEmpty)
        guard case .answer(_, let noted) = session.respond(to: "actually I do know Java now") else {
            Issue.record("no answer")
            return
        }
        #expect(noted == "Noted: you know Java.")
        #expect(session.profile.knows == ["java"] && session.profile.notKnown.isEmpty)
    }

    @Test func theProfileFileRoundTripsAndRefusesGarbage() throws {
        var session = TestData.session()
        for line in ["I am a student", "I know Python and Django", "I don't know Java yet", "I built a login system",
                     "I want to become a cloud engineer"] {
            _ = session.respond(to: line)
        }
        let text = session.profile.render()
        #expect(text == """
            # advisor profile: what you told the advisor about yourself (:forget deletes it)
            level: student
            knows: python, django
            not-known: java
            done: projects
            target: cloud-engineer

            """)
        #expect(try Profile.parse(text, knowledge: TestData.advisor.knowledge) == session.profile)
        #expect(throws: Profile.FileError.self) { try Profile.parse("level student\n", knowledge: TestData.advisor.knowledge) }
    }
}
