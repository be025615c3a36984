/// Guards the index cache: a load after the first maps the index built then; any change to
/// the data (an edited file, a new one) or a damaged cache builds it again from the YAML,
/// with the same `file:line: what` errors as without a cache.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct IndexCacheTests {
    /// A copy of the data and an empty cache folder for it; the cache trusts fresh file times.
    static func setUp() throws -> (root: String, cache: IndexCache) {
        let root = try TestData.copyOfData()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-cache-\(UUID().uuidString)").path
        var cache = IndexCache(root: DataRoot(path: root), folders: [folder])
        cache.settle = 0
        return (root, cache)
    }

    static func answer(_ advisor: Advisor, _ question: String) -> String {
        var session = advisor.session()
        if case .answer(_, let text) = session.respond(to: question) { return text }
        return ""
    }

    static let question = "what does a devops engineer earn"

    @Test func theSecondLoadMapsTheIndexTheFirstBuilt() throws {
        let (root, cache) = try Self.setUp()
        #expect(cache.current() == nil)
        let built = try Advisor.load(from: DataRoot(path: root), cache: cache)
        let mapped = try #require(cache.current(), "no index was kept")
        let read = try AdvisorIndex.advisor(from: mapped)
        #expect(Self.answer(read, Self.question) == Self.answer(built, Self.question))
        #expect(Self.answer(read, Self.question).contains("₹6–10 LPA"))
    }

    @Test func anEditedFileBuildsTheIndexAgain() throws {
        let (root, cache) = try Self.setUp()
        _ = try Advisor.load(from: DataRoot(path: root), cache: cache)
        #expect(cache.current() != nil)
        try TestData.edit(DataLoadingTests.roles, in: root, replacing: DataLoadingTests.devOpsSalary,
                          with: DataLoadingTests.devOpsSalary.replacingOccurrences(of: "₹6–10 LPA", with: "₹6–11 LPA"))
        #expect(cache.current() == nil, "an index built from the old file is still trusted")
        let advisor = try Advisor.load(from: DataRoot(path: root), cache: cache)
        #expect(Self.answer(advisor, Self.question).contains("₹6–11 LPA"))
        #expect(cache.current() != nil)
    }

    @Test func malformedDataStillStopsWithItsFileAndLine() throws {
        let (root, cache) = try Self.setUp()
        _ = try Advisor.load(from: DataRoot(path: root), cache: cache)
        try TestData.edit(DataLoadingTests.roles, in: root, replacing: DataLoadingTests.devOpsSalary,
                          with: DataLoadingTests.devOpsSalary.replacingOccurrences(of: "₹6–10 LPA", with: "6-10 lakhs"))
        let error = try #require(throws: DataError.self) { try Advisor.load(from: DataRoot(path: root), cache: cache) }
        #expect(error.file == DataLoadingTests.roles)
        #expect(error.line > 0)
    }

    @Test func aNewExamplesFileBuildsTheIndexAgain() throws {
        let (root, cache) = try Self.setUp()
        let before = try Advisor.load(from: DataRoot(path: root), cache: cache).language.examples[.greet]?.count ?? 0
        let file = (root as NSString).appendingPathComponent("\(DataRoot.intentsFolder)/greet.more.yaml")
        try "intent: greet\nexamples:\n  - ahoy advisor\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(cache.current() == nil)
        let after = try Advisor.load(from: DataRoot(path: root), cache: cache).language.examples[.greet]?.count ?? 0
        #expect(after == before + 1)
    }

    @Test func aDamagedIndexIsBuiltAgain() throws {
        let (root, cache) = try Self.setUp()
        _ = try Advisor.load(from: DataRoot(path: root), cache: cache)
        let path = cache.folders[0] + "/" + cache.fileName
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes = bytes.prefix(bytes.count / 3)
        try bytes.write(to: URL(fileURLWithPath: path))
        let advisor = try Advisor.load(from: DataRoot(path: root), cache: cache)
        #expect(Self.answer(advisor, Self.question).contains("₹6–10 LPA"))
        #expect(cache.current() != nil, "the damaged index was not replaced")
    }

    /// The header is whole and the size the same, but a byte inside the index changed (it
    /// used to stop the advisor with a fatal error): the checksum tells, even though a note
    /// says the file was seen whole, because the write changed the file's times.
    @Test(arguments: [0.0, 0.2, 0.4, 0.6, 0.8, 1.0])
    func aChangedByteInsideTheIndexIsBuiltAgain(at fraction: Double) throws {
        let (root, cache) = try Self.setUp()
        _ = try Advisor.load(from: DataRoot(path: root), cache: cache)
        let path = cache.folders[0] + "/" + cache.fileName
        // Past the clock tick of the write, so that the check below may note the file.
        Thread.sleep(forTimeInterval: 0.05)
        #expect(cache.current() != nil)
        #expect(IndexCache.readNote(path + IndexCache.noteSuffix) == FileStatus(path)?.fingerprint, "no note of the checked file")
        Thread.sleep(forTimeInterval: 0.05)

        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var reader = IndexReader(IndexBytes(copying: bytes))
        _ = try AdvisorIndex.readHeader(&reader)
        let position = reader.offset + Int(Double(bytes.count - 1 - reader.offset) * fraction)
        bytes[position] ^= 0x5A
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data(bytes))
        try handle.close()

        #expect(cache.current() == nil, "an index with byte \(position) of \(bytes.count) changed is trusted")
        let advisor = try Advisor.load(from: DataRoot(path: root), cache: cache)
        #expect(Self.answer(advisor, Self.question).contains("₹6–10 LPA"))
        #expect(cache.current() != nil, "the damaged index was not replaced")
    }

    /// A note that is missing, damaged or names another file only costs a check of the sum.
    @Test func aDamagedNoteOnlyCostsACheck() throws {
        let (root, cache) = try Self.setUp()
        _ = try Advisor.load(from: DataRoot(path: root), cache: cache)
        let note = cache.folders[0] + "/" + cache.fileName + IndexCache.noteSuffix
        for text in ["", "12 x\n", "1 2 3 4 5 6 7\n", String(repeating: "9", count: 600)] {
            try text.write(toFile: note, atomically: false, encoding: .utf8)
            #expect(cache.current() != nil, "note \(text.prefix(20).debugDescription)")
        }
    }

    @Test func withoutAFolderNothingIsKept() throws {
        let root = try TestData.copyOfData()
        var cache = IndexCache(root: DataRoot(path: root), folders: [])
        cache.settle = 0
        let advisor = try Advisor.load(from: DataRoot(path: root), cache: cache)
        #expect(Self.answer(advisor, Self.question).contains("₹6–10 LPA"))
        #expect(cache.current() == nil)
    }
}
