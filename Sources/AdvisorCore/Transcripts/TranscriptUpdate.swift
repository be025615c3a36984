/// `advisor replay --update`: a transcript's text with the failing turns' expected readings
/// and answers replaced by what the advisor says now.
///
/// It edits the text rather than re-rendering the parsed transcript, so everything outside
/// the failing turns (the header, comments, passing turns, even spacing the writer would
/// not produce) stays byte-identical and the review diff shows only the accepted changes.
public enum TranscriptUpdate {
    /// - Parameters:
    ///   - text: the file's text, as replayed.
    ///   - file: its name, for errors.
    ///   - failures: the replay's failures for this text.
    /// - Returns: the new text; `text` itself when nothing failed.
    /// - Throws: `DataError` when `text` is malformed.
    public static func updated(_ text: String, file: String, failures: [TurnFailure]) throws -> String {
        guard !failures.isEmpty else { return text }
        let turns = try Transcript.parse(text, file: file).turns
        var lines = Transcript.sourceLines(text)
        // From the last turn up, so earlier line numbers stay valid while later spans change length.
        for failure in failures.sorted(by: { $0.index > $1.index }) {
            guard turns.indices.contains(failure.index), let span = turns[failure.index].lines else { continue }
            let old = turns[failure.index]
            var new = failure.actual
            // A turn without a '=' line keeps none: its author chose not to pin the reading.
            if old.reading == nil { new.reading = nil }
            // The user's line stays as written (`>x` and `> x` are the same line).
            var replacement = Transcript.lines(of: new)
            replacement[0] = lines[span.lowerBound - 1]
            lines.replaceSubrange((span.lowerBound - 1)..<span.upperBound, with: replacement)
        }
        let ending = text.unicodeScalars.last == "\n" ? "\n" : ""
        return lines.joined(separator: "\n") + ending
    }
}
