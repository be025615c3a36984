/// Checks `Intents/entities.yaml` against the knowledge base: every name must belong to a
/// value the advisor knows, and every value should have a name, or no question can reach it.
enum EntityNameCheck {
    static let file = "\(DataRoot.intentsFolder)/entities.yaml"

    static func findings(_ root: DataRoot, knowledge: KnowledgeBase) -> [Finding] {
        guard let doc = try? root.parse(file) else { return [] }  // the syntax check reports it
        var findings: [Finding] = []
        var named = Set<EntityValue>()
        var typeLines: [EntityType: Int] = [:]
        do {
            for typeEntry in try doc.pairs("entities.yaml") {
                guard let type = EntityType(rawValue: typeEntry.key) else {
                    findings.append(Finding(.error, file: file, line: typeEntry.keyNode.line, column: typeEntry.keyNode.column,
                                            "unknown entity type '\(typeEntry.key)'\(NearMiss.hint(for: typeEntry.key, among: EntityType.allCases.map(\.rawValue)))"))
                    continue
                }
                typeLines[type] = typeEntry.keyNode.line
                let known = knownIDs(type, knowledge)
                for idEntry in try typeEntry.value.pairs("entity type '\(type.rawValue)'") {
                    let key = idEntry.keyNode
                    guard known.contains(idEntry.key) else {
                        findings.append(Finding(.error, file: file, line: key.line, column: key.column,
                                                "unknown \(type.rawValue) '\(idEntry.key)'\(NearMiss.hint(for: idEntry.key, among: known))"))
                        continue
                    }
                    let value = EntityValue(type, idEntry.key)
                    if try idEntry.value.list("aliases of \(value)").isEmpty {
                        findings.append(Finding(.warning, file: file, line: key.line, column: key.column,
                                                "\(type.rawValue) '\(idEntry.key)' has no aliases, so no question can name it: list the names people use for it"))
                    }
                    named.insert(value)
                }
            }
        } catch let error as DataError {
            findings.append(Finding(error))
        } catch {}

        let places = KnowledgePlaces(root)
        for type in EntityType.allCases {
            for id in knownIDs(type, knowledge) where !named.contains(EntityValue(type, id)) {
                let hint = "add '\(id): [...]' under '\(type.rawValue)' in \(file) with the names people use for it"
                let message = "\(type.rawValue) '\(id)' has no aliases, so no question can name it: \(hint)"
                if let place = places.lines[EntityValue(type, id)] {
                    findings.append(Finding(.warning, file: place.file, line: place.line, column: place.column, message))
                } else {
                    findings.append(Finding(.warning, file: file, line: typeLines[type] ?? 0, message))
                }
            }
        }
        return findings
    }

    static func knownIDs(_ type: EntityType, _ knowledge: KnowledgeBase) -> [String] {
        knowledge.ids(of: type) ?? EntityLexicon.fixedIDs[type] ?? []
    }
}

/// Where each value of the knowledge base is defined (the `id:` line of its entry), so a
/// finding about a value points at its definition.
struct KnowledgePlaces {
    private(set) var lines: [EntityValue: (file: String, line: Int, column: Int)] = [:]

    init(_ root: DataRoot) {
        let folder = DataRoot.knowledgeFolder
        record(root, "\(folder)/roles.yaml", .role, nil)
        record(root, "\(folder)/responsibilities.yaml", .responsibility, nil)
        record(root, "\(folder)/steps.yaml", .step, nil)
        record(root, "\(folder)/tools.yaml", .category, "categories")
        record(root, "\(folder)/tools.yaml", .tool, "tools")
    }

    /// Reads the `id` of each item of the file's list (or of its list under `key`).
    private mutating func record(_ root: DataRoot, _ file: String, _ type: EntityType, _ key: String?) {
        guard let doc = try? root.parse(file) else { return }
        var list = doc
        if let key {
            guard let pairs = try? doc.pairs(file), let entry = pairs.first(where: { $0.key == key }) else { return }
            list = entry.value
        }
        for item in (try? list.list(file)) ?? [] {
            guard let pairs = try? item.pairs(file), let id = pairs.first(where: { $0.key == "id" }),
                  let text = try? id.value.text("id") else { continue }
            lines[EntityValue(type, text)] = (file, id.keyNode.line, id.keyNode.column)
        }
    }
}
