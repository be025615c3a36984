/// A list of strings inside an index, read in place: their UTF-8 bytes one after another and
/// where each begins. With `lookup`, it also finds a string's position by hashing, so a set
/// or dictionary of tens of thousands of words costs nothing to load.
struct StringTable: @unchecked Sendable {
    /// `count + 1` offsets into `utf8`.
    private let offsets: Column<UInt32>
    private let utf8: Column<UInt8>
    /// Open addressing: each slot holds a position + 1, or 0 when empty; a power of two long.
    private let slots: Column<UInt32>

    var count: Int { max(0, offsets.count - 1) }

    static func write(_ strings: [String], lookup: Bool, to writer: inout IndexWriter) {
        var offsets: [UInt32] = [0]
        offsets.reserveCapacity(strings.count + 1)
        var utf8: [UInt8] = []
        for string in strings {
            utf8.append(contentsOf: string.utf8)
            precondition(utf8.count <= UInt32.max, "a string table over 4 GiB")
            offsets.append(UInt32(utf8.count))
        }
        var slots: [UInt32] = []
        if lookup {
            var size = 8
            while size < strings.count * 2 { size *= 2 }
            slots = [UInt32](repeating: 0, count: size)
            for (i, string) in strings.enumerated() {
                var slot = Int(truncatingIfNeeded: hash(string.utf8)) & (size - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
                slots[slot] = UInt32(i + 1)
            }
        }
        writer.column(offsets)
        writer.column(utf8)
        writer.column(slots)
    }

    init(_ reader: inout IndexReader) throws {
        offsets = try reader.column()
        utf8 = try reader.column()
        slots = try reader.column()
        guard offsets.count >= 1, Int(offsets[offsets.count - 1]) == utf8.count else { throw IndexReader.Damaged() }
        guard slots.count == 0 || slots.count & (slots.count - 1) == 0 else { throw IndexReader.Damaged() }
    }

    /// FNV-1a over the bytes.
    @inline(__always)
    static func hash<C: Sequence>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    subscript(i: Int) -> String {
        String(decoding: bytes(i), as: UTF8.self)
    }

    /// The UTF-8 bytes of string `i`, in place.
    @inline(__always)
    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let from = Int(offsets[i]), to = Int(offsets[i + 1])
        return UnsafeBufferPointer(start: utf8.start + from, count: to - from)
    }

    /// Whether string `i` is `text`.
    @inline(__always)
    func equals(_ i: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let stored = bytes(i)
        guard stored.count == text.count else { return false }
        guard let a = stored.baseAddress, let b = text.baseAddress else { return true }
        return memcmp(a, b, text.count) == 0
    }

    /// The position of `text`, or nil; the table must have been written with `lookup`.
    func position(of text: String) -> Int? {
        var text = text
        return text.withUTF8 { position(ofUTF8: $0) }
    }

    func position(ofUTF8 text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard slots.count > 0 else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(text)) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if equals(Int(entry) - 1, text) { return Int(entry) - 1 }
            slot = (slot + 1) & mask
        }
    }

    func contains(_ text: String) -> Bool { position(of: text) != nil }

    /// Every string, in order.
    var all: [String] { (0..<count).map { self[$0] } }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
