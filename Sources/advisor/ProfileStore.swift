import AdvisorCore
import Foundation

/// Remembers the person's profile between interactive sessions in `~/.advisor_profile`
/// (or `ADVISOR_PROFILE`; set it empty to switch this off): read at start, written
/// atomically with mode 0600 whenever it changes, deleted by `:forget`. Only the REPL uses
/// it: `ask`, `--json` and `replay` never read or write it, so they stay deterministic.
///
/// A profile that cannot be used (unreadable, a folder, a pipe, corrupt, not UTF-8, too
/// large) gives one warning and is left as it is for the session; so is one that cannot be
/// written, after the first failed write. The advisor goes on either way.
struct ProfileStore {
    let path: String?
    /// False once the file proved unusable: it is then neither read again nor overwritten.
    private var saving: Bool
    private var saved: Profile

    /// A profile is a few short lines; anything much larger is not one.
    static let largestFile = 64 * 1024

    init(environment: [String: String]) {
        if let explicit = environment["ADVISOR_PROFILE"] {
            path = explicit.isEmpty ? nil : explicit
        } else if let home = environment["HOME"], !home.isEmpty {
            path = (home as NSString).appendingPathComponent(".advisor_profile")
        } else {
            path = nil
        }
        saving = path != nil
        saved = Profile()
    }

    /// The remembered profile; a missing file is an empty one, an unusable one gives a
    /// warning (once) and an empty profile, and the file is left as it is.
    mutating func load(knowledge: KnowledgeBase) -> (profile: Profile, warning: String?) {
        guard let path else { return (Profile(), nil) }
        let text: String
        switch Self.contents(of: path) {
        case .absent:
            return (Profile(), nil)
        case .problem(let reason):
            saving = false
            return (Profile(), "advisor: cannot read the profile \(path) (\(reason)); starting without it and leaving the file as it is.")
        case .text(let contents):
            text = contents
        }
        do {
            saved = try Profile.parse(text, knowledge: knowledge)
            return (saved, nil)
        } catch {
            saving = false
            return (Profile(), "advisor: the profile \(path) is not readable (\(error)); starting without it and leaving the file as it is.")
        }
    }

    /// Writes the profile when it changed since the last write.
    /// - Returns: a warning when the file could not be written; later changes are then kept
    ///   for the session only, without another warning.
    mutating func save(_ profile: Profile) -> String? {
        guard saving, let path, profile != saved else { return nil }
        do {
            try AtomicFile.write(Data(profile.render().utf8), to: path, mode: 0o600)
            saved = profile
            return nil
        } catch {
            saving = false
            return "advisor: \(error) Your profile is kept for this session only."
        }
    }

    /// `:forget`: deletes the file (never a folder of that name), and saving starts again.
    mutating func forget() -> String? {
        saved = Profile()
        guard let path else { return nil }
        saving = true
        if unlink(path) == 0 || errno == ENOENT { return nil }
        let reason = errno == EISDIR ? "it is a folder" : String(cString: strerror(errno))
        saving = false
        return "advisor: could not delete \(path): \(reason)."
    }

    private enum Contents {
        case absent
        case text(String)
        case problem(String)
    }

    /// Reads the file without blocking on a named pipe and without loading a huge one.
    private static func contents(of path: String) -> Contents {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            return errno == ENOENT ? .absent : .problem(String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .problem(String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .problem("it is a folder")
        default: return .problem("it is not a regular file")
        }
        guard info.st_size <= largestFile else {
            return .problem("\(info.st_size) bytes is too large for a profile, which is a few lines")
        }
        var bytes = [UInt8](repeating: 0, count: largestFile + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { return .problem(String(cString: strerror(errno))) }
            if got == 0 { break }
            count += got
        }
        guard count <= largestFile else { return .problem("it is too large for a profile, which is a few lines") }
        guard let text = String(validating: bytes[..<count], as: UTF8.self) else { return .problem("it is not UTF-8 text") }
        return .text(text)
    }
}
