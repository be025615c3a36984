/// Corrects words the advisor has never seen to the closest word it knows ("salray" →
/// "salary"), by restricted Damerau-Levenshtein distance.
///
/// Guards, so that real words are not turned into something else: numbers are left alone, a
/// 3–5 letter word may move by one edit and a longer one by two, everyday English words are
/// never corrected, and (in `LanguageModel`) a three-letter word is corrected only where the
/// result completes a known name ("ful stack" → "full stack").
///
/// The word lists live in the advisor's precompiled index and are read in place: the 22,000
/// everyday words cost nothing until a line has a word to look up.
struct SpellingCorrector: @unchecked Sendable {
    /// Keeps the bytes the tables below point into alive.
    let bytes: IndexBytes
    /// Where this part lies in `bytes`, to be written again as it is.
    let blobRange: Range<Int>
    /// Every word that is never corrected: the vocabulary and the everyday words.
    let known: StringTable
    /// Stems of the vocabulary, so an unseen inflection ("pythons") counts as known.
    let knownStems: StringTable
    /// Words that win a tie (the names of roles and tools).
    let preferred: StringTable
    /// The words a correction may produce, by length in scalars, then commonest first.
    let words: StringTable
    let counts: Column<UInt32>
    /// Which letters each word holds (one bit per letter, others hashed), to skip at once the
    /// words too different to be within reach.
    let letterMasks: Column<UInt64>
    let scalarStart: Column<UInt32>
    let scalars: Column<UInt32>
    /// Words of length L are `lengthStart[L] ..< lengthStart[L + 1]`.
    let lengthStart: Column<UInt32>

    func isKnown(_ word: String) -> Bool { known.contains(word) || knownStems.contains(Stemmer.stem(word)) }

    /// The words `word` may be a typo of: all at the smallest distance, commonest first.
    /// Empty when it is known, not a word, or nothing is close. Three-letter words get
    /// candidates too, but the caller accepts one only where it completes a known phrase.
    func candidates(for word: String) -> [String] {
        if isKnown(word) { return [] }
        let query = word.unicodeScalars.map(\.value)
        guard query.count >= 3, word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else { return [] }
        let limit = query.count <= 5 ? 1 : 2
        let mask = Self.letterMask(query)
        var best: [Int] = []
        var bestDistance = limit + 1
        query.withUnsafeBufferPointer { q in
            for length in (query.count - limit)...(query.count + limit) where length + 1 < lengthStart.count {
                let bound = min(bestDistance, limit)
                guard abs(length - query.count) <= bound else { continue }
                for w in Int(lengthStart[length])..<Int(lengthStart[length + 1]) {
                    let reach = min(bestDistance, limit)
                    // Each edit changes at most two bits of the letter set.
                    guard (letterMasks[w] ^ mask).nonzeroBitCount <= 2 * reach else { continue }
                    let candidate = UnsafeBufferPointer(start: scalars.start + Int(scalarStart[w]),
                                                        count: Int(scalarStart[w + 1]) - Int(scalarStart[w]))
                    guard let d = Self.distance(q, candidate, limit: reach) else { continue }
                    if d < bestDistance { bestDistance = d; best = [] }
                    if d == bestDistance { best.append(w) }
                }
            }
        }
        return best.map { (text: words[$0], count: Int(counts[$0])) }.sorted { a, b in
            let (pa, pb) = (preferred.contains(a.text), preferred.contains(b.text))
            if pa != pb { return pa }
            return a.count != b.count ? a.count > b.count : a.text < b.text
        }.map(\.text)
    }

    /// One bit per letter a–z, the rest of the scalars hashed into the other 38 bits.
    static func letterMask<C: Collection>(_ scalars: C) -> UInt64 where C.Element == UInt32 {
        var mask: UInt64 = 0
        for s in scalars {
            let bit = s >= 0x61 && s <= 0x7A ? UInt64(s - 0x61) : 26 + UInt64(s % 38)
            mask |= 1 << bit
        }
        return mask
    }

