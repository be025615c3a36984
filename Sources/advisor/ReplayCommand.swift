import AdvisorCore
import ArgumentParser
import Foundation

/// `advisor replay [PATH ...]`: replays saved transcripts as regression tests, each in a
/// fresh session, and reports every changed answer with a diff and the reason it changed.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay saved transcripts and report every answer that changed.",
        discussion: """
            Takes transcript files and folders; by default the folder ':save' writes to (Transcripts/ \
            in a checkout of the advisor, else $XDG_DATA_HOME/advisor/transcripts). Ends with \
            'N passed, N failed' and exits 0 when none failed, 1 when one did, 65 when one is \
            malformed, 66 when one is missing.
            """)

    @Argument(help: ArgumentHelp("Transcript files or folders.", valueName: "path"), completion: .file(extensions: ["transcript"]))
    var paths: [String] = []

    @Flag(name: .long, help: "Rewrite the expected answers of the failing transcripts (after showing each diff).")
    var update = false

    @Flag(name: .long, help: "List the intents and entity values that no transcript exercises.")
    var coverage = false

    @OptionGroup var data: DataOptions

    func run() throws {
        Output.ignoreBrokenPipe()
        let advisor = try data.load()
        let files: [String]
        do {
            files = try TranscriptRun.files(paths.isEmpty ? [BuiltIn.transcripts] : paths)
        } catch let missing as TranscriptRun.Missing {
            Output.error("advisor: \(missing)")
            throw ExitCode(66)  // EX_NOINPUT
        }
        if coverage { return try showCoverage(files, advisor: advisor) }

        let outcomes = TranscriptRun.replay(files, advisor: advisor)
        Output.line(String(TranscriptReport.render(outcomes).reversed().drop { $0 == "\n" }.reversed()))
        var status = TranscriptReport.exitStatus(outcomes)
        if update { status = try rewrite(outcomes, status: status) }
        if status != 0 { throw ExitCode(status) }
    }

    /// Rewrites the failing turns of each failed transcript; the diffs were shown above.
    private func rewrite(_ outcomes: [TranscriptOutcome], status: Int32) throws -> Int32 {
        var changed: [String] = []
        for outcome in outcomes {
            guard case .failed(let result) = outcome.status, let text = outcome.text else { continue }
            let updated = try TranscriptUpdate.updated(text, file: outcome.file, failures: result.failures)
            try AtomicFile.write(Data(updated.utf8), to: outcome.file)
            changed.append(outcome.file)
        }
        Output.line(changed.isEmpty ? "Nothing to update." : "Updated:\n" + changed.map { "  " + $0 }.joined(separator: "\n"))
        // Malformed files were not touched and still fail; updated ones now pass.
        return outcomes.contains { if case .malformed = $0.status { return true } else { return false } } ? status : 0
    }

    private func showCoverage(_ files: [String], advisor: Advisor) throws {
        var transcripts: [Transcript] = []
        for file in files {
            do {
                transcripts.append(try TranscriptRun.read(file).transcript)
            } catch let error as DataError {
                Output.error("advisor: \(error)")
                throw ExitCode(TranscriptReport.malformed)
            }
        }
        let coverage = TranscriptCoverage(transcripts, knowledge: advisor.knowledge)
        Output.line(coverage.render())
        if !coverage.missingIntents.isEmpty { throw ExitCode(1) }
    }
}
