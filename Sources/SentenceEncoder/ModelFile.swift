/// A converted model file, mapped and checked: a `ModelHeader`, the precompiled `Vocabulary`,
/// then the weights in `WeightLayout` order. Every size and offset is checked against the file
/// before anything is read, and the header and vocabulary against their checksums; the weights'
/// fingerprint is computed at conversion and not re-hashed here (that would read all 45 MB at
/// every start).
struct ModelFile: @unchecked Sendable {
    let mapping: MappedFile
    let header: ModelHeader
    let vocabulary: Vocabulary
    let layout: WeightLayout
    let weights: UnsafeRawPointer

    /// What to do about any bad or missing model file.
    static let remedy = "run `make model` to fetch and convert it"

    init(path: String) throws(EncoderError) {
        let name = "The sentence-encoder model \(path)"
        mapping = try MappedFile(path: path) { "\(name) \($0); \(Self.remedy)." }
        let bytes = mapping.bytes
        func fail(_ problem: ModelHeader.Problem) -> EncoderError {
            switch problem {
            case .shorterThanHeader(let actual):
                return EncoderError("\(name) is truncated: it has \(actual) bytes, fewer than the \(ModelHeader.size) of a model's header; \(Self.remedy).")
            case .truncated(let actual, let expected):
                return EncoderError("\(name) is truncated: it has \(actual) bytes where its header says \(expected); \(Self.remedy).")
            case .notAModel:
                return EncoderError("The file \(path) is not a sentence-encoder model (it does not start with \(String(decoding: ModelHeader.magic, as: UTF8.self))); \(Self.remedy).")
            case .version(let version):
                return EncoderError("\(name) has format version \(version), but this program reads version \(ModelHeader.formatVersion); \(Self.remedy).")
            case .corrupt(let what):
                return EncoderError("\(name) is corrupt: \(what); \(Self.remedy).")
            case .unsupported(let what):
                return EncoderError("\(name) holds a network this encoder cannot run (\(what)); \(Self.remedy).")
            }
        }
        let header: ModelHeader
        switch ModelHeader.decode(bytes) {
        case .success(let decoded): header = decoded
        case .failure(let problem): throw fail(problem)
        }
        guard bytes.count == header.fileSize else {
            throw fail(bytes.count < header.fileSize
                ? .truncated(actual: bytes.count, expected: header.fileSize)
                : .corrupt("it has \(bytes.count) bytes where its header says \(header.fileSize)"))
        }
        if let reason = header.configuration.unsupportedReason { throw fail(.unsupported(reason)) }
        let layout = WeightLayout(header.configuration)
        guard header.vocabularyOffset >= ModelHeader.size, header.vocabularyLength > 0,
              header.vocabularyOffset <= bytes.count - header.vocabularyLength,
              header.weightsOffset % 64 == 0, header.weightsLength == layout.byteCount,
              header.weightsOffset >= header.vocabularyOffset + header.vocabularyLength,
              header.weightsOffset <= bytes.count - header.weightsLength
        else { throw fail(.corrupt("its sections do not fit inside it")) }
        let section = UnsafeRawBufferPointer(rebasing: bytes[header.vocabularyOffset..<(header.vocabularyOffset + header.vocabularyLength)])
        guard Checksum.hash(section) == header.vocabularyChecksum else {
            throw fail(.corrupt("its vocabulary checksum does not match"))
        }
        guard let vocabulary = Vocabulary(section: section), vocabulary.count == header.configuration.vocabularySize else {
            throw fail(.corrupt("its vocabulary does not match its header"))
        }
        self.header = header
        self.vocabulary = vocabulary
        self.layout = layout
        weights = bytes.baseAddress! + header.weightsOffset
    }
}
