/// Where `:save NAME` writes a transcript and `advisor replay` reads them when no folder is
/// given: `Transcripts/` in a checkout of the advisor, where the corpus that `make test`
/// replays lives; anywhere else, a per-user folder of the XDG data directory
/// (`$XDG_DATA_HOME/advisor/transcripts`, by default `~/.local/share/advisor/transcripts`),
/// so an installed advisor never litters the folder it was started in.
public enum TranscriptFolder {
    /// The checkout's folder, relative to the current folder.
    public static let inCheckout = "Transcripts"

    /// - Parameter inCheckout: whether the current folder is a checkout of the advisor.
    public static func `default`(environment: [String: String], inCheckout: Bool) -> String {
        if inCheckout { return Self.inCheckout }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/advisor/transcripts" }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return (home.hasSuffix("/") ? String(home.dropLast()) : home) + "/.local/share/advisor/transcripts"
        }
        return Self.inCheckout
    }
}
