/// A plain-text table whose columns stay aligned with `₹`, `–` and accented names in them:
/// widths are counted in terminal columns, not bytes or UTF-16 units.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    func render() -> String {
        let all = [header] + rows
        // Each cell measured once: a table of every role is measured cell by cell, and a
        // knowledge base may hold a thousand roles.
        let cellWidths = all.map { $0.map(Self.width) }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cellWidths { for (i, w) in row.enumerated() { widths[i] = max(widths[i], w) } }
        var out = ""
        out.reserveCapacity(all.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count } } + (all.count + 1) * (2 * widths.count + 1) + widths.reduce(0, +) * 3)
        let padding = String(repeating: " ", count: widths.max() ?? 0)
        func append(_ row: [String], _ measured: [Int]) {
            for (i, cell) in row.enumerated() {
                if i > 0 { out += "  " }
                out += cell
                if i < row.count - 1 { out += padding.prefix(widths[i] - measured[i]) }
            }
        }
        append(header, cellWidths[0])
        out += "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        for (row, measured) in zip(rows, cellWidths.dropFirst()) {
            out += "\n"
            append(row, measured)
        }
        return out
    }

    /// Terminal columns of a string: wide East Asian characters take two, combining marks none.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, s in
            let v = s.value
            // Below U+0300 (ASCII, Latin, ₹ is above) there are no marks and nothing wide:
            // one column, without the costly Unicode property lookup.
            if v < 0x300 { return sum + 1 }
            // General punctuation and currency signs (–, ₹): no marks, nothing wide.
            if v >= 0x2000 && v < 0x20D0 { return sum + 1 }
            if s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .enclosingMark { return sum }
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v) {
                return sum + 2
            }
            return sum + 1
        }
    }
}
