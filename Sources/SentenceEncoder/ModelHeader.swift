/// The first 256 bytes of a converted model file: what it is, which format version, the
/// network's shape, where the vocabulary and weights lie, their checksum and fingerprint, and a
/// checksum of the header itself. All numbers little-endian.
struct ModelHeader: Equatable {
    static let magic = Array("ADVENCOD".utf8)
    static let formatVersion: UInt32 = 1
    static let size = 256

    var configuration: ModelConfiguration
    var fileSize: Int
    var fingerprint: UInt64
    var vocabularyOffset: Int
    var vocabularyLength: Int
    var weightsOffset: Int
    var weightsLength: Int
    var vocabularyChecksum: UInt64

    /// Byte offsets of the fields; the header checksum covers everything before its own 8 bytes.
    private enum Field {
        static let version = 8, headerSize = 12, fileSize = 16, fingerprint = 24
        static let vocabularyOffset = 32, vocabularyLength = 40, weightsOffset = 48, weightsLength = 56
        static let vocabularyChecksum = 64
        static let vocabularySize = 72, hiddenSize = 76, layerCount = 80, headCount = 84
        static let intermediateSize = 88, positionCount = 92, maxTokens = 96
        static let clsID = 100, sepID = 104, unknownID = 108, maxWordCharacters = 112
        static let layerNormEpsilon = 116, panelWidth = 120
        static let checksum = ModelHeader.size - 8
    }

    func encoded() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Self.size)
        bytes.withUnsafeMutableBytes { raw in
            func put<T>(_ value: T, _ offset: Int) { raw.storeBytes(of: value, toByteOffset: offset, as: T.self) }
            for (index, byte) in Self.magic.enumerated() { raw[index] = byte }
            let c = configuration
            put(Self.formatVersion, Field.version)
            put(UInt32(Self.size), Field.headerSize)
            put(UInt64(fileSize).littleEndian, Field.fileSize)
            put(fingerprint.littleEndian, Field.fingerprint)
            put(UInt64(vocabularyOffset).littleEndian, Field.vocabularyOffset)
            put(UInt64(vocabularyLength).littleEndian, Field.vocabularyLength)
            put(UInt64(weightsOffset).littleEndian, Field.weightsOffset)
            put(UInt64(weightsLength).littleEndian, Field.weightsLength)
            put(vocabularyChecksum.littleEndian, Field.vocabularyChecksum)
            put(UInt32(c.vocabularySize).littleEndian, Field.vocabularySize)
            put(UInt32(c.hiddenSize).littleEndian, Field.hiddenSize)
            put(UInt32(c.layerCount).littleEndian, Field.layerCount)
            put(UInt32(c.headCount).littleEndian, Field.headCount)
            put(UInt32(c.intermediateSize).littleEndian, Field.intermediateSize)
            put(UInt32(c.positionCount).littleEndian, Field.positionCount)
            put(UInt32(c.maxTokens).littleEndian, Field.maxTokens)
            put(c.clsID.littleEndian, Field.clsID)
            put(c.sepID.littleEndian, Field.sepID)
            put(c.unknownID.littleEndian, Field.unknownID)
            put(UInt32(c.maxWordCharacters).littleEndian, Field.maxWordCharacters)
            put(c.layerNormEpsilon.bitPattern.littleEndian, Field.layerNormEpsilon)
            put(UInt32(WeightLayout.panelWidth).littleEndian, Field.panelWidth)
            let checksum = Checksum.hash(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(raw)[0..<Field.checksum]))
            put(checksum.littleEndian, Field.checksum)
        }
        return bytes
    }

    /// Why `raw` (at least `size` bytes) is not a header this program reads, as the end of a
    /// sentence about the file; or the header.
    static func decode(_ raw: UnsafeRawBufferPointer) -> Result<ModelHeader, Problem> {
        let present = min(raw.count, magic.count)
        guard raw[0..<present].elementsEqual(magic[0..<present]) else { return .failure(.notAModel) }
        guard raw.count >= size else { return .failure(.shorterThanHeader(actual: raw.count)) }
        func get<T: FixedWidthInteger>(_ offset: Int, _ type: T.Type) -> T {
            T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
        func count(_ offset: Int) -> Int { Int(get(offset, UInt32.self)) }
        func position(_ offset: Int) -> Int { Int(clamping: get(offset, UInt64.self)) }
        let version = get(Field.version, UInt32.self)
        guard version == formatVersion else { return .failure(.version(version)) }
        let stored = get(Field.checksum, UInt64.self)
        guard Checksum.hash(UnsafeRawBufferPointer(rebasing: raw[0..<Field.checksum])) == stored,
              count(Field.headerSize) == size,
              count(Field.panelWidth) == WeightLayout.panelWidth
        else { return .failure(.corrupt("its header checksum does not match")) }
        let configuration = ModelConfiguration(
            vocabularySize: count(Field.vocabularySize), hiddenSize: count(Field.hiddenSize),
            layerCount: count(Field.layerCount), headCount: count(Field.headCount),
            intermediateSize: count(Field.intermediateSize), positionCount: count(Field.positionCount),
            maxTokens: count(Field.maxTokens),
            layerNormEpsilon: Float(bitPattern: get(Field.layerNormEpsilon, UInt32.self)),
            clsID: get(Field.clsID, Int32.self), sepID: get(Field.sepID, Int32.self),
            unknownID: get(Field.unknownID, Int32.self), maxWordCharacters: count(Field.maxWordCharacters))
        return .success(ModelHeader(
            configuration: configuration, fileSize: position(Field.fileSize),
            fingerprint: get(Field.fingerprint, UInt64.self),
            vocabularyOffset: position(Field.vocabularyOffset), vocabularyLength: position(Field.vocabularyLength),
            weightsOffset: position(Field.weightsOffset), weightsLength: position(Field.weightsLength),
            vocabularyChecksum: get(Field.vocabularyChecksum, UInt64.self)))
    }

    /// The ways a file can fail to be a readable model, each rendered by `ModelFile`.
    enum Problem: Error {
        case shorterThanHeader(actual: Int)
        case truncated(actual: Int, expected: Int)
        case notAModel
        case version(UInt32)
        case corrupt(String)
        case unsupported(String)
    }
}
