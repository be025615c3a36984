/// The walk that scores one intent's documents for a question (see `IntentMatcher`): every
/// posting added up for a small intent; for a large one, MaxScore over documents in order of
/// their norm, passing over those that provably cannot reach the intent's best so far.
extension IntentMatcher {
    /// Takes document `d` with dot product `dot` into `best`, unless it is left out: an
    /// exclusive feature the line lacks, or the leave-one-out example is its only one.
    @inline(__always)
    func consider(_ d: Int, _ document: Summary, dot: Double, _ query: Query, into best: inout Best) {
        // As when every example was compared: one that shares no weight with the line is not a match.
        guard dot > 0 else { return }
        if document.hasExclusive { guard holdsExclusive(d, query.ids) else { return } }
        var copies = document.copies
        var shown = document.firstExample
        if d == query.excludedDocument, let excluded = query.excluded {
            copies -= 1
            if shown == excluded, copies > 0 { shown = Int(members[Int(memberStart[d]) + 1]) }
        }
        guard copies > 0 else { return }
        best.add(dot / (query.norm * document.norm), copies: copies, shown: shown)
    }

    /// The `nearest` best cosines of one intent's documents into `best` (highest first, each
    /// document counted as many times as it has examples), and the example shown for the best:
    /// of all examples with the best cosine, the first in the data (`best.example` stays -1
    /// when no example of the intent shares a feature with the line).
    /// A small intent's postings are added up (`addUp`); a large intent's documents are walked
    /// in order of their norm (MaxScore, `IntentMatcher+MaxScore.swift`).
    func bestOf(intent: Int, cursors: UnsafeMutableBufferPointer<Cursor>, queryIDs: UnsafeBufferPointer<Int>, queryNorm: Double,
                excluded: Int?, excludedDocument: Int?, scratch: inout IntentScratch, best: inout Best) {
        best.reset()
        let query = Query(cursors: cursors, ids: queryIDs, norm: queryNorm, excluded: excluded, excludedDocument: excludedDocument,
                          firstDocument: Int(intentStart[intent]), lastDocument: Int(intentStart[intent + 1]))
        var postingCount = 0
        for c in cursors { postingCount += c.end - c.position }
        // A small intent: every posting added up, as cheap as the walk below would be.
        if query.lastDocument - query.firstDocument <= smallIntent && postingCount <= smallIntent {
            addUp(query, scratch: &scratch, best: &best)
            return
        }
        var walk = Walk(query: query, scratch: scratch)
        seed(&walk, best: &best)
        maxScore(&walk, best: &best)
    }

    /// The line as the walk of one intent sees it.
    struct Query {
        let cursors: UnsafeMutableBufferPointer<Cursor>
        let ids: UnsafeBufferPointer<Int>
        let norm: Double
        let excluded: Int?, excludedDocument: Int?
        let firstDocument: Int, lastDocument: Int
    }

    /// Every posting of a small intent added up, feature by feature in line order, so each sum
    /// adds up in line order. Every document of the first feature is new. (Pointers rather
    /// than ranges: a range's checks cost as much as the additions.)
    @inline(__always)
    private func addUp(_ query: Query, scratch: inout IntentScratch, best: inout Best) {
        let cursors = query.cursors, firstDocument = query.firstDocument
        let documents = query.lastDocument - firstDocument
        let sums = scratch.sums, touched = scratch.touched
        if scratch.zeroed < documents {
            (sums + scratch.zeroed).initialize(repeating: 0, count: documents - scratch.zeroed)
            scratch.zeroed = documents
        }
        var touchedCount = 0
        var p = postings.start + cursors[0].position
        var end = postings.start + cursors[0].end
        let w = cursors[0].weight2
        while p < end {
            let d = Int(p.pointee) - firstDocument
            touched[touchedCount] = d
            touchedCount &+= 1
            sums[d] = w
            p += 1
        }
        for c in cursors.dropFirst() {
            let w = c.weight2
            p = postings.start + c.position
            end = postings.start + c.end
            while p < end {
                let d = Int(p.pointee) - firstDocument
                let sum = sums[d]
                // Written every time and kept the first (a document is new about as often
                // as not: a branch on it was mispredicted half the time).
                touched[touchedCount] = d
                touchedCount &+= sum == 0 ? 1 : 0
                sums[d] = sum + w
                p += 1
            }
        }
        // Most cannot reach the k-th best, and one multiplication tells: a document needs a
        // dot product of `perUnit` per unit of its norm (less a margin for rounding, so that
        // no document that might tie is passed over). The norms lie side by side, at half
        // the stride of the documents' summaries.
        let norms = norm.start + firstDocument
        var perUnit = 0.0
        for i in 0..<touchedCount {
            let d = touched[i]
            let dot = sums[d]
            sums[d] = 0
            if dot < perUnit * norms[d] { continue }
            consider(firstDocument + d, summary(firstDocument + d), dot: dot, query, into: &best)
            perUnit = best.floor * query.norm / (1 + 1e-9)
        }
    }

    /// How many bits of a document's feature summary stand each for one feature, the features
    /// in most documents (the light ones a walk looks up most); the other features share the
    /// remaining bits.
    static let exactBits = 24

    /// The bit of the feature summary for each feature: the `exactBits` features in most
    /// documents (ties by ID) one each, with `exactFlag` set; every other feature one of the
    /// rest by its ID.
    static func featureBits(postingCounts: [Int]) -> [UInt8] {
        let shared = 64 - exactBits
        var bits = postingCounts.indices.map { UInt8(exactBits + Int((UInt64($0) &* 0x9E37_79B9_7F4A_7C15) >> 32) % shared) }
        let byFrequency = postingCounts.indices.sorted { postingCounts[$0] != postingCounts[$1] ? postingCounts[$0] > postingCounts[$1] : $0 < $1 }
        for (rank, id) in byFrequency.prefix(exactBits).enumerated() { bits[id] = UInt8(rank) | exactFlag }
        return bits
    }

    static let exactFlag: UInt8 = 0x80

    /// Whether the line holds every exclusive feature of the document.
    @inline(__always)
    func holdsExclusive(_ document: Int, _ queryIDs: UnsafeBufferPointer<Int>) -> Bool {
        let first = Int(exclusiveStart[document]), end = Int(exclusiveStart[document + 1])
        guard first < end else { return true }
        for e in first..<end where !queryIDs.contains(Int(exclusive[e])) { return false }
        return true
    }

    /// The first posting at or after `p` that is not below `target`: galloping, then binary search.
    @inline(__always)
    func advance(_ p: Int, end: Int, to target: Int) -> Int {
        var low = p, step = 1
        var high = p + 1
        while high < end && Int(postings[high]) < target {
            low = high
            step *= 2
            high = p + step
        }
        high = min(high, end)
        while low < high {
            let mid = (low + high) / 2
            if Int(postings[mid]) < target { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
