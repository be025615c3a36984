/// Readings that hinge on one word: "there" in "are there" points at nothing, "backend" names
/// the role only beside another role, and words judging the work ask whether it suits you.
import Testing
@testable import AdvisorCore

@Suite struct ReadingEdgeTests {
    @Test func anExistentialThereTakesNothingFromTheContext() {
        var session = TestData.session()
        ContextRuleTests.walk([
            ("what is the first step", "steps.detail step=learn-languages"),
            ("how many steps are there", "steps.roadmap"),
            ("what does a devops engineer do", "role.describe role=devops-engineer"),
            ("what do they earn there", "role.salary role=devops-engineer"),
        ], in: &session)
    }

    @Test(arguments: [
        ("how many steps are there", "steps.roadmap"),
        ("how many steps does the roadmap have", "steps.roadmap"),
        ("how many steps are in a mile", "out_of_scope"),
        ("how many steps did i walk today", "out_of_scope"),
    ])
    func countingTheStepsOfThePath(line: String, expected: String) {
        #expect(ContextRuleTests.freshReading(line) == expected)
    }

    @Test(arguments: [
        ("which pays better, full stack or backend", "role.compare role=full-stack-developer,backend-developer"),
        ("is backend better than full stack", "role.compare role=backend-developer,full-stack-developer"),
        ("does devops pay more than backend", "role.compare role=devops-engineer,backend-developer"),
        ("what is backend", "backend.definition"),
        ("I am a devops engineer and want backend", "role.salary role=devops-engineer"),
    ])
    func backendNamesTheRoleOnlyBesideAnotherRole(line: String, expected: String) {
        #expect(ContextRuleTests.freshReading(line) == expected)
    }

    @Test(arguments: [
        ("is backend fun", "career.fit"),
        ("is backend an exciting career", "career.fit"),
        ("is backend development rewarding", "career.fit"),
        ("is backend hard to learn", "career.fit"),
        ("is java boring", "tool.describe tool=java"),
        ("is java hard to learn", "tool.describe tool=java"),
    ])
    func wordsJudgingTheWorkAskWhetherItSuits(line: String, expected: String) {
        #expect(ContextRuleTests.freshReading(line) == expected)
    }

    /// A reference before a name of its own kind points back; after the name, at the name.
    @Test func aReferenceBeforeANameOfItsKindPointsBack() {
        var session = TestData.session()
        ContextRuleTests.walk([
            ("tell me about django", "tool.describe tool=django"),
            ("how is it different from flask", "tool.compare tool=django,flask"),
        ], in: &session)
        var named = TestData.session()
        ContextRuleTests.walk([
            ("tell me about django", "tool.describe tool=django"),
            ("what is flask and what does it do", "tool.describe tool=flask"),
        ], in: &named)
        var roles = TestData.session()
        ContextRuleTests.walk([
            ("what does a devops engineer earn", "role.salary role=devops-engineer"),
            ("does it pay more than a cloud engineer", "role.compare role=devops-engineer,cloud-engineer"),
        ], in: &roles)
    }

    /// "How much will I earn?" from someone aiming at a role is that role's pay; without a
    /// target, or asked of others, it is the table as before.
    @Test func aSalaryQuestionAboutOneselfTakesTheTargetRole() {
        var session = TestData.session()
        ContextRuleTests.walk([
            ("how much will I earn", "role.salary"),
            ("I want to become a cloud engineer", "profile.update"),
            ("how much will I earn", "role.salary role=cloud-engineer"),
            ("what is the salary of all roles", "role.salary"),
        ], in: &session)
    }

    /// Questions of the job the article does not cover are declined, though they name a role;
    /// a line that only resembles an everyday request stays answered.
    @Test(arguments: [
        ("can backend developers work remotely", "out_of_scope"),
        ("what are the working hours of a backend developer", "out_of_scope"),
        ("how do i improve my soft skills", "skills.list kind=soft"),
        ("what do backend developers do all day", "backend.definition"),
    ])
    func whatTheArticleDoesNotCoverIsDeclined(line: String, expected: String) {
        #expect(ContextRuleTests.freshReading(line) == expected)
    }

    /// A follow-up naming a role after the skills or tools of back-end developers in general
    /// asks that role's skills.
    @Test func aRoleAfterTheGeneralSkillsAsksItsSkills() {
        var session = TestData.session()
        ContextRuleTests.walk([
            ("what skills does one need for backend?", "skills.list"),
            ("just the soft ones", "skills.list kind=soft"),
            ("and for a devops engineer?", "role.skills role=devops-engineer"),
        ], in: &session)
        var tools = TestData.session()
        ContextRuleTests.walk([
            ("what tools do backend developers use", "tools.list"),
            ("and a cloud engineer?", "role.skills role=cloud-engineer"),
            ("and python?", "tool.describe tool=python"),
        ], in: &tools)
    }

