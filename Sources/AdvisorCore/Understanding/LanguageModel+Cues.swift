/// Cue words (`cues` in matching.yaml): words that favour some readings ("earn" a salary),
/// found in a line with one lookup per term, and their effect on the examples' scores.
extension LanguageModel {
    /// The cue words' effect on a line's scores from the examples (best first): `scores` with
    /// every boost of the cues found in `terms` (they choose between readings), `base` with only
    /// those of the cues that decide (whether to answer at all is judged on the examples and
    /// on these alone), the cue words found and the intents they favour.
    func cued(_ raw: [(intent: Intent, score: Double)], terms: [String])
        -> (scores: [(intent: Intent, score: Double)], base: [(intent: Intent, score: Double)], fired: [String], favoured: Set<Intent>,
            decided: Set<Intent>) {
        var scores = raw
        var base = raw
        var fired: [String] = []
        var favoured = Set<Intent>()
        var decidedFor = Set<Intent>()
        var decided = false
        let found = cueWords(in: terms)
        for (c, cue) in cues.enumerated() {
            guard let word = found[c] else { continue }
            fired.append(cue.words[word].joined(separator: " "))
            favoured.formUnion(cue.intents)
            let boost = cue.boost ?? cueBoost
            for i in scores.indices where cue.intents.contains(scores[i].intent) { scores[i].score += boost }
            if cue.decides {
                decided = true
                decidedFor.formUnion(cue.intents)
                for i in base.indices where cue.intents.contains(base[i].intent) { base[i].score += boost }
            }
        }
        func byScore(_ a: (intent: Intent, score: Double), _ b: (intent: Intent, score: Double)) -> Bool {
            a.score != b.score ? a.score > b.score : a.intent < b.intent
        }
        if !fired.isEmpty { scores.sort(by: byScore) }
        if decided { base.sort(by: byScore) }
        return (scores, base, fired, favoured, decidedFor)
    }

    static func cueStarts(_ cues: [Cue]) -> [String: [(cue: Int, word: Int)]] {
        var starts: [String: [(cue: Int, word: Int)]] = [:]
        for (c, cue) in cues.enumerated() {
            for (w, words) in cue.words.enumerated() { starts[words[0], default: []].append((c, w)) }
        }
        return starts
    }

    /// For each cue, the first of its word sequences (in the order given) found anywhere in
    /// `terms`, or nil: one lookup per term instead of a scan per cue.
    func cueWords(in terms: [String]) -> [Int?] {
        var found = [Int?](repeating: nil, count: cues.count)
        if cueStarts.isEmpty && !cues.isEmpty {
            for (c, cue) in cues.enumerated() {
                found[c] = cue.words.firstIndex { w in terms.indices.contains { terms[$0...].starts(with: w) } }
            }
            return found
        }
        for i in terms.indices {
            guard let starts = cueStarts[terms[i]] else { continue }
            for (c, w) in starts where (found[c] ?? Int.max) > w && terms[i...].starts(with: cues[c].words[w]) { found[c] = w }
        }
        return found
    }
}
