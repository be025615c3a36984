/// The meaning stage (issue 16): where the lexical reading is unsure, the sentence encoder's
/// reading and the lexical scores together decide; sure readings, firm declines and the
/// conversation's follow-ups stay lexical; and without the model the advisor answers on the
/// lexical matcher alone, saying so once.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct MeaningStageTests {
    /// `ADVISOR_MODEL=` chooses the lexical matcher alone; the encoder's tests are then off.
    static let encoderWanted = ProcessInfo.processInfo.environment["ADVISOR_MODEL"] != ""

    @Test(.enabled(if: encoderWanted)) func theEncoderIsOn() {
        #expect(TestData.advisor.meaningStatus.isOn,
                "the sentence encoder is off: \(TestData.advisor.meaningStatus.description); run `make model` (or `make test`, which does)")
    }

    static func reading(_ line: String, _ advisor: Advisor = TestData.advisor) -> Understanding? {
        var session = advisor.session()
        guard case .answer(let understanding, _) = session.respond(to: line) else { return nil }
        return understanding
    }

    /// Wordings no example of the lexical matcher shares: declined by it, answered by meaning.
    @Test(.enabled(if: encoderWanted), arguments: [
        ("show me everything you've saved on me", Intent.profileShow),
        ("name a few job titles i could hold in this line of work", .roleList),
    ])
    func anUnsureLineIsReadByMeaning(line: String, intent: Intent) throws {
        let lexical = try #require(Self.reading(line, TestData.lexical))
        #expect(lexical.intent == .outOfScope)
        let understood = try #require(Self.reading(line))
        #expect(understood.intent == intent)
        #expect(understood.reason.hasPrefix("by meaning and words together it is closest to \(intent.rawValue) ("))
    }

    /// An everyday request the lexical matcher half-matched is declined by meaning.
    @Test(.enabled(if: encoderWanted)) func anEverydayRequestStaysDeclined() throws {
        let understood = try #require(Self.reading("book me a table for two at an italian place tonight"))
        #expect(understood.intent == .outOfScope)
    }

    /// A sure lexical reading never waits for the encoder, and another field stays declined.
    @Test(.enabled(if: encoderWanted)) func sureReadingsAndFirmDeclinesStayLexical() throws {
        let salary = try #require(Self.reading("what does a devops engineer earn"))
        #expect(salary.intent == .roleSalary && salary.meaning == nil)
        let other = try #require(Self.reading("what does a data scientist earn"))
        #expect(other.intent == .outOfScope && other.firm && other.meaning == nil)
    }

    /// `:why` shows the closest examples by meaning beside the lexical ones, even for a line
    /// the stage did not need the encoder for; on the lexical matcher alone it shows none.
    @Test(.enabled(if: encoderWanted)) func whyShowsTheClosestExamplesByMeaning() throws {
        var session = TestData.session()
        _ = session.respond(to: "what does a devops engineer earn")
        guard case .command(_, let why) = session.respond(to: ":why") else { Issue.record("no :why"); return }
        let lines = why.components(separatedBy: "\n")
        let heading = try #require(lines.firstIndex(of: "Closest by meaning:"), "\(why)")
        #expect(lines[heading + 1].hasPrefix("  role.salary "), "\(why)")
        #expect(lines[heading + 1].contains("(like \"what does a devops engineer earn\", cosine 1.00)"), "\(why)")
        #expect(lines[heading + 2].contains(", cosine 0."), "\(why)")
        var lexical = TestData.lexical.session()
        _ = lexical.respond(to: "what does a devops engineer earn")
        guard case .command(_, let plain) = lexical.respond(to: ":why") else { Issue.record("no :why"); return }
        #expect(!plain.contains("by meaning"))
    }

    /// The examples' vectors are kept by text: an index over edited data encodes only the
    /// example that is new, and one over the same data again encodes none.
    @Test(.enabled(if: encoderWanted)) func onlyNewExamplesAreEncoded() throws {
        let meaning = try #require(TestData.advisor.meaning)
        let root = try TestData.copyOfData()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-vectors-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: folder)
        }
        // A store of the shipped examples, then data with one example more.
        let store = folder + "/vectors"
        let shipped = Meaning(encoder: meaning.encoder, settings: meaning.settings, examples: TestData.advisor.language.exampleTable, stores: [store])
        shipped.prepare()
        try TestData.edit("Intents/greet.yaml", in: root, replacing: "examples:\n", with: "examples:\n  - a hearty hello from the hills\n")
        let edited = try Advisor.load(from: DataRoot(path: root), model: .none)
        let first = Meaning(encoder: meaning.encoder, settings: meaning.settings, examples: edited.language.exampleTable, stores: [store])
        #expect(first.encodedExamples == 1)
        let again = Meaning(encoder: meaning.encoder, settings: meaning.settings, examples: edited.language.exampleTable, stores: [store])
        #expect(again.encodedExamples == 0)
        // The vectors are the same whichever way they came.
        let greet = try #require(edited.language.examples[.greet]?.firstIndex(of: "a hearty hello from the hills"))
        let number = Int(edited.language.exampleTable.intentStart[Intent.greet.ordinal]) + greet
        #expect(again.vector(ofExample: number) == meaning.encoder.encode("a hearty hello from the hills"))
    }

    /// A bad setting in `meaning.yaml` is reported where it stands.
    @Test func aBadSettingIsLocated() throws {
        let (error, line) = try DataLoadingTests.loadError("Intents/meaning.yaml", replacing: "trust: 0.7", with: "trust: 7", lineOf: "trust: 7")
        #expect(error.description == "Intents/meaning.yaml:\(line):8: 'trust' must be a number from 0.0 to 1.0")
    }
}
