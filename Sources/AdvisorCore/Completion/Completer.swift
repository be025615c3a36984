/// Tab completion as a pure function of the line and the cursor, fed by the knowledge base and
/// the commands, so every rule is testable without a terminal.
///
/// - After `:` it offers the commands.
/// - After a cue ("what does a", "how much does a", "compare", and "and a" or "what about a"
///   opening a follow-up → roles; "what is", "tell me about" → tools and tool kinds) it offers
///   that kind of name, for each item of a list ("compare a DevOps engineer and a clo").
/// - Elsewhere it offers any name, topic or tool the last words begin.
///
/// Matching ignores case, spaces, `-` and `.`; a name of several words is offered whole, so
/// "what does a dev" becomes "what does a DevOps Engineer".
public struct Completer: Sendable {
    let commands: [String]
    let roles: [String]
    let tools: [String]
    /// Every name and topic word the knowledge base has, for lines without a cue.
    let everything: [(text: String, kind: Candidate.Kind)]
    /// The most words any name has; no fragment longer than this can match.
    let longestName: Int

    public init(knowledge kb: KnowledgeBase, commands: [String] = Session.commandNames) {
        self.commands = commands.map { ":" + $0 }
        roles = kb.roles.map(\.name)
        tools = kb.tools.map(\.name) + kb.categories.map(\.name)
        let topics = kb.technicalSkills.map(\.name) + kb.softSkills.map(\.name)
            + kb.steps.map(\.title) + kb.responsibilities.map(\.title)
        var seen = Set<String>()
        everything = (roles.map { ($0, Candidate.Kind.role) } + tools.map { ($0, .tool) } + topics.map { ($0, .topic) })
            .filter { seen.insert(Self.fold($0.0)).inserted }
        longestName = everything.map { Self.words(in: Array($0.text.unicodeScalars)).count }.max() ?? 1
    }

    public init(advisor: Advisor) { self.init(knowledge: advisor.knowledge) }

    /// The candidates for the text before `cursor` (in code points), sorted as a shell sorts
    /// them; empty when nothing fits.
    public func candidates(line: String, cursor: Int) -> [Candidate] {
        let before = Array(line.unicodeScalars.prefix(max(0, cursor)))
        let end = before.count
        let words = Self.words(in: before)

        if let first = words.first, first.text.hasPrefix(":") {
            guard words.count == 1, first.end == end else { return [] }
            return matches(first.text, in: commands.map { ($0, .command) }, start: first.start)
        }
        if let cue = nearestCue(in: words, before: end) {
            var fragment = cue.end == words.count ? [] : Array(words[cue.end...])
            if let separator = fragment.lastIndex(where: { CompletionCue.separators.contains($0.folded) }) {
                fragment.removeSubrange(...separator)
            }
            if fragment.count > 1 || (fragment.count == 1 && fragment[0].end < end),
               CompletionCue.articles.contains(fragment[0].folded) {
                fragment.removeFirst()
            }
            let start = fragment.first?.start ?? end
            let typed = Self.text(before[start..<end])
            let names = cue.expects == .role ? roles.map { ($0, Candidate.Kind.role) } : tools.map { ($0, .tool) }
            let found = matches(typed, in: names, start: start)
            if !found.isEmpty || typed.isEmpty { return found }
        }
        // No cue, or nothing of the cued kind: the longest run of last words that begins a name.
        guard let last = words.last, last.end == end else { return [] }
        for first in max(0, words.count - longestName)..<words.count {
            let found = matches(Self.text(before[words[first].start..<end]), in: everything, start: words[first].start)
            if !found.isEmpty { return found }
        }
        return []
    }

    /// The names that `typed` begins, compared folded.
    private func matches(_ typed: String, in names: [(text: String, kind: Candidate.Kind)], start: Int) -> [Candidate] {
        let key = Self.fold(typed)
        return names.filter { Self.fold($0.text).hasPrefix(key) }
            .map { Candidate(text: $0.text, start: start, kind: $0.kind) }
            .sorted { Self.fold($0.text) < Self.fold($1.text) }
    }

    /// The cue that ends last before the cursor, as the index of the first word after it. A cue
    /// counts only once a space follows it: "what is" + Tab is still typing the word "is".
    private func nearestCue(in words: [Word], before end: Int) -> (expects: CompletionCue.Expects, end: Int)? {
        var best: (expects: CompletionCue.Expects, end: Int)?
        for cue in CompletionCue.all where words.count >= cue.words.count {
            let n = cue.words.count
            for first in 0...(cue.opensLine ? 0 : words.count - n) where words[first + n - 1].end < end && first + n > (best?.end ?? -1)
                && zip(words[first..<first + n], cue.words).allSatisfy({ $0.folded == $1 }) {
                best = (cue.expects, first + n)
            }
        }
        return best
    }

    /// A word of the line and where it is, in code points. Commas are words of their own.
    struct Word {
        let text: String
        let start: Int
        let end: Int
        var folded: String { Completer.fold(text) }
    }

    static func words(in scalars: [Unicode.Scalar]) -> [Word] {
        var words: [Word] = []
        var start: Int?
        for (i, s) in scalars.enumerated() {
            let isSpace = s.properties.isWhitespace
            if (isSpace || s == ",") && start != nil {
                words.append(Word(text: text(scalars[start!..<i]), start: start!, end: i))
                start = nil
            }
            if s == "," { words.append(Word(text: ",", start: i, end: i + 1)) } else if !isSpace && start == nil { start = i }
        }
        if let start { words.append(Word(text: text(scalars[start...]), start: start, end: scalars.count)) }
        return words
    }

    static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars)
        return s
    }

    /// The form names are compared in: lower case, without spaces, `-` or `.`, so "backend",
    /// "back end" and "Back-End" all match, and so do "nodejs" and "Node.js".
    static func fold(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "-" && $0 != "." }.map(Character.init))
    }
}
