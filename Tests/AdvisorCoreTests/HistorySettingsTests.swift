/// Where the REPL keeps its history and how much of it, from the environment.
import Testing
@testable import advisor

@Suite struct HistorySettingsTests {
    @Test func defaultsToAThousandEntriesInHome() {
        let settings = HistorySettings(environment: ["HOME": "/home/asha"])
        #expect(settings.path == "/home/asha/.advisor_history")
        #expect(settings.size == 1000)
        #expect(settings.warnings.isEmpty)
    }

    @Test func advisorHistoryChoosesTheFile() {
        #expect(HistorySettings(environment: ["HOME": "/home/asha", "ADVISOR_HISTORY": "/tmp/h"]).path == "/tmp/h")
        #expect(HistorySettings(environment: ["HOME": "/home/asha", "ADVISOR_HISTORY": "~/notes/h"]).path == "/home/asha/notes/h")
    }

    @Test func anEmptyAdvisorHistoryKeepsNoFileAndSaysNothing() {
        let settings = HistorySettings(environment: ["HOME": "/home/asha", "ADVISOR_HISTORY": ""])
        #expect(settings.path == nil)
        #expect(settings.warnings.isEmpty)
    }

    @Test func withoutHomeThereIsNoFileAndAWarning() {
        let settings = HistorySettings(environment: [:])
        #expect(settings.path == nil)
        #expect(settings.warnings == ["HOME is not set, so this session's lines will not be saved; set ADVISOR_HISTORY to a file to keep them."])
    }

    @Test func advisorHistsizeSetsTheSize() {
        #expect(HistorySettings(environment: ["HOME": "/h", "ADVISOR_HISTSIZE": "50"]).size == 50)
    }

    @Test(arguments: ["0", "-3", "lots", ""])
    func aBadHistsizeKeepsTheDefaultWithAWarning(value: String) {
        let settings = HistorySettings(environment: ["HOME": "/h", "ADVISOR_HISTSIZE": value])
        #expect(settings.size == 1000)
        #expect(settings.warnings == ["ADVISOR_HISTSIZE must be a positive number of entries, not '\(value)'; keeping 1000."])
    }
}
