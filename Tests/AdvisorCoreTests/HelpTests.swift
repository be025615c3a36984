/// `advisor --help` as a person reads it: every `:` command of the session is listed, and no
/// help text points at a folder outside the project.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct HelpTests {
    @Test func helpListsEveryColonCommand() {
        let help = TestData.run(["--help"])
        #expect(help.status == 0)
        let text = help.stdout
        for command in Session.commandNames {
            // The command as a word of its own (":history" is not ":his").
            #expect(text.range(of: ":" + command + "\\b", options: .regularExpression) != nil, "--help does not list :\(command)")
        }
        #expect(text.contains("$XDG_DATA_HOME/advisor/transcripts"))
    }

    @Test(arguments: [["--help"], ["help", "ask"], ["help", "replay"], ["help", "check"], ["help", "eval"]])
    func helpNamesNoFolderOutsideTheProject(arguments: [String]) {
        let help = TestData.run(arguments)
        #expect(help.status == 0)
        #expect(!help.stdout.contains("../") && !help.stdout.contains("shared/"), "\(help.stdout)")
    }
}
