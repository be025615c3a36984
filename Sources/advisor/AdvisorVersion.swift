import AdvisorCore

/// The version shown by `--version` and the REPL banner.
enum AdvisorVersion {
    static let current = "0.1.0"

    /// `--version`: the version, then what the advisor reads questions with (the lexical
    /// matcher, and the sentence encoder when its model is installed).
    static var withUnderstanding: String { current + "\n" + BuiltIn.model.status.description }
}
