import Foundation
import SentenceEncoder

/// The meaning stage's model: the sentence encoder and the examples' vectors, which it reads
/// a line against. Shared by every session of an advisor.
///
/// The examples' vectors are gathered the first time a line needs them (or when the index is
/// built, `prepare()`), from the store on disk (`ExampleVectors`); only examples the store
/// does not hold are encoded, and the store is then written again for the next start.
public final class Meaning: @unchecked Sendable {
    let encoder: SentenceEncoder
    let settings: MeaningSettings
    let examples: ExampleTable
    /// Where the examples' vectors are kept, in order of preference.
    let stores: [String]
    private let index: LazyValue<MeaningIndex>

    init(encoder: SentenceEncoder, settings: MeaningSettings, examples: ExampleTable, stores: [String]) {
        self.encoder = encoder
        self.settings = settings
        self.examples = examples
        self.stores = stores
        index = LazyValue { Self.makeIndex(encoder: encoder, examples: examples, stores: stores) }
    }

    /// How the encoder reads `text`: every intent's score by meaning, best first.
    public func read(_ text: String) -> MeaningReading {
        index.value.reading(of: encoder.encode(text), nearest: settings.nearest)
    }

    /// The reading of `vector` (an encoded line) with one example left out, for `advisor check`.
    func read(vector: [Float], excluding example: Int) -> MeaningReading {
        index.value.reading(of: vector, nearest: settings.nearest, excluding: example)
    }

    /// The vector of example `i`, as stored.
    func vector(ofExample i: Int) -> [Float] {
        let index = index.value
        return Array(UnsafeBufferPointer(start: index.vectors + i * index.dimension, count: index.dimension))
    }

    /// Makes sure every example has its vector (encoding those the store lacks), so the first
    /// question does not pay for it.
    func prepare() { _ = index.value }

    /// How many examples were encoded to make the index (the rest came from the store).
    var encodedExamples: Int { index.value.encoded }

    /// The example with number `i`, as written (for `:why`).
    func example(_ i: Int) -> String { examples[i] }

    private static func makeIndex(encoder: SentenceEncoder, examples: ExampleTable, stores: [String]) -> MeaningIndex {
        let dimension = SentenceEncoder.dimension
        let keys = (0..<examples.count).map { ExampleVectors.key(examples[$0]) }
        let intentStart = (0...Intent.allCases.count).map { Int(examples.intentStart[$0]) }
        let found = stores.compactMap { ExampleVectors(path: $0, fingerprint: encoder.fingerprint, dimension: dimension) }
        // A store written for exactly these examples is used where it lies, wherever it is in
        // the list: an installed advisor's shipped store, or a `--data` copy's in the cache.
        if let exact = found.first(where: { $0.keys == keys }) {
            return MeaningIndex(dimension: dimension, vectors: exact.vectors, owner: exact.owner, intentStart: intentStart)
        }
        var row: [UInt64: (store: Int, row: Int)] = [:]
        for (s, store) in found.enumerated().reversed() { for (i, key) in store.keys.enumerated() { row[key] = (s, i) } }
        var vectors = [Float](repeating: 0, count: keys.count * dimension)
        var missing: [Int] = []
        for (i, key) in keys.enumerated() {
            if let (s, r) = row[key] {
                for d in 0..<dimension { vectors[i * dimension + d] = found[s].vectors[r * dimension + d] }
            } else {
                missing.append(i)
            }
        }
        encode(missing, of: examples, with: encoder, into: &vectors)
        let bytes = ExampleVectors.bytes(keys: keys, vectors: vectors, dimension: dimension, fingerprint: encoder.fingerprint)
        // Kept for the next start where it can be; without it the next start encodes again.
        for path in stores {
            let folder = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if (try? AtomicFile.write(bytes, to: path)) != nil { break }
        }
        let owner = VectorBuffer(vectors)
        var index = MeaningIndex(dimension: dimension, vectors: owner.pointer, owner: owner, intentStart: intentStart)
        index.encoded = missing.count
        return index
    }

    /// Encodes the examples numbered `which` into their rows of `vectors` (the encoder spreads
    /// a batch over the processor's cores).
    private static func encode(_ which: [Int], of examples: ExampleTable, with encoder: SentenceEncoder, into vectors: inout [Float]) {
        guard !which.isEmpty else { return }
        let dimension = SentenceEncoder.dimension
        for (vector, number) in zip(encoder.encode(batch: which.map { examples[$0] }), which) {
            vectors.replaceSubrange((number * dimension)..<((number + 1) * dimension), with: vector)
        }
    }
}

/// Owns gathered vectors at a fixed address for as long as a `MeaningIndex` points into them.
private final class VectorBuffer {
    let pointer: UnsafePointer<Float>

    init(_ values: [Float]) {
        let memory = UnsafeMutablePointer<Float>.allocate(capacity: max(1, values.count))
        memory.initialize(from: values, count: values.count)
        pointer = UnsafePointer(memory)
    }

    deinit { UnsafeMutablePointer(mutating: pointer).deallocate() }
}
