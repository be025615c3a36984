/// Transcript files on disk: finding them, reading them, replaying a folder with a broken
/// file in it, and writing atomically.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct TranscriptFileTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("transcripts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func findsTranscriptsInFoldersInNameOrder() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["b.transcript", "a.transcript", "notes.txt", "c.transcript.bak"] {
            try "> hi\n".write(toFile: dir + "/" + name, atomically: false, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: dir + "/sub.transcript", withIntermediateDirectories: true)
        #expect(try TranscriptRun.files([dir, dir + "/notes.txt"]) == [dir + "/a.transcript", dir + "/b.transcript", dir + "/notes.txt"])
        #expect(throws: TranscriptRun.Missing(path: dir + "/none")) { try TranscriptRun.files([dir + "/none"]) }
        #expect(TranscriptRun.Missing(path: "x").description == "No transcript file or folder at 'x'.")
    }

    @Test func aMalformedFileIsReportedAndExitsWith65() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = TranscriptRecorder.record(["hi"], advisor: TestData.advisor).render()
        try good.write(toFile: dir + "/good.transcript", atomically: false, encoding: .utf8)
        try "> hi\n= hello\n".write(toFile: dir + "/bad.transcript", atomically: false, encoding: .utf8)
        try Data([0x3E, 0x20, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: dir + "/binary.transcript"))

        let outcomes = TranscriptRun.replay(try TranscriptRun.files([dir]), advisor: TestData.advisor)
        #expect(outcomes.map(\.passed) == [false, false, true])
        #expect(TranscriptReport.render(outcomes) == """
            \(dir)/bad.transcript:2: unknown intent 'hello'; did you mean 'help'?

            \(dir)/binary.transcript:1: the file is not valid UTF-8; save it as UTF-8 text

            1 passed, 2 failed

            """)
        #expect(TranscriptReport.exitStatus(outcomes) == 65)
        #expect(outcomes[2].text == good)
    }

    @Test func atomicWriteReplacesTheFileAndLeavesNothingElse() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/x.transcript"
        try AtomicFile.write(Data("first\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
        #expect(chmod(path, 0o600) == 0)
        try AtomicFile.write(Data("second\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "an existing file keeps its permissions")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["x.transcript"])
    }

    @Test func aFailedAtomicWriteLeavesTheOldFileAndNoTemporary() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Renaming a file over a folder fails after the data is written: the worst moment.
        try FileManager.default.createDirectory(atPath: dir + "/taken", withIntermediateDirectories: false)
        let error = #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write(Data("x".utf8), to: dir + "/taken") }
        #expect(error?.description == "Could not write \(dir)/taken: Is a directory.")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["taken"])

        let missing = #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write(Data("x".utf8), to: dir + "/no/such.transcript") }
        #expect(missing?.description == "Could not write \(dir)/no/such.transcript: No such file or directory.")
    }
}
