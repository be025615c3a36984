/// The `:history [N]` listing: the last N lines typed, numbered from the oldest kept, as a
/// shell's `history` numbers them, so the numbers stay put as the list grows.
enum HistoryListing {
    static func render(_ entries: [String], last count: Int?, empty: String) -> String {
        guard !entries.isEmpty else { return empty }
        let shown = entries.indices.suffix(count ?? entries.count)
        let width = String(entries.count).count
        return shown.map { index in
            let number = String(index + 1)
            // A history file written by hand or by an older advisor may hold control characters.
            return String(repeating: " ", count: width - number.count) + number + "  " + InputSanitizer.clean(entries[index])
        }.joined(separator: "\n")
    }
}
