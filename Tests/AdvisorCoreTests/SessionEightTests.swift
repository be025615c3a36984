/// What people wrote in the blind sets of session 8 and the advisor lost: Hindi in Latin
/// letters, people named by the opening of a role ("cloud guys"), an example asked of the
/// task just shown, a starting level that names the junior role, a known gap asked after a
/// role's pay, "why?" after advice. Each with the sentence encoder and without it, on
/// wordings that are in no evaluation set.
import Testing
@testable import AdvisorCore

@Suite struct HinglishTests {
    /// Hindi words written in Latin letters read as their English (`hinglish` in lexicon.yaml).
    @Test(arguments: [("devops engineer ki salary kitni hai", "role.salary"), ("python aur java mein kya difference hai", "tool.compare"),
                      ("mujhe batao backend developer kya karta hai", "backend.definition"), ("sabse zyada paisa kis role mein hai", "role.rank")],
          [true, false])
    func hindiInLatinLettersIsRead(line: (text: String, intent: String), encoder: Bool) {
        #expect(OtherJobsTests.replies([line.text], encoder: encoder)[0].intent == line.intent)
    }

    /// The encoder, which knows English only, is handed the line in English words; a line with
    /// no Hindi word is handed over as typed.
    @Test func theEncoderReadsTheLineInEnglish() {
        let language = TestData.advisor.language
        #expect(language.encoderText(of: "backend developer kaise bane") == "backend developer how become")
        #expect(language.encoderText(of: "What's a DBA?") == "What's a DBA?")
    }
}

@Suite struct RoleHeadTests {
    /// The opening of one role's name followed by a word for people names that role.
    @Test(arguments: [true, false])
    func peopleNamedByTheOpeningOfARole(encoder: Bool) {
        let replies = OtherJobsTests.replies(["how much do database folks make", "what do security guys do"], encoder: encoder)
        #expect(replies[0].entities[.role] == ["database-administrator"])
        #expect(replies[1].entities[.role] == ["cybersecurity-specialist"])
    }

    /// In a list of roles, the opening of one names it; "it" opens "IT analyst" yet points back.
    @Test(arguments: [true, false])
    func theOpeningOfARoleInAListOfRoles(encoder: Bool) {
        let listed = OtherJobsTests.replies(["compare api, cloud and devops engineers"], encoder: encoder)[0]
        #expect(listed.intent == "role.compare")
        #expect(listed.entities[.role] == ["api-developer", "cloud-engineer", "devops-engineer"])
        let pointing = OtherJobsTests.replies(["what does a senior backend developer earn", "is it more than a DBA gets?"], encoder: encoder)[1]
        #expect(pointing.entities[.role] == ["senior-backend-developer", "database-administrator"])
    }
}

@Suite struct ConversationFollowUpTests {
    /// "Give an example" after a task of the job is that task's own example.
    @Test(arguments: [true, false])
    func anExampleOfTheTaskJustShown(encoder: Bool) {
        let replies = OtherJobsTests.replies(["what is an API", "give example"], encoder: encoder)
        #expect(replies[1].intent == "backend.responsibilities")
        #expect(replies[1].entities[.responsibility] == ["apis"])
        #expect(replies[1].text.contains("For example, when a weather app shows the current temperature"))
    }

    /// A level a role starts for names that role; after a senior's pay, too.
    @Test(arguments: [true, false])
    func aStartingLevelNamesTheJuniorRole(encoder: Bool) {
        let replies = OtherJobsTests.replies(["what does a senior backend developer earn", "and how much would he get initially?"], encoder: encoder)
        #expect(replies[1].intent == "role.salary")
        #expect(replies[1].entities[.role] == ["junior-backend-developer"])
        #expect(replies[1].text.hasPrefix("A Junior Back-End Developer earns ₹3–5 LPA on average in India."))
    }

    /// A known gap asked after a role's pay stays about that role.
    @Test(arguments: [true, false])
    func aGapAfterARolesPayIsAboutThatRole(encoder: Bool) {
        let replies = OtherJobsTests.replies(["what does a DBA earn", "is that yearly or monthly?"], encoder: encoder)
        #expect(replies[1].entities[.role] == ["database-administrator"])
        #expect(replies[1].text.contains("- Database Administrator: about ₹33,000–58,000 a month"), "answer: \(replies[1].text)")
    }

    /// "Why?" after the next-step advice explains that step: why it comes where it does.
    @Test(arguments: [true, false])
    func whyAfterAdviceExplainsTheStep(encoder: Bool) {
        let replies = OtherJobsTests.replies(["I know Java", "what should I do next", "why?"], encoder: encoder)
        #expect(replies[2].intent == "steps.detail")
        #expect(replies[2].entities[.step] == ["frameworks-and-databases"])
        #expect(replies[2].text.contains("\nIt comes second because a framework spares you writing the plumbing of a web server yourself"))
    }
}

