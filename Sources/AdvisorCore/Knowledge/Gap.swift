/// A question of the domain that the article leaves open (`Sources/Knowledge/gaps.yaml`):
/// salaries by city or in dollars, how long the path takes. Such a question is answered as
/// what it asks, saying first what the article does not give and what it gives instead; it is
/// no question of another field, so it is never given the out-of-domain decline.
public struct Gap: Sendable, Equatable {
    public var id: String
    /// The readings it qualifies ("what does a DevOps engineer earn in Bangalore" is a salary
    /// question): a line of one of them that says one of `words` asks into the gap.
    public var readings: [Intent]
    /// Words and phrases that ask into it, lowercased and split into words.
    public var words: [[String]]
    /// What the article gives instead, said before the answer; nil for a derived figure.
    public var says: String?
    /// A figure worked out from the article's, and labelled as such (`monthly`: the yearly
    /// salary divided by twelve).
    public var derive: String?

    /// The first word of each of `words`, by which a line is looked up: every line passes by
    /// every gap, and most hold none of its words.
    let firsts: Set<String>

    public init(id: String, readings: [Intent], words: [[String]], says: String?, derive: String?) {
        self.id = id
        self.readings = readings
        self.words = words
        self.says = says
        self.derive = derive
        firsts = Set(words.compactMap(\.first))
    }

    /// The derivations the composer knows.
    static let derivations: Set<String> = ["monthly"]

    /// Whether `words` (a line's folded words) hold one of the gap's words or phrases.
    func isAsked(in words: [String]) -> Bool { words.contains(where: firsts.contains) && !positions(in: words).isEmpty }

    /// Where in `words` the gap's words and phrases stand.
    func positions(in words: [String]) -> Set<Int> {
        var found = Set<Int>()
        for i in words.indices where firsts.contains(words[i]) {
            for phrase in self.words where words[i...].starts(with: phrase) { found.formUnion(i..<(i + phrase.count)) }
        }
        return found
    }
}
