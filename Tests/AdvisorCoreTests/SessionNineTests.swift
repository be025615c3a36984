/// What people wrote in the blind set of session 9 and the advisor lost: the trade's chat
/// shorthand ("jr", "pkg", "cybersec"), a correction of the last question ("sorry, I meant
/// senior"), and a job no list names, said as what one is ("I'm a QA tester"). Each with the
/// sentence encoder and without it, on wordings that are in no evaluation set.
import Testing
@testable import AdvisorCore

@Suite struct ChatShorthandTests {
    /// The trade's shorthand reads as its words (`contractions` in lexicon.yaml).
    @Test(arguments: [true, false])
    func shorthandNamesTheRoleAndTheQuestion(encoder: Bool) {
        let replies = OtherJobsTests.replies(["sr backend dev pkg?", "cybersec specialist sal"], encoder: encoder)
        #expect(replies[0].intent == "role.salary")
        #expect(replies[0].entities[.role] == ["senior-backend-developer"])
        #expect(replies[0].text.hasPrefix("A Senior Back-End Developer earns ₹7–12 LPA on average in India."))
        #expect(replies[1].intent == "role.salary")
        #expect(replies[1].entities[.role] == ["cybersecurity-specialist"])
    }
}

@Suite struct CorrectionTests {
    /// "Sorry, I meant…" asks the last question again of what was meant, whichever end of
    /// the line the correction stands at.
    @Test(arguments: [true, false])
    func aCorrectionAsksTheLastQuestionOfWhatWasMeant(encoder: Bool) {
        let replies = OtherJobsTests.replies(["what does a cloud engineer make", "oops, i meant devops engineer", "what is flask",
                                              "django i meant"], encoder: encoder)
        #expect(replies[1].intent == "role.salary")
        #expect(replies[1].entities[.role] == ["devops-engineer"])
        #expect(replies[1].text.hasPrefix("A DevOps Engineer earns ₹6–10 LPA on average in India."))
        #expect(replies[3].intent == "tool.describe")
        #expect(replies[3].entities[.tool] == ["django"])
    }

    /// "I mean" before a question of its own leaves the question as it is.
    @Test(arguments: [true, false])
    func aQuestionAfterIMeanIsReadAsItself(encoder: Bool) {
        let replies = OtherJobsTests.replies(["what is flask", "i mean what does a dba do all day"], encoder: encoder)
        #expect(replies[1].intent == "role.describe")
        #expect(replies[1].entities[.role] == ["database-administrator"])
    }
}

@Suite struct UnknownJobBackgroundTests {
    /// A job no list names, said as what one is, is background: noted as working, not declined.
    @Test(arguments: [true, false])
    func aJobNoListNamesIsBackground(encoder: Bool) {
        let replies = OtherJobsTests.replies(["currently working as a payroll executive"], encoder: encoder)
        #expect(replies[0].intent == "profile.update")
        #expect(replies[0].entities[.level] == ["working-professional"])
        #expect(replies[0].text.hasPrefix("Noted: you are a working professional."))
    }

    /// Said before a question, it is noted and the question is answered.
    @Test(arguments: [true, false])
    func aJobNoListNamesThenAQuestion(encoder: Bool) {
        let reply = OtherJobsTests.replies(["i am a payroll executive, what does an api developer earn?"], encoder: encoder)[0]
        #expect(reply.intent == "role.salary")
        #expect(reply.text.hasPrefix("Noted: you are a working professional.\nAn API Developer earns"))
    }

    /// Asked about, the same job is still declined by name.
    @Test(arguments: [true, false])
    func askedAboutItIsDeclined(encoder: Bool) {
        let reply = OtherJobsTests.replies(["what does a payroll executive earn"], encoder: encoder)[0]
        #expect(reply.intent == "out_of_scope")
    }
}

