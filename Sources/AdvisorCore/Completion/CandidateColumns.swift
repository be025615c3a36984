/// Lays candidates out in columns, filled top to bottom and then left to right, as `ls` and a
/// shell's completion listing do, so a long list takes few lines.
public enum CandidateColumns {
    /// The lines to print for `items` on a terminal `width` columns wide, without trailing spaces.
    public static func lines(_ items: [String], width: Int) -> [String] {
        guard !items.isEmpty else { return [] }
        let gap = 2
        let columnWidth = items.map(\.count).max()! + gap
        let columns = max(1, min(items.count, (max(width, 1) + gap) / columnWidth))
        let rows = (items.count + columns - 1) / columns
        return (0..<rows).map { row in
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < items.count else { break }
                let item = items[index]
                line += item
                if (column + 1) * rows + row < items.count {
                    line += String(repeating: " ", count: columnWidth - item.count)
                }
            }
            return line
        }
    }
}
