/// The walk that scores one intent's documents for a question (see `IntentMatcher`): every
/// posting added up for a small intent; for a large one, MaxScore over documents in order of
/// their norm, passing over those that provably cannot reach the intent's best so far.
extension IntentMatcher {
    /// Takes document `d` with dot product `dot` into `best`, unless it is left out: an
    /// exclusive feature the line lacks, or the leave-one-out example is its only one.
    @inline(__always)
    private func consider(_ d: Int, _ document: Summary, dot: Double, queryIDs: UnsafeBufferPointer<Int>, queryNorm: Double, excluded: Int?,
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
    func bestOf(intent: Int, cursors: UnsafeMutableBufferPointer<Cursor>, queryIDs: UnsafeBufferPointer<Int>, queryNorm: Double,
                excluded: Int?, excludedDocument: Int?, scratch: inout IntentScratch, best: inout Best) {
        best.reset()
        let firstDocument = Int(intentStart[intent]), lastDocument = Int(intentStart[intent + 1])
        var postingCount = 0
        for c in cursors { postingCount += c.end - c.position }

        // A small intent: every posting added up, as cheap as the walk below would be.
        if lastDocument - firstDocument <= smallIntent && postingCount <= smallIntent {
            let documents = lastDocument - firstDocument
            let sums = scratch.sums, touched = scratch.touched
            if scratch.zeroed < documents {
                (sums + scratch.zeroed).initialize(repeating: 0, count: documents - scratch.zeroed)
                scratch.zeroed = documents
            }
            // Feature by feature in line order, so each sum adds up in line order. Every
            // document of the first feature is new. (Pointers rather than ranges: a range's
            // checks cost as much as the additions.)
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
                consider(firstDocument + d, summary(firstDocument + d), dot: dot, queryIDs: queryIDs, queryNorm: queryNorm,
                         excluded: excluded, excludedDocument: excludedDocument, into: &best)
                perUnit = best.floor * queryNorm / (1 + 1e-9)
            }
            return
        }

        // Lightest first, for splitting off the features that cannot matter.
        var order = UnsafeMutableBufferPointer(start: scratch.order, count: cursors.count)
        for i in order.indices { order[i] = i }
        order.sort { cursors[$0].weight2 != cursors[$1].weight2 ? cursors[$0].weight2 < cursors[$1].weight2 : $0 < $1 }
        let lightOnBit = scratch.lightOnBit, hits = scratch.hits, weight2 = scratch.weight2
        // A margin far above rounding error, so that a skipped document could never have tied.
        let slack = 1 + 1e-9
        var next = firstDocument
        // `order[..<cut]` are the light features: no longer walked. Their weights per bit of
        // `summary`: a document can hold no more of them than its bits admit.
        var cut = 0
        var light = 0.0
        var lightBits: UInt64 = 0
        lightOnBit.initialize(repeating: 0, count: 64)

        // First the shortest few documents with the heaviest features, scored outright: the
        // likeliest to be among the best, so the k-th best is high from the start and the walk
        // passes over far more (it began with a floor of 0, raised only as it went). The walk
        // then leaves them out, so each document is taken once (and `Best` does not care in
        // what order). Their dot products as below: summed in line order, the features'
        // bits telling most without a look at the postings.
        let seeds = scratch.seeds
        var seedCount = 0
        var t = order.count, seeded = 0
        while t > 0 && seeded < Self.seedFeatures {
            t -= 1
            let c = order[t]
            let first = cursors[c].position, end = cursors[c].end
            guard first < end else { continue }
            seeded += 1
            for p in first..<min(end, first + Self.seedsPerFeature) {
                let d = Int(postings[p])
                guard !UnsafeBufferPointer(start: seeds, count: seedCount).contains(d) else { continue }
                seeds[seedCount] = d
                seedCount += 1
                let mayHold = postingBits[p]
                var dot = 0.0
                for other in cursors.indices where mayHold & cursors[other].bit != 0 {
                    if other != c && !cursors[other].exact {
                        let at = advance(cursors[other].position, end: cursors[other].end, to: d)
                        guard at < cursors[other].end && Int(postings[at]) == d else { continue }
                    }
                    dot += cursors[other].weight2
                }
                consider(d, summary(d), dot: dot, queryIDs: queryIDs, queryNorm: queryNorm, excluded: excluded,
                         excludedDocument: excludedDocument, into: &best)
            }
        }

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
                while cut < order.count {
                    let c = order[cut]
                    let w = cursors[c].position < cursors[c].end ? cursors[c].weight2 : 0
                    if (light + w) / bound * slack >= floor { break }
                    light += w
                    if w > 0 {
                        lightBits |= cursors[c].bit
                        lightOnBit[cursors[c].bit.trailingZeroBitCount] += w
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
            for t in cut..<order.count {
                let c = order[t]
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
                            most += lightOnBit[held.trailingZeroBitCount]
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
            // Scored before the walk began.
            if UnsafeBufferPointer(start: seeds, count: seedCount).contains(candidate) { continue }
            // What the features walked and the light ones it may hold could give it, at most,
            // from what lies beside the posting.
            let perNorm = floor * queryNorm
            if floor > 0 {
                let reach = perNorm * Double(postingNorm[at]) / slack
                if heavy + light < reach { continue }
                var held = postingBits[at] & lightBits
                var most = heavy
                while held != 0 {
                    most += lightOnBit[held.trailingZeroBitCount]
                    held &= held - 1
                }
                if most < reach { continue }
            }

            // The document's dot product: the features walked that are at it, and the light ones
            // its summary admits. A light feature with a bit of its own is held exactly when
            // the bit is set; the others are looked for in their own postings (which lie in
            // order, so this reads memory nearby, where fetching the document's features would
            // not). Summed in line order.
            var hitCount = 0
            for t in cut..<order.count {
                let c = order[t]
                let p = cursors[c].position
                if p < cursors[c].end && Int(postings[p]) == candidate { hits[hitCount] = cursors[c].query; hitCount += 1 }
            }
            // Heaviest first; once what the document can still hold falls short, it is passed over.
            let mayHold = postingBits[at]
            var most = heavy
            for t in 0..<cut {
                let c = order[t]
                if cursors[c].position < cursors[c].end && mayHold & cursors[c].bit != 0 { most += cursors[c].weight2 }
            }
            let reach = perNorm * Double(postingNorm[at]) / slack
            var t = cut
            var shortOf = false
            while t > 0 {
                t -= 1
                let c = order[t]
                let end = cursors[c].end
                guard cursors[c].position < end, mayHold & cursors[c].bit != 0 else { continue }
                if cursors[c].exact {
                    hits[hitCount] = cursors[c].query; hitCount += 1
                    continue
                }
                let p = Int(postings[cursors[c].position]) < candidate ? advance(cursors[c].position, end: end, to: candidate) : cursors[c].position
                cursors[c].position = p
                if p < end && Int(postings[p]) == candidate {
                    hits[hitCount] = cursors[c].query; hitCount += 1
                } else {
                    most -= cursors[c].weight2
                    if floor > 0 && most < reach { shortOf = true; break }
                }
            }
            if shortOf { continue }
            for i in 1..<max(1, hitCount) {
                let q = hits[i]
                var j = i
                while j > 0 && hits[j - 1] > q { hits[j] = hits[j - 1]; j -= 1 }
                hits[j] = q
            }
            var dot = 0.0
            for i in 0..<hitCount { dot += weight2[hits[i]] }
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
    private func holdsExclusive(_ document: Int, _ queryIDs: UnsafeBufferPointer<Int>) -> Bool {
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
