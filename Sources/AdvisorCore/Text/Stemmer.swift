/// A light suffix stripper: plurals, "-ing" and "-ed". It only has to map the forms of one
/// word to one key, the same way for examples and questions, so it favours doing too little
/// over merging unrelated words.
enum Stemmer {
    static func stem(_ word: String) -> String {
        // Nearly every word is ASCII: the same rules on its bytes, without Unicode lookups.
        if case let stemmed?? = word.utf8.withContiguousStorageIfAvailable({ asciiStem($0, word) }) { return stemmed }
        return scalarStem(word)
    }

    /// `stem` by Unicode scalars: the rules for any word (and what the ASCII path must equal).
    static func scalarStem(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        let n = scalars.count
        guard n > 3, scalars.allSatisfy({ $0.properties.isAlphabetic }) else { return word }
        func ends(_ suffix: String) -> Bool { word.hasSuffix(suffix) }
        func drop(_ k: Int) -> String { String(String.UnicodeScalarView(scalars[0..<(n - k)])) }
        if ends("ies") && n > 4 { return drop(3) + "y" }
        // "movie" is read like "movies" ("movy"), "potatoes" like "potato", "shoe" like "shoes".
        if ends("ie") && n > 4 { return drop(2) + "y" }
        if ends("oes") && n > 4 || ends("sses") || ends("shes") || ends("ches") || ends("xes") { return drop(2) }
        if ends("oe") { return drop(1) }
        if ends("ss") || ends("us") || ends("is") || ends("ys") && n <= 4 { return word }
        if ends("s") { return drop(1) }
        if ends("ing") && n - 3 >= 4 {
            let base = drop(3)
            let b = Array(base.unicodeScalars)
            // "running" → "run": undo a doubled final consonant.
            if b.count >= 4, b[b.count - 1] == b[b.count - 2], !"aeiouls".unicodeScalars.contains(b[b.count - 1]) {
                return String(String.UnicodeScalarView(b.dropLast()))
            }
            return base
        }
        if ends("ed") && n - 2 >= 4 && !ends("eed") { return drop(2) }
        return word
    }

    /// `stem` for a word of ASCII bytes, or nil when it has other bytes (the general path
    /// then applies the same rules).
    private static func asciiStem(_ b: UnsafeBufferPointer<UInt8>, _ word: String) -> String? {
        guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
        let n = b.count
        guard n > 3, b.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return word }
        func ends(_ suffix: StaticString) -> Bool {
            let k = suffix.utf8CodeUnitCount
            guard n >= k else { return false }
            for i in 0..<k where b[n - k + i] != suffix.utf8Start[i] { return false }
            return true
        }
        func drop(_ k: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[0..<(n - k)]), as: UTF8.self) }
        if ends("ies") && n > 4 { return drop(3) + "y" }
        // "movie" is read like "movies" ("movy"), "potatoes" like "potato", "shoe" like "shoes".
        if ends("ie") && n > 4 { return drop(2) + "y" }
        if ends("oes") && n > 4 || ends("sses") || ends("shes") || ends("ches") || ends("xes") { return drop(2) }
        if ends("oe") { return drop(1) }
        if ends("ss") || ends("us") || ends("is") || ends("ys") && n <= 4 { return word }
        if ends("s") { return drop(1) }
        if ends("ing") && n - 3 >= 4 {
            let m = n - 3
            // "running" → "run": undo a doubled final consonant.
            if m >= 4, b[m - 1] == b[m - 2], !"aeiouls".utf8.contains(b[m - 1]) { return drop(4) }
            return drop(3)
        }
        if ends("ed") && n - 2 >= 4 && !ends("eed") { return drop(2) }
        return word
    }
}
