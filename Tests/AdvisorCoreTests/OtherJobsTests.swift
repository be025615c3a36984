/// Questions about jobs the advisor does not know are declined by name, saying which roles it
/// knows, however closely their wording matches a salary question ("salary of a police
/// constable" used to get the whole salary table); the conversation goes on with what such a
/// line asked. With the sentence encoder and without it.
import Testing
@testable import AdvisorCore

@Suite struct OtherJobsTests {
    static let roles = "Back-End Developer, Junior Back-End Developer, Full-Stack Developer, API Developer, "
        + "Database Administrator, Senior Back-End Developer, DevOps Engineer, Software Architect, System Analyst, "
        + "Cybersecurity Specialist and Cloud Engineer"

    static func replies(_ lines: [String], encoder: Bool) -> [(intent: String, entities: [EntityType: [String]], text: String)] {
        var session = (encoder ? TestData.advisor : TestData.lexical).session()
        return lines.map { line in
            guard case .answer(let u, let text) = session.respond(to: line) else { return ("", [:], "") }
            return (u.intent.rawValue, u.entities, text)
        }
    }

    /// A job no example of the advisor's names, where a role's name stands: declined with its
    /// name and the roles the advisor knows, whole.
    @Test(arguments: [("salary of a police constable", "police constable"), ("what does a school principal earn", "school principal"),
                      ("how much does a bank PO make per month", "bank po"), ("what's the pay of a zookeeper", "zookeeper")],
          [true, false])
    func anUnknownJobIsDeclinedByName(line: (text: String, job: String), encoder: Bool) {
        let reply = Self.replies([line.text], encoder: encoder)[0]
        #expect(reply.intent == "out_of_scope")
        #expect(reply.text == """
            Sorry, I cannot answer about "\(line.job)": it is not one of the back-end roles I know.
            I know these roles: \(Self.roles).
            """)
    }

    /// Words that only qualify ("the smallest salary", "the starting salary") name no job.
    @Test(arguments: [("which role has the smallest salary?", "role.rank"), ("what is the starting salary of a devops engineer", "role.salary"),
                      ("how much does a typical fresher earn", "role.salary")], [true, false])
    func qualifyingWordsNameNoJob(line: (text: String, intent: String), encoder: Bool) {
        #expect(Self.replies([line.text], encoder: encoder)[0].intent == line.intent)
    }

    /// "Data scientist pay?" is declined; "and backend developers?" then asks the same of ours.
    @Test(arguments: [true, false])
    func aFollowUpGoesOnWithWhatTheDeclinedLineAsked(encoder: Bool) {
        let replies = Self.replies(["data scientist pay, roughly?", "and backend developers?"], encoder: encoder)
        #expect(replies[0].intent == "out_of_scope")
        #expect(replies[1].intent == "role.salary")
        #expect(replies[1].entities == [.role: ["backend-developer"]])
    }

    /// "What about a UI designer?" asks nothing of its own: the salary question before it goes on.
    @Test(arguments: [true, false])
    func aDeclinedBareFollowUpKeepsTheQuestionBefore(encoder: Bool) {
        let replies = Self.replies(["how much does an API developer make?", "what about a UI designer?", "and a full-stack dev?"], encoder: encoder)
        #expect(replies.map(\.intent) == ["role.salary", "out_of_scope", "role.salary"])
        #expect(replies[2].text.hasPrefix("A Full-Stack Developer earns ₹5–9 LPA on average in India."))
    }
}

/// What people type in India, and the way they say what they do: text-speak and Hinglish
/// joiners, greetings and thanks, a job held for years, a class at school.
@Suite struct EverydayWordingTests {
    @Test(arguments: [true, false])
    func hinglishAndTextSpeakFollowUpsGoOn(encoder: Bool) {
        let hinglish = OtherJobsTests.replies(["backend developer ka salary kitna hai", "aur senior ka?"], encoder: encoder)
        #expect(hinglish[1].intent == "role.salary")
        #expect(hinglish[1].entities == [.role: ["senior-backend-developer"]])
        let short = OtherJobsTests.replies(["devops sal?", "n cloud engg?"], encoder: encoder)
        #expect(short[1].intent == "role.salary")
        #expect(short[1].entities == [.role: ["cloud-engineer"]])
    }

    @Test(arguments: [("dhanyavaad", "thank"), ("shukriya", "thank"), ("namaskar", "greet")], [true, false])
    func smallTalkInHindi(line: (text: String, intent: String), encoder: Bool) {
        #expect(OtherJobsTests.replies([line.text], encoder: encoder)[0].intent == line.intent)
    }

    @Test(arguments: [("I've been a sysadmin for 8 years", [EntityType.level: ["working-professional"]], "Noted: you are a working professional."),
                      ("I'm a java developer with 6 years in banking", [.tool: ["java"], .level: ["working-professional"]],
                       "Noted: you know Java; you are a working professional."),
                      ("hello! i am in class 12", [.level: ["student"]], "Noted: you are a student.")], [true, false])
    func whatOneDoesIsNoted(line: (text: String, entities: [EntityType: [String]], noted: String), encoder: Bool) {
        let reply = OtherJobsTests.replies([line.text], encoder: encoder)[0]
        #expect(reply.intent == "profile.update")
        #expect(reply.entities == line.entities)
        #expect(reply.text.hasPrefix(line.noted))
    }
}

/// Follow-ups that go on along what the conversation holds: the next step after a step, a
/// comparison of what was named in turn.
@Suite struct GoingOnTests {
    @Test(arguments: [true, false])
    func andThenAfterAStepIsTheStepAfter(encoder: Bool) {
        let replies = OtherJobsTests.replies(["give me the roadmap to become backend dev", "the second one", "ok and then?", "what comes after that"],
                                             encoder: encoder)
        #expect(replies[2].intent == "steps.detail")
        #expect(replies[2].entities == [.step: ["projects"]])
        #expect(replies[2].text.hasPrefix("Step 3 of 5, Work on Projects:"))
        #expect(replies[3].entities == [.step: ["hackathons-and-open-source"]])
    }

    /// "And then?" with no step before it is no step.
    @Test(arguments: [true, false])
    func andThenWithoutAStepIsNoStep(encoder: Bool) {
        #expect(OtherJobsTests.replies(["ok and then?"], encoder: encoder)[0].intent != "steps.detail")
    }

    @Test(arguments: [true, false])
    func whoGetsPaidMoreComparesWhatWasNamedInTurn(encoder: Bool) {
        let replies = OtherJobsTests.replies(["how much do cloud engineers earn?", "and for an architect?", "who gets paid more?"], encoder: encoder)
        #expect(replies[2].intent == "role.compare")
        #expect(replies[2].entities == [.role: ["cloud-engineer", "software-architect"]])
        #expect(replies[2].text.hasPrefix("Of the two, the Software Architect earns more: ₹25–40 LPA."))
    }

    /// Where the words run two readings close ("which one pays better?": its pay, or a
    /// comparison), the sentence encoder settles it, within a conversation too.
    @Test func theEncoderSettlesACloseReadingInAConversation() {
        let replies = OtherJobsTests.replies(["devops sal?", "n cloud engg?", "which one pays better?"], encoder: true)
        #expect(replies[2].intent == "role.compare")
        #expect(replies[2].entities == [.role: ["devops-engineer", "cloud-engineer"]])
    }
}

/// What people say about themselves before they ask (issue 17's table): another job held is
/// background, not a topic to decline; another field's tools are named, not dropped.
@Suite struct BackgroundTests {
    @Test(arguments: [true, false])
    func aMobileDeveloperWhoWantsToSwitchIsNotedThenAdvised(encoder: Bool) {
        let reply = OtherJobsTests.replies(["im a mobile dev and want to switch, what should I learn first?"], encoder: encoder)[0]
        #expect(reply.intent == "steps.next")
        #expect(reply.text.hasPrefix("Noted: you are a working professional.\nYour next step is step 1, Learn Programming Languages:"))
    }

    @Test(arguments: [true, false])
    func aLongIntroductionIsNoted(encoder: Bool) {
        let reply = OtherJobsTests.replies(["Hey. I'm an android dev, 3 yrs exp, Kotlin + some React. Thinking of moving to backend"],
                                           encoder: encoder)[0]
        #expect(reply.intent == "profile.update")
        #expect(reply.entities == [.tool: ["kotlin"], .level: ["working-professional"]])
        #expect(reply.text == """
            Noted: you know Kotlin; you are a working professional.
            I have not noted React (front end): that is outside back-end development, which is all I cover.
            """)
    }

    @Test(arguments: [true, false])
    func anotherFieldsToolIsNamedNotDropped(encoder: Bool) {
        let reply = OtherJobsTests.replies(["I know Kotlin and React"], encoder: encoder)[0]
        #expect(reply.text == """
            Noted: you know Kotlin.
            I have not noted React (front end): that is outside back-end development, which is all I cover.
            """)
    }

    /// Wanting to become another thing is no background: declined.
    @Test(arguments: [true, false])
    func wantingAnotherJobIsDeclined(encoder: Bool) {
        #expect(OtherJobsTests.replies(["I want to become a pilot"], encoder: encoder)[0].intent == "out_of_scope")
    }

    @Test(arguments: [true, false])
    func theBestPayForSomeoneStartingOutIsTheEntryRole(encoder: Bool) {
        let reply = OtherJobsTests.replies(["Which of these jobs has the best salary for someone just starting out?"], encoder: encoder)[0]
        #expect(reply.intent == "role.rank")
        #expect(reply.text.hasPrefix("For someone starting out, the role to start in is the Junior Back-End Developer, at ₹3–5 LPA on average in India"))
        #expect(OtherJobsTests.replies(["which role pays the most"], encoder: encoder)[0].text.hasPrefix("The best-paid role is the Software Architect"))
    }

    @Test(arguments: [true, false])
    func aShortNameFollowsTheLastQuestionsKind(encoder: Bool) {
        let replies = OtherJobsTests.replies(["what skills does a devops engineer need", "and for cloud?"], encoder: encoder)
        #expect(replies[1].intent == "role.skills")
        #expect(replies[1].entities == [.role: ["cloud-engineer"]])
        let tools = OtherJobsTests.replies(["what are the tools backend devs use", "and cloud?"], encoder: encoder)
        #expect(tools[1].entities == [.category: ["cloud"]])
    }
}

/// "Fine, …", "sounds good, …", "whatever. …": a clause that only acknowledges the last
/// answer is no part of the question after it, which may then point back as it would alone.
@Suite struct AcknowledgementTests {
    @Test(arguments: [true, false])
    func theQuestionAfterAnAcknowledgementPointsBack(encoder: Bool) {
        let after = OtherJobsTests.replies(["software architect package?", "what about a pilot", "fine, what does that job involve then?"],
                                           encoder: encoder)
        #expect(after[2].intent == "role.describe")
        #expect(after[2].entities == [.role: ["software-architect"]])
        let pay = OtherJobsTests.replies(["what does a system analyst do", "sounds good, how much does it pay?"], encoder: encoder)
        #expect(pay[1].intent == "role.salary")
        #expect(pay[1].entities == [.role: ["system-analyst"]])
    }

    /// A clause that says something of its own is no acknowledgement: "python, what is it?".
    @Test(arguments: [true, false])
    func aClauseThatNamesSomethingStays(encoder: Bool) {
        let reply = OtherJobsTests.replies(["python, what is it?"], encoder: encoder)[0]
        #expect(reply.intent == "tool.describe")
        #expect(reply.entities == [.tool: ["python"]])
    }
}

/// Follow-ups that point back in words of their own ("such a job", "work?", "step number
/// three"), and two readings the words cannot choose between, which meaning settles before
/// the advisor asks back.
@Suite struct PointingBackTests {
    @Test(arguments: [true, false])
    func suchAJobPointsBack(encoder: Bool) {
        let replies = OtherJobsTests.replies(["what does a DevOps engineer actually do day to day?", "ok and the skill set for such a job?"],
                                             encoder: encoder)
        #expect(replies[1].intent == "role.skills")
        #expect(replies[1].entities == [.role: ["devops-engineer"]])
    }

    @Test(arguments: [true, false])
    func aWordDeclinedAloneMayStillBeAboutTheLastRole(encoder: Bool) {
        let replies = OtherJobsTests.replies(["dba pay", "work?"], encoder: encoder)
        #expect(replies[1].intent == "role.describe")
        #expect(replies[1].entities == [.role: ["database-administrator"]])
        #expect(OtherJobsTests.replies(["dba pay", "weather?"], encoder: encoder)[1].intent == "out_of_scope")
    }

    @Test(arguments: [true, false])
    func stepNumberThree(encoder: Bool) {
        let replies = OtherJobsTests.replies(["how does one become a backend engineer", "expand on step number three"], encoder: encoder)
        #expect(replies[1].intent == "steps.detail")
        #expect(replies[1].entities == [.step: ["projects"]])
    }
}

/// How people name what they mean without its name: "langs", "tools to track code changes",
/// "non-coding qualities", a "toolkit"; and a question asked of what they told the advisor.
@Suite struct EverydayNamesTests {
    @Test(arguments: [("langs for server side?", "tools.list", [EntityType.category: ["languages"]]),
                      ("tools for tracking code changes", "tools.list", [.category: ["version-control"]]),
                      ("what qualities should a back-end developer have apart from coding?", "skills.list", [.kind: ["soft"]]),
                      ("toolkit of a backend developer?", "tools.list", [:])], [true, false])
    func namedInEverydayWords(line: (text: String, intent: String, entities: [EntityType: [String]]), encoder: Bool) {
        let reply = OtherJobsTests.replies([line.text], encoder: encoder)[0]
        #expect(reply.intent == line.intent)
        #expect(reply.entities == line.entities)
    }

    @Test(arguments: ["based on my profile, what should I study next", "given everything I told you, what do I do now?"], [true, false])
    func aQuestionAskedOfTheProfileIsAnswered(line: String, encoder: Bool) {
        let replies = OtherJobsTests.replies(["I know Python", line], encoder: encoder)
        #expect(replies[1].intent == "steps.next")
        #expect(replies[1].text.hasPrefix("Your next step is step 2"))
        #expect(OtherJobsTests.replies(["what do you know about me?"], encoder: encoder)[0].intent == "profile.show")
    }
}

/// "And for cloud engineering folks?" after a salary: a line that opens with a follow-up cue
/// and names what the last question takes goes on with it, when its other words ask nothing
/// else; a line whose words ask something else is read as itself.
@Suite struct CueFollowUpTests {
    @Test(arguments: [true, false])
    func aCueAndANameGoOnWithTheLastQuestion(encoder: Bool) {
        let replies = OtherJobsTests.replies(["hey how much does a devops guy make in india", "and for cloud engineering folks?",
                                              "ok so which of the two is better paid"], encoder: encoder)
        #expect(replies[1].intent == "role.salary")
        #expect(replies[1].entities == [.role: ["cloud-engineer"]])
        #expect(replies[2].intent == "role.compare")
        #expect(replies[2].entities == [.role: ["devops-engineer", "cloud-engineer"]])
    }

    @Test(arguments: [true, false])
    func aCueWithAQuestionOfItsOwnIsReadAsItself(encoder: Bool) {
        let replies = OtherJobsTests.replies(["how much does a devops engineer make", "and what skills does a cloud engineer need?"], encoder: encoder)
        #expect(replies[1].intent == "role.skills")
    }
}

/// A responsibility asked about in the article's own everyday words ("the rules of the app",
/// "click submit on a form", "storing and retrieving data") is that responsibility; those
/// words anchor nothing, so an everyday request that uses them is still declined. (Words the
/// everyday examples use, "password", "not working", are left out: as names they would hide
/// those examples' words and let "how do I reset my password" through.)
@Suite struct ResponsibilityWordsTests {
    @Test(arguments: [("what makes the rules of the app work, is that backend?", "server-logic"),
                      ("when I click submit on a form, is that the backend's job?", "integration"),
                      ("how do back end people deal with storing and retrieving data", "databases")], [true, false])
    func namedInTheArticlesWords(line: (text: String, id: String), encoder: Bool) {
        let reply = OtherJobsTests.replies([line.text], encoder: encoder)[0]
        #expect(reply.intent == "backend.responsibilities")
        #expect(reply.entities == [.responsibility: [line.id]])
    }

    @Test(arguments: ["how do I reset my password", "my phone stops working, what do I do"], [true, false])
    func everydayRequestsStayDeclined(line: String, encoder: Bool) {
        #expect(OtherJobsTests.replies([line], encoder: encoder)[0].intent == "out_of_scope")
    }
}
