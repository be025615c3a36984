/// Guards whole answers as a person reads them: the salary answer, the greeting, the decline, and aligned tables.
import Testing
@testable import AdvisorCore

@Suite struct ComposerTests {
    static func answer(_ question: String) -> String {
        var session = TestData.session()
        switch session.respond(to: question) {
        case .answer(_, let text): return text
        case .command(let name, _): return "<command \(name)>"
        case .error(let message): return "<error \(message)>"
        }
    }

    @Test func devOpsSalaryAnswer() {
        #expect(Self.answer("what does a DevOps engineer earn") == """
            A DevOps Engineer earns ₹6–10 LPA on average in India.
            (LPA = lakh rupees per annum. Source: Glassdoor average salaries in India, as quoted in the article (updated Dec 27, 2024).)
            You could ask next: what skills does that role need?
            """)
    }

    @Test func greeting() {
        #expect(Self.answer("hi") == """
            Hello! I'm the back-end career advisor. Ask me what a back-end developer does, what a role such as a DevOps \
            Engineer earns, which skills and tools to learn, or how to get started.
            """)
    }

    @Test func declinesTheWeather() {
        #expect(Self.answer("what's the weather like today?") == """
            Sorry, that is outside what I can answer: I only know about back-end development careers.
            Ask me what the job is, the roles and what they earn, the skills and tools, or how to get started.
            """)
    }

    /// "Both" is said of two tools only: a comparison of three closes with "all of them".
    @Test func aComparisonOfThreeToolsIsNotSaidOfBoth() {
        let three = Self.answer("compare python, go and java")
        #expect(three.hasPrefix("Here is how Python, Go and Java compare:\n"), "answer: \(three)")
        #expect(three.contains("\nAll of them are widely used; pick the one that fits your project and the jobs you want.\n"), "answer: \(three)")
        #expect(!three.contains("Both"), "answer: \(three)")
        let two = Self.answer("compare python and go")
        #expect(two.contains("\nBoth are widely used; pick the one that fits your project and the jobs you want.\n"), "answer: \(two)")
    }

    /// The tools of one role are what that role needs to know; the tools of back-end
    /// developers in general are the general list.
    @Test func theToolsOfARoleAreThatRolesNeeds() {
        let devops = Self.answer("what tools does a devops engineer use")
        #expect(devops.hasPrefix("To work as a DevOps Engineer, you need to know:\n"), "answer: \(devops)")
        #expect(devops.contains("- CI/CD pipelines with tools such as Jenkins, GitHub Actions or GitLab CI\n"), "answer: \(devops)")
        let general = Self.answer("what tools do backend developers use")
        #expect(!general.hasPrefix("To work as"), "answer: \(general)")
    }

    /// A comparison that does not ask about pay opens with what each does, then says who earns
    /// more; one that asks about pay opens with that.
    @Test func comparisonSaysWhatEachDoesThenWhoEarnsMore() {
        let text = Self.answer("compare a DBA and a software architect")
        #expect(text.hasPrefix("""
            What each does:
            - Database Administrator: Manage and optimize databases for storing data.
            - Software Architect: Plan and design the structure of software applications.
            What they earn: Of the two, the Software Architect earns more: ₹25–40 LPA.

            """), "answer: \(text)")
        let pay = Self.answer("does a DBA or a software architect earn more?")
        #expect(pay.hasPrefix("Of the two, the Software Architect earns more: ₹25–40 LPA.\n"), "answer: \(pay)")
    }

    @Test(arguments: [
        "compare a junior back-end developer, a DBA and a software architect",
        "which role pays the most?",
        "what do an API developer and a system analyst earn?",
    ])
    func tablesInAnswersStayAligned(question: String) throws {
        let text = Self.answer(question)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("Role  ") }, "no table in: \(text)")
        let end = lines[header...].firstIndex { $0.hasPrefix("(LPA") } ?? lines.endIndex
        let table = Array(lines[header..<end])
        #expect(table.count >= 4, "table: \(table)")
        let starts = table.map(Self.cellStarts)
        #expect(starts.allSatisfy { $0 == starts[0] && $0.count >= 2 }, "columns start at \(starts) in:\n\(table.joined(separator: "\n"))")
    }

    @Test func textTableAlignsRupeeAndDashCells() {
        let table = TextTable(header: ["Role", "Average salary"], rows: [
            ["Software Architect", "₹25–40 LPA"],
            ["DBA", "₹4–7 LPA"],
        ])
        #expect(table.render() == """
            Role                Average salary
            ------------------  --------------
            Software Architect  ₹25–40 LPA
            DBA                 ₹4–7 LPA
            """)
    }

    @Test func textTablePadsAfterRupeeAndDashCells() {
        let table = TextTable(header: ["Salary", "Who"], rows: [
            ["₹3–5 LPA", "junior"],
            ["₹25–40 LPA", "architect"],
        ])
        #expect(table.render() == """
            Salary      Who
            ----------  ---------
            ₹3–5 LPA    junior
            ₹25–40 LPA  architect
            """)
    }

    @Test func textTableCountsTerminalColumns() {
        #expect(TextTable.width("₹25–40 LPA") == 10)
        #expect(TextTable.width("Jose\u{301}") == 4)
        #expect(TextTable.width("日本") == 4)
    }

    /// The terminal column where each cell of a rendered row starts (cells are split by two or more spaces).
    static func cellStarts(_ line: String) -> [Int] {
        var starts = [0]
        var prefix = ""
        var spaces = 0
        for character in line {
            if character == " " {
                spaces += 1
            } else {
                if spaces >= 2 { starts.append(TextTable.width(prefix)) }
                spaces = 0
            }
            prefix.append(character)
        }
        return starts
    }
}
