/// What Tab does with the candidates, as a shell does it: one candidate replaces what was typed
/// and adds a space; several extend the typed text to what they all share and are listed.
public struct CompletionEdit: Sendable, Equatable {
    /// Code points to delete before the cursor.
    public var deleting = 0
    public var inserting = ""
    /// The candidates to show, when there are several.
    public var listing: [String] = []

    public init(deleting: Int = 0, inserting: String = "", listing: [String] = []) {
        self.deleting = deleting
        self.inserting = inserting
        self.listing = listing
    }

    public init(_ candidates: [Candidate], line: String, cursor: Int) {
        self.init()
        guard let first = candidates.first else { return }
        let scalars = Array(line.unicodeScalars)
        let typed = Completer.text(scalars[min(first.start, scalars.count)..<min(cursor, scalars.count)])
        if candidates.count == 1 {
            let next = cursor < scalars.count ? scalars[cursor] : nil
            deleting = cursor - first.start
            inserting = first.text + (next == " " ? "" : " ")
            return
        }
        listing = candidates.map(\.text)
        let shared = Self.sharedPrefix(listing)
        if Completer.fold(shared).count > Completer.fold(typed).count {
            deleting = cursor - first.start
            inserting = shared
        }
    }

    /// The longest start all `texts` share, ignoring case, spelled as the first one spells it.
    static func sharedPrefix(_ texts: [String]) -> String {
        guard let first = texts.first else { return "" }
        var length = 0
        let others = texts.dropFirst().map { Array($0.lowercased()) }
        for (i, ch) in first.lowercased().enumerated() {
            guard others.allSatisfy({ i < $0.count && $0[i] == ch }) else { break }
            length = i + 1
        }
        return String(first.prefix(length))
    }
}
