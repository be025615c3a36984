/// Malformed transcripts: each is refused with its whole `file:line: what`, pointing at the
/// line to fix and saying how.
import Testing
@testable import AdvisorCore

@Suite struct TranscriptParseErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let error: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown intent, near miss", text: "> hi\n= role.salery\nHello!\n",
             error: "x.transcript:2: unknown intent 'role.salery'; did you mean 'role.salary'?"),
        Case(name: "unknown intent", text: "> pay?\n= salary\n",
             error: "x.transcript:2: unknown intent 'salary' (known: greet, thank, goodbye, help, backend.definition, "
                + "backend.analogy, backend.vs_frontend, backend.responsibilities, market.outlook, career.fit, role.list, "
                + "role.describe, role.salary, role.compare, role.rank, role.skills, skills.list, tools.list, tool.describe, "
                + "tool.compare, steps.roadmap, steps.detail, steps.next, profile.update, profile.show, out_of_scope)"),
        Case(name: "unknown entity type", text: "> pay?\n= role.salary job=devops-engineer\n",
             error: "x.transcript:2: unknown entity type 'job' in 'job=devops-engineer' "
                + "(known: role, responsibility, order, kind, category, tool, step, level, foreign)"),
        Case(name: "entity type misspelt", text: "> pay?\n= role.salary roles=devops-engineer\n",
             error: "x.transcript:2: unknown entity type 'roles' in 'roles=devops-engineer'; did you mean 'role'?"),
        Case(name: "entity group without '='", text: "> pay?\n= role.salary devops-engineer\n",
             error: "x.transcript:2: expected 'type=id,id' after the intent, found 'devops-engineer'"),
        Case(name: "entity type twice", text: "> pay?\n= role.compare role=api-developer role=cloud-engineer\n",
             error: "x.transcript:2: entity type 'role' appears twice; list its IDs once, like 'role=a,b'"),
        Case(name: "empty entity ID", text: "> pay?\n= role.compare role=api-developer,,cloud-engineer\n",
             error: "x.transcript:2: an empty entity ID in 'role=api-developer,,cloud-engineer'; separate IDs with one comma, like 'role=a,b'"),
        Case(name: "'=' without an intent", text: "> hi\n=\nHello!\n",
             error: "x.transcript:2: a '=' line needs an intent, like '= role.salary role=devops-engineer'"),
        Case(name: "'=' after the answer began", text: "> hi\nHello!\n= greet\n",
             error: "x.transcript:3: a '=' line (the reading) must come right after the '> ' line of its turn; "
                + "write '\\=' for answer text that starts with '='"),
        Case(name: "two '=' lines", text: "> hi\n= greet\n= thank\n",
             error: "x.transcript:3: a '=' line (the reading) must come right after the '> ' line of its turn; "
                + "write '\\=' for answer text that starts with '='"),
        Case(name: "'=' before any turn", text: "# advisor transcript\n= greet\n> hi\n",
             error: "x.transcript:2: a '=' line (the reading) must come right after the '> ' line of its turn; "
                + "write '\\=' for answer text that starts with '='"),
        Case(name: "a command with a reading", text: "> :reset\n= greet\nStarting afresh.\n",
             error: "x.transcript:2: ':reset' is a command, and commands have no '=' line"),
        Case(name: "an answer before any turn", text: "# advisor transcript\n\nHello!\n> hi\n",
             error: "x.transcript:3: text before the first turn: start a turn with '> ' and the user's line, or a comment with '#'"),
        Case(name: "answer text after a comment", text: "> hi\n= greet\nHello!\n# so far\nmore\n",
             error: "x.transcript:5: text outside a turn: an answer ends at a '#' comment line; "
                + "write '\\#' for answer text that starts with '#'"),
        Case(name: "Windows line endings", text: "> hi\r\n= greet\r\nHello!\r\n",
             error: "x.transcript:1: the line ends with a carriage return: save the transcript with Unix (LF) line endings"),
        Case(name: "an empty file", text: "",
             error: "x.transcript: no turns: a transcript needs at least one line starting with '> ' (the user's line)"),
        Case(name: "only comments", text: "# advisor transcript\n\n# nothing yet\n",
             error: "x.transcript: no turns: a transcript needs at least one line starting with '> ' (the user's line)"),
    ]

    @Test(arguments: cases)
    func refusesWithFileLineAndWhat(_ malformed: Case) {
        let error = #expect(throws: DataError.self) { try Transcript.parse(malformed.text, file: "x.transcript") }
        #expect(error?.description == malformed.error)
    }
}
