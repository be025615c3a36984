/// The walk that scores one intent's documents for a question (see `IntentMatcher`): every
/// posting added up for a small intent; for a large one, MaxScore over documents in order of
/// their norm, passing over those that provably cannot reach the intent's best so far.
extension IntentMatcher {
    /// One of the query's features, restricted to one intent's documents.
    struct Cursor {
        var position: Int
        let end: Int
        let weight2: Double
        /// The feature's bit in the documents' feature summaries (`featureBit`).
        let bit: UInt64
        /// Whether that bit stands for this feature alone: set exactly when the document holds it.
        let exact: Bool
        /// The feature's place in the line (summing in line order keeps every sum the same).
        let query: Int
    }

    /// Buffers reused from intent to intent.
    struct IntentScratch {
        var order: [Int] = []
        /// The squared weight of each query feature, in line order.
        var weight2: [Double]
        var hits: [Int] = []
        /// Per document of a small intent, its dot product so far, and which documents have one.
        var sums: [Double] = []
        var touched: [Int] = []
        /// The light features' weights per bit of the documents' feature summaries.
        var lightOnBit = [Double](repeating: 0, count: 64)

        init(weights: [Double]) {
            weight2 = weights.map { $0 * $0 }
        }
    }

    /// An intent's best cosines so far (each document as many times as it has examples) and
    /// the example shown for the best.
    struct Best {
        var values: [Double]
        var filled = 0
        var example = -1

        init(_ k: Int) { values = [Double](repeating: 0, count: k) }

        /// Empty again, keeping its storage (one per question, reused intent by intent).
        mutating func reset() {
            for j in values.indices { values[j] = 0 }
            filled = 0
            example = -1
        }

        /// The k-th best cosine once there are k, else 0.
        var floor: Double { filled == values.count ? values[values.count - 1] : 0 }

        /// Takes a document's cosine, counting it `copies` times; `shown` is its first example.
        mutating func add(_ cosine: Double, copies: Int, shown: Int) {
            let k = values.count
            // Of all examples with the best cosine, the first in the data is shown.
            if example < 0 || cosine > values[0] {
                example = shown
            } else if cosine == values[0] && shown < example {
                example = shown
            }
            for _ in 0..<min(copies, k) {
                guard cosine > values[k - 1] else { break }
                var j = k - 1
                while j > 0 && values[j - 1] < cosine { values[j] = values[j - 1]; j -= 1 }
                values[j] = cosine
                filled = min(k, filled + 1)
            }
        }
    }

    /// Takes document `d` with dot product `dot` into `best`, unless it is left out: an
    /// exclusive feature the line lacks, or the leave-one-out example is its only one.
    @inline(__always)
    private func consider(_ d: Int, _ document: Summary, dot: Double, queryIDs: [Int], queryNorm: Double, excluded: Int?,
                          excludedDocument: Int?, into best: inout Best) {
        // As when every example was compared: one that shares no weight with the line is not a match.
        guard dot > 0 else { return }
        if document.hasExclusive { guard holdsExclusive(d, queryIDs) else { return } }
        var copies = document.copies
        var shown = document.firstExample
        if d == excludedDocument, let excluded {
            copies -= 1
            if shown == excluded, copies > 0 { shown = Int(members[Int(memberStart[d]) + 1]) }
        }
        guard copies > 0 else { return }
        best.add(dot / (queryNorm * document.norm), copies: copies, shown: shown)
    }

