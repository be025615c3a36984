/// Where each tensor lies in the model file's weights section, in bytes from its start. It is
/// computed from the configuration alone, so the converter and the reader cannot disagree and
/// the file needs no table of contents. Every tensor starts on a 64-byte boundary.
///
/// Matrices are fp16 in panels (see `PackedLinear`); embeddings are fp16 rows; biases and
/// layer-norm parameters stay fp32 (0.1 MB in all), so the epilogues read them directly.
struct WeightLayout: Sendable {
    /// Outputs per panel: two 8-lane vectors, the width of the kernel's tile.
    static let panelWidth = 16

    struct Linear: Sendable {
        var panels: Int
        var bias: Int
        var inputCount: Int
        var outputCount: Int
    }

    struct Norm: Sendable {
        var scale: Int
        var shift: Int
    }

    struct Layer: Sendable {
        /// Query, key and value stacked into one 3×hidden-output matrix: one pass over the rows.
        var queryKeyValue: Linear
        var attentionOutput: Linear
        var attentionNorm: Norm
        var intermediate: Linear
        var output: Linear
        var outputNorm: Norm
    }

    var wordEmbeddings: Int
    /// Position embeddings with token type 0's embedding already added (one sentence, all type 0).
    var positionEmbeddings: Int
    var embeddingNorm: Norm
    var layers: [Layer]
    var byteCount: Int

    init(_ configuration: ModelConfiguration) {
        var cursor = 0
        func take(_ bytes: Int) -> Int {
            let start = cursor
            cursor = (cursor + bytes + 63) & ~63
            return start
        }
        func linear(_ inputs: Int, _ outputs: Int) -> Linear {
            Linear(panels: take(inputs * outputs * 2), bias: take(outputs * 4), inputCount: inputs, outputCount: outputs)
        }
        func norm(_ width: Int) -> Norm {
            Norm(scale: take(width * 4), shift: take(width * 4))
        }
        let hidden = configuration.hiddenSize
        wordEmbeddings = take(configuration.vocabularySize * hidden * 2)
        positionEmbeddings = take(configuration.positionCount * hidden * 2)
        embeddingNorm = norm(hidden)
        var layers: [Layer] = []
        for _ in 0..<configuration.layerCount {
            let queryKeyValue = linear(hidden, 3 * hidden)
            let attentionOutput = linear(hidden, hidden)
            let attentionNorm = norm(hidden)
            let intermediate = linear(hidden, configuration.intermediateSize)
            let output = linear(configuration.intermediateSize, hidden)
            let outputNorm = norm(hidden)
            layers.append(Layer(
                queryKeyValue: queryKeyValue, attentionOutput: attentionOutput, attentionNorm: attentionNorm,
                intermediate: intermediate, output: output, outputNorm: outputNorm))
        }
        self.layers = layers
        byteCount = cursor
    }
}
