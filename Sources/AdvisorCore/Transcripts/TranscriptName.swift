/// The name given to `:save NAME`: it becomes a file name inside the transcripts folder,
/// so it may not climb out of it (`/`, `..`), hide the file (a leading `.`) or hold
/// characters a shell or another file system would trip on.
public struct TranscriptName: Sendable, Equatable, CustomStringConvertible {
    /// Letters, digits, `-`, `_` and `.`, at most this many.
    public static let maxLength = 64

    public let name: String

    /// Checks a name as typed. A trailing `.transcript` is accepted and dropped, since the
    /// file gets that extension anyway (`:save salary.transcript` saves `salary.transcript`).
    /// - Throws: `TranscriptName.Invalid`, a sentence saying what is wrong and what to type.
    public init(_ raw: String) throws(Invalid) {
        let suffix = "." + TranscriptRun.fileExtension
        let name = raw.hasSuffix(suffix) && raw.count > suffix.count ? String(raw.dropLast(suffix.count)) : raw
        if let problem = Self.problem(name) { throw Invalid(message: problem) }
        self.name = name
    }

    /// The sentence saying what is wrong with `raw` as a name, or nil when it is a good one.
    public static func check(_ raw: String) -> String? {
        do {
            _ = try TranscriptName(raw)
            return nil
        } catch {
            return error.message
        }
    }

    /// The file it names: `NAME.transcript`.
    public var fileName: String { "\(name).\(TranscriptRun.fileExtension)" }

    public var description: String { name }

    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    private static func problem(_ name: String) -> String? {
        let example = "Try a name like 'salary-followups'."
        if name.isEmpty { return "Give the transcript a name, like 'salary-followups'." }
        if name.contains("/") {
            return "A transcript name cannot contain '/': it names a file in the transcripts folder. \(example)"
        }
        if name.contains("..") { return "A transcript name cannot contain '..'. \(example)" }
        if name.hasPrefix(".") { return "A transcript name cannot start with '.', which would hide the file. \(example)" }
        if let bad = name.unicodeScalars.first(where: { !allowed($0) }) {
            let shown = bad == " " ? "a space"
                : bad.properties.generalCategory == .control ? "the control character U+\(String(bad.value, radix: 16, uppercase: true))"
                : "'\(bad)'"
            return "A transcript name may hold only letters, digits, '-', '_' and '.', not \(shown). \(example)"
        }
        if name.unicodeScalars.count > maxLength {
            return "A transcript name has at most \(maxLength) characters; this one has \(name.unicodeScalars.count)."
        }
        return nil
    }

    /// ASCII only: the file name must survive every file system and shell it meets.
    private static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": return true
        default: return false
        }
    }
}
