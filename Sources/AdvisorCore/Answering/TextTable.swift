/// A plain-text table whose columns stay aligned with `₹`, `–` and accented names in them:
/// widths are counted in terminal columns, not bytes or UTF-16 units.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    func render() -> String {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Self.width(cell)) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - Self.width(cell))
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// Terminal columns of a string: wide East Asian characters take two, combining marks none.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, s in
            let v = s.value
            // Below U+0300 (ASCII, Latin, ₹ is above) there are no marks and nothing wide:
            // one column, without the costly Unicode property lookup.
            if v < 0x300 { return sum + 1 }
            if s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .enclosingMark { return sum }
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v) {
                return sum + 2
            }
            return sum + 1
        }
    }
}
