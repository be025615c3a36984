/// Guards typo tolerance: one or two realistic typos in a role, a tool or a question word
/// are read exactly like the clean spelling, and real words are never "corrected".
import Testing
@testable import AdvisorCore

@Suite struct TypoToleranceTests {
    /// What a line is read as, in a fresh session: the intent and its entities.
    static func reading(_ line: String) -> String {
        var session = TestData.session()
        guard case .answer(let u, _) = session.respond(to: line) else { return "no answer" }
        let entities = EntityType.allCases.compactMap { t in u.entities[t].map { "\(t.rawValue)=\($0.joined(separator: ","))" } }
        return ([u.intent.rawValue] + entities).joined(separator: " ")
    }

    /// Every role of the contract: the clean name, then two typos of it.
    static let roles: [(String, String, String)] = [
        ("devops engineer", "devopps engineer", "devops enginer"),
        ("database administrator", "databse administrator", "database adminstrator"),
        ("software architect", "softwre architect", "software architekt"),
        ("system analyst", "sytem analyst", "system analist"),
        ("cybersecurity specialist", "cybersecurty specialist", "cybersecurity specilist"),
        ("cloud engineer", "clould engineer", "cloud engneer"),
        ("full stack developer", "ful stack developer", "full stack develper"),
        ("api developer", "api develper", "api devloper"),
        ("junior backend developer", "junoir backend developer", "junior backend devloper"),
        ("senior backend developer", "senoir backend developer", "senior backend develper"),
        ("backend developer", "backend develoepr", "bakend developer"),
    ]

    @Test(arguments: roles)
    func roleNamesWithTyposReadAsTheCleanName(names: (String, String, String)) {
        let clean = Self.reading("how much does a \(names.0) earn")
        #expect(clean.hasPrefix("role.salary role="))
        #expect(Self.reading("how much does a \(names.1) earn") == clean)
        #expect(Self.reading("how much does a \(names.2) earn") == clean)
    }

    /// Every tool of the contract; names of three letters or fewer are only checked clean,
    /// since a short word is corrected only where it completes a known name.
    static let tools: [(String, String, String)] = [
        ("python", "pyhton", "pythn"), ("java", "jaav", "javaa"), ("javascript", "javscript", "javasript"),
        ("nodejs", "nodjs", "nodejss"), ("golang", "golnag", "golangg"), ("ruby", "rubby", "rbuy"),
        ("django", "djnago", "djang"), ("flask", "falsk", "flaks"), ("spring", "sprign", "sprng"),
        ("express", "exprss", "expres"), ("mysql", "mysqll", "myslq"), ("postgresql", "postgrsql", "postgersql"),
        ("mongodb", "mongdb", "mongodbb"), ("redis", "rediss", "reddis"), ("github", "githib", "gihtub"),
        ("azure", "azrue", "azur"), ("docker", "dockr", "dokcer"),
    ]

    @Test(arguments: tools)
    func toolNamesWithTyposReadAsTheCleanName(names: (String, String, String)) {
        let clean = Self.reading("what is \(names.0) used for")
        #expect(clean.hasPrefix("tool.describe tool="))
        #expect(Self.reading("what is \(names.1) used for") == clean)
        #expect(Self.reading("what is \(names.2) used for") == clean)
    }

    @Test(arguments: ["php", "git", "aws", "go"])
    func shortToolNamesReadClean(name: String) {
        #expect(Self.reading("what is \(name) used for").hasPrefix("tool.describe tool="))
    }

    /// The main question words, misspelt, still carry the question.
    @Test(arguments: [
        ("what is the salray of a dba", "role.salary role=database-administrator"),
        ("skils needed for backend", "skills.list"),
        ("diference between frontend and backend", "backend.vs_frontend"),
        ("compre devops and cloud engineer", "role.compare role=devops-engineer,cloud-engineer"),
        ("backend developer roadmpa", "steps.roadmap"),
        ("which certifcation should i get", "steps.detail step=certifications"),
        ("what tols do backend devs use", "tools.list"),
        ("resposibilities of a backend developer", "backend.responsibilities"),
    ])
    func questionWordsWithTypos(line: String, expected: String) {
        #expect(Self.reading(line) == expected)
    }

    /// Real words stay as they are: "same" is not "game", "doctor" is not "docker".
    @Test func realWordsAreNotCorrected() {
        let analysis = TestData.advisor.language.analyze("is backend the same as frontend, asked the doctor")
        #expect(analysis.corrections.isEmpty)
    }

    /// Every correction is kept, so `:why` can show it.
    @Test func correctionsAreKept() {
        let analysis = TestData.advisor.language.analyze("devopps enginer salray")
        #expect(analysis.corrections.map { "\($0.from)→\($0.to)" } == ["devopps→devops", "enginer→engineer", "salray→salary"])
    }
}
