import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--record FILE`: the session written to its file turn by turn, each turn appended as it is
/// answered, so that recording a day of piped questions keeps no turn in memory.
///
/// The file is created (or emptied) at the first turn and holds, after every turn, exactly
/// what `Transcript.render()` gives for the turns so far: the header, then a blank line and
/// the turn's lines for each turn. A turn is written in one `write` with the signals that end
/// a process held back, so a kill leaves whole turns only. It is not flushed to the disk
/// itself (`fsync`) after every turn: that cost a disk round trip per question, and what the
/// kernel holds survives the process.
public struct TranscriptStream: Sendable {
    public let path: String
    /// How many turns the file holds.
    public private(set) var turns = 0
    private var fd: Int32 = -1
    /// Set after a failed write: the file is no longer the session, so nothing more is written.
    private var failed = false

    public init(path: String) {
        self.path = path
    }

    /// Appends one turn (a `:history` is left out, as `TranscriptRecorder` leaves it out).
    /// - Throws: `AtomicFile.Failure` naming the file and the system's reason; the stream is
    ///   closed then, and every later call throws the same way.
    public mutating func append(_ line: String, _ reply: Session.Reply) throws {
        if case .command(let name, _) = reply, TranscriptRecorder.unrecordedCommands.contains(name) { return }
        var text = ""
        guard !failed else { throw AtomicFile.Failure(path: path, reason: "an earlier write failed") }
        if fd < 0 {
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                failed = true
                throw failure()
            }
            text = TranscriptRecorder.header + "\n"
        }
        text += "\n" + Transcript.lines(of: TranscriptRecorder.turn(line, reply)).map { $0 + "\n" }.joined()
        let written = AtomicFile.holdingTerminationSignals { Self.writeAll(Array(text.utf8), to: fd) }
        guard written else {
            let error = failure()
            end()
            failed = true
            throw error
        }
        turns += 1
    }

    /// The file's text so far (for `:save`, which copies it).
    public func contents() throws -> Data {
        guard turns > 0 else { return Data((TranscriptRecorder.header + "\n").utf8) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AtomicFile.Failure(path: path, reason: "it can no longer be read")
        }
        return data
    }

    /// Closes the file; the turns written stay.
    public mutating func end() {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    private func failure() -> AtomicFile.Failure {
        AtomicFile.Failure(path: path, reason: String(cString: strerror(errno)))
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
    }
}
