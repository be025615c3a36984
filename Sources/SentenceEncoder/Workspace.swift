/// The scratch memory of one forward pass: one allocation per call, carved into the matrices
/// every layer reuses, so the pass itself allocates nothing. Per call rather than per encoder,
/// so one encoder serves several threads at once without a lock.
final class Workspace {
    let hidden: UnsafeMutablePointer<Float>
    let queryKeyValue: UnsafeMutablePointer<Float>
    let context: UnsafeMutablePointer<Float>
    let attended: UnsafeMutablePointer<Float>
    let intermediate: UnsafeMutablePointer<Float>
    let attentionScratch: UnsafeMutablePointer<Float>
    /// One panel's running sums for every row (see `Kernels.linear`).
    let sums: UnsafeMutablePointer<Float>
    private let memory: UnsafeMutableRawPointer

    /// Room for `rows` tokens in all, the longest sentence `longest` tokens.
    init(rows: Int, longest: Int, configuration: ModelConfiguration) {
        let hiddenSize = configuration.hiddenSize
        // Each piece a whole number of cache lines, so every row starts 32-byte aligned.
        let sizes = [rows * hiddenSize, rows * 3 * hiddenSize, rows * hiddenSize, rows * hiddenSize,
                     rows * configuration.intermediateSize, Attention.scratchCount(longest: longest),
                     (rows + 3) * WeightLayout.panelWidth]
        let rounded = sizes.map { ($0 + 15) / 16 * 16 }
        memory = UnsafeMutableRawPointer.allocate(byteCount: rounded.reduce(0, +) * 4, alignment: 64)
        var cursor = memory.bindMemory(to: Float.self, capacity: rounded.reduce(0, +))
        func take(_ index: Int) -> UnsafeMutablePointer<Float> {
            defer { cursor += rounded[index] }
            return cursor
        }
        hidden = take(0)
        queryKeyValue = take(1)
        context = take(2)
        attended = take(3)
        intermediate = take(4)
        attentionScratch = take(5)
        sums = take(6)
    }

    deinit {
        memory.deallocate()
    }
}