    /// The `nearest` best cosines of one intent's documents into `best` (highest first, each
    /// document counted as many times as it has examples), and the example shown for the best:
    /// of all examples with the best cosine, the first in the data (`best.example` stays -1
    /// when no example of the intent shares a feature with the line).
    ///
    /// The documents are walked in order of their norm, taking candidates from the postings of
    /// the query's features (MaxScore). A document's cosine is at most (the summed squared
    /// weights of the query features it holds) / (query norm × its norm), and at most its norm
    /// / the query norm; every document still ahead has a norm at least the next one's. So once
    /// the `nearest`-th best is known: documents too short to reach it are skipped; features
    /// too light to lift a document to it on their own stop supplying candidates (never to be
    /// walked again, as both the k-th best and the norms only grow); and the walk ends when no
    /// feature is heavy enough. A candidate's dot product comes from its own features.
    func bestOf(intent: Int, cursors: UnsafeMutableBufferPointer<Cursor>, queryIDs: [Int], queryNorm: Double,
                excluded: Int?, excludedDocument: Int?, scratch: inout IntentScratch, best: inout Best) {
        best.reset()
        let firstDocument = Int(intentStart[intent]), lastDocument = Int(intentStart[intent + 1])
        var postingCount = 0
        for c in cursors { postingCount += c.end - c.position }

        // A small intent: every posting added up, as cheap as the walk below would be.
        if lastDocument - firstDocument <= smallIntent && postingCount <= smallIntent {
            // As large as the largest small intent so far (a question meets few), not as
            // `smallIntent`: zeroing room it never uses cost more than the intents it scores.
            let documents = lastDocument - firstDocument
            if scratch.sums.count < documents {
                scratch.sums = [Double](repeating: 0, count: documents)
                scratch.touched = [Int](repeating: 0, count: documents)
            }
            // Plain buffers, not arrays, in the loop that adds up every posting: an append
            // asks whether the array is shared every time.
            var touchedCount = 0
            scratch.touched.withUnsafeMutableBufferPointer { touched in
            scratch.sums.withUnsafeMutableBufferPointer { sums in
                // Feature by feature in line order, so each sum adds up in line order.
                for c in cursors {
                    for p in c.position..<c.end {
                        let d = Int(postings[p]) - firstDocument
                        if sums[d] == 0 {
                            touched[touchedCount] = d
                            touchedCount += 1
                        }
                        sums[d] += c.weight2
                    }
                }
                for d in touched[..<touchedCount] {
                    let dot = sums[d]
                    sums[d] = 0
                    // Most cannot reach the k-th best: one multiplication tells (with a margin
                    // for rounding, so that no document that might tie is passed over).
                    let floor = best.floor
                    let document = summary(firstDocument + d)
                    if floor > 0 && dot * (1 + 1e-9) < floor * (queryNorm * document.norm) { continue }
                    consider(firstDocument + d, document, dot: dot, queryIDs: queryIDs, queryNorm: queryNorm, excluded: excluded,
                             excludedDocument: excludedDocument, into: &best)
                }
            }
            }
            return
        }

        // Lightest first, for splitting off the features that cannot matter.
        scratch.order.removeAll(keepingCapacity: true)
        scratch.order.append(contentsOf: 0..<cursors.count)
        scratch.order.sort { cursors[$0].weight2 != cursors[$1].weight2 ? cursors[$0].weight2 < cursors[$1].weight2 : $0 < $1 }
        // A margin far above rounding error, so that a skipped document could never have tied.
        let slack = 1 + 1e-9
        var next = firstDocument
        // `order[..<cut]` are the light features: no longer walked. Their weights per bit of
        // `summary`: a document can hold no more of them than its bits admit.
        var cut = 0
        var light = 0.0
        var lightBits: UInt64 = 0
        for b in 0..<64 { scratch.lightOnBit[b] = 0 }

        // A norm no document from `next` on is below (the last candidate's, rounded down: it
        // lies beside its posting, so the walk never fetches a document just for its norm).
        var least = norm[next]
        while next < lastDocument {
            let floor = best.floor
            if floor > 0 {
                let shortest = floor * queryNorm / slack
                if least < shortest && norm[next] < shortest {
                    var low = next, high = lastDocument
                    while low < high {
                        let mid = (low + high) / 2
                        if norm[mid] < shortest { low = mid + 1 } else { high = mid }
                    }
                    next = low
                    guard next < lastDocument else { break }
                    least = norm[next]
                }
                let bound = queryNorm * least
                while cut < scratch.order.count {
                    let c = scratch.order[cut]
                    let w = cursors[c].position < cursors[c].end ? cursors[c].weight2 : 0
                    if (light + w) / bound * slack >= floor { break }
                    light += w
                    if w > 0 {
                        lightBits |= cursors[c].bit
                        scratch.lightOnBit[cursors[c].bit.trailingZeroBitCount] += w
                    }
                    cut += 1
                }
            }
            var candidate = Int.max
            var heavy = 0.0
            var at = 0
            // The next document after the candidate that a feature walked reaches, and the one
            // feature that reaches the candidate (-1 when several do).
            var second = Int.max
            var alone = -1
            for t in cut..<scratch.order.count {
                let c = scratch.order[t]
                var p = cursors[c].position
                let end = cursors[c].end
                guard p < end else { continue }
                if Int(postings[p]) < next {
                    p = advance(p, end: end, to: next)
                    cursors[c].position = p
                    guard p < end else { continue }
                }
                let d = Int(postings[p])
                if d < candidate {
                    second = candidate
                    candidate = d
                    heavy = cursors[c].weight2
                    at = p
                    alone = c
                } else if d == candidate {
                    heavy += cursors[c].weight2
                    alone = -1
                } else if d < second {
                    second = d
                }
            }
            guard candidate != Int.max else { break }
            // Up to the next document another feature walked reaches, the candidates come from
            // one feature alone: those that cannot reach the k-th best with it and the light
            // features they may hold are passed over here, without looking at the others again.
            if floor > 0 && alone >= 0 {
                let end = cursors[alone].end
                var p = at
                // Per unit of norm, what a document must reach (no division in the loop: it ran
                // at a division's latency).
                let perUnit = floor * queryNorm / slack
                let normAtMost = (heavy + light) / perUnit
                while true {
                    let norm = Double(postingNorm[p])
                    if norm <= normAtMost {
                        let reach = perUnit * norm
                        var held = postingBits[p] & lightBits
                        var most = heavy
                        while held != 0 {
                            most += scratch.lightOnBit[held.trailingZeroBitCount]
                            held &= held - 1
                        }
                        if most >= reach { break }
                    } else {
                        // Norms only grow along a posting list (documents are numbered by
                        // norm), so no later document this feature alone reaches can do better:
                        // straight on to the next one another feature reaches.
                        p = second == Int.max ? end : advance(p, end: end, to: second)
                        break
                    }
                    p += 1
                    if p == end || Int(postings[p]) >= second { break }
                }
                cursors[alone].position = p
                least = Double(postingNorm[p - (p == end || Int(postings[p]) >= second ? 1 : 0)])
                guard p < end && Int(postings[p]) < second else {
                    next = second == Int.max ? lastDocument : second
                    continue
                }
                candidate = Int(postings[p])
                at = p
            }
            next = candidate + 1
            least = Double(postingNorm[at])
            // What the features walked and the light ones it may hold could give it, at most,
            // from what lies beside the posting.
            let perNorm = floor * queryNorm
            if floor > 0 {
                let reach = perNorm * Double(postingNorm[at]) / slack
                if heavy + light < reach { continue }
                var held = postingBits[at] & lightBits
                var most = heavy
                while held != 0 {
                    most += scratch.lightOnBit[held.trailingZeroBitCount]
                    held &= held - 1
                }
                if most < reach { continue }
            }

            // The document's dot product: the features walked that are at it, and the light ones
            // its summary admits. A light feature with a bit of its own is held exactly when
            // the bit is set; the others are looked for in their own postings (which lie in
            // order, so this reads memory nearby, where fetching the document's features would
            // not). Summed in line order.
            scratch.hits.removeAll(keepingCapacity: true)
            for t in cut..<scratch.order.count {
                let c = scratch.order[t]
                let p = cursors[c].position
                if p < cursors[c].end && Int(postings[p]) == candidate { scratch.hits.append(cursors[c].query) }
            }
            // Heaviest first; once what the document can still hold falls short, it is passed over.
            let mayHold = postingBits[at]
            var most = heavy
            for t in 0..<cut {
                let c = scratch.order[t]
                if cursors[c].position < cursors[c].end && mayHold & cursors[c].bit != 0 { most += cursors[c].weight2 }
            }
            let reach = perNorm * Double(postingNorm[at]) / slack
            var t = cut
            var shortOf = false
            while t > 0 {
                t -= 1
                let c = scratch.order[t]
                let end = cursors[c].end
                guard cursors[c].position < end, mayHold & cursors[c].bit != 0 else { continue }
                if cursors[c].exact {
                    scratch.hits.append(cursors[c].query)
                    continue
                }
                let p = Int(postings[cursors[c].position]) < candidate ? advance(cursors[c].position, end: end, to: candidate) : cursors[c].position
                cursors[c].position = p
                if p < end && Int(postings[p]) == candidate {
                    scratch.hits.append(cursors[c].query)
                } else {
                    most -= cursors[c].weight2
                    if floor > 0 && most < reach { shortOf = true; break }
                }
            }
            if shortOf { continue }
            for i in scratch.hits.indices.dropFirst() {
                let q = scratch.hits[i]
                var j = i
                while j > 0 && scratch.hits[j - 1] > q { scratch.hits[j] = scratch.hits[j - 1]; j -= 1 }
                scratch.hits[j] = q
            }
            var dot = 0.0
            for q in scratch.hits { dot += scratch.weight2[q] }
            // Only a document that may reach the k-th best (or tie it) is fetched.
            if floor > 0 && dot * (1 + 1e-9) < perNorm * Double(postingNorm[at]) { continue }
            consider(candidate, summary(candidate), dot: dot, queryIDs: queryIDs, queryNorm: queryNorm, excluded: excluded,
                     excludedDocument: excludedDocument, into: &best)
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
    private func holdsExclusive(_ document: Int, _ queryIDs: [Int]) -> Bool {
        let first = Int(exclusiveStart[document]), end = Int(exclusiveStart[document + 1])
        guard first < end else { return true }
        for e in first..<end where !queryIDs.contains(Int(exclusive[e])) { return false }
        return true
    }

    /// The first posting at or after `p` that is not below `target`: galloping, then binary search.
    @inline(__always)
    private func advance(_ p: Int, end: Int, to target: Int) -> Int {
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
