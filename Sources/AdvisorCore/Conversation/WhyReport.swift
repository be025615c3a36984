import Foundation

/// The `:why` report: how the last line was read, step by step, so a person (or an author
/// fixing the data) can see why it was answered or declined.
enum WhyReport {
    /// - Parameter examples: the meaning stage's model, to quote the closest examples by meaning.
    static func render(_ u: Understanding?, examples: Meaning? = nil) -> String {
        guard let u else { return "Nothing to explain yet: ask a question first." }
        let a = u.analysis
        var lines = ["You asked: \(a.truncated ? String(a.text.unicodeScalars.prefix(shownCharacters)) + "…" : a.text)"]
        lines.append("Words: \(a.words.joined(separator: " "))" + (a.truncated ? " (only the opening of a very long line was read)" : ""))
        if !a.corrections.isEmpty {
            lines.append("Corrected: " + a.corrections.map { "\($0.from) → \($0.to)" }.joined(separator: ", "))
        }
        lines.append("Terms: \(a.terms.joined(separator: " "))")
        if !a.mentions.isEmpty {
            lines.append("Names found: " + a.mentions.map { m in
                a.terms[m.range].joined(separator: " ") + " = " + m.values.map(\.description).joined(separator: " or ")
            }.joined(separator: "; "))
        }
        if !a.cues.isEmpty { lines.append("Cue words: " + a.cues.joined(separator: ", ")) }
        lines.append("Best matches:" + (u.alternatives.isEmpty ? " none" : ""))
        for alt in u.alternatives {
            let example = a.nearest(alt.intent).map { " (like \"\($0)\")" } ?? ""
            lines.append("  \(alt.intent.rawValue) \(percent(alt.score))\(example)")
        }
        if let read = u.meaning, let examples {
            lines.append("Closest by meaning:")
            for near in read.nearest.prefix(4) {
                let score = read.score(of: near.intent)
                lines.append("  \(near.intent.rawValue) \(percent(score)) (like \"\(examples.example(near.example))\", cosine \(String(format: "%.2f", near.cosine)))")
            }
        }
        let entities = EntityType.allCases.compactMap { t in u.entities[t].map { "\(t.rawValue): \($0.joined(separator: ", "))" } }
        lines.append("Understood: \(u.intent.rawValue) (\(percent(u.confidence)))" + (entities.isEmpty ? "" : " with " + entities.joined(separator: "; ")))
        lines.append("Because: \(u.reason).")
        return lines.joined(separator: "\n")
    }

    /// How much of a line too long to read whole is quoted back.
    static let shownCharacters = 200

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
