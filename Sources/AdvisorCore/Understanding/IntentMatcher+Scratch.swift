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
}
