import AdvisorCore
import ArgumentParser
import Foundation

/// `advisor check`: validates the data an author edits (or, with `--unanswered`, lists the
/// questions the REPL could not answer), so a change can be tried without running the advisor.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the intents, entities, knowledge base and transcripts for mistakes.",
        discussion: """
            Prints each problem as 'file:line: error|warning: what', then the counts (notes, hints from the leave-one-out test that never fail the check, are listed with --notes). Exits 0 when \
            there are no errors, 1 when there are (with --strict, warnings count as errors). With \
            --unanswered, lists instead the questions the interactive advisor declined or was unsure \
            of (~/.advisor_unanswered, or ADVISOR_UNANSWERED), grouped by similarity, most asked first.
            """)

    @Flag(name: .long, help: "Count warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Also list the notes: examples the matcher misreads or declines when they are left out.")
    var notes = false

    @Flag(name: .long, help: "List the questions the advisor could not answer, grouped by similarity.")
    var unanswered = false

    @Option(name: .long, help: ArgumentHelp("The article the knowledge base is written from: facts marked 'source: seed' must be ones its text supports.", valueName: "file"),
            completion: .file())
    var seed: String?

    @OptionGroup var data: DataOptions

    func run() throws {
        Output.ignoreBrokenPipe()
        if unanswered { return try listUnanswered() }
        let root: DataRoot
        do { root = try BuiltIn.data(data.data) } catch {
            Output.error("advisor: \(error)")
            throw ExitCode(66)  // EX_NOINPUT
        }
        var article: String?
        if let seed {
            guard let text = try? String(contentsOfFile: seed, encoding: .utf8) else {
                Output.error("advisor: cannot read the article \(seed): no such file, or not readable UTF-8")
                throw ExitCode(66)  // EX_NOINPUT
            }
            article = text
        }
        let report = DataCheck.run(root, model: BuiltIn.model, seed: article)
        Output.line(report.render(strict: strict, notes: notes))
        if !report.passes(strict: strict) { throw ExitCode.failure }
    }

    private func listUnanswered() throws {
        let advisor = try data.load()
        let log = UnansweredLog(environment: ProcessInfo.processInfo.environment)
        guard let path = log.path else {
            Output.line("The unanswered-question log is switched off (ADVISOR_UNANSWERED is empty).")
            return
        }
        let questions: [String]
        do { questions = try UnansweredLog.questions(at: path) } catch {
            Output.error("advisor: \(error)")
            throw ExitCode.failure
        }
        Output.line(UnansweredGroups(questions, language: advisor.language).render(source: path))
    }
}