    @Test(arguments: [
        ("what did I tell you earlier about myself?", "profile.show"),
        ("do you remember my background?", "profile.show"),
        ("do you remember my last oil change", "out_of_scope"),
        ("I am working in TCS as a support engineer", "profile.update level=working-professional"),
        ("how much does a mobile app designer earn", "out_of_scope"),
        ("describe backend development with a restaurant example", "backend.analogy"),
        ("find me a good restaurant nearby", "out_of_scope"),
        ("what do i do from here on", "steps.next"),
    ])
    func phrasingsOfTheProfileAnalogyAndOtherJobs(line: String, expected: String) {
        #expect(ContextRuleTests.freshReading(line) == expected)
    }

    /// A scene set first, then the question: the last sentence is answered when it says it is
    /// for the advisor; a last sentence that does not stays declined with the line.
    @Test(arguments: [
        ("I'm not sure what to ask. what do you cover?", "help"),
        ("I enjoy maths and puzzles more than drawing. should I go for back end?", "career.fit"),
        ("I lost my card. How do I get a new one?", "out_of_scope"),
        ("It is raining. what is the weather tomorrow?", "out_of_scope"),
    ])
    func theLastSentenceCarriesTheQuestion(line: String, expected: String) {
        #expect(ContextRuleTests.freshReading(line) == expected)
    }

    /// Found by a second fresh labelled set: set phrases that are no names, names that only
    /// qualify another field's job, other fields, and ways of saying one has not coded yet.
    @Test(arguments: [
        ("AWS or Azure, which should I go for?", "tool.compare tool=aws,azure"),
        ("go or python for backend?", "tool.compare tool=go,python"),
        ("node.js or go for a backend?", "tool.compare tool=nodejs,go"),
        ("android developer package for freshers", "out_of_scope"),
        ("what is the salary of a fresher", "role.salary role=junior-backend-developer"),
        ("what projects should I put on my resume for backend roles", "steps.detail step=projects"),
        ("how to learn react js", "out_of_scope"),
        ("is digital marketing a good career", "out_of_scope"),
        ("can you help me with my SEO strategy?", "out_of_scope"),
        ("I have never written a single line of code", "profile.update level=beginner"),
        ("I've learnt some Python from YouTube", "profile.update tool=python"),
    ])
    func phrasesNamesAndOtherFields(line: String, expected: String) {
        #expect(ContextRuleTests.freshReading(line) == expected)
    }

    /// Asking whether the work suits oneself decides a line, whatever else it tells; naming the
    /// other field is then part of the weighing, and "what about a front-end developer?" is not.
    @Test(arguments: [
        ("designing screens bores me but I enjoy puzzles, should I go for backend?", "career.fit"),
        ("I hate designing stuff, would this suit me?", "career.fit"),
        ("honestly I hate CSS and picking colours, would backend be better for me?", "career.fit"),
        ("what about a front end developer?", "out_of_scope"),
        ("how to learn css for backend", "out_of_scope"),
        ("i enjoyed talking to you", "goodbye"),
    ])
    func whetherItSuitsOneself(line: String, expected: String) {
        #expect(ContextRuleTests.freshReading(line) == expected)
    }

    /// A level named alone as a follow-up qualifies the last question; after a profile update
    /// it is another fact about oneself.
    @Test func aLevelAloneQualifiesTheLastQuestion() {
        var session = TestData.session()
        ContextRuleTests.walk([
            ("what is Flask?", "tool.describe tool=flask"),
            ("and django?", "tool.describe tool=django"),
            ("which is easier?", "tool.compare tool=flask,django"),
            ("how about for a beginner?", "tool.compare tool=flask,django"),
        ], in: &session)
        var profile = TestData.session()
        ContextRuleTests.walk([
            ("I know python", "profile.update tool=python"),
            ("and a student", "profile.update level=student"),
        ], in: &profile)
    }

    /// A ranking goes one way, the first named first; "lakhs of users" is a number of people.
    @Test(arguments: [
        ("sort the roles from highest to lowest salary", "role.rank order=highest"),
        ("rank the roles from lowest to highest pay", "role.rank order=lowest"),
        ("how do backend devs make sure the site doesn't crash when lakhs of users come at once?",
         "backend.responsibilities responsibility=security-scalability-performance"),
        ("how many lakhs does a devops engineer make", "role.salary role=devops-engineer"),
    ])
    func aRankingGoesOneWayAndLakhsOfUsersArePeople(line: String, expected: String) {
        #expect(ContextRuleTests.freshReading(line) == expected)
    }
}
