import Foundation

/// A Hugging Face sentence-transformers model folder as conversion reads it: `config.json`
/// for the shape, `vocab.txt`, and the settings that decide whether this encoder reproduces
/// the model (uncased BERT tokenizer, mean pooling, sentence-transformers' truncation).
struct ModelFolder {
    let path: String

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// The JSON object in `name`, or nil when the folder has no such file.
    private func json(_ name: String, required: Bool) throws(EncoderError) -> [String: Any]? {
        let location = file(name)
        guard FileManager.default.fileExists(atPath: location) else {
            if required {
                throw EncoderError("The model folder \(path) has no \(name); expected a Hugging Face model folder with config.json, vocab.txt and model.safetensors.")
            }
            return nil
        }
        guard let data = FileManager.default.contents(atPath: location),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw EncoderError("The file \(location) is not a JSON object.") }
        return object
    }

    /// The network's shape from config.json, checked to be a BERT this encoder runs, with the
    /// truncation from sentence_bert_config.json. Special token ids are filled in later.
    func configuration() throws(EncoderError) -> (ModelConfiguration, tokenTypes: Int) {
        let config = try json("config.json", required: true)!
        let location = file("config.json")
        func number(_ key: String) throws(EncoderError) -> Int {
            guard let value = config[key] as? Int else { throw EncoderError("The file \(location) has no whole number \(key).") }
            return value
        }
        if let model = config["model_type"] as? String, model != "bert" {
            throw EncoderError("The model in \(path) is a \(model) model; this encoder runs BERT models.")
        }
        if let activation = config["hidden_act"] as? String, activation != "gelu" {
            throw EncoderError("The model in \(path) uses the \(activation) activation; this encoder implements gelu (the erf form).")
        }
        if let positions = config["position_embedding_type"] as? String, positions != "absolute" {
            throw EncoderError("The model in \(path) uses \(positions) position embeddings; this encoder implements absolute ones.")
        }
        guard let epsilon = (config["layer_norm_eps"] as? NSNumber)?.floatValue else {
            throw EncoderError("The file \(location) has no layer_norm_eps.")
        }
        let positions = try number("max_position_embeddings")
        var maxTokens = positions
        if let sentenceConfig = try json("sentence_bert_config.json", required: false),
           let length = sentenceConfig["max_seq_length"] as? Int {
            maxTokens = min(length, positions)
        }
        if let tokenizer = try json("tokenizer_config.json", required: false) {
            if let lower = tokenizer["do_lower_case"] as? Bool, !lower {
                throw EncoderError("The model in \(path) has a cased tokenizer; this encoder implements the uncased BERT tokenizer.")
            }
            if let strip = tokenizer["strip_accents"] as? Bool, !strip {
                throw EncoderError("The model in \(path) keeps accents; this encoder's tokenizer strips them, as uncased BERT does.")
            }
        }
        if let pooling = try json("1_Pooling/config.json", required: false),
           (pooling["pooling_mode_mean_tokens"] as? Bool) != true {
            throw EncoderError("The model in \(path) does not use mean pooling; this encoder mean-pools.")
        }
        let configuration = ModelConfiguration(
            vocabularySize: try number("vocab_size"), hiddenSize: try number("hidden_size"),
            layerCount: try number("num_hidden_layers"), headCount: try number("num_attention_heads"),
            intermediateSize: try number("intermediate_size"), positionCount: positions, maxTokens: maxTokens,
            layerNormEpsilon: epsilon, clsID: 0, sepID: 0, unknownID: 0, maxWordCharacters: 100)
        if let reason = configuration.unsupportedReason {
            throw EncoderError("The model in \(path) has a shape this encoder cannot run: \(reason).")
        }
        return (configuration, (config["type_vocab_size"] as? Int) ?? 2)
    }

    /// vocab.txt's tokens as UTF-8, one a line; the id of a token is its line number from 0.
    func vocabulary(expectedCount: Int) throws(EncoderError) -> [[UInt8]] {
        let location = file("vocab.txt")
        guard let data = FileManager.default.contents(atPath: location) else {
            throw EncoderError("The model folder \(path) has no readable vocab.txt.")
        }
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.count == expectedCount else {
            throw EncoderError("The vocabulary \(location) has \(lines.count) tokens where config.json says \(expectedCount).")
        }
        return lines
    }
}
