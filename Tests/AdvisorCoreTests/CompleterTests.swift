/// Tab completion as a pure function: each context rule, case, multi-word names, commands,
/// code-point offsets, no candidates, and what Tab does with the candidates.
import Testing
@testable import AdvisorCore

@Suite struct CompleterTests {
    static let completer = Completer(advisor: TestData.advisor)

    /// The candidates' texts for `line` with the cursor at its end.
    func texts(_ line: String) -> [String] {
        Self.completer.candidates(line: line, cursor: line.unicodeScalars.count).map(\.text)
    }

    @Test func commandsAfterAColon() {
        #expect(texts(":") == [":exit", ":forget", ":help", ":history", ":profile", ":quit", ":reset", ":save", ":why"])
        #expect(texts(":h") == [":help", ":history"])
        #expect(texts("  :re") == [":reset"])
        #expect(texts(":history 2").isEmpty)
    }

    @Test func rolesAfterWhatDoesA() {
        let candidates = Self.completer.candidates(line: "what does a dev", cursor: 15)
        #expect(candidates == [Candidate(text: "DevOps Engineer", start: 12, kind: .role)])
        #expect(texts("what does an ap") == ["API Developer"])
    }

    @Test func rolesAfterHowMuchDoesA() {
        #expect(texts("how much does a cl") == ["Cloud Engineer"])
    }

    @Test func rolesAfterCompareForEachItemOfTheList() {
        #expect(texts("compare dev") == ["DevOps Engineer"])
        #expect(texts("compare a DevOps engineer and a cy") == ["Cybersecurity Specialist"])
        #expect(texts("compare cloud engineer vs sys") == ["System Analyst"])
        #expect(texts("compare ").count == TestData.advisor.knowledge.roles.count)
    }

    /// A follow-up that opens with "and a" or "what about a" goes on with a role; inside a
    /// line "and a" is no cue.
    @Test func rolesAfterAFollowUpsOpening() {
        #expect(texts("and a ").count == TestData.advisor.knowledge.roles.count)
        #expect(texts("and a cl") == ["Cloud Engineer"])
        #expect(texts("And an ap") == ["API Developer"])
        #expect(texts("what about a sys") == ["System Analyst"])
        #expect(texts("what is python and a dj") == ["Django"])
    }

    @Test func toolsAfterWhatIsAndTellMeAbout() {
        #expect(texts("what is dj") == ["Django"])
        #expect(texts("tell me about post") == ["PostgreSQL"])
        #expect(texts("what is gi") == ["Git", "GitHub", "GitLab"])
        #expect(texts("what is data") == ["Databases"])
        #expect(texts("what is ").contains("Kubernetes"))
        #expect(!texts("what is ").contains("DevOps Engineer"))
    }

    @Test func aCueNeedsASpaceAfterIt() {
        // "what is" + Tab is still typing the word "is": no list of every tool.
        #expect(!texts("what is").contains("Django"))
    }

    @Test func matchingIgnoresCaseDashesAndDots() {
        #expect(texts("WHAT DOES A DEV") == ["DevOps Engineer"])
        #expect(texts("what is DJ") == ["Django"])
        #expect(texts("what does a backend") == ["Back-End Developer"])
        #expect(texts("what is nodej") == ["Node.js"])
    }

    @Test func multiWordNamesAreCompletedWhole() {
        #expect(texts("what does a senior b") == ["Senior Back-End Developer"])
        #expect(texts("what does a full st") == ["Full-Stack Developer"])
        #expect(texts("what is ruby on") == ["Ruby on Rails"])
    }

    @Test func withoutACueAnyNameTheLastWordsBegin() {
        let candidates = Self.completer.candidates(line: "salary of a devops eng", cursor: 22)
        #expect(candidates.map(\.text) == ["DevOps Engineer"])
        #expect(candidates.first?.start == 12)
        #expect(texts("is kube") == ["Kubernetes"])
    }

    @Test func aCueWithNothingOfItsKindFallsBackToAnyName() {
        #expect(texts("what is a devops eng") == ["DevOps Engineer"])
    }

    @Test func noCandidates() {
        #expect(texts("").isEmpty)
        #expect(texts("what does a xyz").isEmpty)
        #expect(texts("hello ").isEmpty)
        #expect(texts("zzz").isEmpty)
        #expect(texts(":zz").isEmpty)
    }

    @Test func onlyTheTextBeforeTheCursorCounts() {
        let line = "what does a dev earn"
        #expect(Self.completer.candidates(line: line, cursor: 15) == [Candidate(text: "DevOps Engineer", start: 12, kind: .role)])
    }

    @Test func offsetsCountCodePoints() {
        // "é" written as e + a combining accent: one character, two code points.
        let line = "cafe\u{301}, what does a dev"
        #expect(Self.completer.candidates(line: line, cursor: line.unicodeScalars.count).first?.start == 19)
    }

    // MARK: What Tab does

    @Test func oneCandidateReplacesTheTypedTextAndAddsASpace() {
        let line = "what does a dev"
        let edit = CompletionEdit(Self.completer.candidates(line: line, cursor: 15), line: line, cursor: 15)
        #expect(edit == CompletionEdit(deleting: 3, inserting: "DevOps Engineer ", listing: []))
    }

    @Test func noSpaceIsAddedBeforeAnExistingOne() {
        let line = "what does a dev earn"
        let edit = CompletionEdit(Self.completer.candidates(line: line, cursor: 15), line: line, cursor: 15)
        #expect(edit.inserting == "DevOps Engineer")
    }

    @Test func severalCandidatesExtendToWhatTheyShareAndAreListed() {
        let line = "what is gi"
        let edit = CompletionEdit(Self.completer.candidates(line: line, cursor: 10), line: line, cursor: 10)
        #expect(edit == CompletionEdit(deleting: 2, inserting: "Git", listing: ["Git", "GitHub", "GitLab"]))
    }

    @Test func severalCandidatesSharingNothingMoreAreOnlyListed() {
        let line = "what does a s"
        let edit = CompletionEdit(Self.completer.candidates(line: line, cursor: 13), line: line, cursor: 13)
        #expect(edit == CompletionEdit(listing: ["Senior Back-End Developer", "Software Architect", "System Analyst"]))
    }

    @Test func noCandidatesNoEdit() {
        #expect(CompletionEdit([], line: "zzz", cursor: 3) == CompletionEdit())
    }

    @Test func candidatesAreListedInColumnsDownThenAcross() {
        let lines = CandidateColumns.lines(["Go", "Git", "GitHub", "GitLab", "Google Cloud"], width: 40)
        #expect(lines == [
            "Go            GitHub        Google Cloud",
            "Git           GitLab",
        ])
        #expect(CandidateColumns.lines(["Senior Back-End Developer", "Software Architect"], width: 20)
                == ["Senior Back-End Developer", "Software Architect"])
        #expect(CandidateColumns.lines([], width: 80).isEmpty)
    }
}
