/// The numbers that shape the network. Read from `config.json` (and sentence-transformers'
/// `max_seq_length`) at conversion, stored in the model file's header, checked at load.
struct ModelConfiguration: Equatable, Sendable {
    var vocabularySize: Int
    var hiddenSize: Int
    var layerCount: Int
    var headCount: Int
    var intermediateSize: Int
    var positionCount: Int
    /// Sentence-transformers truncates at this many tokens, `[CLS]` and `[SEP]` included.
    var maxTokens: Int
    var layerNormEpsilon: Float
    var clsID: Int32
    var sepID: Int32
    var unknownID: Int32
    /// WordPiece gives a longer word `[UNK]` without trying to split it.
    var maxWordCharacters: Int

    var headSize: Int { hiddenSize / headCount }

    /// Why the kernels cannot run this shape, or nil when they can. They are written for the
    /// MiniLM-L6 family: a 384-wide output, heads of 32, widths that are whole panels of 16.
    var unsupportedReason: String? {
        if hiddenSize != SentenceEncoder.dimension { return "hidden size \(hiddenSize), not \(SentenceEncoder.dimension)" }
        if headCount <= 0 || hiddenSize % headCount != 0 || headSize != 32 { return "\(headCount) attention heads, not heads of 32" }
        if intermediateSize <= 0 || intermediateSize % WeightLayout.panelWidth != 0 { return "intermediate size \(intermediateSize)" }
        if layerCount <= 0 || layerCount > 64 { return "\(layerCount) layers" }
        if vocabularySize <= 0 { return "an empty vocabulary" }
        if maxTokens < 2 || maxTokens > positionCount { return "\(maxTokens) tokens at most but \(positionCount) positions" }
        for id in [clsID, sepID, unknownID] where id < 0 || Int(id) >= vocabularySize { return "special token id \(id) outside the vocabulary" }
        if !(layerNormEpsilon > 0) { return "layer-norm epsilon \(layerNormEpsilon)" }
        return nil
    }
}
