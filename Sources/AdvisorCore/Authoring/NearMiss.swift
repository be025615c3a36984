/// "; did you mean 'x'?" for a name one or two edits away from a known one, so a finding
/// about a typo names the fix; otherwise the known names, when there are few enough to read.
enum NearMiss {
    static func hint(for name: String, among known: [String]) -> String {
        let nearest = known.min { Session.distance(name, $0) < Session.distance(name, $1) }
        if let nearest, Session.distance(name, nearest) <= 2 { return "; did you mean '\(nearest)'?" }
        guard !known.isEmpty, known.count <= 30 else { return "" }
        return " (known: \(known.joined(separator: ", ")))"
    }
}
