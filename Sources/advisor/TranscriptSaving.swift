import AdvisorCore
import Foundation

/// Keeps the transcript of the session a person is having and writes it on `:save NAME`
/// (or after every turn with `--record FILE`), so a conversation that went right becomes a
/// regression test. Front ends hand every line and reply to `note`, and `:save` lines to
/// `save`, which answers with the text to show.
struct TranscriptSaving {
    private var recorder = TranscriptRecorder()
    /// Where `:save NAME` writes: `--transcripts DIR`, or `Transcripts/` in the current folder.
    let folder: String
    /// `--record FILE`: the whole session, rewritten atomically after every turn.
    let recordFile: String?

    init(folder: String?, recordFile: String?) {
        self.folder = folder ?? "Transcripts"
        self.recordFile = recordFile
    }

    /// True for a line this type handles itself: `:save NAME` or `:save! NAME`.
    static func isSave(_ line: String) -> Bool {
        let first = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
        return first == ":save" || first == ":save!"
    }

    /// Adds a turn; with `--record`, writes the file at once so a crash loses nothing.
    /// - Returns: a warning to show when the record file could not be written.
    mutating func note(_ line: String, _ reply: Session.Reply) -> String? {
        recorder.record(line, reply)
        guard let recordFile else { return nil }
        do {
            try AtomicFile.write(Data(recorder.transcript.render().utf8), to: recordFile)
            return nil
        } catch {
            return "advisor: \(error) The session goes on without recording."
        }
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
        if !force && FileManager.default.fileExists(atPath: path) {
            return (false, "\(path) already exists; ':save! \(name)' replaces it.")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try AtomicFile.write(Data(recorder.transcript.render().utf8), to: path)
        } catch let failure as AtomicFile.Failure {
            return (false, failure.description)
        } catch {
            return (false, "Could not create the folder \(folder): \(error.localizedDescription)")
        }
        let turns = recorder.transcript.turns.count
        return (true, "Saved \(turns) turn\(turns == 1 ? "" : "s") to \(path). Replay it with: advisor replay \(path)")
    }
}
