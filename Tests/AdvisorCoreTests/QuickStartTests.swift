/// Guards the hand-read invocations: only plain forms are taken; everything else is left to
/// ArgumentParser, so its help, errors and exit codes stay exactly as they were.
import Testing
@testable import advisor

@Suite struct QuickStartTests {
    @Test(arguments: [
        ["ask", "what", "does", "a", "DBA", "earn"], ["ask", "hi"], ["ask", "--json", "hi"], ["ask", "hi", "--data", "/x"],
        ["ask", "--data", "/x", "--json", "how", "much"], [], ["--json"], ["--no-color"], ["--data", "/x", "--json"],
        ["--record", "f.transcript"], ["--transcripts", "T", "--no-color"],
    ])
    func takesThePlainForms(arguments: [String]) {
        #expect(QuickStart.command(arguments) != nil)
    }

    @Test(arguments: [
        ["ask"], ["ask", " "], ["ask", "\t"], ["ask", "--help"], ["ask", "-h"], ["ask", "--", "-5"], ["ask", "-5"],
        ["ask", "--json", "--json", "hi"], ["ask", "--data"], ["ask", "--data", "--json", "hi"], ["ask", "--data=/x", "hi"],
        ["ask", "hi", "--data", "/x", "--data", "/y"], ["--help"], ["--version"], ["replay"], ["check"], ["--data", "/x", "ask", "hi"],
        ["--json", "--json"], ["--record"], ["hi"], ["--bogus"],
    ])
    func leavesEverythingElseToArgumentParser(arguments: [String]) {
        #expect(QuickStart.command(arguments) == nil)
    }

    @Test func readsWhatItTakes() throws {
        let parsed = try #require(QuickStart.parse(["--json", "what", "--data", "/d", "now"], flags: ["--json"], options: ["--data"],
                                                   positionals: true))
        #expect(parsed.flags == ["--json"])
        #expect(parsed.options == ["--data": "/d"])
        #expect(parsed.positionals == ["what", "now"])
    }
}
