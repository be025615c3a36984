/// `advisor check --seed FILE` fails on a fact marked as the article's that the article does
/// not say (issue 18): where it stands, with the words the article lacks.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct SeedCheckTests {
    /// An article holding every fact the shipped data marks as its own, word for word: the
    /// shipped knowledge files themselves.
    static func article() throws -> String {
        let folder = TestData.packageRoot + "/Sources/Knowledge"
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }.joined(separator: "\n")
    }

    @Test func theShippedFactsPass() throws {
        #expect(SeedCheck.findings(TestData.data, seed: try Self.article()).isEmpty)
    }

    @Test func aFactTheArticleDoesNotSayFailsWhereItStands() throws {
        let root = try TestData.copyOfData()
        let file = root + "/Sources/Knowledge/backend.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let summary = "  text: A back-end developer is a person who works on the parts of a website or app that you don't see.\n"
        #expect(text.hasPrefix("summary:\n" + summary), "backend.yaml no longer opens with its summary")
        try text.replacingOccurrences(of: summary, with: "  text: Back-end developers usually retire wealthy before forty.\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let findings = SeedCheck.findings(DataRoot(path: root), seed: try Self.article())
        #expect(findings.map(\.description) == [
            "Sources/Knowledge/backend.yaml:2:9: error: 'text' is marked source: seed, but the article does not say it: "
                + "3 of its 7 key words are not in the article (retire, wealthy, forty); mark it general, or quote the article",
        ])
    }

    /// General knowledge says what the article does not: it is not looked up.
    @Test func aGeneralFactIsNotLookedUp() throws {
        let root = try TestData.copyOfData()
        let file = root + "/Sources/Knowledge/roles.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let about = "    A back-end developer writes and maintains the server-side code of an\n"
        #expect(text.contains(about), "roles.yaml no longer describes the back-end developer so")
        try text.replacingOccurrences(of: about, with: "    Back-end developers usually retire wealthy before forty, and\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(SeedCheck.findings(DataRoot(path: root), seed: try Self.article()).isEmpty)
    }
}
