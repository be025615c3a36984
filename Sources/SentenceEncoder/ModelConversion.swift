import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a Hugging Face model folder into the file `SentenceEncoder` maps.
public enum ModelConversion {
    /// Reads a Hugging Face model folder (model.safetensors fp32, vocab.txt, config.json) and
    /// writes our own file: a small header (magic, format version, config numbers, fingerprint),
    /// the vocabulary precompiled (so no text parsing at load), and every matrix as fp16 laid
    /// out once in the order and layout the kernel reads. Written to a temporary file beside
    /// `output` and renamed, so a half-written file never appears.
    public static func convert(modelFolder: String, to output: String) throws {
        let folder = ModelFolder(path: modelFolder)
        let (configuration, tokenTypes) = try folder.configuration()
        let tokens = try folder.vocabulary(expectedCount: configuration.vocabularySize)
        var configured = configuration
        for (name, keyPath) in [("[CLS]", \ModelConfiguration.clsID), ("[SEP]", \.sepID), ("[UNK]", \.unknownID)] {
            guard let id = tokens.firstIndex(of: Array(name.utf8)) else {
                throw EncoderError("The vocabulary \(folder.file("vocab.txt")) has no \(name) token; it is not a BERT vocabulary.")
            }
            configured[keyPath: keyPath] = Int32(id)
        }
        let vocabulary = Vocabulary.section(for: tokens)
        let layout = WeightLayout(configured)
        let weightsOffset = (ModelHeader.size + vocabulary.count + 63) / 64 * 64
        let fileSize = weightsOffset + layout.byteCount
        let file = UnsafeMutableRawBufferPointer.allocate(byteCount: fileSize, alignment: 64)
        defer { file.deallocate() }
        file.initializeMemory(as: UInt8.self, repeating: 0)
        let base = file.baseAddress!
        let tensors = try SafeTensors(path: folder.file("model.safetensors"))
        (base + ModelHeader.size).copyMemory(from: vocabulary, byteCount: vocabulary.count)
        try pack(tensors, configured, tokenTypes: tokenTypes, layout, into: WeightPacking(section: base + weightsOffset))
        let vocabularyChecksum = Checksum.hash(UnsafeRawBufferPointer(start: base + ModelHeader.size, count: vocabulary.count))
        let fingerprint = Checksum.hash(UnsafeRawBufferPointer(start: base + weightsOffset, count: layout.byteCount),
                                        seed: vocabularyChecksum ^ shapeHash(configured))
        let header = ModelHeader(
            configuration: configured, fileSize: fileSize, fingerprint: fingerprint,
            vocabularyOffset: ModelHeader.size, vocabularyLength: vocabulary.count,
            weightsOffset: weightsOffset, weightsLength: layout.byteCount, vocabularyChecksum: vocabularyChecksum)
        base.copyMemory(from: header.encoded(), byteCount: ModelHeader.size)
        try writeAtomically(UnsafeRawBufferPointer(file), to: output)
    }

    /// The configuration's numbers, hashed into the fingerprint: the same weights run with
    /// another epsilon or truncation give other vectors.
    private static func shapeHash(_ c: ModelConfiguration) -> UInt64 {
        let numbers: [UInt32] = [c.vocabularySize, c.hiddenSize, c.layerCount, c.headCount, c.intermediateSize,
                                 c.positionCount, c.maxTokens, c.maxWordCharacters].map { UInt32($0) }
            + [c.clsID, c.sepID, c.unknownID].map { UInt32(bitPattern: $0) } + [c.layerNormEpsilon.bitPattern]
        return numbers.withUnsafeBytes { Checksum.hash($0) }
    }

    private static func pack(_ tensors: SafeTensors, _ c: ModelConfiguration, tokenTypes: Int, _ layout: WeightLayout,
                             into packing: WeightPacking) throws(EncoderError) {
        let hidden = c.hiddenSize
        packing.halves(try tensors.floats("embeddings.word_embeddings.weight", shape: [c.vocabularySize, hidden]),
                       at: layout.wordEmbeddings)
        var positions = try tensors.floats("embeddings.position_embeddings.weight", shape: [c.positionCount, hidden])
        let types = try tensors.floats("embeddings.token_type_embeddings.weight", shape: [tokenTypes, hidden])
        for index in positions.indices { positions[index] += types[index % hidden] }
        packing.halves(positions, at: layout.positionEmbeddings)
        packing.norm(try tensors.floats("embeddings.LayerNorm.weight", shape: [hidden]),
                     try tensors.floats("embeddings.LayerNorm.bias", shape: [hidden]), at: layout.embeddingNorm)
        for (index, place) in layout.layers.enumerated() {
            let prefix = "encoder.layer.\(index)."
            func matrix(_ name: String, _ outputs: Int, _ inputs: Int) throws(EncoderError) -> ([Float], [Float]) {
                (try tensors.floats(prefix + name + ".weight", shape: [outputs, inputs]),
                 try tensors.floats(prefix + name + ".bias", shape: [outputs]))
            }
            func norm(_ name: String, at norm: WeightLayout.Norm) throws(EncoderError) {
                packing.norm(try tensors.floats(prefix + name + ".weight", shape: [hidden]),
                             try tensors.floats(prefix + name + ".bias", shape: [hidden]), at: norm)
            }
            let query = try matrix("attention.self.query", hidden, hidden)
            let key = try matrix("attention.self.key", hidden, hidden)
            let value = try matrix("attention.self.value", hidden, hidden)
            packing.linear(query.0 + key.0 + value.0, query.1 + key.1 + value.1, at: place.queryKeyValue)
            let attentionOutput = try matrix("attention.output.dense", hidden, hidden)
            packing.linear(attentionOutput.0, attentionOutput.1, at: place.attentionOutput)
            try norm("attention.output.LayerNorm", at: place.attentionNorm)
            let intermediate = try matrix("intermediate.dense", c.intermediateSize, hidden)
            packing.linear(intermediate.0, intermediate.1, at: place.intermediate)
            let output = try matrix("output.dense", hidden, c.intermediateSize)
            packing.linear(output.0, output.1, at: place.output)
            try norm("output.LayerNorm", at: place.outputNorm)
        }
    }

    private static func writeAtomically(_ bytes: UnsafeRawBufferPointer, to output: String) throws(EncoderError) {
        let temporary = "\(output).partial-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EncoderError("Cannot write the model file \(output): creating \(temporary) failed (\(String(cString: strerror(errno)))).")
        }
        var written = 0
        var failure: Int32?
        while written < bytes.count {
            let result = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            written += result
        }
        if failure == nil && fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw EncoderError("Cannot write the model file \(output): writing \(temporary) failed (\(String(cString: strerror(failure)))).")
        }
        guard rename(temporary, output) == 0 else {
            let code = errno
            unlink(temporary)
            throw EncoderError("Cannot write the model file \(output): renaming \(temporary) to it failed (\(String(cString: strerror(code)))).")
        }
    }
}
