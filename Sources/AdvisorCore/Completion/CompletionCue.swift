/// The words after which the advisor knows what kind of name comes next, so Tab offers only
/// those: "what does a dev" can only go on as a role, "what is dj" as a tool.
///
/// These are grammar for completion, not example questions: the matcher never sees them.
struct CompletionCue: Sendable {
    enum Expects: Sendable { case role, tool }

    let words: [String]
    let expects: Expects
    /// Only at the start of the line: "and a" opens a follow-up about another role ("and a
    /// cloud engineer?"), but inside a line it joins anything ("what is Python and a").
    var opensLine = false

    static let all: [CompletionCue] = [
        .init(words: ["what", "does", "a"], expects: .role),
        .init(words: ["what", "does", "an"], expects: .role),
        .init(words: ["how", "much", "does", "a"], expects: .role),
        .init(words: ["how", "much", "does", "an"], expects: .role),
        .init(words: ["become", "a"], expects: .role),
        .init(words: ["become", "an"], expects: .role),
        .init(words: ["compare"], expects: .role),
        .init(words: ["what", "is"], expects: .tool),
        .init(words: ["what's"], expects: .tool),
        .init(words: ["tell", "me", "about"], expects: .tool),
        .init(words: ["and", "a"], expects: .role, opensLine: true),
        .init(words: ["and", "an"], expects: .role, opensLine: true),
        .init(words: ["what", "about", "a"], expects: .role, opensLine: true),
        .init(words: ["what", "about", "an"], expects: .role, opensLine: true),
    ]

    /// Words that start the next name in a list: "compare a DevOps engineer and a clo".
    static let separators: Set<String> = ["and", "or", "vs", "vs.", "versus", "with", "&", ","]
    /// Words before a name that are not part of it.
    static let articles: Set<String> = ["a", "an", "the"]
}
