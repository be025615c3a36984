import Foundation

/// Scores a line against every intent's examples: TF-IDF over terms, term pairs and the
/// opening term, cosine similarity, and for each intent the best-matching examples.
///
/// The index is built once (`IntentMatcher+Building.swift`) and read in place from the
/// advisor's precompiled index, so loading it costs nothing. Examples with the same features
/// under one intent are kept once, with how many there are. Within an intent they are
/// numbered by length (vector norm), shortest first; this lets a question skip every example
/// that provably cannot reach the intent's best scores so far, so the cost of a question grows
/// far slower than the number of examples. The scores are exactly those of comparing the
/// line with every example, to the last bit: skipped examples are only ever ones that could
/// not change them, and every score is summed in the same order as before.
struct IntentMatcher: @unchecked Sendable {
    /// Keeps the bytes that the columns below point into alive.
    let bytes: IndexBytes
    /// Where this part lies in `bytes`, to be written again as it is.
    let blobRange: Range<Int>
    /// The features (terms, pairs "a b", the opening "^a", placeholders "#role"), by ID.
    let features: StringTable
    let idf: Column<Double>
    /// Per feature, the documents holding it (ascending), and per intent where they begin:
    /// `directory` holds pairs (intent index, first posting), `directoryStart` per feature.
    let postingStart: Column<UInt32>
    let postings: Column<UInt32>
    /// Beside each posting, what the walk needs to pass over its document without fetching
    /// it: the document's norm rounded down (a Float) and the 64 bits summarising its
    /// features (bit `featureBit[f]` for each feature f). Postings are read
    /// in order and documents at random, so most documents the walk passes over cost no
    /// cache miss at all.
    let postingNorm: Column<Float>
    let postingBits: Column<UInt64>
    /// Per feature, its bit in `postingBits`, with `exactFlag` when no other feature has it.
    let featureBit: Column<UInt8>
    /// Per feature, the intents `intentsUsing` lists for it.
    let usedBy: Column<UInt64>
    let directoryStart: Column<UInt32>
    let directory: Column<UInt32>
    /// Documents (examples with one intent and one feature set), intent by intent.
    let intentStart: Column<UInt32>
    let norm: Column<Double>
    /// The examples each document stands for (ascending; the first is the one shown), and
    /// the document of each example.
    let memberStart: Column<UInt32>
    let members: Column<UInt32>
    let documentOf: Column<UInt32>
    /// Per document, what is needed of it once it is found to score (`Summary`), side by side:
    /// its norm, its first example and number of examples, whether it holds exclusive features.
    let summary: Column<UInt64>

    /// The two words of a document's `summary`.
    struct Summary {
        static let words = 2
        let norm: Double
        let firstExample: Int
        let copies: Int
        let hasExclusive: Bool

        init(_ w: UnsafePointer<UInt64>) {
            norm = Double(bitPattern: w[0])
            firstExample = Int(w[1] & 0xFFFF_FFFF)
            copies = Int((w[1] >> 32) & 0x7FFF_FFFF)
            hasExclusive = w[1] >> 63 != 0
        }

        static func words(norm: Double, firstExample: Int, copies: Int, hasExclusive: Bool) -> [UInt64] {
            precondition(firstExample <= 0xFFFF_FFFF && copies <= 0x7FFF_FFFF)
            return [norm.bitPattern, UInt64(firstExample) | UInt64(copies) << 32 | (hasExclusive ? 1 << 63 : 0)]
        }
    }

    @inline(__always)
    func summary(_ d: Int) -> Summary { Summary(summary.start + Summary.words * d) }
    /// Features a document may hold only if the line holds them too (an example that names
    /// another field must not match a line that names none).
    let exclusiveStart: Column<UInt32>
    let exclusive: Column<UInt32>
    /// Weight of a word no example contains: it makes a line less like every intent.
    let unknownWeight: Double
    let maxIDF: Double
    /// How many of an intent's best examples are averaged into its score (1: the best alone).
    let nearest: Int
    /// Intents with at most this many documents and postings are scored by adding up every
    /// posting (a few hundred additions), larger ones by the walk that skips. (A test sets 0
    /// to check the walk on every intent.)
    var smallIntent = 512

    /// The features of a line of terms: each term, each adjacent pair, and the opening term.
    static func features(of terms: [String], opening: Bool = true) -> [String] {
        guard !terms.isEmpty else { return [] }
        var features = terms
        features.reserveCapacity(terms.count * 2 + 1)
        for i in 1..<terms.count { features.append(terms[i - 1] + " " + terms[i]) }
        if opening { features.append("^" + terms[0]) }
        return features
    }

