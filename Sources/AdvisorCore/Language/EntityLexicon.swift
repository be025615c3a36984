/// The names people use for each entity (`Intents/entities.yaml`), folded like questions and
/// indexed by first term so that finding every mention in a line is one pass.
public struct EntityLexicon: Sendable {
    struct Alias: Sendable {
        let terms: [String]
        var values: [EntityValue]
    }

    /// The aliases, folded, read in place from the advisor's index (`EntityLexicon+Index.swift`).
    let table: AliasTable
    /// Every alias as written, per value, for completion and `check`; made when first asked for.
    private let allNames: LazyValue<[EntityValue: [String]]>
    public var names: [EntityValue: [String]] { allNames.value }
    /// Runs of terms that open longer names, with what they open (`AliasTable.openings`).
    func openings() -> [[String]: [EntityType: Set<String>]] { table.openings() }
    func endings() -> [String: [EntityType: Set<String>]] { table.endings() }

    /// The surface words of all aliases, for typo correction.
    var surfaceWords: [String] { table.surfaceWords.all }

    init(table: AliasTable) {
        self.table = table
        allNames = LazyValue { table.names() }
    }

    /// The IDs of the entity types that the knowledge base does not define.
    static let fixedIDs: [EntityType: [String]] = [
        .order: ["highest", "lowest"],
        .kind: ["technical", "soft"],
        .level: ["beginner", "student", "working-professional"],
        .foreign: ["other-job", "frontend-only", "data-science"],
    ]

    static func load(_ doc: DataNode, knowledge: KnowledgeBase, normalizer: Normalizer) throws -> EntityLexicon {
        var names: [(value: EntityValue, alias: String)] = []
        var surfaceWords: [String] = []
        var byTerms: [[String]: Int] = [:]
        var aliases: [Alias] = []
        for typeEntry in try doc.pairs("entities.yaml") {
            guard let type = EntityType(rawValue: typeEntry.key) else {
                let known = EntityType.allCases.map(\.rawValue).joined(separator: ", ")
                throw typeEntry.keyNode.error("unknown entity type '\(typeEntry.key)' (known: \(known))")
            }
            let known = knowledge.ids(of: type) ?? fixedIDs[type] ?? []
            var seenInType: [[String]: String] = [:]
            for idEntry in try typeEntry.value.pairs("entity type '\(type.rawValue)'") {
                guard known.contains(idEntry.key) else {
                    throw idEntry.keyNode.error("unknown \(type.rawValue) '\(idEntry.key)' (known: \(known.joined(separator: ", ")))")
                }
                let value = EntityValue(type, idEntry.key)
                for aliasNode in try idEntry.value.list("aliases of \(value)") {
                    let alias = try aliasNode.text("an alias of \(value)")
                    let words = normalizer.words(alias)
                    let terms = normalizer.terms(of: words)
                    guard !terms.isEmpty else { throw aliasNode.error("alias '\(alias)' of \(value) has no words") }
                    if let other = seenInType[terms], other != value.id {
                        throw aliasNode.error("alias '\(alias)' names both \(type.rawValue) '\(other)' and '\(value.id)'")
                    }
                    seenInType[terms] = value.id
                    names.append((value, alias))
                    surfaceWords.append(contentsOf: words)
                    if let at = byTerms[terms] {
                        if !aliases[at].values.contains(value) { aliases[at].values.append(value) }
                    } else {
                        byTerms[terms] = aliases.count
                        aliases.append(Alias(terms: terms, values: [value]))
                    }
                }
            }
        }
        // First term → aliases starting with it, longest first.
        var index: [String: [Alias]] = [:]
        for alias in aliases { index[alias.terms[0], default: []].append(alias) }
        for key in index.keys { index[key]!.sort { $0.terms.count > $1.terms.count } }
        var writer = IndexWriter()
        AliasTable.write(index: index, names: names, surfaceWords: surfaceWords, to: &writer)
        var reader = IndexReader(IndexBytes(copying: writer.bytes))
        // What was just written reads back, or the writer and reader are out of step: a bug.
        return EntityLexicon(table: try! AliasTable(reading: &reader))
    }

    /// Every mention in `terms`, left to right, the longest alias winning where two overlap.
    func mentions(in terms: [String]) -> [Mention] { table.mentions(in: terms) }
}

/// A run of terms that names one or more entity values ("databases" is both a category and
/// a responsibility; the intent decides which one counts).
public struct Mention: Sendable, Equatable {
    public let range: Range<Int>
    public let values: [EntityValue]

    func value(of type: EntityType) -> EntityValue? { values.first { $0.type == type } }
}
