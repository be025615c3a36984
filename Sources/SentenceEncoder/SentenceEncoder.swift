import Dispatch
import Foundation

/// all-MiniLM-L6-v2 sentence embeddings in plain Swift, from a model file `ModelConversion`
/// wrote: the same vectors as sentence-transformers' `encode(…, normalize_embeddings=True)`
/// (cosine ≥ 0.999 to the reference; the weights are fp16), in a few milliseconds on one core.
///
/// Immutable after `init`; every call allocates its own scratch, so one encoder may be used from
/// several threads at once. The kernels need AVX2, FMA and F16C (the target is built for Haswell).
public final class SentenceEncoder: @unchecked Sendable {
    /// The length of every vector.
    public static let dimension = 384

    /// An identity of the weights and vocabulary (16 hex digits, computed at conversion), so
    /// vectors cached with one model are never used with another.
    public let fingerprint: String

    private let file: ModelFile
    private let tokenizer: WordPieceTokenizer
    private let transformer: Transformer

    /// Rows per forward pass in batch mode: enough that each weight panel read from memory
    /// serves many rows, few enough that the pass's activations stay in the core's L2 cache.
    static let rowsPerPass = 96

    /// Maps a converted model file (see `ModelConversion`). Throws an `EncoderError` naming the
    /// file when it is missing, truncated, of another format version, or corrupt.
    public init(contentsOf path: String) throws {
        let file = try ModelFile(path: path)
        self.file = file
        tokenizer = WordPieceTokenizer(vocabulary: file.vocabulary, configuration: file.header.configuration)
        transformer = Transformer(weights: file.weights, layout: file.layout, configuration: file.header.configuration)
        let digits = String(file.header.fingerprint, radix: 16)
        fingerprint = String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The L2-normalised mean-pooled embedding, truncating at 256 tokens as the reference does.
    /// Empty text still gives the vector of `[CLS] [SEP]`.
    public func encode(_ text: String) -> [Float] {
        let tokens = tokenizer.tokenIDs(text)
        return run(tokens, sentences: [0..<tokens.count])[0]
    }

    /// Several sentences, each with the vector it gets alone (to the bit: sentences share the
    /// passes over the weights but never see each other's tokens), several times faster per
    /// sentence than one at a time. Passes of about `rowsPerPass` tokens run on all cores
    /// (one core tops out near 48 G multiply-adds/s, about 350 questions/s).
    public func encode(batch texts: [String]) -> [[Float]] {
        let tokens = texts.map(tokenizer.tokenIDs)
        let passes = Self.passes(tokens.map(\.count))
        var vectors = [[Float]](repeating: [], count: texts.count)
        let workers = min(passes.count, Self.workerCount)
        vectors.withUnsafeMutableBufferPointer { buffer in
            let output = SharedOutput(vectors: buffer)
            let queue = PassQueue(count: passes.count)
            let work: @Sendable (Int) -> Void = { _ in
                while let pass = queue.next() {
                    let range = passes[pass]
                    var ids: [Int32] = []
                    var sentences: [Range<Int>] = []
                    for index in range {
                        sentences.append(ids.count..<(ids.count + tokens[index].count))
                        ids += tokens[index]
                    }
                    for (offset, vector) in self.run(ids, sentences: sentences).enumerated() {
                        output.vectors[range.lowerBound + offset] = vector
                    }
                }
            }
            if workers > 1 {
                DispatchQueue.concurrentPerform(iterations: workers, execute: work)
            } else if workers == 1 {
                work(0)
            }
        }
        return vectors
    }

    /// Consecutive runs of sentences of at most `rowsPerPass` tokens (a longer one alone).
    static func passes(_ lengths: [Int]) -> [Range<Int>] {
        var passes: [Range<Int>] = []
        var start = 0, rows = 0
        for (index, length) in lengths.enumerated() {
            if index > start && rows + length > rowsPerPass {
                passes.append(start..<index)
                start = index
                rows = 0
            }
            rows += length
        }
        if start < lengths.count { passes.append(start..<lengths.count) }
        return passes
    }

    /// Threads for a batch: the cores this process may use, at most 8.
    static let workerCount = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))

    /// The token ids the network reads, `[CLS]` (101) first and `[SEP]` (102) last.
    public func tokenIDs(_ text: String) -> [Int32] {
        tokenizer.tokenIDs(text)
    }

    /// The vocabulary's text for each id ("##" marks a piece that continues a word).
    public func tokens(_ ids: [Int32]) -> [String] {
        ids.map(file.vocabulary.token)
    }

    private func run(_ tokens: [Int32], sentences: [Range<Int>]) -> [[Float]] {
        let longest = sentences.map(\.count).max() ?? 0
        let workspace = Workspace(rows: tokens.count, longest: longest, configuration: transformer.configuration)
        let width = Self.dimension
        let pooled = UnsafeMutablePointer<Float>.allocate(capacity: sentences.count * width)
        defer { pooled.deallocate() }
        transformer.embed(tokens: tokens, sentences: sentences, workspace: workspace, pooled: pooled)
        return (0..<sentences.count).map { Array(UnsafeBufferPointer(start: pooled + $0 * width, count: width)) }
    }
}

/// The batch's result slots, written by several workers at distinct indices.
private struct SharedOutput: @unchecked Sendable {
    let vectors: UnsafeMutableBufferPointer<[Float]>
}

/// Hands out a batch's passes one at a time, so a worker on a busy core takes fewer of them.
private final class PassQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = 0
    private let count: Int

    init(count: Int) {
        self.count = count
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard taken < count else { return nil }
        taken += 1
        return taken - 1
    }
}
