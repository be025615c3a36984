/// The WordPiece vocabulary as the model file stores it: every token's UTF-8 bytes in one pool,
/// and an open-addressing hash table from bytes to token id. Loading it parses nothing (reading
/// `vocab.txt` as text took 14–21 ms); a lookup hashes the candidate piece once.
///
/// Section layout (little-endian UInt32 unless noted): token count N, slot count S (a power of
/// two), the longest token in bytes, the pool's length; N+1 pool offsets; S slots (Int32 token
/// id, or -1 for empty); the pool.
struct Vocabulary: @unchecked Sendable {
    let count: Int
    /// A piece longer than this many bytes cannot be a token, so WordPiece skips its lookup.
    let longestToken: Int
    private let slotMask: Int
    private let offsets: UnsafePointer<UInt32>
    private let slots: UnsafePointer<Int32>
    private let pool: UnsafePointer<UInt8>
    private static let headerSize = 16

    /// Reads a section whose checksum has been verified; nil when its sizes do not add up.
    init?(section: UnsafeRawBufferPointer) {
        guard section.count >= Self.headerSize, let base = section.baseAddress else { return nil }
        func word(_ index: Int) -> Int { Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))) }
        let count = word(0), slotCount = word(1), longest = word(2), poolLength = word(3)
        guard count > 0, slotCount > count, slotCount & (slotCount - 1) == 0,
              Self.headerSize + 4 * (count + 1) + 4 * slotCount + poolLength == section.count
        else { return nil }
        self.count = count
        longestToken = longest
        slotMask = slotCount - 1
        offsets = (base + Self.headerSize).assumingMemoryBound(to: UInt32.self)
        slots = (base + Self.headerSize + 4 * (count + 1)).assumingMemoryBound(to: Int32.self)
        pool = (base + Self.headerSize + 4 * (count + 1) + 4 * slotCount).assumingMemoryBound(to: UInt8.self)
        guard offsets[count] == poolLength else { return nil }
    }

    /// The id of the piece `bytes`, with WordPiece's `##` in front when it continues a word.
    func id(of bytes: UnsafeBufferPointer<UInt8>, continuing: Bool) -> Int32? {
        let length = bytes.count + (continuing ? 2 : 0)
        guard length <= longestToken else { return nil }
        var hash = Self.hashStart
        if continuing { hash = Self.step(Self.step(hash, UInt8(ascii: "#")), UInt8(ascii: "#")) }
        for byte in bytes { hash = Self.step(hash, byte) }
        var slot = Int(hash) & slotMask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if matches(Int(id), bytes, continuing: continuing, length: length) { return id }
            slot = (slot + 1) & slotMask
        }
    }

    /// The token's text, for showing tokens to a person.
    func token(_ id: Int32) -> String {
        guard id >= 0, Int(id) < count else { return "" }
        let start = Int(offsets[Int(id)]), end = Int(offsets[Int(id) + 1])
        return String(decoding: UnsafeBufferPointer(start: pool + start, count: end - start), as: UTF8.self)
    }

    private func matches(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>, continuing: Bool, length: Int) -> Bool {
        let start = Int(offsets[id])
        guard Int(offsets[id + 1]) - start == length else { return false }
        var at = start
        if continuing {
            guard pool[at] == UInt8(ascii: "#"), pool[at + 1] == UInt8(ascii: "#") else { return false }
            at += 2
        }
        for byte in bytes {
            if pool[at] != byte { return false }
            at += 1
        }
        return true
    }

    // FNV-1a, 32 bits: short pieces, few collisions in a table at most half full.
    private static let hashStart: UInt32 = 0x811C_9DC5
    @inline(__always)
    private static func step(_ hash: UInt32, _ byte: UInt8) -> UInt32 { (hash ^ UInt32(byte)) &* 0x0100_0193 }

    /// The section for `tokens` (ids are their positions; the first of duplicates wins).
    static func section(for tokens: [[UInt8]]) -> [UInt8] {
        var slotCount = 1
        while slotCount < tokens.count * 2 { slotCount <<= 1 }
        var offsets: [UInt32] = [0]
        var pool: [UInt8] = []
        for token in tokens {
            pool += token
            offsets.append(UInt32(pool.count))
        }
        var slots = [Int32](repeating: -1, count: slotCount)
        var seen = Set<[UInt8]>()
        for (id, token) in tokens.enumerated() where seen.insert(token).inserted {
            var hash = hashStart
            for byte in token { hash = step(hash, byte) }
            var slot = Int(hash) & (slotCount - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = Int32(id)
        }
        var words: [UInt32] = [UInt32(tokens.count), UInt32(slotCount), UInt32(tokens.map(\.count).max() ?? 0), UInt32(pool.count)]
        words += offsets
        words += slots.map { UInt32(bitPattern: $0) }
        var bytes = words.flatMap { value in withUnsafeBytes(of: value.littleEndian) { Array($0) } }
        bytes += pool
        return bytes
    }
}
