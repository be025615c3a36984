/// The advisor's whole content, loaded and indexed once: the knowledge base, the language
/// model and the answer templates. Immutable and shareable; each conversation is a `Session`.
public struct Advisor: Sendable {
    public let knowledge: KnowledgeBase
    public let language: LanguageModel
    let templates: Templates

    /// Loads and validates every data file under `root`.
    /// - Throws: `DataError` locating the first problem (`file:line:column: what`).
    public static func load(from root: DataRoot = .builtIn) throws -> Advisor {
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
