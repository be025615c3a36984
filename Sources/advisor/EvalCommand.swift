import AdvisorCore
import ArgumentParser

/// `advisor eval FILE.jsonl`: scores the advisor on an evaluation set in process, with the
/// figures of `../shared/eval/run_eval.py`, so an author sees at once what a change did.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the advisor on an evaluation set (a .jsonl file of labelled conversations).",
        discussion: """
            Reports intent, entity and fact scores, out-of-scope recall, false accepts and false \
            rejects, precision, recall and F1 per intent, the most frequent confusions and every \
            failed turn. Exits 0 when scored, 1 when the file cannot be used.
            """)

    @Argument(help: ArgumentHelp("The cases file, one JSON case per line.", valueName: "file.jsonl"), completion: .file(extensions: ["jsonl"]))
    var file: String

    @Flag(name: .long, help: "Print the figures as one JSON object.")
    var json = false

    /// The root command declares `--json` too, and swift-argument-parser lets the root parse
    /// first and take a flag it knows wherever it stands on the line (its issue #169), so
    /// `json` above is never set; the line itself says whether it was given.
    private var wantsJSON: Bool {
        json || CommandLine.arguments.dropFirst().prefix { $0 != "--" }.contains("--json")
    }

    @OptionGroup var data: DataOptions

    func run() throws {
        Output.ignoreBrokenPipe()
        let cases: [EvalCase]
        do { cases = try EvalCase.load(file) } catch let error as EvalCase.FileError {
            Output.error("advisor: \(error)")
            throw ExitCode.failure
        }
        let advisor = try data.load()
        let report = EvalReport(file: file, evaluation: Evaluation.run(cases, advisor: advisor))
        Output.line(wantsJSON ? report.json() : report.render())
    }
}
