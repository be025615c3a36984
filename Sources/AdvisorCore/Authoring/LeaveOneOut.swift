import Foundation

/// The leave-one-out test of the intent examples: each example is asked, as the first line
/// of a conversation, of an advisor that does not have that example, and it should still be
/// read as its own intent. One that is not is either mislabelled or alone of its kind, and a
/// question worded like it will be misread.
///
/// Rebuilding the matcher without each example would cost a rebuild per example; instead
/// the one matcher scores the example with that example skipped (the word weights still
/// count it, which makes the test a little kinder than a rebuild). Everything after the
/// scores is the advisor's own reading: cue words, the resolver's penalties, its threshold
/// and decline rules, names from other fields, and the meaning stage (with the encoder, the
/// example's own vector left out likewise).
///
/// An example whose intent needs more of an entity than it names ("what do they do", "which
/// pays more") is a follow-up by design, so it is read after a question that named enough of
/// them (two of the knowledge base's roles, tools or steps), as a person would ask it.
struct LeaveOneOut {
    struct Miss {
        let example: ExampleIndex.Example
        let reading: Understanding
        /// The example's own intent's score without it (cue words included).
        let ownScore: Double
        /// Whether it was read as a follow-up (see `context(for:own:)`).
        let followUp: Bool
    }

    let advisor: Advisor
    var language: LanguageModel { advisor.language }

    /// The examples read as another intent, in file order; `only` limits which are tried.
    /// The examples are read on all cores: each reading is independent of the others, and
    /// the whole data set must be checked within a second.
    func misses(_ index: ExampleIndex, only: (ExampleIndex.Example) -> Bool = { _ in true }) -> [Miss] {
        let examples = index.examples
        let chosen = examples.indices.filter { only(examples[$0]) }
        var slots = [Miss?](repeating: nil, count: chosen.count)
        let chunks = min(chosen.count, 64)
        slots.withUnsafeMutableBufferPointer { buffer in
            // Each chunk writes only its own slots.
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for slot in stride(from: chunk, to: chosen.count, by: chunks) {
                    let number = chosen[slot], example = examples[number]
                    let (reading, own) = read(example.text, excluding: number, own: example.intent)
                    if reading.intent != example.intent {
                        let followUp = isFollowUp(reading.analysis, own: example.intent)
                        out[slot] = Miss(example: example, reading: reading, ownScore: own, followUp: followUp)
                    }
                }
            }
        }
        return slots.compactMap { $0 }
    }

    /// How `text` is understood when example `number` is left out, and the score of `own`.
    func read(_ text: String, excluding number: Int, own: Intent) -> (Understanding, Double) {
        var analysis = language.analyze(text)
        // The same cue words apply to the scores without the example.
        let left = language.matcher.scores(features: analysis.features, excluding: number)
        let cued = language.cued(left.map { ($0.intent, $0.score) }, terms: analysis.terms)
        analysis.baseScores = cued.base
        analysis.scores = cued.scores
        let resolver = Resolver(language: language)
        let context = context(for: analysis, own: own)
        var reading = resolver.resolve(analysis, context: context)
        // The whole pipeline: where the lexical reading is unsure, the meaning stage weighs in,
        // with the example's own vector left out too.
        if let meaning = advisor.meaning {
            reading = MeaningStage(meaning: meaning, language: language).weigh(reading, line: text, context: context, resolver) {
                meaning.read(vector: meaning.vector(ofExample: number), excluding: number)
            }
        }
        return (reading, analysis.scores.first { $0.intent == own }?.score ?? 0)
    }

    /// A fresh conversation, or for a follow-up example one whose last question (about the
    /// market, which takes no entities and so favours no intent) named two values of the type
    /// its intent needs.
    func context(for analysis: Analysis, own: Intent) -> ConversationContext {
        var context = ConversationContext()
        guard isFollowUp(analysis, own: own), let type = language.shapes[own]?.requires else { return context }
        let excluded = Set(language.shapes[own]?.excludes.filter { $0.type == type }.map(\.id) ?? [])
        let ids = (advisor.knowledge.ids(of: type) ?? []).filter { !excluded.contains($0) }.suffix(2)
        let earlier = Understanding(intent: .marketOutlook, confidence: 1, entities: [type: Array(ids)],
                                    analysis: analysis, reason: "an earlier question")
        context.remember(earlier, named: [])
        return context
    }

    /// Whether the example's intent needs more values of an entity type than it names.
    func isFollowUp(_ analysis: Analysis, own: Intent) -> Bool {
        guard let shape = language.shapes[own], let type = shape.requires else { return false }
        let excluded = Set(shape.excludes.filter { $0.type == type }.map(\.id))
        return analysis.named(type).filter { !excluded.contains($0) }.count < shape.atLeast
    }

    func findings(_ index: ExampleIndex, only: (ExampleIndex.Example) -> Bool = { _ in true }) -> [Finding] {
        misses(index, only: only).map { miss in
            let own = miss.example.intent.rawValue
            let got = miss.reading.intent
            let what: String
            if got == .outOfScope {
                what = "is declined when left out (\(miss.reading.reason)): add examples worded like it to \(own)"
            } else {
                what = "reads as \(got.rawValue) when left out (\(Self.score(miss.reading.confidence)) against "
                    + "\(Self.score(miss.ownScore)) for \(own)): add examples worded like it to \(own), "
                    + "or move it to \(got.rawValue) if it belongs there"
            }
            let asked = miss.followUp ? ", asked as a follow-up," : ""
            return Finding(.note, file: miss.example.file, line: miss.example.line, "'\(miss.example.text)' (\(own))\(asked) \(what)")
        }
    }

    static func score(_ x: Double) -> String { String(format: "%.2f", x) }
}
