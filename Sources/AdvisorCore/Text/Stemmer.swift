/// A light suffix stripper: plurals, "-ing" and "-ed". It only has to map the forms of one
/// word to one key, the same way for examples and questions, so it favours doing too little
/// over merging unrelated words.
enum Stemmer {
    static func stem(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        let n = scalars.count
        guard n > 3, scalars.allSatisfy({ $0.properties.isAlphabetic }) else { return word }
        func ends(_ suffix: String) -> Bool { word.hasSuffix(suffix) }
        func drop(_ k: Int) -> String { String(String.UnicodeScalarView(scalars[0..<(n - k)])) }
        if ends("ies") && n > 4 { return drop(3) + "y" }
        if ends("sses") || ends("shes") || ends("ches") || ends("xes") { return drop(2) }
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
}
