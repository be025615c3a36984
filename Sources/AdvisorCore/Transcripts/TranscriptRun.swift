import Foundation

/// One transcript file replayed: passed, failed with its changed turns, or unreadable.
public struct TranscriptOutcome: Sendable {
    public var file: String
    public var status: Status
    /// The file's text as read, for `--update`; nil when it could not be read.
    public var text: String?

    public enum Status: Sendable {
        case passed(turns: Int)
        case failed(TranscriptResult)
        case malformed(DataError)
    }

    public var passed: Bool {
        if case .passed = status { return true } else { return false }
    }
}

/// Replays transcript files, as `advisor replay` and the corpus tests do.
public enum TranscriptRun {
    /// The file extension transcripts carry.
    public static let fileExtension = "transcript"

    /// The transcripts named by `paths`: a file as given, a folder's `*.transcript` files
    /// (not its subfolders) in name order, so every run reports in the same order.
    /// - Throws: `TranscriptRun.Missing` for a path that is neither.
    public static func files(_ paths: [String]) throws -> [String] {
        let fm = FileManager.default
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isFolder) else { throw Missing(path: path) }
            if isFolder.boolValue {
                let names = (try? fm.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.hasSuffix(".\(fileExtension)") }.sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
                    .filter { fm.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue }
            } else {
                files.append(path)
            }
        }
        return files
    }

    public struct Missing: Error, Equatable, CustomStringConvertible {
        public let path: String
        public var description: String { "No transcript file or folder at '\(path)'." }
    }

    /// Reads and parses one file.
    /// - Throws: `DataError`: unreadable, not UTF-8 (at the line of the first bad byte), or
    ///   malformed (`file:line: what`).
    public static func read(_ file: String) throws -> (text: String, transcript: Transcript) {
        let bytes = try TranscriptFileBytes.read(file)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = TranscriptFileBytes.lineOfFirstInvalidUTF8(bytes)
            throw DataError(file: file, line: line, message: "the file is not valid UTF-8; save it as UTF-8 text")
        }
        return (text, try Transcript.parse(text, file: file))
    }

    /// Replays each file in a fresh session of `advisor`.
    public static func replay(_ files: [String], advisor: Advisor) -> [TranscriptOutcome] {
        let replayer = TranscriptReplayer(advisor: advisor)
        return files.map { file in
            do {
                let (text, transcript) = try read(file)
                let result = replayer.replay(transcript)
                let status: TranscriptOutcome.Status = result.passed ? .passed(turns: result.turnCount) : .failed(result)
                return TranscriptOutcome(file: file, status: status, text: text)
            } catch let error as DataError {
                return TranscriptOutcome(file: file, status: .malformed(error), text: nil)
            } catch {
                return TranscriptOutcome(file: file, status: .malformed(DataError(file: file, message: "\(error)")), text: nil)
            }
        }
    }
}
