/// `advisor replay --coverage`: which of the contract's intents and entity values no
/// transcript's `=` line exercises, so the corpus grows where the advisor is unguarded.
///
/// Only `=` lines count: they say what a turn was understood as. A turn without one pins
/// its answer but not its meaning.
public struct TranscriptCoverage: Sendable, Equatable {
    /// Contract intents no reading names, in the contract's order.
    public var missingIntents: [Intent]
    /// Entity values no reading names, by type in `EntityType` order, IDs in the knowledge
    /// base's order (roles as in the article's table).
    public var missingValues: [EntityValue]
    /// How many of each there are in all, for the summary line.
    public var intentCount: Int
    public var valueCount: Int

    /// The contract's entity types: `foreign` only marks off-topic lines and is never reported.
    public static let types: [EntityType] = EntityType.allCases.filter { $0 != .foreign }

    /// Every value an entity type may take: the knowledge base's IDs, or the fixed IDs.
    public static func values(of knowledge: KnowledgeBase) -> [EntityValue] {
        types.flatMap { type in
            (knowledge.ids(of: type) ?? EntityLexicon.fixedIDs[type] ?? []).map { EntityValue(type, $0) }
        }
    }

    public init(_ transcripts: [Transcript], knowledge: KnowledgeBase) {
        let readings = transcripts.flatMap(\.turns).compactMap(\.reading)
        let intents = Set(readings.map(\.intent))
        let values = Set(readings.flatMap { reading in
            reading.entities.flatMap { type, ids in ids.map { EntityValue(type, $0) } }
        })
        let all = Self.values(of: knowledge)
        missingIntents = Intent.allCases.filter { !intents.contains($0) }
        missingValues = all.filter { !values.contains($0) }
        intentCount = Intent.allCases.count
        valueCount = all.count
    }

    /// The report: a count line, then what is missing, one entity type per line.
    ///
    ///     coverage: 26 of 26 intents, 78 of 80 entity values
    ///     intents no transcript exercises: none
    ///     entity values no transcript exercises:
    ///       tool: ruby, php
    public func render() -> String {
        var lines = ["coverage: \(intentCount - missingIntents.count) of \(intentCount) intents, "
                     + "\(valueCount - missingValues.count) of \(valueCount) entity values"]
        lines.append("intents no transcript exercises: "
                     + (missingIntents.isEmpty ? "none" : missingIntents.map(\.rawValue).joined(separator: ", ")))
        if missingValues.isEmpty {
            lines.append("entity values no transcript exercises: none")
        } else {
            lines.append("entity values no transcript exercises:")
            for type in Self.types {
                let ids = missingValues.filter { $0.type == type }.map(\.id)
                if !ids.isEmpty { lines.append("  \(type.rawValue): \(ids.joined(separator: ", "))") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