    func isKnown(_ feature: String) -> Bool { features.position(of: feature) != nil }

    /// The intents (bit `Intent.ordinal` set) with an example that holds `feature` and would
    /// match a line of that one feature: exactly the intents `scores(features: [feature])`
    /// lists, worked out when the index is built (`usedBy`) rather than scored. An example that
    /// holds an exclusive feature other than this one would not match it, and does not count.
    func intentsUsing(_ feature: String) -> UInt64 {
        guard let id = features.position(of: feature) else { return 0 }
        return usedBy[id]
    }

    /// How many examples were indexed.
    var exampleCount: Int { documentOf.count }

    /// Each intent's score in [0, 1], highest first; ties in the contract's order so results
    /// are deterministic. A query's dot product with an example is summed over the query's
    /// features in line order (never a dictionary's), so every sum, and hence every tie,
    /// comes out the same on every run.
    /// - Parameter excluded: an example left out of the scoring, for `advisor check`'s
    ///   leave-one-out test (how an example fares when it is not there to match itself).
    func scores(features lineFeatures: [String], excluding excluded: Int? = nil) -> [(intent: Intent, score: Double, example: Int)] {
        guard let (ids, queryNorm) = query(lineFeatures) else { return [] }
        let intentCount = Intent.allCases.count
        var buffers = QueryBuffers(self, queryIDs: ids)
        defer { buffers.deallocate() }
        let cursorStart = buffers.cursorStart, cursors = buffers.cursors
        let excludedDocument = excluded.flatMap { $0 >= 0 && $0 < documentOf.count ? Int(documentOf[$0]) : nil }
        var result: [(intent: Intent, score: Double, example: Int)] = []
        result.reserveCapacity(intentCount)
        ids.withUnsafeBufferPointer { queryIDs in
            for (index, intent) in Intent.allCases.enumerated() where cursorStart[index] < cursorStart[index + 1] {
                bestOf(intent: index, cursors: UnsafeMutableBufferPointer(start: cursors + cursorStart[index], count: cursorStart[index + 1] - cursorStart[index]),
                       queryIDs: queryIDs, queryNorm: queryNorm, excluded: excluded, excludedDocument: excludedDocument,
                       scratch: &buffers.scratch, best: &buffers.best)
                let best = buffers.best
                guard best.example >= 0 else { continue }
                // The best example counts most; the next ones steady it against one lucky example.
                let k = nearest
                var score = best.values[0]
                if k > 1 {
                    var rest = 0.0
                    for j in 1..<k { rest += best.values[j] }
                    score = 0.7 * best.values[0] + 0.3 * rest / Double(k - 1)
                }
                result.append((intent, score, best.example))
            }
        }
        Self.sortByScore(&result)
        return result
    }

    /// The line's known features (each once, in line order) and the query's norm, in which an
    /// unknown word counts as the rarest known feature times `unknownWeight`; nil for a line
    /// of no weight.
    private func query(_ lineFeatures: [String]) -> (ids: [Int], norm: Double)? {
        var queryIDs: [Int] = []
        queryIDs.reserveCapacity(lineFeatures.count)
        var seen = Set<Int>()
        var norm2 = 0.0
        for feature in lineFeatures {
            if let id = features.position(of: feature) {
                let isNew = lineFeatures.count <= 32 ? !queryIDs.contains(id) : seen.insert(id).inserted
                if isNew {
                    queryIDs.append(id)
                    norm2 += idf[id] * idf[id]
                }
            } else if !feature.utf8.contains(UInt8(ascii: " ")) && !feature.hasPrefix("^") {
                let w = maxIDF * unknownWeight
                norm2 += w * w
            }
        }
        return norm2 > 0 ? (queryIDs, sqrt(norm2)) : nil
    }

    /// `result` is in the contract's order, so a stable sort on the score alone breaks ties by
    /// it: an insertion sort (a few dozen intents) moves an entry only past lower scores.
    private static func sortByScore(_ result: inout [(intent: Intent, score: Double, example: Int)]) {
        result.withUnsafeMutableBufferPointer { result in
            for i in result.indices.dropFirst() {
                let entry = result[i]
                var j = i
                while j > 0 && result[j - 1].score < entry.score {
                    result[j] = result[j - 1]
                    j -= 1
                }
                result[j] = entry
            }
        }
    }
}
