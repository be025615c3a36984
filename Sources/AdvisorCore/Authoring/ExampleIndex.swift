/// Every intent example with the place it is written, numbered as the matcher numbers its
/// examples (intents in the contract's order; an intent's files in name order; each file
/// top to bottom), so that a leave-one-out score can leave out exactly that example and a
/// finding can point at its line.
struct ExampleIndex {
    struct Example {
        let intent: Intent
        let text: String
        let file: String
        let line: Int
    }

    /// The files of `Intents/` that hold no examples.
    static let reservedFiles: Set<String> = ["lexicon.yaml", "entities.yaml", "matching.yaml", "meaning.yaml"]

    private(set) var examples: [Example] = []
    /// Per intent, the first file that holds its examples and the line of its `examples` key.
    private(set) var home: [Intent: (file: String, line: Int)] = [:]
    /// What is wrong with the files, for an advisor that could not be loaded.
    private(set) var findings: [Finding] = []

    /// Reads the example files, collecting problems instead of stopping at the first. A file
    /// with a syntax error is skipped here: the syntax check reports it.
    init(root: DataRoot) {
        let folder = DataRoot.intentsFolder
        guard let files = try? root.yamlFiles(in: folder) else { return }
        var byIntent: [Intent: [Example]] = [:]
        for file in files where !Self.reservedFiles.contains(String(file.dropFirst(folder.count + 1))) {
            guard let doc = try? root.parse(file) else { continue }
            do {
                let record = try doc.record(file, allowed: ["intent", "examples"])
                let name = try record.text("intent")
                guard let intent = Intent(rawValue: name) else {
                    let node = try record.required("intent")
                    findings.append(Finding(.error, file: file, line: node.line, column: node.column,
                                            "unknown intent '\(name)'\(NearMiss.hint(for: name, among: Intent.allCases.map(\.rawValue)))"))
                    continue
                }
                let list = try record.required("examples")
                let items = try list.list("'examples' of \(file)")
                if items.isEmpty {
                    findings.append(Finding(.error, file: file, line: list.line, column: list.column,
                                            "intent '\(name)' has no examples: list the questions people ask for it under 'examples'"))
                }
                if home[intent] == nil { home[intent] = (file, list.line) }
                for item in items {
                    let text = try item.text("an item of 'examples' of \(file)")
                    byIntent[intent, default: []].append(Example(intent: intent, text: text, file: file, line: item.line))
                }
            } catch let error as DataError {
                findings.append(Finding(error))
            } catch {
                findings.append(Finding(.error, file: file, "\(error)"))
            }
        }
        for intent in Intent.allCases {
            guard let list = byIntent[intent] else {
                if home[intent] == nil {
                    findings.append(Finding(.error, file: folder, "intent '\(intent.rawValue)' has no examples file (add \(folder)/\(intent.rawValue).yaml)"))
                }
                continue
            }
            examples += list
        }
    }

    /// The examples of each intent, as texts.
    var texts: [Intent: [String]] {
        Dictionary(grouping: examples, by: \.intent).mapValues { $0.map(\.text) }
    }
}
