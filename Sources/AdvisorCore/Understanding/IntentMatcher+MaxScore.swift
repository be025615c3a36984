/// The walk of a large intent's documents (MaxScore), for `bestOf`: documents in order of
/// their norm, taking candidates from the postings of the query's features, passing over those
/// that provably cannot reach the intent's best so far.
///
/// A document's cosine is at most (the summed squared weights of the query features it holds)
/// / (query norm × its norm), and at most its norm / the query norm; every document still ahead
/// has a norm at least the next one's. So once the `nearest`-th best is known: documents too
/// short to reach it are skipped; features too light to lift a document to it on their own stop
/// supplying candidates (never to be walked again, as both the k-th best and the norms only
/// grow); and the walk ends when no feature is heavy enough. A candidate's dot product comes
/// from its own features.
extension IntentMatcher {
    /// The state of a large intent's walk (MaxScore).
    struct Walk {
        var query: Query
        /// The cursors lightest first, for splitting off the features that cannot matter:
        /// `order[..<cut]` are the light features, no longer walked, and their weights per bit
        /// of `summary` (a document can hold no more of them than its bits admit).
        let order: UnsafeMutableBufferPointer<Int>
        var cut = 0, light = 0.0, lightBits: UInt64 = 0
        let lightOnBit: UnsafeMutablePointer<Double>
        let hits: UnsafeMutablePointer<Int>, weight2: UnsafeMutablePointer<Double>
        let seeds: UnsafeMutablePointer<Int>  // the documents scored before the walk began
        var seedCount = 0
        /// The next document to walk, and a norm no document from it on is below.
        var next: Int, least = 0.0

        init(query: Query, scratch: IntentScratch) {
            self.query = query
            var order = UnsafeMutableBufferPointer(start: scratch.order, count: query.cursors.count)
            for i in order.indices { order[i] = i }
            let cursors = query.cursors
            order.sort { cursors[$0].weight2 != cursors[$1].weight2 ? cursors[$0].weight2 < cursors[$1].weight2 : $0 < $1 }
            self.order = order
            lightOnBit = scratch.lightOnBit
            lightOnBit.initialize(repeating: 0, count: 64)
            hits = scratch.hits
            weight2 = scratch.weight2
            seeds = scratch.seeds
            next = query.firstDocument
        }

        func isSeed(_ d: Int) -> Bool { UnsafeBufferPointer(start: seeds, count: seedCount).contains(d) }
    }

    /// A margin far above rounding error, so that a skipped document could never have tied.
    static let slack = 1 + 1e-9

    /// First the shortest few documents with the heaviest features, scored outright: the
    /// likeliest to be among the best, so the k-th best is high from the start and the walk
    /// passes over far more (it began with a floor of 0, raised only as it went). The walk
    /// then leaves them out, so each document is taken once (and `Best` does not care in
    /// what order). Their dot products as below: summed in line order, the features' bits
    /// telling most without a look at the postings.
    @inline(__always)
    func seed(_ walk: inout Walk, best: inout Best) {
        let cursors = walk.query.cursors
        var t = walk.order.count, seeded = 0
        while t > 0 && seeded < Self.seedFeatures {
            t -= 1
            let c = walk.order[t]
            let first = cursors[c].position, end = cursors[c].end
            guard first < end else { continue }
            seeded += 1
            for p in first..<min(end, first + Self.seedsPerFeature) {
                let d = Int(postings[p])
                guard !walk.isSeed(d) else { continue }
                walk.seeds[walk.seedCount] = d
                walk.seedCount += 1
                let mayHold = postingBits[p]
                var dot = 0.0
                for other in cursors.indices where mayHold & cursors[other].bit != 0 {
                    if other != c && !cursors[other].exact {
                        let at = advance(cursors[other].position, end: cursors[other].end, to: d)
                        guard at < cursors[other].end && Int(postings[at]) == d else { continue }
                    }
                    dot += cursors[other].weight2
                }
                consider(d, summary(d), dot: dot, walk.query, into: &best)
            }
        }
    }

