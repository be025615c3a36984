/// Guards how the REPL lays answers out on a narrow terminal: broken between words, list items
/// continued under their text, tables left whole.
import Testing
@testable import AdvisorCore

@Suite struct TextWrapTests {
    @Test func aLongLineBreaksBetweenWords() {
        let text = "A DevOps Engineer earns ₹6–10 LPA on average in India, as Glassdoor says."
        #expect(TextWrap.wrap(text, width: 30) == """
            A DevOps Engineer earns ₹6–10
            LPA on average in India, as
            Glassdoor says.
            """)
    }

    @Test func listItemsGoOnUnderTheirText() {
        let text = "To work as a DevOps Engineer, you need:\n- CI/CD pipelines with tools such as Jenkins or GitHub Actions\n12. a step with a long enough text to wrap"
        #expect(TextWrap.wrap(text, width: 32) == """
            To work as a DevOps Engineer,
            you need:
            - CI/CD pipelines with tools
              such as Jenkins or GitHub
              Actions
            12. a step with a long enough
                text to wrap
            """)
    }

    @Test func tablesShortLinesAndLongWordsStayWhole() {
        let table = "Role                       Average salary\n-------------------------  --------------\nSoftware Architect         ₹25–40 LPA"
        #expect(TextWrap.wrap(table, width: 24) == table)
        #expect(TextWrap.wrap("short\n\nlines", width: 24) == "short\n\nlines")
        let url = "see https://example.com/a/very/long/path/that/never/fits please"
        #expect(TextWrap.wrap(url, width: 20) == "see\nhttps://example.com/a/very/long/path/that/never/fits\nplease")
    }

    @Test func everyAnswerFitsANarrowTerminalWhereItCan() {
        var session = TestData.session()
        for question in ["what does a backend developer do", "what skills does a devops engineer need", "how do I get started", "compare django and flask"] {
            guard case .answer(_, let text) = session.respond(to: question) else { continue }
            let wrapped = TextWrap.wrap(text, width: 40)
            #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 40 || TextWrap.isColumns($0) || !$0.contains(" ") })
            // Nothing but line breaks changed.
            #expect(wrapped.split(whereSeparator: { $0 == " " || $0 == "\n" }) == text.split(whereSeparator: { $0 == " " || $0 == "\n" }))
        }
    }
}
