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
    /// it: the document's norm rounded down (a Float) and 32 bits summarising its features
    /// (bit `Self.bit32(f)` for each feature f).
    let postingNorm: Column<Float>
    let postingBits: Column<UInt32>
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
    /// Each document's own features, ascending (for the features no longer walked).
    let documentFeatureStart: Column<UInt32>
    let documentFeatures: Column<UInt32>
    /// Per document, what a question needs of it side by side, so that one cache line holds
    /// it all (`Summary`): its norm, a 64-bit summary of its features (bit `Self.bit(f)` for
    /// each feature f), its first example and number of examples, where its features are.
    let summary: Column<UInt64>

    /// The four words of a document's `summary`.
    struct Summary {
        static let words = 4
        let norm: Double
        let bits: UInt64
        let firstExample: Int
        let copies: Int
        let featureStart: Int
        let featureCount: Int
        let hasExclusive: Bool

        init(_ w: UnsafePointer<UInt64>) {
            norm = Double(bitPattern: w[0])
            bits = w[1]
            firstExample = Int(w[2] & 0xFFFF_FFFF)
            copies = Int(w[2] >> 32)
            featureStart = Int(w[3] & 0xFFFF_FFFF)
            featureCount = Int((w[3] >> 32) & 0x7FFF_FFFF)
            hasExclusive = w[3] >> 63 != 0
        }

        static func words(norm: Double, bits: UInt64, firstExample: Int, copies: Int, featureStart: Int, featureCount: Int,
                          hasExclusive: Bool) -> [UInt64] {
            precondition(firstExample <= 0xFFFF_FFFF && copies <= 0xFFFF_FFFF && featureStart <= 0xFFFF_FFFF && featureCount <= 0x7FFF_FFFF)
            return [norm.bitPattern, bits, UInt64(firstExample) | UInt64(copies) << 32,
                    UInt64(featureStart) | UInt64(featureCount) << 32 | (hasExclusive ? 1 << 63 : 0)]
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

    /// How many examples were indexed.
    var exampleCount: Int { documentOf.count }

    /// Each intent's score in [0, 1], highest first; ties in the contract's order so results
    /// are deterministic. A query's dot product with an example is summed over the query's
    /// features in line order (never a dictionary's), so every sum, and hence every tie,
    /// comes out the same on every run.
    /// - Parameter excluded: an example left out of the scoring, for `advisor check`'s
    ///   leave-one-out test (how an example fares when it is not there to match itself).
    func scores(features lineFeatures: [String], excluding excluded: Int? = nil) -> [(intent: Intent, score: Double, example: Int)] {
        var queryIDs: [Int] = []
        var queryWeights: [Double] = []
        queryIDs.reserveCapacity(lineFeatures.count)
        queryWeights.reserveCapacity(lineFeatures.count)
        var seen = Set<Int>()
        var norm2 = 0.0
        for feature in lineFeatures {
            if let id = features.position(of: feature) {
                let isNew = lineFeatures.count <= 32 ? !queryIDs.contains(id) : seen.insert(id).inserted
                if isNew {
                    queryIDs.append(id)
                    queryWeights.append(idf[id])
                    norm2 += idf[id] * idf[id]
                }
            } else if !feature.utf8.contains(UInt8(ascii: " ")) && !feature.hasPrefix("^") {
                let w = maxIDF * unknownWeight
                norm2 += w * w
            }
        }
        guard norm2 > 0 else { return [] }
        let queryNorm = sqrt(norm2)

        // The query's postings, intent by intent, each intent's in line order.
        let intentCount = Intent.allCases.count
        var cursorCount = [Int](repeating: 0, count: intentCount + 1)
        for id in queryIDs {
            for entry in Int(directoryStart[id])..<Int(directoryStart[id + 1]) { cursorCount[Int(directory[2 * entry]) + 1] += 1 }
        }
        for i in 0..<intentCount { cursorCount[i + 1] += cursorCount[i] }
        var cursors = [Cursor](repeating: Cursor(position: 0, end: 0, weight2: 0, feature: 0), count: cursorCount[intentCount])
        var fill = cursorCount
        for (q, id) in queryIDs.enumerated() {
            let w = queryWeights[q]
            let first = Int(directoryStart[id]), last = Int(directoryStart[id + 1])
            for entry in first..<last {
                let intent = Int(directory[2 * entry])
                let end = entry + 1 < last ? Int(directory[2 * entry + 3]) : Int(postingStart[id + 1])
                cursors[fill[intent]] = Cursor(position: Int(directory[2 * entry + 1]), end: end, weight2: w * w, feature: id)
                fill[intent] += 1
            }
        }

        let excludedDocument = excluded.flatMap { $0 >= 0 && $0 < documentOf.count ? Int(documentOf[$0]) : nil }
        var result: [(intent: Intent, score: Double, example: Int)] = []
        var scratch = IntentScratch(queryIDs: queryIDs, weights: queryWeights)
        var best = Best(nearest)
        for (index, intent) in Intent.allCases.enumerated() where cursorCount[index] < cursorCount[index + 1] {
            cursors.withUnsafeMutableBufferPointer { all in
                bestOf(intent: index, cursors: UnsafeMutableBufferPointer(rebasing: all[cursorCount[index]..<cursorCount[index + 1]]),
                       queryIDs: queryIDs, queryNorm: queryNorm, excluded: excluded, excludedDocument: excludedDocument,
                       scratch: &scratch, best: &best)
            }
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
        // `result` is in the contract's order, so a stable sort on the score alone breaks ties by it.
        return result.enumerated().sorted { a, b in
            a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
        }.map(\.element)
    }

    /// One of the query's features, restricted to one intent's documents.
    struct Cursor {
        var position: Int
        let end: Int
        let weight2: Double
        let feature: Int
    }

    /// The query's features by ID (open addressing), and buffers reused from intent to intent.
    struct IntentScratch {
        var order: [Int] = []
        var slotFeature: [UInt32]
        var slotPosition: [Int]
        /// One bit per query feature (ID mod 64): most of a document's features miss it.
        var mask: UInt64 = 0
        /// The squared weight of each query feature, in line order.
        var weight2: [Double]
        var hits: [Int] = []
        /// Per document of a small intent, its dot product so far, and which documents have one.
        var sums: [Double] = []
        var touched: [Int] = []
        /// The light features' weights per bit of the documents' feature summaries.
        var lightOnBit = [Double](repeating: 0, count: 64)
        var lightOnBit32 = [Double](repeating: 0, count: 32)

        init(queryIDs: [Int], weights: [Double]) {
            var size = 16
            while size < 2 * queryIDs.count { size *= 2 }
            slotFeature = [UInt32](repeating: .max, count: size)
            slotPosition = [Int](repeating: -1, count: size)
            weight2 = weights.map { $0 * $0 }
            for (q, id) in queryIDs.enumerated() {
                var slot = Self.slot(UInt32(id), size)
                while slotFeature[slot] != .max { slot = (slot + 1) & (size - 1) }
                slotFeature[slot] = UInt32(id)
                slotPosition[slot] = q
                mask |= 1 << UInt64(id & 63)
            }
        }

        @inline(__always)
        static func slot(_ feature: UInt32, _ size: Int) -> Int { Int(truncatingIfNeeded: (feature &* 0x9E37_79B1) >> 7) & (size - 1) }

        /// The line-order position of a feature of the query, or -1.
        @inline(__always)
        func position(of feature: UInt32) -> Int {
            guard mask & (1 << UInt64(feature & 63)) != 0 else { return -1 }
            let size = slotFeature.count
            var slot = Self.slot(feature, size)
            while true {
                let f = slotFeature[slot]
                if f == feature { return slotPosition[slot] }
                if f == .max { return -1 }
                slot = (slot + 1) & (size - 1)
            }
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
    /// of all examples with the best cosine, the first in the data. Nil when no example of the
    /// intent shares a feature with the line.
    ///
    /// The documents are walked in order of their norm, taking candidates from the postings of
    /// the query's features (MaxScore). A document's cosine is at most (the summed squared
    /// weights of the query features it holds) / (query norm × its norm), and at most its norm
    /// / the query norm; every document still ahead has a norm at least the next one's. So once
    /// the `nearest`-th best is known: documents too short to reach it are skipped; features
    /// too light to lift a document to it on their own stop supplying candidates (never to be
    /// walked again, as both the k-th best and the norms only grow); and the walk ends when no
    /// feature is heavy enough. A candidate's dot product comes from its own features.
    private func bestOf(intent: Int, cursors: UnsafeMutableBufferPointer<Cursor>, queryIDs: [Int], queryNorm: Double,
                        excluded: Int?, excludedDocument: Int?, scratch: inout IntentScratch, best: inout Best) {
        best.reset()
        let firstDocument = Int(intentStart[intent]), lastDocument = Int(intentStart[intent + 1])
        var postingCount = 0
        for c in cursors { postingCount += c.end - c.position }

        // A small intent: every posting added up, as cheap as the walk below would be.
        if lastDocument - firstDocument <= smallIntent && postingCount <= smallIntent {
            if scratch.sums.isEmpty { scratch.sums = [Double](repeating: 0, count: smallIntent) }
            scratch.touched.removeAll(keepingCapacity: true)
            scratch.sums.withUnsafeMutableBufferPointer { sums in
                // Feature by feature in line order, so each sum adds up in line order.
                for c in cursors {
                    for p in c.position..<c.end {
                        let d = Int(postings[p]) - firstDocument
                        if sums[d] == 0 { scratch.touched.append(d) }
                        sums[d] += c.weight2
                    }
                }
                for d in scratch.touched {
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
        var lightBits32: UInt32 = 0
        for b in 0..<32 { scratch.lightOnBit32[b] = 0 }

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
                        let b = Int(Self.bit(cursors[c].feature))
                        lightBits |= 1 << UInt64(b)
                        scratch.lightOnBit[b] += w
                        let b32 = Int(Self.bit32(cursors[c].feature))
                        lightBits32 |= 1 << UInt32(b32)
                        scratch.lightOnBit32[b32] += w
                    }
                    cut += 1
                }
            }
            var candidate = Int.max
            var heavy = 0.0
            var at = 0
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
                    candidate = d
                    heavy = cursors[c].weight2
                    at = p
                } else if d == candidate {
                    heavy += cursors[c].weight2
                }
            }
            guard candidate != Int.max else { break }
            next = candidate + 1
            least = Double(postingNorm[at])
            // What the features walked and the light ones it may hold could give it, at most:
            // first from what lies beside the posting, then from the document itself.
            if floor > 0 {
                let reach = floor * queryNorm * Double(postingNorm[at]) / slack
                if heavy + light < reach { continue }
                var held = postingBits[at] & lightBits32
                var most = heavy
                while held != 0 {
                    most += scratch.lightOnBit32[held.trailingZeroBitCount]
                    held &= held - 1
                }
                if most < reach { continue }
            }
            let document = summary(candidate)
            if floor > 0 {
                let reach = floor * queryNorm * document.norm / slack
                if heavy + light < reach { continue }
                var held = document.bits & lightBits
                var most = heavy
                while held != 0 {
                    most += scratch.lightOnBit[held.trailingZeroBitCount]
                    held &= held - 1
                }
                if most < reach { continue }
            }

            // The document's dot product: the query features among its own, summed in line order.
            scratch.hits.removeAll(keepingCapacity: true)
            for f in document.featureStart..<(document.featureStart + document.featureCount) {
                let q = scratch.position(of: documentFeatures[f])
                if q >= 0 {
                    var j = scratch.hits.count
                    scratch.hits.append(q)
                    while j > 0 && scratch.hits[j - 1] > q { scratch.hits[j] = scratch.hits[j - 1]; j -= 1 }
                    scratch.hits[j] = q
                }
            }
            var dot = 0.0
            for q in scratch.hits { dot += scratch.weight2[q] }
            consider(candidate, document, dot: dot, queryIDs: queryIDs, queryNorm: queryNorm, excluded: excluded,
                     excludedDocument: excludedDocument, into: &best)
        }
    }

    /// The bit of a document's feature summary that stands for feature `id`.
    @inline(__always)
    static func bit(_ id: Int) -> UInt64 { UInt64(truncatingIfNeeded: UInt64(truncatingIfNeeded: id) &* 0x9E37_79B9_7F4A_7C15) >> 58 }

    /// The bit of a posting's 32-bit feature summary that stands for feature `id`.
    @inline(__always)
    static func bit32(_ id: Int) -> UInt32 { UInt32(truncatingIfNeeded: (UInt64(truncatingIfNeeded: id) &* 0xC2B2_AE3D_27D4_EB4F) >> 59) }

    /// Intents with at most this many documents and postings are scored by adding up every
    /// posting (a few hundred additions), larger ones by the walk that skips. (A test sets 0
    /// to check the walk on every intent.)
    var smallIntent = 512

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

