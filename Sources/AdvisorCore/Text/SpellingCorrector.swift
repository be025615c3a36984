/// Corrects words the advisor has never seen to the closest word it knows ("salray" →
/// "salary"), by restricted Damerau-Levenshtein distance.
///
/// Guards, so that real words are not turned into something else: numbers are left alone, a
/// 3–5 letter word may move by one edit and a longer one by two, everyday English words are
/// never corrected, and (in `LanguageModel`) a three-letter word is corrected only where the
/// result completes a known name ("ful stack" → "full stack").
struct SpellingCorrector: Sendable {
    /// Known words by length, each with how often the data uses it (ties go to the commoner).
    private var byLength: [Int: [(word: [Unicode.Scalar], text: String, count: Int)]] = [:]
    private var known: Set<String> = []
    /// Stems of the known words, so an unseen inflection ("pythons") counts as known.
    private var knownStems: Set<String> = []
    private let preferred: Set<String>

    /// - Parameters:
    ///   - words: the advisor's own vocabulary, the only words a correction may produce.
    ///   - everyday: common English words that are known (never corrected) but never produced.
    ///   - preferred: words that win a tie (the names of roles and tools: in this domain
    ///     "rbuy" is likelier Ruby than "buy").
    init(words: [String], everyday: [String] = [], preferred: Set<String> = []) {
        self.preferred = preferred
        var counts: [String: Int] = [:]
        for word in words { counts[word, default: 0] += 1 }
        knownStems = Set(counts.keys.map(Stemmer.stem))
        known = Set(counts.keys).union(everyday)
        for (word, count) in counts where word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) {
            let scalars = Array(word.unicodeScalars)
            byLength[scalars.count, default: []].append((scalars, word, count))
        }
        for key in byLength.keys {
            byLength[key]!.sort { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }
        }
    }

    func isKnown(_ word: String) -> Bool { known.contains(word) || knownStems.contains(Stemmer.stem(word)) }

    /// The words `word` may be a typo of: all at the smallest distance, commonest first.
    /// Empty when it is known, not a word, or nothing is close. Three-letter words get
    /// candidates too, but the caller accepts one only where it completes a known phrase.
    func candidates(for word: String) -> [String] {
        if isKnown(word) { return [] }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3, scalars.allSatisfy({ $0.properties.isAlphabetic }) else { return [] }
        let limit = scalars.count <= 5 ? 1 : 2
        var best: [(text: String, count: Int)] = []
        var bestDistance = limit + 1
        for length in (scalars.count - limit)...(scalars.count + limit) {
            for candidate in byLength[length] ?? [] {
                guard let d = Self.distance(scalars, candidate.word, limit: min(bestDistance, limit)) else { continue }
                if d < bestDistance { bestDistance = d; best = [] }
                if d == bestDistance { best.append((candidate.text, candidate.count)) }
            }
        }
        return best.sorted { a, b in
            let (pa, pb) = (preferred.contains(a.text), preferred.contains(b.text))
            if pa != pb { return pa }
            return a.count != b.count ? a.count > b.count : a.text < b.text
        }.map(\.text)
    }

    /// Optimal-string-alignment distance, or nil once it must exceed `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        let d = previous[b.count]
        return d <= limit ? d : nil
    }
}