    /// Optimal-string-alignment distance, or nil once it must exceed `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        let x = a.map(\.value), y = b.map(\.value)
        return x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in distance(x, y, limit: limit) } }
    }

    static func distance(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var previous2 = rows.baseAddress!
            var previous = previous2 + width
            var current = previous + width
            for j in 0...b.count {
                previous2[j] = 0
                previous[j] = j
            }
            for i in 1...a.count {
                current[0] = i
                var rowMin = current[0]
                let ai = a[i - 1]
                for j in 1...b.count {
                    let cost = ai == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, ai == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, previous2[j - 2] + 1)
                    }
                    current[j] = value
                    rowMin = min(rowMin, value)
                }
                if rowMin > limit { return nil }
                (previous2, previous, current) = (previous, current, previous2)
            }
            let d = previous[b.count]
            return d <= limit ? d : nil
        }
    }
}

extension SpellingCorrector {
    /// - Parameters:
    ///   - words: the advisor's own vocabulary, the only words a correction may produce.
    ///   - everyday: common English words that are known (never corrected) but never produced.
    ///   - preferred: words that win a tie (the names of roles and tools: in this domain
    ///     "rbuy" is likelier Ruby than "buy").
    init(words: [String], everyday: [String] = [], preferred: Set<String> = []) {
        var writer = IndexWriter()
        Self.write(words: words, everyday: everyday, preferred: preferred, to: &writer)
        var reader = IndexReader(IndexBytes(copying: writer.bytes))
        // What was just written reads back, or the writer and reader are out of step: a bug.
        self = try! SpellingCorrector(reading: &reader)
    }

    init(reading reader: inout IndexReader) throws {
        bytes = reader.bytes
        let blobStart = reader.offset
        known = try StringTable(&reader)
        knownStems = try StringTable(&reader)
        preferred = try StringTable(&reader)
        words = try StringTable(&reader)
        counts = try reader.column()
        letterMasks = try reader.column()
        scalarStart = try reader.column()
        scalars = try reader.column()
        lengthStart = try reader.column()
        blobRange = reader.range(from: blobStart)
        guard counts.count == words.count, letterMasks.count == words.count, scalarStart.count == words.count + 1,
              Int(scalarStart[words.count]) == scalars.count, lengthStart.count >= 1,
              Int(lengthStart[lengthStart.count - 1]) == words.count
        else { throw IndexReader.Damaged() }
    }

    /// Writes the word lists again, as they were read.
    func copy(to writer: inout IndexWriter) { writer.raw(bytes, blobRange) }

    static func write(words: [String], everyday: [String], preferred: Set<String>, to writer: inout IndexWriter) {
        var counts: [String: Int] = [:]
        for word in words { counts[word, default: 0] += 1 }
        let known = Set(counts.keys).union(everyday)
        let knownStems = Set(counts.keys.map(Stemmer.stem))
        var byLength: [Int: [(word: [UInt32], text: String, count: Int)]] = [:]
        for (word, count) in counts where word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) {
            let scalars = word.unicodeScalars.map(\.value)
            byLength[scalars.count, default: []].append((scalars, word, count))
        }
        for key in byLength.keys {
            byLength[key]!.sort { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }
        }
        let longest = byLength.keys.max() ?? 0
        var texts: [String] = []
        var wordCounts: [UInt32] = []
        var masks: [UInt64] = []
        var scalarStart: [UInt32] = [0]
        var scalars: [UInt32] = []
        var lengthStart: [UInt32] = [0]
        for length in 0...longest {
            for entry in byLength[length] ?? [] {
                texts.append(entry.text)
                wordCounts.append(UInt32(min(entry.count, Int(UInt32.max))))
                masks.append(letterMask(entry.word))
                scalars += entry.word
                scalarStart.append(UInt32(scalars.count))
            }
            lengthStart.append(UInt32(texts.count))
        }
        StringTable.write(known.sorted(), lookup: true, to: &writer)
        StringTable.write(knownStems.sorted(), lookup: true, to: &writer)
        StringTable.write(preferred.sorted(), lookup: true, to: &writer)
        StringTable.write(texts, lookup: false, to: &writer)
        writer.column(wordCounts)
        writer.column(masks)
        writer.column(scalarStart)
        writer.column(scalars)
        writer.column(lengthStart)
    }
}
