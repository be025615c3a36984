/// `:save NAME`: the names that become files in the transcripts folder, and the sentences
/// that refuse the others.
import Testing
@testable import AdvisorCore

@Suite struct TranscriptNameTests {
    @Test(arguments: ["salary-followups", "a", "v1.2_typos", "Typo_Role.Names-2", String(repeating: "x", count: 64)])
    func accepts(_ name: String) throws {
        let accepted = try TranscriptName(name)
        #expect(accepted.name == name)
        #expect(accepted.fileName == name + ".transcript")
        #expect(TranscriptName.check(name) == nil)
    }

    @Test func dropsATypedExtension() throws {
        #expect(try TranscriptName("salary.transcript").fileName == "salary.transcript")
    }

    @Test(arguments: [
        ("../x", "A transcript name cannot contain '/': it names a file in the transcripts folder. Try a name like 'salary-followups'."),
        ("a/b", "A transcript name cannot contain '/': it names a file in the transcripts folder. Try a name like 'salary-followups'."),
        ("a..b", "A transcript name cannot contain '..'. Try a name like 'salary-followups'."),
        ("..", "A transcript name cannot contain '..'. Try a name like 'salary-followups'."),
        (".hidden", "A transcript name cannot start with '.', which would hide the file. Try a name like 'salary-followups'."),
        ("", "Give the transcript a name, like 'salary-followups'."),
        ("my notes", "A transcript name may hold only letters, digits, '-', '_' and '.', not a space. Try a name like 'salary-followups'."),
        ("café", "A transcript name may hold only letters, digits, '-', '_' and '.', not 'é'. Try a name like 'salary-followups'."),
        ("a\\b", "A transcript name may hold only letters, digits, '-', '_' and '.', not '\\'. Try a name like 'salary-followups'."),
        ("a\tb", "A transcript name may hold only letters, digits, '-', '_' and '.', not the control character U+9. Try a name like 'salary-followups'."),
        (String(repeating: "x", count: 65), "A transcript name has at most 64 characters; this one has 65."),
    ])
    func refuses(_ name: String, _ sentence: String) {
        #expect(TranscriptName.check(name) == sentence)
        #expect(throws: TranscriptName.Invalid(message: sentence)) { try TranscriptName(name) }
    }
}
