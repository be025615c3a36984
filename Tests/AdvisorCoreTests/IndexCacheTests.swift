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

    @Test func withoutAFolderNothingIsKept() throws {
        let root = try TestData.copyOfData()
        var cache = IndexCache(root: DataRoot(path: root), folders: [])
        cache.settle = 0
        let advisor = try Advisor.load(from: DataRoot(path: root), cache: cache)
        #expect(Self.answer(advisor, Self.question).contains("₹6–10 LPA"))
        #expect(cache.current() == nil)
    }
}
