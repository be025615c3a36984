/// Checks of the intent examples as a whole: enough of them per intent, and no question
/// filed under two intents, which no matcher could get right both times.
enum ExampleCheck {
    /// Fewer examples than this leave an intent at the mercy of its wording.
    static let minimumExamples = 15

    static func fewExamples(_ index: ExampleIndex) -> [Finding] {
        let counts = Dictionary(grouping: index.examples, by: \.intent).mapValues(\.count)
        return Intent.allCases.compactMap { intent in
            guard let count = counts[intent], count < minimumExamples, let home = index.home[intent] else { return nil }
            return Finding(.warning, file: home.file, line: home.line,
                           "intent '\(intent.rawValue)' has only \(count) example\(count == 1 ? "" : "s"): give it at least \(minimumExamples), worded as differently as people ask")
        }
    }

    /// The same example, once normalized (case, dashes, contractions, stems, synonyms), under
    /// two intents: reported at each later occurrence, pointing at the first.
    static func duplicates(_ index: ExampleIndex, language: LanguageModel) -> [Finding] {
        let normalizer = language.normalizer
        var first: [[String]: ExampleIndex.Example] = [:]
        var findings: [Finding] = []
        for example in index.examples {
            let terms = normalizer.terms(of: normalizer.words(example.text))
            guard let earlier = first[terms] else {
                first[terms] = example
                continue
            }
            guard earlier.intent != example.intent else { continue }
            findings.append(Finding(.error, file: example.file, line: example.line,
                                    "'\(example.text)' of \(example.intent.rawValue) is also an example of \(earlier.intent.rawValue) ('\(earlier.text)', \(earlier.file):\(earlier.line)) once normalized: keep it under one intent"))
        }
        return findings
    }
}
