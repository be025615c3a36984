/// Guards the set phrases of small talk (the cues in matching.yaml): "how have you been" greets,
/// "gotta run" and "talk to you later" leave, talk of the talk itself ("nice chatting") closes
/// the conversation rather than thanks; and everyday requests holding the same words, or
/// questions of the domain, are not pulled into small talk by them.
import Testing
@testable import AdvisorCore

@Suite struct SmallTalkPhraseTests {
    static func intent(_ line: String) -> String {
        var session = TestData.session()
        guard case .answer(let u, _) = session.respond(to: line) else { return "no answer" }
        return u.intent.rawValue
    }

    @Test(arguments: ["hey, how are you doing?", "how have you been lately", "hi there, how's everything with you",
                      "how goes it with you today"])
    func greetingPhrasesGreet(line: String) {
        #expect(Self.intent(line) == "greet", "\"\(line)\"")
    }

    @Test(arguments: ["gotta run, talk to you later", "i've got to go now", "it was nice chatting with you",
                      "thanks for the talk, goodbye then"])
    func leavingPhrasesSayGoodbye(line: String) {
        #expect(Self.intent(line) == "goodbye", "\"\(line)\"")
    }

    /// One word alone is small talk when it is a key word of it or an example by itself, not
    /// for being part of a set phrase ("run" of "gotta run", "log" of "log off").
    @Test(arguments: [("run", "out_of_scope"), ("log", "out_of_scope"), ("care", "out_of_scope"), ("running", "out_of_scope"),
                      ("later", "goodbye"), ("cya", "goodbye"), ("bye", "goodbye"), ("adios", "goodbye"),
                      ("thanks", "thank"), ("cheers", "thank"), ("hi", "greet"), ("howdy", "greet")])
    func oneWordIsSmallTalkOnlyByItself(line: String, expected: String) {
        #expect(Self.intent(line) == expected, "\"\(line)\"")
    }

    @Test(arguments: ["text my sister that i will talk to her later", "i need to go to the dentist tomorrow",
                      "remind me to call mom, i have to run errands", "i want to speak with a manager"])
    func everydayRequestsWithTheseWordsAreDeclined(line: String) {
        #expect(Self.intent(line) == "out_of_scope", "\"\(line)\"")
    }

    @Test func domainQuestionsKeepTheirReading() {
        #expect(Self.intent("what is up with devops salaries") == "role.salary")
        #expect(Self.intent("how do i get going with backend development") == "steps.roadmap")
        #expect(Self.intent("how goes the job market for backend developers") == "market.outlook")
        #expect(Self.intent("how are you doing, can you tell me the skills of a cloud engineer") == "role.skills")
    }
}
