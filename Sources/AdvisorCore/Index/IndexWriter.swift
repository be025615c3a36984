/// Writes an index: small values one after another (variable-length integers, strings), and
/// large arrays aligned so that a reader can use them in place, without copying.
///
/// `IndexReader` reads what this writes, call for call, in the same order.
struct IndexWriter {
    private(set) var bytes: [UInt8] = []

    /// A non-negative integer, seven bits a byte (LEB128).
    mutating func count(_ value: Int) {
        precondition(value >= 0, "count(_:) takes a non-negative number")
        var v = UInt64(value)
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Any integer (zigzag, so small negative numbers stay short).
    mutating func int(_ value: Int) {
        let v = Int64(value)
        let zigzag = UInt64(bitPattern: (v << 1) ^ (v >> 63))
        var u = zigzag
        while u >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: u) | 0x80)
            u >>= 7
        }
        bytes.append(UInt8(u))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// A double, bit for bit.
    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    /// A count, then each value as `write` writes it: `IndexReader.list` reads it back.
    mutating func list<T>(_ values: some Collection<T>, _ write: (inout IndexWriter, T) -> Void) {
        count(values.count)
        for value in values { write(&self, value) }
    }

    /// Pads with zeros to a multiple of `alignment`.
    mutating func align(_ alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    /// An array of fixed-size values (integers, doubles) that a reader views in place.
    mutating func column<T: BitwiseCopyable>(_ values: [T]) {
        count(values.count)
        align(max(MemoryLayout<T>.alignment, 8))
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Bytes as they are (a blob read earlier, written again).
    mutating func raw(_ bytes: IndexBytes, _ range: Range<Int>) {
        bytes.append(range, to: &self.bytes)
    }

    /// Another writer's bytes, aligned, so that views made from them keep their alignment.
    mutating func blob(_ other: [UInt8]) {
        count(other.count)
        align(16)
        bytes.append(contentsOf: other)
    }
}