@Suite struct SessionNineReadingTests {
    /// A step named by its place asks of that step, not of the whole path.
    @Test(arguments: [true, false])
    func aStepNamedByItsPlaceIsThatStep(encoder: Bool) {
        let reply = OtherJobsTests.replies(["tell me the third step for becoming a backend engineer"], encoder: encoder)[0]
        #expect(reply.intent == "steps.detail")
        #expect(reply.entities[.step] == ["projects"])
    }

    /// "What did I say my … was" asks for the profile.
    @Test(arguments: [true, false])
    func askingWhatOneSaidShowsTheProfile(encoder: Bool) {
        let replies = OtherJobsTests.replies(["I know Java", "what did i tell you my background was"], encoder: encoder)
        #expect(replies[1].intent == "profile.show")
        #expect(replies[1].text.contains("Java"))
    }

    /// A follow-up that opens with "and" and only qualifies the role ("with years of experience")
    /// goes on with the last question.
    @Test(arguments: [true, false])
    func aFollowUpWithAQualifierKeepsTheQuestion(encoder: Bool) {
        let replies = OtherJobsTests.replies(["how much does a junior backend dev make", "and with 6 years of experience as a senior?"], encoder: encoder)
        #expect(replies[1].intent == "role.salary")
        #expect(replies[1].entities[.role] == ["senior-backend-developer"])
    }

    /// "That cleared my doubt" thanks; only "clear my profile" asks to forget.
    @Test func clearedIsNoRequestToForget() {
        let replies = OtherJobsTests.replies(["thank you so much, that cleared up my confusion", "clear my profile please"], encoder: false)
        #expect(replies[0].intent == "thank")
        #expect(replies[1].text.hasPrefix("Sorry, I cannot forget from a question. Type :forget"))
    }

    /// "Whats next" after a telling asks, though its opening is a contraction.
    @Test(arguments: [true, false])
    func aContractedQuestionAfterATelling(encoder: Bool) {
        let reply = OtherJobsTests.replies(["ok so i know java and spring, whats next"], encoder: encoder)[0]
        #expect(reply.intent == "steps.next")
        #expect(reply.text.hasPrefix("Noted: you know Java and Spring."))
    }
}

@Suite struct RoleOpeningTests {
    /// An opening that ends a longer name is that name's: "a non-technical person" is no
    /// technical architect, and the picture of the back end is asked for.
    @Test(arguments: [true, false])
    func anOpeningInsideALongerNameNamesNoRole(encoder: Bool) {
        let reply = OtherJobsTests.replies(["explain the backend to a non-technical person please"], encoder: encoder)[0]
        #expect(reply.intent == "backend.analogy")
        #expect(reply.entities[.role] == nil)
    }
}

@Suite struct OtherEngineeringJobTests {
    /// A job's noun ("engineer") after words the advisor never saw names another job, declined
    /// by name whatever is asked of it: its pay, or the path to it.
    @Test(arguments: [true, false])
    func anotherEngineeringJobIsDeclinedByName(encoder: Bool) {
        let replies = OtherJobsTests.replies(["how can i become a marine engineer", "what does a structural design engineer make"], encoder: encoder)
        #expect(replies.map(\.intent) == ["out_of_scope", "out_of_scope"])
        #expect(replies[0].text.hasPrefix("Sorry, I cannot answer about \"marine engineer\": it is not one of the back-end roles I know."))
        #expect(replies[1].text.hasPrefix("Sorry, I cannot answer about \"structural design engineer\": it is not one of the back-end roles I know."))
    }

    /// Known words before the noun name no other job; nor does the job one holds.
    @Test(arguments: [true, false])
    func knownWordsOrOnesOwnJobAreNoOtherJob(encoder: Bool) {
        let replies = OtherJobsTests.replies(["how do i become a better engineer", "i am a marine engineer, how do i get into backend"], encoder: encoder)
        #expect(replies[0].intent != "out_of_scope")
        #expect(replies[1].intent != "out_of_scope")
        #expect(replies[1].text.hasPrefix("Noted: you are a working professional."))
    }
}

