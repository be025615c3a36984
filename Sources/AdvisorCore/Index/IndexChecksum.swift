/// A 64-bit checksum of an index file's bytes, kept in its last eight bytes, so that a cache
/// file damaged after it was written (a byte changed, a block lost) is never trusted: the
/// index is used in place, and a wrong offset in it would read outside the file.
///
/// Four independent lanes of xxHash64's round, so that the multiplications overlap: a
/// 150 MB index checks in a few tens of milliseconds, which `IndexCache` pays only when the
/// file is not the one it last checked.
enum IndexChecksum {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = lane &+ word &* p2
        return ((mixed << 31) | (mixed >> 33)) &* p1
    }

    static func of(_ base: UnsafeRawPointer, count: Int) -> UInt64 {
        var a = p1 &+ p2, b = p2, c: UInt64 = 0, d = 0 &- p1
        var offset = 0
        while offset + 32 <= count {
            a = round(a, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            b = round(b, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
            c = round(c, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)))
            d = round(d, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
            offset += 32
        }
        var h = ((a << 1) | (a >> 63)) &+ ((b << 7) | (b >> 57)) &+ ((c << 12) | (c >> 52)) &+ ((d << 18) | (d >> 46))
        h = (h ^ round(0, a)) &* p1 &+ p4
        h = (h ^ round(0, b)) &* p1 &+ p4
        h = (h ^ round(0, c)) &* p1 &+ p4
        h = (h ^ round(0, d)) &* p1 &+ p4
        h = h &+ UInt64(count)
        while offset < count {
            h = (h ^ UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) &* p3)
            h = ((h << 11) | (h >> 53)) &* p1
            offset += 1
        }
        h ^= h >> 33
        h = h &* p2
        h ^= h >> 29
        h = h &* p3
        return h ^ (h >> 32)
    }

    /// The checksum of `bytes` as its last eight bytes would hold it.
    static func trailer(for bytes: [UInt8]) -> [UInt8] {
        let sum = bytes.withUnsafeBytes { of($0.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, count: $0.count) }
        return (0..<8).map { UInt8(truncatingIfNeeded: sum >> (8 * UInt64($0))) }
    }

    /// Whether the last eight bytes of `bytes` are the checksum of the rest.
    static func holds(_ bytes: IndexBytes) -> Bool {
        guard bytes.count >= 8 else { return false }
        var stored: UInt64 = 0
        for i in 0..<8 { stored |= UInt64(bytes.base.load(fromByteOffset: bytes.count - 8 + i, as: UInt8.self)) << (8 * UInt64(i)) }
        return of(bytes.base, count: bytes.count - 8) == stored
    }
}
