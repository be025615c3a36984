/// The advisor's whole content, loaded and indexed once: the knowledge base, the language
/// model and the answer templates. Immutable and shareable; each conversation is a `Session`.
public struct Advisor: Sendable {
    public let knowledge: KnowledgeBase
    public let language: LanguageModel
    let templates: Templates

    /// Loads and validates every data file under `root`.
    ///
    /// The first load after a data file changed reads and checks the YAML, builds the index
    /// and keeps it in the index cache (`IndexCache`); later loads map that index and only
    /// check that no data file changed since. Either way the advisor is read from the same
    /// index bytes, so it answers the same.
    /// - Throws: `DataError` locating the first problem (`file:line:column: what`).
    public static func load(from root: DataRoot = .builtIn) throws -> Advisor {
        try load(from: root, cache: IndexCache(root: root))
    }

    static func load(from root: DataRoot, cache: IndexCache) throws -> Advisor {
        if let bytes = cache.current(), let advisor = try? AdvisorIndex.advisor(from: bytes) { return advisor }
        let log = ReadLog()
        let built = try build(from: DataRoot(path: root.path, reads: log))
        let bytes = AdvisorIndex.bytes(of: built, header: cache.header(for: log))
        cache.store(bytes, log: log)
        do {
            return try AdvisorIndex.advisor(from: IndexBytes(copying: bytes))
        } catch {
            preconditionFailure("the advisor's index does not read back as written: \(error)")
        }
    }

    /// Reads and checks every data file and builds the advisor from them.
    static func build(from root: DataRoot) throws -> Advisor {
        let knowledge = try KnowledgeLoader(root: root).load()
        let language = try LanguageModel.load(root: root, knowledge: knowledge)
        let templates = try Templates.load(
            try root.parse("\(DataRoot.knowledgeFolder)/answers.yaml"),
            stepIDs: knowledge.steps.map(\.id), levelIDs: EntityLexicon.fixedIDs[.level] ?? [])
        return Advisor(knowledge: knowledge, language: language, templates: templates)
    }

    /// A fresh conversation.
    public func session() -> Session { Session(advisor: self) }
}
