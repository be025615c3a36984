/// `advisor check`: validates all the data an author edits and reports every problem it can
/// find in one run, each located `file:line`, rather than stopping at the first as loading
/// does.
///
/// The checks run in stages. Those that need only the files (syntax, the example files)
/// always run; those that need the knowledge base (entity names, transcripts) run when it
/// loads; those that need the whole advisor (duplicate examples, leave-one-out) run when it
/// loads. A loading error the earlier stages did not already report becomes one finding.
public enum DataCheck {
    /// - Parameter model: the sentence encoder the leave-one-out test reads with, as the advisor does.
    /// - Parameter seed: the article's text, when at hand: facts marked as the article's are
    ///   checked against it (`SeedCheck`).
    public static func run(_ root: DataRoot, model: EncoderModel, seed: String? = nil) -> CheckReport {
        run(root, model: model, seed: seed, leaveOneOutOf: { _ in true })
    }

    /// - Parameter leaveOneOutOf: which example files the leave-one-out test reads (it costs
    ///   most of the time; tests of the other checks leave it out).
    static func run(_ root: DataRoot, model: EncoderModel, seed: String? = nil, leaveOneOutOf files: (String) -> Bool) -> CheckReport {
        var findings = SyntaxCheck.findings(root)
        if let seed { findings += SeedCheck.findings(root, seed: seed) }
        let index = ExampleIndex(root: root)
        findings += index.findings
        findings += ExampleCheck.fewExamples(index)

        var loadError: DataError?
        var knowledge: KnowledgeBase?
        do { knowledge = try KnowledgeLoader(root: root).load() } catch let error as DataError { loadError = error } catch {}
        if let knowledge {
            findings += EntityNameCheck.findings(root, knowledge: knowledge)
            findings += SettingsCheck.findings(root, knowledge: knowledge)
            findings += TranscriptCheck.findings(root, knowledge: knowledge)
        }
        var advisor: Advisor?
        if loadError == nil {
            do { advisor = try Advisor.load(from: root, model: model) } catch let error as DataError { loadError = error } catch {}
        }
        if let loadError {
            let reported = findings.contains {
                $0.severity == .error && $0.file == loadError.file && $0.line == loadError.line && $0.column == loadError.column
            }
            if !reported { findings.append(Finding(loadError)) }
        }
        if let advisor {
            findings += checks(of: advisor, index, leaveOneOutOf: files)
        }
        return CheckReport(findings: findings)
    }

    /// The checks that read the examples the way the advisor does.
    private static func checks(of advisor: Advisor, _ index: ExampleIndex, leaveOneOutOf files: (String) -> Bool) -> [Finding] {
        var findings = ExampleCheck.duplicates(index, language: advisor.language)
        // The leave-one-out scores are only meaningful when the index numbers the examples
        // exactly as the matcher does.
        guard index.texts == advisor.language.examples else {
            findings.append(Finding(.warning, file: DataRoot.intentsFolder,
                                    "the leave-one-out check was skipped: the examples read differently from the advisor's own reading of them"))
            return findings
        }
        findings += LeaveOneOut(advisor: advisor).findings(index, only: { files($0.file) })
        return findings
    }
}