    /// The walk proper: candidates in order of their norm from the postings of the features
    /// still walked, each scored unless it provably cannot reach the k-th best.
    @inline(__always)
    func maxScore(_ walk: inout Walk, best: inout Best) {
        walk.least = norm[walk.next]
        while walk.next < walk.query.lastDocument {
            let floor = best.floor
            if floor > 0 { guard passOver(&walk, floor: floor) else { break } }
            guard var candidate = nextCandidate(&walk) else { break }
            // Up to the next document another feature walked reaches, the candidates come from
            // one feature alone: those that cannot reach the k-th best with it and the light
            // features they may hold are passed over here, without looking at the others again.
            if floor > 0 && candidate.alone >= 0 {
                guard let reached = passOverAlone(&walk, candidate, floor: floor) else { continue }
                candidate = reached
            }
            walk.next = candidate.document + 1
            walk.least = Double(postingNorm[candidate.at])
            // Scored before the walk began.
            if walk.isSeed(candidate.document) { continue }
            let perNorm = floor * walk.query.norm
            if floor > 0 {
                let reach = perNorm * Double(postingNorm[candidate.at]) / Self.slack
                if candidate.heavy + walk.light < reach || mostHeld(walk, heavy: candidate.heavy, at: candidate.at) < reach { continue }
            }
            guard let dot = dotProduct(&walk, candidate, perNorm: perNorm, floor: floor) else { continue }
            consider(candidate.document, summary(candidate.document), dot: dot, walk.query, into: &best)
        }
    }

    /// Passes over the documents too short to reach `floor` and splits off the features too
    /// light to lift a document to it on their own. False when no document is left.
    @inline(__always)
    func passOver(_ walk: inout Walk, floor: Double) -> Bool {
        let shortest = floor * walk.query.norm / Self.slack
        if walk.least < shortest && norm[walk.next] < shortest {
            var low = walk.next, high = walk.query.lastDocument
            while low < high {
                let mid = (low + high) / 2
                if norm[mid] < shortest { low = mid + 1 } else { high = mid }
            }
            walk.next = low
            guard walk.next < walk.query.lastDocument else { return false }
            walk.least = norm[walk.next]
        }
        let bound = walk.query.norm * walk.least
        let cursors = walk.query.cursors
        while walk.cut < walk.order.count {
            let c = walk.order[walk.cut]
            let w = cursors[c].position < cursors[c].end ? cursors[c].weight2 : 0
            if (walk.light + w) / bound * Self.slack >= floor { break }
            walk.light += w
            if w > 0 {
                walk.lightBits |= cursors[c].bit
                walk.lightOnBit[cursors[c].bit.trailingZeroBitCount] += w
            }
            walk.cut += 1
        }
        return true
    }

    /// The next document a feature walked reaches, with the weight of those that reach it, and
    /// its posting in the list of the feature that reached it first.
    struct Candidate {
        var document: Int
        var heavy: Double
        var at: Int
        /// The next document after it that a feature walked reaches, and the one feature that
        /// reaches it (-1 when several do).
        var second: Int
        var alone: Int
    }

    @inline(__always)
    func nextCandidate(_ walk: inout Walk) -> Candidate? {
        var found = Candidate(document: Int.max, heavy: 0, at: 0, second: Int.max, alone: -1)
        let cursors = walk.query.cursors
        for t in walk.cut..<walk.order.count {
            let c = walk.order[t]
            var p = cursors[c].position
            let end = cursors[c].end
            guard p < end else { continue }
            if Int(postings[p]) < walk.next {
                p = advance(p, end: end, to: walk.next)
                cursors[c].position = p
                guard p < end else { continue }
            }
            let d = Int(postings[p])
            if d < found.document {
                found.second = found.document
                found.document = d
                found.heavy = cursors[c].weight2
                found.at = p
                found.alone = c
            } else if d == found.document {
                found.heavy += cursors[c].weight2
                found.alone = -1
            } else if d < found.second {
                found.second = d
            }
        }
        return found.document == Int.max ? nil : found
    }

