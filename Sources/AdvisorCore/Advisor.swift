/// The advisor's whole content, loaded and indexed once: the knowledge base, the language
/// model and the answer templates. Immutable and shareable; each conversation is a `Session`.
public struct Advisor: Sendable {
    public let knowledge: KnowledgeBase
    public let language: LanguageModel
    let templates: Templates
    /// How the meaning stage weighs the encoder's reading (`Intents/meaning.yaml`).
    public let meaningSettings: MeaningSettings
    /// The sentence encoder and the examples' vectors; nil on the lexical matcher alone.
    public private(set) var meaning: Meaning?
    /// Whether the encoder is on, and if not, why.
    public private(set) var meaningStatus: MeaningStatus = .off(reason: "no sentence encoder was asked for")
    /// The first words of every gap's words (`gaps.yaml`): a line holding none asks into no gap,
    /// which most lines are found to do by one look-up a word.
    let gapOpenings: Set<String>

    init(knowledge: KnowledgeBase, language: LanguageModel, templates: Templates, meaningSettings: MeaningSettings) {
        self.knowledge = knowledge
        self.language = language
        self.templates = templates
        self.meaningSettings = meaningSettings
        gapOpenings = knowledge.gaps.reduce(into: Set<String>()) { $0.formUnion($1.firsts) }
    }

    /// Loads and validates every data file under `root`.
    ///
    /// The first load after a data file changed reads and checks the YAML, builds the index
    /// and keeps it in the index cache (`IndexCache`); later loads map that index and only
    /// check that no data file changed since. Either way the advisor is read from the same
    /// index bytes, so it answers the same.
    ///
    /// With a sentence encoder (`model`), the examples' vectors are looked up (and those not
    /// yet encoded, encoded) when the index is built, not at every start; without one, or when
    /// its file is missing or damaged, the advisor reads with the lexical matcher alone and
    /// `meaningStatus` says why.
    /// - Throws: `DataError` locating the first problem (`file:line:column: what`).
    public static func load(from root: DataRoot, model: EncoderModel) throws -> Advisor {
        try load(from: root, cache: IndexCache(root: root), model: model)
    }

    static func load(from root: DataRoot, cache: IndexCache, model: EncoderModel = .none) throws -> Advisor {
        if let bytes = cache.current(), let advisor = try? AdvisorIndex.advisor(from: bytes) {
            let reading = advisor.reading(with: model)
            // A model installed after the index was built: its examples are encoded now, at start,
            // not at the first question that needs them.
            if model.hasNoVectors { reading.meaning?.prepare() }
            return reading
        }
        let log = ReadLog()
        let built = try build(from: DataRoot(path: root.path, reads: log))
        let bytes = AdvisorIndex.bytes(of: built, header: cache.header(for: log))
        cache.store(bytes, log: log)
        let advisor: Advisor
        do {
            advisor = try AdvisorIndex.advisor(from: IndexBytes(copying: bytes)).reading(with: model)
        } catch {
            preconditionFailure("the advisor's index does not read back as written: \(error)")
        }
        advisor.meaning?.prepare()
        return advisor
    }

    /// This advisor, reading meaning with `model` too (or, if it cannot be opened, without).
    public func reading(with model: EncoderModel) -> Advisor {
        var advisor = self
        let opened = model.open()
        advisor.meaningStatus = opened.status
        advisor.meaning = opened.encoder.map { encoder in
            Meaning(encoder: encoder, settings: meaningSettings, examples: language.exampleTable,
                    stores: model.stores(fingerprint: encoder.fingerprint))
        }
        return advisor
    }

    /// Reads and checks every data file and builds the advisor from them.
    static func build(from root: DataRoot) throws -> Advisor {
        let knowledge = try KnowledgeLoader(root: root).load()
        let language = try LanguageModel.load(root: root, knowledge: knowledge)
        let templates = try Templates.load(
            try root.parse("\(DataRoot.knowledgeFolder)/answers.yaml"),
            stepIDs: knowledge.steps.map(\.id), levelIDs: EntityLexicon.fixedIDs[.level] ?? [])
        let meaning = try MeaningSettings.load(try root.parse(MeaningSettings.file))
        return Advisor(knowledge: knowledge, language: language, templates: templates, meaningSettings: meaning)
    }

    /// A fresh conversation.
    public func session() -> Session { Session(advisor: self) }
}
