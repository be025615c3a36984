import AdvisorCore
import Foundation

/// Remembers the person's profile between interactive sessions in `~/.advisor_profile`
/// (or `ADVISOR_PROFILE`; set it empty to switch this off): read at start, written
/// atomically with mode 0600 whenever it changes, deleted by `:forget`. Only the REPL uses
/// it: `ask`, `--json` and `replay` never read or write it, so they stay deterministic.
struct ProfileStore {
    let path: String?
    private var saved: Profile

    init(environment: [String: String]) {
        if let explicit = environment["ADVISOR_PROFILE"] {
            path = explicit.isEmpty ? nil : explicit
        } else if let home = environment["HOME"], !home.isEmpty {
            path = (home as NSString).appendingPathComponent(".advisor_profile")
        } else {
            path = nil
        }
        saved = Profile()
    }

    /// The remembered profile; a missing file is an empty one, an unreadable or corrupt one
    /// gives a warning (once) and an empty profile, and the file is left as it is.
    mutating func load(knowledge: KnowledgeBase) -> (profile: Profile, warning: String?) {
        guard let path else { return (Profile(), nil) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return (Profile(), nil) }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            return (Profile(), "advisor: cannot read the profile \(path); starting without it.")
        }
        do {
            saved = try Profile.parse(text, knowledge: knowledge)
            return (saved, nil)
        } catch {
            return (Profile(), "advisor: the profile \(path) is not readable (\(error)); starting without it.")
        }
    }

    /// Writes the profile when it changed since the last write.
    /// - Returns: a warning when the file could not be written.
    mutating func save(_ profile: Profile) -> String? {
        guard let path, profile != saved else { return nil }
        do {
            try AtomicFile.write(Data(profile.render().utf8), to: path, mode: 0o600)
            saved = profile
            return nil
        } catch {
            return "advisor: \(error) Your profile is kept for this session only."
        }
    }

    /// `:forget`: deletes the file.
    mutating func forget() -> String? {
        saved = Profile()
        guard let path, FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            try FileManager.default.removeItem(atPath: path)
            return nil
        } catch {
            return "advisor: could not delete \(path): \(error.localizedDescription)"
        }
    }
}
