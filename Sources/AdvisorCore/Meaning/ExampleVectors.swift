import Foundation

/// The examples' vectors by meaning, kept on disk by example text, so that a rebuilt index,
/// an edited intent file or a `--data` copy encodes only the examples that are new (encoding
/// all ~8,000 takes most of a minute; looking them up takes milliseconds).
///
/// One file per model, beside it (`<model>.vectors`) or, where that folder cannot be written,
/// in the user's cache folder. Layout, little-endian: the magic, the format, the dimension, the
/// model's fingerprint (16 bytes), the count, then the keys (a 64-bit hash of each example's
/// text), then the vectors (Float32, `dimension` each), in the same order. It is written
/// whole, in the order of the examples it was last written for, so a store that still fits
/// is used where it lies, mapped, without a copy.
struct ExampleVectors {
    static let magic = Array("advisor vectors\n".utf8)
    static let format: UInt32 = 1

    let dimension: Int
    let fingerprint: String
    /// The store's keys, in its order.
    let keys: [UInt64]
    /// Row i's vector at `vectors + i * dimension`, alive as long as `owner`.
    let vectors: UnsafePointer<Float>
    let owner: AnyObject

    /// The key of an example's text.
    static func key(_ text: String) -> UInt64 { StringTable.hash(text.utf8) }

    /// The store at `path` for this model; nil when there is none, it is damaged, or it was
    /// written for another model (whose vectors would mean nothing here).
    init?(path: String, fingerprint: String, dimension: Int) {
        guard let bytes = IndexBytes(mapping: path) else { return nil }
        let header = Self.magic.count + 8 + 16 + 8
        guard bytes.count >= header else { return nil }
        let base = bytes.base
        guard Self.magic.indices.allSatisfy({ base.load(fromByteOffset: $0, as: UInt8.self) == Self.magic[$0] }) else { return nil }
        var at = Self.magic.count
        func u32() -> UInt32 { defer { at += 4 }; return base.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian }
        guard u32() == Self.format, Int(u32()) == dimension else { return nil }
        let stored = String(decoding: UnsafeRawBufferPointer(start: base + at, count: 16), as: UTF8.self)
        at += 16
        guard stored == Self.padded(fingerprint) else { return nil }
        let count = Int(base.loadUnaligned(fromByteOffset: at, as: UInt64.self).littleEndian)
        at += 8
        guard count >= 0, count <= (bytes.count - header) / (8 + 4 * dimension),
              bytes.count == header + count * (8 + 4 * dimension) else { return nil }
        var keys = [UInt64](repeating: 0, count: count)
        for i in 0..<count { keys[i] = base.loadUnaligned(fromByteOffset: at + 8 * i, as: UInt64.self).littleEndian }
        at += 8 * count
        self.dimension = dimension
        self.fingerprint = fingerprint
        self.keys = keys
        vectors = (base + at).assumingMemoryBound(to: Float.self)
        owner = bytes
    }

    /// The bytes of a store holding `keys` and their `vectors` (row after row).
    static func bytes(keys: [UInt64], vectors: [Float], dimension: Int, fingerprint: String) -> Data {
        var data = Data(magic)
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        append(format)
        append(UInt32(dimension))
        data.append(contentsOf: Array(padded(fingerprint).utf8))
        append(UInt64(keys.count))
        for key in keys { append(key) }
        vectors.withUnsafeBytes { data.append(contentsOf: $0) }
        return data
    }

    /// A fingerprint as the 16 bytes the header holds.
    private static func padded(_ fingerprint: String) -> String {
        let bytes = Array(fingerprint.utf8.prefix(16))
        return String(decoding: bytes + [UInt8](repeating: 0x20, count: 16 - bytes.count), as: UTF8.self)
    }
}
