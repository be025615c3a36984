/// The version shown by `--version` and the REPL banner.
enum AdvisorVersion {
    static let current = "0.1.0"
}
