/// A fast 64-bit hash over bytes, eight at a time: it guards the model file's header and
/// vocabulary against corruption and gives the weights their fingerprint. Not cryptographic;
/// it only has to make an accidental change visible.
enum Checksum {
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var state = seed ^ (UInt64(bytes.count) &* multiplier)
        let words = bytes.count / 8
        if let base = bytes.baseAddress {
            for index in 0..<words {
                let word = base.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                state = mix(state ^ (word &* 0xFF51_AFD7_ED55_8CCD))
            }
            var tail: UInt64 = 0
            for index in (words * 8)..<bytes.count {
                tail |= UInt64(base.load(fromByteOffset: index, as: UInt8.self)) << (UInt64(index - words * 8) * 8)
            }
            state = mix(state ^ tail)
        }
        return finish(state)
    }

    /// One round: rotate so high bits reach the low ones, then multiply to spread them.
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        ((value << 27) | (value >> 37)) &* multiplier &+ 0x52DC_E729
    }

    /// MurmurHash3's finaliser, so that every input bit affects every output bit.
    private static func finish(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