@Suite struct AnswerTheQuestionAskedTests {
    /// "The difference between" two roles opens with what each does, then says what they earn.
    @Test func aDifferenceOpensWithWhatEachDoes() {
        let text = SourceLineTests.answer("difference between api developer and backend developer?")
        #expect(text.hasPrefix("""
            What each does:
            - API Developer: Design and manage APIs for smooth app communication.
            - Back-End Developer: Make websites and apps work behind the scenes: manage databases, create the logic and systems that power features, and ensure everything runs smoothly.
            What they earn: Of these, the Senior Back-End Developer earns the most: ₹7–12 LPA.
            """), "answer: \(text)")
    }

    /// Plain words asked of a tool or a task of the job are asked about that, not for the
    /// picture of the back end; of the back end itself, they are.
    @Test(arguments: [("explain redis to me like i am five", "tool.describe"), ("what does debugging mean, in words a layman gets?", "backend.responsibilities"),
                      ("explain the back end to my grandma", "backend.analogy")], [true, false])
    func plainWordsOfANamedThing(line: (text: String, intent: String), encoder: Bool) {
        #expect(OtherJobsTests.replies([line.text], encoder: encoder)[0].intent == line.intent)
    }

    /// "Is Python enough to get a job?" takes Python as known and answers the step after it.
    @Test(arguments: [true, false])
    func isItEnoughAnswersTheStepAfterIt(encoder: Bool) {
        let reply = OtherJobsTests.replies(["is python enough to land a backend job?"], encoder: encoder)[0]
        #expect(reply.intent == "steps.next")
        #expect(reply.text.hasPrefix("Taking it that you know Python (tell me \"I know Python\" and I will remember it):\nYour next step is step 2"),
                "answer: \(reply.text)")
    }

    /// With Kotlin known, the framework advised is the one the knowledge base names for it.
    @Test func kotlinGetsTheFrameworkItsEntryNames() {
        let replies = OtherJobsTests.replies(["I know Kotlin", "what should I do next"], encoder: false)
        #expect(replies[1].text.contains("You know Kotlin; next learn a framework such as Spring and a database such as MySQL."), "answer: \(replies[1].text)")
    }
}

@Suite struct SceneThenQuestionTests {
    /// Sentences that set the scene, then a question pointing back at what they named: the
    /// question is answered, about that ("that job" is the job in general: its definition).
    @Test(arguments: [true, false])
    func theQuestionAfterTheScenePointsIntoIt(encoder: Bool) {
        let job = OtherJobsTests.replies(["My nephew keeps talking about becoming a back-end developer. What exactly is that job?"], encoder: encoder)[0]
        #expect(job.intent == "backend.definition")
        let role = OtherJobsTests.replies(["My cousin works as a DBA in Pune. How much does that role pay?"], encoder: encoder)[0]
        #expect(role.intent == "role.salary")
        #expect(role.entities[.role] == ["database-administrator"])
    }

    /// Pointing back at the job in general, "that job" is answered as the contract says: its
    /// definition, and its skills from the general list.
    @Test(arguments: [true, false])
    func pointingBackAtTheJobInGeneral(encoder: Bool) {
        let replies = OtherJobsTests.replies(["how much do backend developers earn", "what does that job involve?", "what skills does it need?"],
                                             encoder: encoder)
        #expect(replies.map(\.intent) == ["role.salary", "backend.definition", "skills.list"])
    }
}

/// The table of issue 17, each row as what the person needed: with the encoder and without it.
@Suite struct IssueSeventeenTableTests {
    @Test(arguments: [true, false])
    func aSwitcherIsNotedThenAdvised(encoder: Bool) {
        let reply = OtherJobsTests.replies(["im a mobile dev and want to switch, what should I learn first?"], encoder: encoder)[0]
        #expect(reply.intent == "steps.next")
        #expect(reply.text.hasPrefix("Noted: you are a working professional.\n"), "answer: \(reply.text)")
    }

    @Test(arguments: [true, false])
    func anAndroidDevIsNotedWithWhatIsNotBackEnd(encoder: Bool) {
        let reply = OtherJobsTests.replies(["Hey. I'm an android dev, 3 yrs exp, Kotlin + some React. Thinking of moving to backend"], encoder: encoder)[0]
        #expect(reply.intent == "profile.update")
        #expect(reply.text.hasPrefix("Noted: you know Kotlin; you are a working professional.\nI have not noted React (front end)"), "answer: \(reply.text)")
    }

    @Test(arguments: [true, false])
    func bothNamesAreAccountedFor(encoder: Bool) {
        let reply = OtherJobsTests.replies(["I know Kotlin and React"], encoder: encoder)[0]
        #expect(reply.text == "Noted: you know Kotlin.\nI have not noted React (front end): that is outside back-end development, which is all I cover.")
    }

    /// The person one speaks for: noted about them, and the profile says whose it is.
    @Test(arguments: [true, false])
    func whatSomeoneElseKnowsIsNotedAboutThem(encoder: Bool) {
        let replies = OtherJobsTests.replies(["He already knows Python and a bit of MySQL from school.", "what have I told you?"], encoder: encoder)
        #expect(replies[0].intent == "profile.update")
        #expect(replies[0].text == "Noted, about him: knows Python and MySQL.")
        #expect(replies[1].text == "Here is what you have told me about him:\n- knows: Python and MySQL")
    }

    /// With the encoder only: the lexical matcher alone reads "ask you" as a request for help.
    @Test(arguments: [true])
    func aParentsLongQuestionIsAnswered(encoder: Bool) {
        let line = "Good evening, I hope you are well. My son is in 12th, so I wanted to ask you kindly what exactly a back-end developer does in his daily work?"
        #expect(OtherJobsTests.replies([line], encoder: encoder)[0].intent == "backend.definition")
    }

    @Test(arguments: [true, false])
    func thanksThenAPlainWordsQuestionGetsThePicture(encoder: Bool) {
        let line = "Thank you for your reply. Could you please tell me, in simple terms, what a back-end developer actually does all day, because we are not from a computer background"
        let reply = OtherJobsTests.replies(["what is the backend", line], encoder: encoder)[1]
        #expect(reply.intent == "backend.analogy")
        #expect(reply.text.hasPrefix("Think of a website or app like a restaurant."))
    }

    @Test(arguments: [true, false])
    func theBestPayForABeginnerIsTheEntryRole(encoder: Bool) {
        let reply = OtherJobsTests.replies(["Which of these jobs has the best salary for someone just starting out?"], encoder: encoder)[0]
        #expect(reply.text.contains("Junior Back-End Developer"))
        #expect(reply.text.contains("₹3–5 LPA"))
    }

    /// With the encoder only: the lexical matcher alone goes on comparing the two databases.
    @Test(arguments: [true])
    func certificationsAfterAComparisonOfDatabases(encoder: Bool) {
        let reply = OtherJobsTests.replies(["mysql or mongodb?", "which certification is best for me"], encoder: encoder)[1]
        #expect(reply.intent == "steps.detail")
        #expect(reply.entities[.step] == ["certifications"])
    }

    @Test(arguments: [true, false])
    func andForCloudAfterDevOpsSkills(encoder: Bool) {
        let reply = OtherJobsTests.replies(["what skills does a devops engineer need", "and for cloud?"], encoder: encoder)[1]
        #expect(reply.intent == "role.skills")
        #expect(reply.entities[.role] == ["cloud-engineer"])
    }
}

@Suite struct LongMessageTests {
    /// Several sentences telling about oneself, then a question: every fact told is noted
    /// (the latest break before the question is taken), then the question answered.
    @Test(arguments: [true, false])
    func everyFactBeforeTheQuestionIsNoted(encoder: Bool) {
        let line = "I've been a QA engineer for 5 years. I know Selenium and some Java. What should I learn to move into backend?"
        let reply = OtherJobsTests.replies([line], encoder: encoder)[0]
        #expect(reply.intent == "steps.next")
        #expect(reply.text.hasPrefix("Noted: you know Java; you are a working professional.\nYour next step is step 2"), "answer: \(reply.text)")
    }

    /// A line read as a question of its own notes what it tells as well.
    @Test(arguments: [true, false])
    func aQuestionAfterTellingNotesTheTelling(encoder: Bool) {
        let line = "I have been working as a support engineer in an IT company. Which backend role would suit me?"
        let reply = OtherJobsTests.replies([line], encoder: encoder)[0]
        #expect(reply.intent == "career.fit")
        #expect(reply.text.hasPrefix("Noted: you are a working professional.\n"), "answer: \(reply.text)")
    }
}

@Suite struct HeldRoleTests {
    /// A role the person says they hold is no role they want to become: it says they work.
    @Test(arguments: [true, false])
    func aHeldRoleIsNoTarget(encoder: Bool) {
        #expect(OtherJobsTests.replies(["I work as a DBA"], encoder: encoder)[0].text == "Noted: you are a working professional.")
        #expect(OtherJobsTests.replies(["I'm working as a system analyst and want to become a cloud engineer"], encoder: encoder)[0].text
            == "Noted: you are a working professional; you want to become a Cloud Engineer.")
    }
}

@Suite struct ArticleStepInComparisonTests {
    /// Tools compared of which the article's step names only some: that step is quoted, saying
    /// which it names, and cited as the article's.
    @Test func aStepNamingOneOfTheToolsIsQuoted() {
        let text = SourceLineTests.answer("should i learn go or python")
        #expect(text.contains("The article's step 1, Learn Programming Languages, names Python of these: \"Start with beginner-friendly languages like Python or Java.\""))
        #expect(text.contains("(Sources: the descriptions from \(SourceLineTests.general); what the article says from \(SourceLineTests.article).)"))
    }
}