@Suite struct ContinuityTests {
    /// A line that opens as a follow-up and names what the last question takes goes on with it
    /// where its other words ask nothing decisive (`continuity_margin`).
    @Test(arguments: [true, false])
    func aFollowUpThatAsksNothingDecisiveGoesOn(encoder: Bool) {
        let replies = OtherJobsTests.replies(["what is the pay of a junior backend developer", "and a few years down the line, as a senior?"], encoder: encoder)
        #expect(replies[1].intent == "role.salary")
        #expect(replies[1].entities[.role] == ["senior-backend-developer"])
        #expect(replies[1].text.hasPrefix("A Senior Back-End Developer earns ₹7–12 LPA on average in India."))
    }

    /// A follow-up that asks something of its own is read as that.
    @Test(arguments: [true, false])
    func aFollowUpThatAsksAnotherQuestionIsThatQuestion(encoder: Bool) {
        let replies = OtherJobsTests.replies(["what is the pay of a junior backend developer", "and what does a senior do all day?"], encoder: encoder)
        #expect(replies[1].intent == "role.describe")
    }
}

@Suite struct BasisAskedTests {
    /// "Why?" right after an answer asks what it rests on: the same answer, said to rest on
    /// its source, with the same names.
    @Test(arguments: [true, false])
    func whyAfterAnAnswerGivesItsBasis(encoder: Bool) {
        let replies = OtherJobsTests.replies(["does backend have good scope in future", "how so?", "compare mysql and postgres", "why do you think that?"],
                                             encoder: encoder)
        #expect(replies[1].intent == "market.outlook")
        #expect(replies[1].text == "That answer rests on its source; here it is again, with where it comes from:\n" + replies[0].text)
        #expect(replies[3].intent == "tool.compare")
        #expect(replies[3].entities[.tool] == ["mysql", "postgresql"])
    }

    /// Alone, with nothing answered before it, "why?" is declined as it always was.
    @Test func whyAloneIsDeclined() {
        #expect(OtherJobsTests.replies(["why?"], encoder: false)[0].intent == "out_of_scope")
    }
}

@Suite struct JobInGeneralTests {
    /// After the definition (the job in general), "it" is the back-end developer.
    @Test(arguments: [true, false])
    func itAfterTheDefinitionIsTheBackEndDeveloper(encoder: Bool) {
        let replies = OtherJobsTests.replies(["what is back end development exactly", "and what does it pay?"], encoder: encoder)
        #expect(replies[1].intent == "role.salary")
        #expect(replies[1].entities[.role] == ["backend-developer"])
        #expect(replies[1].text.hasPrefix("The article gives no single figure for a Back-End Developer; it gives ranges by level"))
    }
}

@Suite struct OneWordQuestionAfterTellingTests {
    /// "I've finished Java, next?": one word may ask after a telling when it ends with "?".
    @Test(arguments: [true, false])
    func oneWordAsksAfterATelling(encoder: Bool) {
        let reply = OtherJobsTests.replies(["i just completed a java course, next?"], encoder: encoder)[0]
        #expect(reply.intent == "steps.next")
        #expect(reply.text.hasPrefix("Noted: you know Java."))
    }
}

@Suite struct AfterThatTests {
    /// "Ok and after that?" right after a step goes on along the path, as "and then?" does.
    @Test(arguments: [true, false])
    func afterThatGoesOnAlongThePath(encoder: Bool) {
        let replies = OtherJobsTests.replies(["tell me about step 3", "alright, and after that?"], encoder: encoder)
        #expect(replies[1].intent == "steps.detail")
        #expect(replies[1].entities[.step] == ["hackathons-and-open-source"])
    }

    /// A first job is where a beginner starts: the junior role's pay, read by meaning too.
    @Test(arguments: [true, false])
    func aFirstJobIsTheJuniorRole(encoder: Bool) {
        let reply = OtherJobsTests.replies(["how much would i earn in my first job"], encoder: encoder)[0]
        #expect(reply.intent == "role.salary")
        #expect(reply.entities[.role] == ["junior-backend-developer"])
    }
}
