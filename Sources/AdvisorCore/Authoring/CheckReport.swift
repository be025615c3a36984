/// Everything one `advisor check` found, in the order an author would fix it (file by file,
/// top to bottom), with the counts and the exit status.
public struct CheckReport: Sendable {
    public private(set) var findings: [Finding]

    public init(findings: [Finding]) {
        // Stable: findings at one place keep the order the checks made them in.
        self.findings = findings.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.file != y.file { return x.file < y.file }
            if x.line != y.line { return x.line < y.line }
            if x.column != y.column { return x.column < y.column }
            return a.offset < b.offset
        }.map(\.element)
    }

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
    public var notes: Int { findings.filter { $0.severity == .note }.count }

    /// Whether the data passes: no errors, and with `strict` no warnings either.
    public func passes(strict: Bool) -> Bool {
        errors == 0 && (!strict || warnings == 0)
    }

    /// Each finding on a line of its own (notes only when asked for), then
    /// `N errors, N warnings, N notes`.
    public func render(strict: Bool, notes showNotes: Bool = false) -> String {
        var lines = findings.filter { showNotes || $0.severity != .note }.map(\.description)
        var counts = "\(Self.count(errors, "error")), \(Self.count(warnings, "warning")), \(Self.count(notes, "note"))"
        if strict && warnings > 0 { counts += " (--strict: warnings fail the check)" }
        if notes > 0 && !showNotes { counts += " (--notes lists the examples the matcher misreads when they are left out)" }
        lines.append(counts)
        return lines.joined(separator: "\n")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
