/// Reads what `IndexWriter` wrote, in the same order. Every read is checked against the end
/// of the bytes, so a damaged cache file is reported (and rebuilt) rather than trusted.
struct IndexReader {
    struct Damaged: Error {}

    let bytes: IndexBytes
    private(set) var offset: Int
    private let end: Int

    init(_ bytes: IndexBytes, from offset: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.end = end ?? bytes.count
    }

    private mutating func byte() throws -> UInt8 {
        guard offset < end else { throw Damaged() }
        defer { offset += 1 }
        return bytes.base.load(fromByteOffset: offset, as: UInt8.self)
    }

    mutating func count() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
            guard shift < 63 else { throw Damaged() }
        }
        guard value <= UInt64(Int.max) else { throw Damaged() }
        return Int(value)
    }

    mutating func int() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
            guard shift < 70 else { throw Damaged() }
        }
        return Int(Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))))
    }

    mutating func bool() throws -> Bool { try byte() != 0 }

    mutating func double() throws -> Double {
        guard offset + 8 <= end else { throw Damaged() }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes.base.load(fromByteOffset: offset + i, as: UInt8.self)) << (8 * UInt64(i)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func string() throws -> String {
        let length = try count()
        guard length <= end - offset else { throw Damaged() }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(start: bytes.base + offset, count: length), as: UTF8.self)
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func strings() throws -> [String] {
        let n = try count()
        guard n <= end - offset else { throw Damaged() }
        var result: [String] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try string()) }
        return result
    }

    /// What `IndexWriter.list` wrote: a count, then each value as `read` reads it.
    mutating func list<T>(_ read: (inout IndexReader) throws -> T) throws -> [T] {
        let n = try count()
        guard n <= end - offset else { throw Damaged() }
        var result: [T] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try read(&self)) }
        return result
    }

    private mutating func align(_ alignment: Int) throws {
        let padded = (offset + alignment - 1) / alignment * alignment
        guard padded <= end else { throw Damaged() }
        offset = padded
    }

    /// A view of an array `IndexWriter.column` wrote, in place.
    mutating func column<T: BitwiseCopyable>(_ type: T.Type = T.self) throws -> Column<T> {
        let n = try count()
        try align(max(MemoryLayout<T>.alignment, 8))
        guard n <= (end - offset) / MemoryLayout<T>.stride else { throw Damaged() }
        defer { offset += n * MemoryLayout<T>.stride }
        return Column(start: (bytes.base + offset).assumingMemoryBound(to: T.self), count: n)
    }

    /// A reader over a blob `IndexWriter.blob` wrote; this reader moves past it.
    mutating func blob() throws -> IndexReader {
        let n = try count()
        try align(16)
        guard n <= end - offset else { throw Damaged() }
        defer { offset += n }
        return IndexReader(bytes, from: offset, to: offset + n)
    }

    /// The bytes from `start` to here, for a part of the index that is written again as read.
    func range(from start: Int) -> Range<Int> { start..<offset }

    /// Throws unless everything was read: a reader and writer out of step are a bug or damage.
    func finish() throws {
        guard offset == end else { throw Damaged() }
    }
}

/// An array of fixed-size values inside an index, used in place. It does not keep the bytes
/// alive: whatever holds it also holds their `IndexBytes`.
struct Column<T: BitwiseCopyable>: @unchecked Sendable {
    let start: UnsafePointer<T>
    let count: Int

    static var empty: Column<T> { Column(start: UnsafePointer(bitPattern: MemoryLayout<T>.alignment)!, count: 0) }

    @inline(__always) subscript(i: Int) -> T { start[i] }

    var buffer: UnsafeBufferPointer<T> { UnsafeBufferPointer(start: start, count: count) }
}
