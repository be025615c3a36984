import Foundation

/// A safetensors file, mapped: an 8-byte little-endian header length, a JSON table of tensors
/// (`dtype`, `shape`, `data_offsets` from the end of the header), then the raw data. Only
/// what conversion needs: fp32 tensors by name, with their shapes checked.
struct SafeTensors {
    struct Entry {
        let dtype: String
        let shape: [Int]
        let range: Range<Int>
    }

    let path: String
    private let file: MappedFile
    private let entries: [String: Entry]

    init(path: String) throws(EncoderError) {
        self.path = path
        file = try MappedFile(path: path) { "The weights file \(path) \($0)." }
        let bytes = file.bytes
        func corrupt(_ what: String) -> EncoderError {
            EncoderError("The weights file \(path) is not a valid safetensors file: \(what).")
        }
        guard bytes.count >= 8 else { throw corrupt("it has only \(bytes.count) bytes") }
        let headerLength = Int(clamping: UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self)))
        guard headerLength <= bytes.count - 8 else { throw corrupt("its header length \(headerLength) exceeds the file") }
        let json = Data(bytes[8..<(8 + headerLength)])
        guard let table = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw corrupt("its header is not a JSON object")
        }
        let dataStart = 8 + headerLength
        var entries: [String: Entry] = [:]
        for (name, value) in table where name != "__metadata__" {
            guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
                  let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int],
                  offsets.count == 2, offsets[0] >= 0, offsets[0] <= offsets[1],
                  offsets[1] <= bytes.count - dataStart
            else { throw corrupt("the entry for \(name) is malformed or points outside the file") }
            entries[name] = Entry(dtype: dtype, shape: shape, range: (dataStart + offsets[0])..<(dataStart + offsets[1]))
        }
        self.entries = entries
    }

    /// The fp32 tensor `name`, which must have exactly `shape`, copied out in row-major order.
    func floats(_ name: String, shape: [Int]) throws(EncoderError) -> [Float] {
        guard let entry = entries[name] else {
            throw EncoderError("The weights file \(path) has no tensor \(name); it is not a BERT model this encoder knows.")
        }
        guard entry.dtype == "F32" else {
            throw EncoderError("The tensor \(name) in \(path) is \(entry.dtype); the converter reads fp32 (F32) weights.")
        }
        let count = shape.reduce(1, *)
        guard entry.shape == shape, entry.range.count == count * 4 else {
            throw EncoderError("The tensor \(name) in \(path) has shape \(entry.shape) where \(shape) was expected.")
        }
        let source = UnsafeRawBufferPointer(rebasing: file.bytes[entry.range])
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            for index in 0..<count { buffer[index] = Float(bitPattern: UInt32(littleEndian: buffer[index].bitPattern)) }
            initialized = count
        }
    }
}