    /// Along the one feature that alone reaches the candidate, the first document that may
    /// reach `floor`, or nil (the walk moved on to the next document another feature reaches).
    @inline(__always)
    func passOverAlone(_ walk: inout Walk, _ candidate: Candidate, floor: Double) -> Candidate? {
        let cursors = walk.query.cursors, alone = candidate.alone, second = candidate.second
        let end = cursors[alone].end
        var p = candidate.at
        // Per unit of norm, what a document must reach (no division in the loop: it ran at a
        // division's latency).
        let perUnit = floor * walk.query.norm / Self.slack
        let normAtMost = (candidate.heavy + walk.light) / perUnit
        while true {
            let norm = Double(postingNorm[p])
            if norm <= normAtMost {
                if mostHeld(walk, heavy: candidate.heavy, at: p) >= perUnit * norm { break }
            } else {
                // Norms only grow along a posting list (documents are numbered by norm), so no
                // later document this feature alone reaches can do better: straight on to the
                // next one another feature reaches.
                p = second == Int.max ? end : advance(p, end: end, to: second)
                break
            }
            p += 1
            if p == end || Int(postings[p]) >= second { break }
        }
        cursors[alone].position = p
        walk.least = Double(postingNorm[p - (p == end || Int(postings[p]) >= second ? 1 : 0)])
        guard p < end && Int(postings[p]) < second else {
            walk.next = second == Int.max ? walk.query.lastDocument : second
            return nil
        }
        var reached = candidate
        reached.document = Int(postings[p])
        reached.at = p
        return reached
    }

    /// What the features walked (`heavy`) and the light ones the document at posting `p` may
    /// hold could give it, at most, from what lies beside the posting.
    @inline(__always)
    func mostHeld(_ walk: Walk, heavy: Double, at p: Int) -> Double {
        var held = postingBits[p] & walk.lightBits
        var most = heavy
        while held != 0 {
            most += walk.lightOnBit[held.trailingZeroBitCount]
            held &= held - 1
        }
        return most
    }

    /// The candidate's dot product, or nil once it is sure to fall short of the k-th best: the
    /// features walked that are at it, and the light ones its summary admits. A light feature
    /// with a bit of its own is held exactly when the bit is set; the others are looked for in
    /// their own postings (which lie in order, so this reads memory nearby, where fetching the
    /// document's features would not). Summed in line order.
    @inline(__always)
    func dotProduct(_ walk: inout Walk, _ candidate: Candidate, perNorm: Double, floor: Double) -> Double? {
        let cursors = walk.query.cursors, hits = walk.hits, at = candidate.at
        var hitCount = 0
        for t in walk.cut..<walk.order.count {
            let c = walk.order[t]
            let p = cursors[c].position
            if p < cursors[c].end && Int(postings[p]) == candidate.document { hits[hitCount] = cursors[c].query; hitCount += 1 }
        }
        // Heaviest first; once what the document can still hold falls short, it is passed over.
        let mayHold = postingBits[at]
        var most = candidate.heavy
        for t in 0..<walk.cut {
            let c = walk.order[t]
            if cursors[c].position < cursors[c].end && mayHold & cursors[c].bit != 0 { most += cursors[c].weight2 }
        }
        let reach = perNorm * Double(postingNorm[at]) / Self.slack
        var t = walk.cut
        while t > 0 {
            t -= 1
            let c = walk.order[t]
            let end = cursors[c].end
            guard cursors[c].position < end, mayHold & cursors[c].bit != 0 else { continue }
            if cursors[c].exact {
                hits[hitCount] = cursors[c].query; hitCount += 1
                continue
            }
            let p = Int(postings[cursors[c].position]) < candidate.document
                ? advance(cursors[c].position, end: end, to: candidate.document) : cursors[c].position
            cursors[c].position = p
            if p < end && Int(postings[p]) == candidate.document {
                hits[hitCount] = cursors[c].query; hitCount += 1
            } else {
                most -= cursors[c].weight2
                if floor > 0 && most < reach { return nil }
            }
        }
        for i in 1..<max(1, hitCount) {
            let q = hits[i]
            var j = i
            while j > 0 && hits[j - 1] > q { hits[j] = hits[j - 1]; j -= 1 }
            hits[j] = q
        }
        var dot = 0.0
        for i in 0..<hitCount { dot += walk.weight2[hits[i]] }
        // Only a document that may reach the k-th best (or tie it) is fetched.
        if floor > 0 && dot * (1 + 1e-9) < perNorm * Double(postingNorm[at]) { return nil }
        return dot
    }
}
