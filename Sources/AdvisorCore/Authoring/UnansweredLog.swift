import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The questions the interactive advisor declined or was unsure of, kept so that authors see
/// what people ask that the data does not cover yet (`advisor check --unanswered`).
///
/// One line per question: `time<TAB>outcome<TAB>question`, the question with its control
/// characters escaped so that it stays on its line. Lines are appended with `O_APPEND` in a
/// single `write`, so two advisors open at once interleave whole lines, never parts of them.
/// The file is created readable by its owner only (0600): the questions are the person's own.
public struct UnansweredLog: Sendable {
    /// The environment variable naming the file; set to an empty value, it switches the log off.
    public static let variable = "ADVISOR_UNANSWERED"
    /// Within this much above the advisor's threshold an answer counts as unsure.
    public static let unsureMargin = 0.1
    /// A pasted page is not a question: only its opening is kept.
    static let maxScalars = 1000

    /// The log file; nil when the log is switched off.
    public let path: String?

    public init(path: String?) {
        self.path = path
    }

    /// `ADVISOR_UNANSWERED` (a file, `~/` expanded; empty: off), else `~/.advisor_unanswered`;
    /// off when neither names a file.
    public init(environment: [String: String]) {
        var home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        while let h = home, h.count > 1, h.hasSuffix("/") { home = String(h.dropLast()) }
        if let chosen = environment[Self.variable] {
            if chosen.hasPrefix("~/"), let home {
                path = home + chosen.dropFirst()
            } else {
                path = chosen.isEmpty ? nil : chosen
            }
        } else if let home {
            path = home + "/.advisor_unanswered"
        } else {
            path = nil
        }
    }

    /// What the advisor did with a question it did not answer with confidence; nil when it did.
    /// Declines, clarifying questions and answers whose confidence is under the threshold plus
    /// `unsureMargin` count.
    public static func outcome(of reply: Session.Reply, threshold: Double) -> String? {
        guard case .answer(let understanding, _) = reply else { return nil }
        if understanding.intent == .outOfScope { return "declined" }
        if let readings = understanding.clarification {
            return "asked " + readings.map(\.rawValue).joined(separator: " or ")
        }
        if understanding.confidence < threshold + unsureMargin {
            return "unsure \(understanding.intent.rawValue) " + String(format: "%.2f", understanding.confidence)
        }
        return nil
    }

    /// Appends `question` when `reply` did not answer it with confidence.
    /// - Returns: whether a line was written.
    /// - Throws: `Failure` when the file cannot be written.
    @discardableResult
    public func note(_ question: String, _ reply: Session.Reply, threshold: Double, at time: Date = Date()) throws -> Bool {
        guard path != nil, let outcome = Self.outcome(of: reply, threshold: threshold) else { return false }
        try append(Self.entry(question, outcome: outcome, at: time))
        return true
    }

    /// One line of the log, without its newline.
    static func entry(_ question: String, outcome: String, at time: Date) -> String {
        let stamp = ISO8601DateFormatter().string(from: time)
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: question.unicodeScalars.prefix(maxScalars))
        return "\(stamp)\t\(outcome)\t\(escape(String(scalars)))"
    }

    /// Adds one line in one `write` on a descriptor opened with `O_APPEND`.
    func append(_ line: String) throws {
        guard let path else { return }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        // A file made by something else keeps no wider rights than a new one would get.
        var status = stat()
        if fstat(fd, &status) == 0 && status.st_mode & 0o077 != 0 { _ = fchmod(fd, 0o600) }
        var bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// The questions of the log at `path`, oldest first; none when the file does not exist.
    public static func questions(at path: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(path: path, reason: "it is not readable")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            // A line written by hand may be the question alone.
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            let question = unescape(String(fields.count == 3 ? fields[2] : line))
            return question.trimmingSpaces().isEmpty ? nil : question
        }
    }

    /// Backslash escapes for the backslash, tab, line breaks and every other control
    /// character (`\u{7f}`), so that a question cannot break its line or the fields.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                    out += "\\u{" + String(v, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func unescape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = Substring(text).unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\", let next = scalars.popFirst() else { out.append(scalar); continue }
            switch next {
            case "t": out.append("\t")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "u":
                if scalars.first == "{", let close = scalars.firstIndex(of: "}"),
                   let value = UInt32(String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close])), radix: 16),
                   let decoded = Unicode.Scalar(value) {
                    out.append(decoded)
                    scalars = scalars[scalars.index(after: close)...]
                } else {
                    out.append("\\"); out.append(next)
                }
            default: out.append(next)
            }
        }
        return String(out)
    }

    /// The log could not be written; says how to go on.
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String {
            "Could not write the unanswered-question log \(path): \(reason). Set \(UnansweredLog.variable) to another file, or to nothing to switch the log off."
        }
    }
}
