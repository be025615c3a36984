/// A unified diff of two texts, line by line, in the shape `diff -u` prints and reviewers
/// read: `--- expected`, `+++ actual`, then `@@ -l,n +l,n @@` hunks with three lines of
/// context. The alignment is a longest common subsequence of lines; where it could go two
/// ways, removed lines come before added ones, as in GNU diff.
public enum LineDiff {
    /// One step of the alignment.
    enum Step: Equatable {
        case same(String), removed(String), added(String)
    }

    /// The unified diff of `expected` → `actual`; empty when they are equal.
    public static func unified(expected: [String], actual: [String], context: Int = 3,
                               labels: (String, String) = ("expected", "actual")) -> String {
        let steps = align(expected, actual)
        guard steps.contains(where: { if case .same = $0 { return false } else { return true } }) else { return "" }
        var out = ["--- \(labels.0)", "+++ \(labels.1)"]
        for hunk in hunks(steps, context: context) {
            out.append(hunk.header)
            out += hunk.lines
        }
        return out.joined(separator: "\n")
    }

    /// The LCS alignment: `suffix[i][j]` is the length of the longest common subsequence of
    /// `a[i...]` and `b[j...]`, so walking forward can choose at each step. Answers are a few
    /// dozen lines, so the quadratic table is small.
    static func align(_ a: [String], _ b: [String]) -> [Step] {
        var suffix = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                suffix[i][j] = a[i] == b[j] ? suffix[i + 1][j + 1] + 1 : max(suffix[i + 1][j], suffix[i][j + 1])
            }
        }
        var steps: [Step] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                steps.append(.same(a[i])); i += 1; j += 1
            } else if j == b.count || (i < a.count && suffix[i + 1][j] >= suffix[i][j + 1]) {
                steps.append(.removed(a[i])); i += 1
            } else {
                steps.append(.added(b[j])); j += 1
            }
        }
        return steps
    }

    struct Hunk {
        var header: String
        var lines: [String]
    }

    /// Groups the changes with `context` unchanged lines around each; changes closer than
    /// twice the context share one hunk.
    static func hunks(_ steps: [Step], context: Int) -> [Hunk] {
        let changed = steps.indices.filter { if case .same = steps[$0] { return false } else { return true } }
        var ranges: [ClosedRange<Int>] = []
        for index in changed {
            let low = max(0, index - context), high = min(steps.count - 1, index + context)
            if let last = ranges.last, low <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...high
            } else {
                ranges.append(low...high)
            }
        }
        // Line numbers (0-based) in each text where every step starts.
        var oldAt: [Int] = [], newAt: [Int] = []
        var (old, new) = (0, 0)
        for step in steps {
            oldAt.append(old); newAt.append(new)
            switch step {
            case .same: old += 1; new += 1
            case .removed: old += 1
            case .added: new += 1
            }
        }
        return ranges.map { range in
            var lines: [String] = []
            var (oldCount, newCount) = (0, 0)
            for step in steps[range] {
                switch step {
                case .same(let line): lines.append(" " + line); oldCount += 1; newCount += 1
                case .removed(let line): lines.append("-" + line); oldCount += 1
                case .added(let line): lines.append("+" + line); newCount += 1
                }
            }
            let header = "@@ -\(span(oldAt[range.lowerBound], oldCount)) +\(span(newAt[range.lowerBound], newCount)) @@"
            return Hunk(header: header, lines: lines)
        }
    }

    /// GNU's way of writing a hunk's range: `l,n`; `l` alone for one line; for none, the
    /// line before it and `,0`.
    static func span(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(start),0"
        case 1: return "\(start + 1)"
        default: return "\(start + 1),\(count)"
        }
    }
}
