/// Corrects words the advisor has never seen to the closest word it knows ("salray" →
/// "salary"), by restricted Damerau-Levenshtein distance.
///
/// Guards, so that real words are not turned into something else: words under four letters
/// and numbers are left alone, a 4–5 letter word may move by one edit and a longer one by
/// two, and the vocabulary includes everyday words from the out-of-scope examples, so
/// "weather" stays "weather" instead of becoming some domain word.
struct SpellingCorrector: Sendable {
    /// Known words by length, each with how often the data uses it (ties go to the commoner).
    private var byLength: [Int: [(word: [Unicode.Scalar], text: String, count: Int)]] = [:]
    private var known: Set<String> = []
    /// Stems of the known words, so an unseen inflection ("pythons") counts as known.
    private var knownStems: Set<String> = []

    /// - Parameters:
    ///   - words: the advisor's own vocabulary, the only words a correction may produce.
    ///   - everyday: common English words that are known (never corrected) but never produced.
    init(words: [String], everyday: [String] = []) {
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

    /// The correction for `word`, or nil when it is known, too short, or nothing is close.
    func correction(for word: String) -> String? {
        if isKnown(word) { return nil }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 4, scalars.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        let limit = scalars.count <= 5 ? 1 : 2
        var best: (text: String, distance: Int, count: Int)?
        for length in (scalars.count - limit)...(scalars.count + limit) {
            for candidate in byLength[length] ?? [] {
                let bound = best.map { min($0.distance, limit) } ?? limit
                guard let d = Self.distance(scalars, candidate.word, limit: bound) else { continue }
                if best == nil || d < best!.distance || (d == best!.distance && candidate.count > best!.count) {
                    best = (candidate.text, d, candidate.count)
                }
            }
        }
        return best?.text
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
