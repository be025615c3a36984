/// The corpus in `Transcripts/`: every file replays green, each as a test case of its own so
/// a failure names its file, and between them they exercise every intent of the contract.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct TranscriptCorpusTests {
    static let folder = TestData.packageRoot + "/Transcripts"

    /// The corpus's file names, sorted; read when the suite is built.
    static let names: [String] = ((try? TranscriptRun.files([folder])) ?? []).map { ($0 as NSString).lastPathComponent }

    @Test(arguments: names)
    func replaysGreen(_ name: String) {
        let outcomes = TranscriptRun.replay([Self.folder + "/" + name], advisor: TestData.advisor)
        let report = TranscriptReport.render(outcomes).replacingOccurrences(of: Self.folder + "/", with: "Transcripts/")
        // A plain Bool, so a failure prints the report (diff and reason), not the whole outcome.
        let passed = outcomes.first?.passed ?? false
        #expect(passed, "\(report)If the change is right: advisor replay --update Transcripts/\(name)")
    }

    @Test func holdsAtLeastFortyTranscripts() {
        #expect(Self.names.count >= 40, "found \(Self.names.count)")
    }

    @Test func everyContractIntentIsExercised() throws {
        let transcripts = try Self.names.map { try TranscriptRun.read(Self.folder + "/" + $0).transcript }
        let coverage = TranscriptCoverage(transcripts, knowledge: TestData.advisor.knowledge)
        #expect(coverage.missingIntents == [], "\(coverage.render())")
    }
}
