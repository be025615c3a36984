/// What the walk (`IntentMatcher+Walk`) works with: a cursor per feature of the question, the
/// scratch memory laid out once per question, and the best documents kept so far.
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

    /// How many of a large intent's documents are scored before its walk (`bestOf`): the first
    /// (shortest) few holding each of the heaviest query features.
    static let seedFeatures = 2
    static let seedsPerFeature = 2

    /// Where each of a question's buffers lies in its one allocation.
    struct ScratchLayout {
        var size = 0
        var alignment = 8

        /// The offset of room for `count` values of type `T`.
        mutating func take<T>(_: T.Type, _ count: Int) -> Int {
            let align = MemoryLayout<T>.alignment
            alignment = max(alignment, align)
            let at = (size + align - 1) / align * align
            size = at + MemoryLayout<T>.stride * count
            return at
        }
    }

    /// Buffers reused from intent to intent (room in the question's one allocation).
    struct IntentScratch {
        /// The squared weight of each query feature, in line order.
        let weight2: UnsafeMutablePointer<Double>
        /// One intent's cursors, lightest first, and the query features a document holds.
        let order: UnsafeMutablePointer<Int>
        let hits: UnsafeMutablePointer<Int>
        /// The light features' weights per bit of the documents' feature summaries.
        let lightOnBit: UnsafeMutablePointer<Double>
        /// Per document of a small intent, its dot product so far, and which documents have one.
        let sums: UnsafeMutablePointer<Double>
        let touched: UnsafeMutablePointer<Int>
        /// The documents a walk scored before it began.
        let seeds: UnsafeMutablePointer<Int>
        /// `sums[..<zeroed]` are zero (set as far as the largest small intent so far: a question
        /// meets few, and zeroing room it never uses would cost more than the intents it scores).
        var zeroed = 0
    }

    /// An intent's best cosines so far (each document as many times as it has examples) and
    /// the example shown for the best.
    struct Best {
        let values: UnsafeMutablePointer<Double>
        let count: Int
        var filled = 0
        var example = -1

        init(values: UnsafeMutablePointer<Double>, count: Int) {
            self.values = values
            self.count = count
            values.initialize(repeating: 0, count: count)
        }

        /// Empty again (one per question, reused intent by intent).
        mutating func reset() {
            values.update(repeating: 0, count: count)
            filled = 0
            example = -1
        }

        /// The k-th best cosine once there are k, else 0.
        var floor: Double { filled == count ? values[count - 1] : 0 }

        /// Takes a document's cosine, counting it `copies` times; `shown` is its first example.
        @inline(__always)
        mutating func add(_ cosine: Double, copies: Int, shown: Int) {
            let k = count
            // Below the k-th best (hence below the best): nothing changes. Most come here.
            if filled == k && cosine < values[k - 1] { return }
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

    /// Every buffer one question needs, from one allocation (a dozen arrays, some regrown intent
    /// by intent, cost more than the smaller intents' scoring): the query's postings as cursors,
    /// intent by intent (`cursorStart`), each intent's in line order; the walks' scratch; the
    /// best cosines.
    struct QueryBuffers {
        let memory: UnsafeMutableRawPointer
        let cursors: UnsafeMutablePointer<Cursor>
        let cursorStart: UnsafeMutablePointer<Int>
        var scratch: IntentScratch
        var best: Best

        init(_ matcher: IntentMatcher, queryIDs: [Int]) {
            let intentCount = Intent.allCases.count
            var cursorTotal = 0
            for id in queryIDs { cursorTotal += Int(matcher.directoryStart[id + 1]) - Int(matcher.directoryStart[id]) }
            var largestSmall = 0
            for i in 0..<intentCount where Int(matcher.intentStart[i + 1] - matcher.intentStart[i]) <= matcher.smallIntent {
                largestSmall = max(largestSmall, Int(matcher.intentStart[i + 1] - matcher.intentStart[i]))
            }
            var layout = ScratchLayout()
            let cursorsAt = layout.take(Cursor.self, cursorTotal)
            let cursorStartAt = layout.take(Int.self, intentCount + 1)
            let fillAt = layout.take(Int.self, intentCount + 1)
            let weight2At = layout.take(Double.self, queryIDs.count)
            let orderAt = layout.take(Int.self, queryIDs.count)
            let hitsAt = layout.take(Int.self, queryIDs.count)
            let lightOnBitAt = layout.take(Double.self, 64)
            let valuesAt = layout.take(Double.self, matcher.nearest)
            let sumsAt = layout.take(Double.self, largestSmall)
            // One more than the documents: the small intents' loop writes one past the last it keeps.
            let touchedAt = layout.take(Int.self, largestSmall + 1)
            let seedsAt = layout.take(Int.self, IntentMatcher.seedFeatures * IntentMatcher.seedsPerFeature)
            memory = UnsafeMutableRawPointer.allocate(byteCount: max(1, layout.size), alignment: layout.alignment)
            cursorStart = (memory + cursorStartAt).bindMemory(to: Int.self, capacity: intentCount + 1)
            cursors = (memory + cursorsAt).bindMemory(to: Cursor.self, capacity: cursorTotal)
            let weight2 = (memory + weight2At).bindMemory(to: Double.self, capacity: queryIDs.count)
            for (q, id) in queryIDs.enumerated() { weight2[q] = matcher.idf[id] * matcher.idf[id] }
            scratch = IntentScratch(weight2: weight2, order: (memory + orderAt).bindMemory(to: Int.self, capacity: queryIDs.count),
                                    hits: (memory + hitsAt).bindMemory(to: Int.self, capacity: queryIDs.count),
                                    lightOnBit: (memory + lightOnBitAt).bindMemory(to: Double.self, capacity: 64),
                                    sums: (memory + sumsAt).bindMemory(to: Double.self, capacity: largestSmall),
                                    touched: (memory + touchedAt).bindMemory(to: Int.self, capacity: largestSmall + 1),
                                    seeds: (memory + seedsAt).bindMemory(to: Int.self, capacity: IntentMatcher.seedFeatures * IntentMatcher.seedsPerFeature))
            best = Best(values: (memory + valuesAt).bindMemory(to: Double.self, capacity: matcher.nearest), count: matcher.nearest)
            placeCursors(matcher, queryIDs, fill: (memory + fillAt).bindMemory(to: Int.self, capacity: intentCount + 1))
        }

        /// Each query feature's postings of each intent, as a cursor, intent by intent.
        private func placeCursors(_ matcher: IntentMatcher, _ queryIDs: [Int], fill: UnsafeMutablePointer<Int>) {
            let intentCount = Intent.allCases.count
            cursorStart.initialize(repeating: 0, count: intentCount + 1)
            for id in queryIDs {
                for entry in Int(matcher.directoryStart[id])..<Int(matcher.directoryStart[id + 1]) {
                    cursorStart[Int(matcher.directory[2 * entry]) + 1] += 1
                }
            }
            for i in 0..<intentCount { cursorStart[i + 1] += cursorStart[i] }
            fill.initialize(from: cursorStart, count: intentCount + 1)
            for (q, id) in queryIDs.enumerated() {
                let w = matcher.idf[id]
                let bit = matcher.featureBit[id]
                let first = Int(matcher.directoryStart[id]), last = Int(matcher.directoryStart[id + 1])
                for entry in first..<last {
                    let intent = Int(matcher.directory[2 * entry])
                    let end = entry + 1 < last ? Int(matcher.directory[2 * entry + 3]) : Int(matcher.postingStart[id + 1])
                    (cursors + fill[intent]).initialize(to: Cursor(position: Int(matcher.directory[2 * entry + 1]), end: end, weight2: w * w,
                                                                   bit: 1 << (bit & ~IntentMatcher.exactFlag), exact: bit & IntentMatcher.exactFlag != 0, query: q))
                    fill[intent] += 1
                }
            }
        }

        func deallocate() { memory.deallocate() }
    }
}
