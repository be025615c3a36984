import SentenceEncoder

/// The examples' vectors in the example table's order, and the scoring of a line's vector
/// against all of them: a dot product per example (every vector is unit length, so it is
/// the cosine), then per intent its closest few.
///
/// ~8,000 examples of 384 numbers: three million multiply-adds, a fraction of a millisecond,
/// far less than encoding the line itself.
struct MeaningIndex: @unchecked Sendable {
    let dimension: Int
    /// Row i is example i's vector.
    let vectors: UnsafePointer<Float>
    /// Keeps `vectors` alive: the mapped store, or the array they were gathered into.
    let owner: AnyObject
    /// Intent i's examples are `intentStart[i] ..< intentStart[i + 1]` (the example table's).
    let intentStart: [Int]
    /// How many examples were encoded to make this index (the rest were in the store).
    var encoded = 0

    var count: Int { intentStart.last ?? 0 }

    /// The reading of a line's (unit) vector. `excluded`, an example left out, is for the
    /// leave-one-out check of `advisor check`.
    func reading(of query: [Float], nearest k: Int, excluding excluded: Int? = nil) -> MeaningReading {
        precondition(query.count == dimension)
        var cosines = [Float](repeating: 0, count: count)
        query.withUnsafeBufferPointer { q in
            cosines.withUnsafeMutableBufferPointer { out in
                Similarity.dots(q.baseAddress!, vectors, count: count, dimension: dimension, into: out.baseAddress!)
            }
        }
        if let excluded, cosines.indices.contains(excluded) { cosines[excluded] = -1 }
        var scores: [(intent: Intent, score: Double)] = []
        var best: [(intent: Intent, example: Int, cosine: Double)] = []
        var top = [Float](repeating: 0, count: k)
        for (i, intent) in Intent.allCases.enumerated() where intentStart[i] < intentStart[i + 1] {
            // The k highest cosines of this intent, highest first (k is a handful).
            for j in 0..<k { top[j] = -2 }
            var bestExample = intentStart[i]
            for e in intentStart[i]..<intentStart[i + 1] {
                let c = cosines[e]
                guard c > top[k - 1] else { continue }
                if c > top[0] { bestExample = e }
                var j = k - 1
                while j > 0 && top[j - 1] < c { top[j] = top[j - 1]; j -= 1 }
                top[j] = c
            }
            let found = min(k, intentStart[i + 1] - intentStart[i])
            var score = Double(top[0])
            if found > 1 {
                var rest = 0.0
                for j in 1..<found { rest += Double(top[j]) }
                score = 0.7 * score + 0.3 * rest / Double(found - 1)
            }
            scores.append((intent, score))
            best.append((intent, bestExample, Double(top[0])))
        }
        // Stable on the contract's order, so ties come out the same on every run.
        let order = scores.indices.sorted { scores[$0].score != scores[$1].score ? scores[$0].score > scores[$1].score : $0 < $1 }
        return MeaningReading(scores: order.map { scores[$0] }, nearest: order.prefix(4).map { best[$0] })
    }
}
