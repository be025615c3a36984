/// The network over the mapped weights: embeddings, then post-norm BERT layers (attention,
/// residual, layer norm; feed-forward with GELU, residual, layer norm), then mean pooling and
/// L2 normalisation as sentence-transformers' Pooling and Normalize modules do.
struct Transformer: @unchecked Sendable {
    struct Norm {
        let scale: UnsafePointer<Float>
        let shift: UnsafePointer<Float>
    }

    struct Layer {
        let queryKeyValue: PackedLinear
        let attentionOutput: PackedLinear
        let attentionNorm: Norm
        let intermediate: PackedLinear
        let output: PackedLinear
        let outputNorm: Norm
    }

    let configuration: ModelConfiguration
    let wordEmbeddings: UnsafePointer<Float16>
    let positionEmbeddings: UnsafePointer<Float16>
    let embeddingNorm: Norm
    let layers: [Layer]

    init(weights: UnsafeRawPointer, layout: WeightLayout, configuration: ModelConfiguration) {
        func floats(_ offset: Int) -> UnsafePointer<Float> { (weights + offset).assumingMemoryBound(to: Float.self) }
        func halves(_ offset: Int) -> UnsafePointer<Float16> { (weights + offset).assumingMemoryBound(to: Float16.self) }
        func linear(_ l: WeightLayout.Linear) -> PackedLinear {
            PackedLinear(panels: halves(l.panels), bias: floats(l.bias), inputCount: l.inputCount, outputCount: l.outputCount)
        }
        func norm(_ n: WeightLayout.Norm) -> Norm { Norm(scale: floats(n.scale), shift: floats(n.shift)) }
        self.configuration = configuration
        wordEmbeddings = halves(layout.wordEmbeddings)
        positionEmbeddings = halves(layout.positionEmbeddings)
        embeddingNorm = norm(layout.embeddingNorm)
        layers = layout.layers.map { layer in
            Layer(queryKeyValue: linear(layer.queryKeyValue), attentionOutput: linear(layer.attentionOutput),
                  attentionNorm: norm(layer.attentionNorm), intermediate: linear(layer.intermediate),
                  output: linear(layer.output), outputNorm: norm(layer.outputNorm))
        }
    }

    /// Runs `tokens` (the sentences' ids one after another; `sentences` are their row ranges)
    /// through the network together and writes each sentence's unit vector to `pooled`.
    func embed(tokens: [Int32], sentences: [Range<Int>], workspace: Workspace, pooled: UnsafeMutablePointer<Float>) {
        let hidden = configuration.hiddenSize
        let rows = tokens.count
        let epsilon = configuration.layerNormEpsilon
        for sentence in sentences {
            for (position, row) in sentence.enumerated() {
                let word = wordEmbeddings + Int(tokens[row]) * hidden
                let place = positionEmbeddings + position * hidden
                let target = workspace.hidden + row * hidden
                for lane in stride(from: 0, to: hidden, by: 8) {
                    let sum = SIMD8<Float>(UnsafeRawPointer(word + lane).loadUnaligned(as: SIMD8<Float16>.self))
                        + SIMD8<Float>(UnsafeRawPointer(place + lane).loadUnaligned(as: SIMD8<Float16>.self))
                    UnsafeMutableRawPointer(target + lane).storeBytes(of: sum, as: SIMD8<Float>.self)
                }
            }
        }
        LayerNorm.apply(workspace.hidden, count: rows, width: hidden,
                             scale: embeddingNorm.scale, shift: embeddingNorm.shift, epsilon: epsilon)
        for layer in layers {
            Kernels.linear(layer.queryKeyValue, input: workspace.hidden, rows: rows, output: workspace.queryKeyValue, epilogue: .plain, sums: workspace.sums)
            for sentence in sentences {
                Attention.attend(queryKeyValue: workspace.queryKeyValue, hidden: hidden, sentence: sentence,
                                 context: workspace.context, scratch: workspace.attentionScratch)
            }
            Kernels.linear(layer.attentionOutput, input: workspace.context, rows: rows, output: workspace.attended,
                           epilogue: .addResidual(workspace.hidden), sums: workspace.sums)
            LayerNorm.apply(workspace.attended, count: rows, width: hidden,
                                 scale: layer.attentionNorm.scale, shift: layer.attentionNorm.shift, epsilon: epsilon)
            Kernels.linear(layer.intermediate, input: workspace.attended, rows: rows, output: workspace.intermediate, epilogue: .gelu, sums: workspace.sums)
            Kernels.linear(layer.output, input: workspace.intermediate, rows: rows, output: workspace.hidden,
                           epilogue: .addResidual(workspace.attended), sums: workspace.sums)
            LayerNorm.apply(workspace.hidden, count: rows, width: hidden,
                                 scale: layer.outputNorm.scale, shift: layer.outputNorm.shift, epsilon: epsilon)
        }
        for (index, sentence) in sentences.enumerated() {
            meanPool(workspace.hidden, rows: sentence, width: hidden, into: pooled + index * hidden)
        }
    }

    /// The mean of the sentence's rows, scaled to unit length (a zero vector stays zero).
    private func meanPool(_ states: UnsafePointer<Float>, rows: Range<Int>, width: Int, into target: UnsafeMutablePointer<Float>) {
        for column in 0..<width { target[column] = 0 }
        for row in rows {
            for column in 0..<width { target[column] += states[row * width + column] }
        }
        let count = Float(rows.count)
        var norm: Float = 0
        for column in 0..<width {
            target[column] /= count
            norm += target[column] * target[column]
        }
        let inverse = 1 / max(norm.squareRoot(), 1e-12)
        for column in 0..<width { target[column] *= inverse }
    }
}
