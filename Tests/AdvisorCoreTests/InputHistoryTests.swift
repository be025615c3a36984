/// The history file: saved at every line, merged with other sessions, collapsed, trimmed,
/// private, and never overwritten when it is not a history file.
import Foundation
import Testing
import LineEditor

@Suite struct InputHistoryTests {
    @Test func eachLineIsSavedAtOnceInAPrivateFile() throws {
        try withFolder { folder in
            let path = folder + "/history"
            let history = InputHistory(size: 10, file: HistoryFile(path: path))
            try history.load()
            try history.record("what is Django")
            #expect(try saved(path) == ["what is Django"])
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test func consecutiveDuplicatesCollapse() throws {
        try withFolder { folder in
            let path = folder + "/history"
            let history = InputHistory(size: 10, file: HistoryFile(path: path))
            for line in ["hello", "hello", "what is Go", "hello"] { try history.record(line) }
            #expect(try saved(path) == ["hello", "what is Go", "hello"])
            #expect(history.entries == ["hello", "what is Go", "hello"])
        }
    }

    @Test func theFileIsTrimmedToSize() throws {
        try withFolder { folder in
            let path = folder + "/history"
            let history = InputHistory(size: 3, file: HistoryFile(path: path))
            for line in ["one", "two", "three", "four", "five"] { try history.record(line) }
            #expect(try saved(path) == ["three", "four", "five"])
        }
    }

    @Test func twoSessionsOnOneFileKeepTheLinesOfBoth() throws {
        try withFolder { folder in
            let path = folder + "/history"
            try LibeditHistoryText.encode(["from yesterday"]).write(toFile: path, atomically: true, encoding: .utf8)
            let first = InputHistory(size: 100, file: HistoryFile(path: path))
            let second = InputHistory(size: 100, file: HistoryFile(path: path))
            try first.load()
            try second.load()
            try first.record("what is Django")
            try second.record("what is Flask")
            try first.record("hello")
            #expect(try saved(path) == ["from yesterday", "what is Django", "what is Flask", "hello"])
            #expect(first.entries == ["from yesterday", "what is Django", "what is Flask", "hello"])
        }
    }

    @Test func aForeignFileIsNeverOverwritten() throws {
        try withFolder { folder in
            let path = folder + "/history"
            try "my notes\n".write(toFile: path, atomically: true, encoding: .utf8)
            let history = InputHistory(size: 10, file: HistoryFile(path: path))
            let problem = try #require(throws: HistoryProblem.self) { try history.load() }
            #expect(problem.description.contains("is not an advisor history file"))
            try history.record("hello")
            #expect(history.entries == ["hello"])
            #expect(history.file == nil)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "my notes\n")
        }
    }

    @Test func aMissingFolderIsReportedAtStartUp() throws {
        try withFolder { folder in
            let history = InputHistory(size: 10, file: HistoryFile(path: folder + "/no/such/folder/history"))
            let problem = try #require(throws: HistoryProblem.self) { try history.load() }
            #expect(problem.description.hasPrefix("cannot save the history to \(folder)/no/such/folder/history"))
            try history.record("hello")
            #expect(history.entries == ["hello"])
        }
    }

    @Test func anEmptyFileIsAnEmptyHistory() throws {
        try withFolder { folder in
            let path = folder + "/history"
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            let history = InputHistory(size: 10, file: HistoryFile(path: path))
            try history.load()
            try history.record("hello")
            #expect(try saved(path) == ["hello"])
        }
    }

    @Test func aLinkIsFollowedAndKept() throws {
        try withFolder { folder in
            let target = folder + "/real-history"
            let link = folder + "/history"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
            let history = InputHistory(size: 10, file: HistoryFile(path: link))
            try history.record("hello")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
            #expect(try saved(target) == ["hello"])
        }
    }

    private func saved(_ path: String) throws -> [String] {
        LibeditHistoryText.decode(try String(contentsOfFile: path, encoding: .utf8))
    }

    private func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-history-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }
}
