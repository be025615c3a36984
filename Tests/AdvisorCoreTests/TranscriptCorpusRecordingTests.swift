/// Re-records the corpus in `Transcripts/` with the real advisor: every file keeps its
/// comments and user lines, and gets the readings and answers the advisor gives now.
///
/// Off by default, since it rewrites files. Run it after a deliberate change to the data,
/// or after adding a file that holds only a header and `> ` lines:
///
///     ADVISOR_RECORD_CORPUS=1 swift test --filter TranscriptCorpusRecordingTests
///
/// Set `ADVISOR_RECORD_ONLY=name.transcript` to re-record that file alone.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct TranscriptCorpusRecordingTests {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["ADVISOR_RECORD_CORPUS"] == "1", "set ADVISOR_RECORD_CORPUS=1 to re-record Transcripts/"))
    func rerecordTheCorpus() throws {
        let only = Self.environment["ADVISOR_RECORD_ONLY"]
        for file in try TranscriptRun.files([TranscriptCorpusTests.folder])
        where only == nil || (file as NSString).lastPathComponent == only {
            let (_, transcript) = try TranscriptRun.read(file)
            let fresh = TranscriptRecorder.rerecord(transcript, advisor: TestData.advisor)
            try AtomicFile.write(Data(fresh.render().utf8), to: file)
        }
    }
}
