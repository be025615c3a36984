import AdvisorCore
import Foundation

/// Keeps the transcript of the session a person is having and writes it on `:save NAME`
/// (or turn by turn with `--record FILE`), so a conversation that went right becomes a
/// regression test. Front ends hand every line and reply to `note`, and `:save` lines to
/// `save`, which answers with the text to show.
///
/// Turns are kept in memory only in the interactive advisor, where a person types them. Piped
/// and `--json` input may run for a day, so there they are kept only by `--record`, which
/// streams them to its file (and `:save` then copies that file): memory stays flat however
/// long the input.
struct TranscriptSaving {
    /// The turns so far, where `:save` may ask for them; nil for piped input.
    private var recorder: TranscriptRecorder?
    /// Where `:save NAME` writes: `--transcripts DIR`, or the folder `TranscriptFolder` chooses.
    let folder: String
    /// `--record FILE`, appended after every turn; nil again after a write failed (the
    /// failure is shown once).
    private var stream: TranscriptStream?

    /// - Parameter keepsTurns: true in the interactive advisor, where `:save` needs the turns.
    init(folder: String, recordFile: String?, keepsTurns: Bool) {
        self.folder = folder
        recorder = keepsTurns ? TranscriptRecorder() : nil
        stream = recordFile.map(TranscriptStream.init)
    }

    /// True for a line this type handles itself: `:save NAME` or `:save! NAME`.
    static func isSave(_ line: String) -> Bool {
        // Looks at the opening only: a pasted 10 MB line must not be split into words here.
        var rest = line.unicodeScalars.drop { $0 == " " || $0 == "\t" }
        guard rest.starts(with: ":save".unicodeScalars) else { return false }
        rest = rest.dropFirst(5)
        if rest.first == "!" { rest = rest.dropFirst() }
        return rest.first.map { $0 == " " || $0 == "\t" } ?? true
    }

    /// Adds a turn, the line cleaned of escape sequences and control characters (a transcript
    /// is read in a terminal and split at line feeds); with `--record`, appends it to the file
    /// at once so a crash loses nothing.
    /// - Returns: a warning to show when the record file could not be written.
    mutating func note(_ line: String, _ reply: Session.Reply) -> String? {
        let line = InputSanitizer.clean(line)
        recorder?.record(line, reply)
        guard stream != nil else { return nil }
        do {
            try stream?.append(line, reply)
            return nil
        } catch {
            stream = nil
            return "advisor: \(error) The session goes on without recording."
        }
    }

    /// The transcript `:save` writes and how many turns it holds: the turns kept in memory,
    /// or else a copy of the record file; nil when nothing was kept.
    private func saved() throws -> (text: Data, turns: Int)? {
        if let recorder { return (Data(recorder.transcript.render().utf8), recorder.transcript.turns.count) }
        if let stream { return (try stream.contents(), stream.turns) }
        return nil
    }

    /// Handles `:save NAME` / `:save! NAME`: checks the name, refuses to replace a file
    /// unless forced, and writes atomically. Returns the sentence to show.
    func save(_ line: String) -> (ok: Bool, message: String) {
        let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ", omittingEmptySubsequences: true)
        let force = words.first == ":save!"
        guard words.count == 2 else {
            return (false, "Give one name, for example ':save salary-questions' (letters, digits, '-', '_' and '.').")
        }
        let name: TranscriptName
        do { name = try TranscriptName(String(words[1])) } catch { return (false, error.message) }
        let path = (folder as NSString).appendingPathComponent(name.fileName)
        let exists = "\(path) already exists; ':save! \(name)' replaces it."
        if !force && FileManager.default.fileExists(atPath: path) { return (false, exists) }
        let turns: Int
        do {
            guard let transcript = try saved() else { return (false, Self.nothingKept) }
            if let problem = Self.makeFolder(folder) { return (false, problem) }
            // Without '!', the write itself refuses a file that appeared since the check above.
            try AtomicFile.write(transcript.text, to: path, replacing: force)
            turns = transcript.turns
        } catch let failure as AtomicFile.Failure {
            return (false, failure.isExisting ? exists : failure.description)
        } catch {
            return (false, "Could not write \(path): \(error).")
        }
        return (true, "Saved \(turns) turn\(turns == 1 ? "" : "s") to \(path). Replay it with: advisor replay \(path)")
    }

    /// What `:save` says for piped input without `--record`, which keeps no turns.
    static let nothingKept = "Piped input keeps no conversation, so there is nothing to save. "
        + "Start the advisor with --record FILE to keep one; ':save NAME' then saves a copy of it."

    /// Creates `folder` and the folders above it that are missing (`mkdir -p`).
    /// - Returns: the sentence to show when one cannot be created, with the system's reason.
    static func makeFolder(_ folder: String) -> String? {
        var path = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            path += "/" + part
            if mkdir(path, 0o755) == 0 { continue }
            let reason = errno
            var info = stat()
            if reason == EEXIST && stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR { continue }
            let why = reason == EEXIST ? "\(path) is a file, not a folder" : "\(path): \(String(cString: strerror(reason)))"
            return "Could not create the folder \(folder) (\(why)), so nothing was saved."
        }
        return nil
    }
}
