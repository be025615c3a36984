/// Checks the entity values that `Intents/matching.yaml` names (`role/backend-developer` as
/// a placeholder, in `defaults` and `excludes`): the loader checks their types only, and a
/// misspelt ID would silently never match.
enum SettingsCheck {
    static let file = "\(DataRoot.intentsFolder)/matching.yaml"

    static func findings(_ root: DataRoot, knowledge: KnowledgeBase) -> [Finding] {
        guard let doc = try? root.parse(file), let top = try? doc.pairs(file) else { return [] }
        var findings: [Finding] = []
        func check(_ text: String, at node: DataNode) {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, let type = EntityType(rawValue: parts[0]) else { return }  // the loader reports these
            let known = EntityNameCheck.knownIDs(type, knowledge)
            if !known.contains(parts[1]) {
                findings.append(Finding(.error, file: file, line: node.line, column: node.column,
                                        "unknown \(type.rawValue) '\(parts[1])' in '\(text)'\(NearMiss.hint(for: parts[1], among: known))"))
            }
        }
        for entry in top {
            switch entry.key {
            case "placeholders":
                for placeholder in (try? entry.value.pairs("'placeholders'")) ?? [] where placeholder.key.contains("/") {
                    check(placeholder.key, at: placeholder.keyNode)
                }
            case "intents":
                for intent in (try? entry.value.pairs("'intents'")) ?? [] {
                    for setting in (try? intent.value.pairs(intent.key)) ?? [] where ["defaults", "excludes"].contains(setting.key) {
                        for item in (try? setting.value.list(setting.key)) ?? [] {
                            if let text = try? item.text(setting.key) { check(text, at: item) }
                        }
                    }
                }
            default:
                continue
            }
        }
        return findings
    }
}
