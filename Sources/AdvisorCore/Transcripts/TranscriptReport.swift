/// What `advisor replay` prints and the status it exits with.
///
/// Each changed turn is reported as `file:line: reason` (an editor can jump to it), the
/// user's line, then the answer's diff; an unreadable file as its `file:line: what`. Passing
/// files print nothing. The last line counts files: `N passed, N failed`, a malformed file
/// counting as failed.
public enum TranscriptReport {
    public static func render(_ outcomes: [TranscriptOutcome]) -> String {
        var blocks: [String] = []
        for outcome in outcomes {
            switch outcome.status {
            case .passed:
                continue
            case .malformed(let error):
                blocks.append(error.description)
            case .failed(let result):
                blocks += result.failures.map { render($0, file: outcome.file) }
            }
        }
        blocks.append(summary(outcomes))
        // A transcript is a file anyone may have edited: what it quotes back is shown, not obeyed.
        return InputSanitizer.showingControls(blocks.joined(separator: "\n\n") + "\n")
    }

    /// One changed turn: where and why, what the user said, and the diff of the answers.
    public static func render(_ failure: TurnFailure, file: String) -> String {
        var lines = ["\(file):\(failure.line): \(failure.reason)", Transcript.lines(of: failure.expected)[0]]
        if !failure.diff.isEmpty { lines.append(failure.diff) }
        return lines.joined(separator: "\n")
    }

    /// `N passed, N failed`, counting files.
    public static func summary(_ outcomes: [TranscriptOutcome]) -> String {
        let passed = outcomes.filter(\.passed).count
        return "\(passed) passed, \(outcomes.count - passed) failed"
    }

    /// 0 when every file passed; 65 (`EX_DATAERR`, as for malformed data) when a file could
    /// not be read, since then nothing was tested; 1 when a turn changed.
    public static func exitStatus(_ outcomes: [TranscriptOutcome]) -> Int32 {
        if outcomes.contains(where: { if case .malformed = $0.status { return true } else { return false } }) {
            return malformed
        }
        return outcomes.allSatisfy(\.passed) ? 0 : 1
    }

    /// The exit status for a malformed transcript.
    public static let malformed: Int32 = 65
}
