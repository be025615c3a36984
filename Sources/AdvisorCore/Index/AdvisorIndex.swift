/// The advisor's precompiled index: everything `Advisor.load` builds from the YAML files,
/// in a form that is mapped and used in place.
///
/// Layout: a header (format, what the index was built from: see `IndexCache`), then the
/// knowledge base, the answer templates, the language model and the meaning stage's settings,
/// each a blob. Small parts (knowledge, templates, word rules, settings) are decoded at start;
/// the large ones (the matcher's postings, every word the spelling corrector knows, every
/// entity name and example) are used where they lie, so start-up does not grow with the
/// knowledge base.
/// The last eight bytes are a checksum of the rest (`IndexChecksum`).
enum AdvisorIndex {
    static let magic = Array("advisor index\n".utf8)
    /// Changes whenever the layout does, so an older cache file is rebuilt, never misread.
    static let formatVersion = 44

    struct Header {
        /// The identity (`FileStatus.fingerprint`) of the executable that wrote the index.
        var executable: [Int]
        /// The data folder, resolved.
        var root: String
        var entries: [ReadLog.Entry]
    }

    static func bytes(of advisor: Advisor, header: Header) -> [UInt8] {
        var w = IndexWriter()
        for byte in magic { w.count(Int(byte)) }
        w.count(formatVersion)
        w.count(header.executable.count)
        for n in header.executable { w.int(n) }
        w.string(header.root)
        w.count(header.entries.count)
        for entry in header.entries {
            switch entry {
            case .file(let relative, let fingerprint):
                w.bool(false)
                w.string(relative)
                w.count(fingerprint.count)
                for n in fingerprint { w.int(n) }
            case .folder(let relative, let names):
                w.bool(true)
                w.string(relative)
                w.strings(names)
            }
        }
        var part = IndexWriter()
        advisor.knowledge.write(to: &part)
        w.blob(part.bytes)
        part = IndexWriter()
        advisor.templates.write(to: &part)
        w.blob(part.bytes)
        part = IndexWriter()
        advisor.language.write(to: &part)
        w.blob(part.bytes)
        part = IndexWriter()
        advisor.meaningSettings.write(to: &part)
        w.blob(part.bytes)
        var bytes = w.bytes
        bytes += IndexChecksum.trailer(for: bytes)
        return bytes
    }

    static func readHeader(_ r: inout IndexReader) throws -> Header {
        for byte in magic { guard try r.count() == Int(byte) else { throw IndexReader.Damaged() } }
        guard try r.count() == formatVersion else { throw IndexReader.Damaged() }
        var executable: [Int] = []
        for _ in 0..<(try r.count()) { executable.append(try r.int()) }
        let root = try r.string()
        var entries: [ReadLog.Entry] = []
        for _ in 0..<(try r.count()) {
            if try r.bool() {
                entries.append(.folder(try r.string(), try r.strings()))
            } else {
                let relative = try r.string()
                var fingerprint: [Int] = []
                for _ in 0..<(try r.count()) { fingerprint.append(try r.int()) }
                entries.append(.file(relative, fingerprint))
            }
        }
        return Header(executable: executable, root: root, entries: entries)
    }

    /// The advisor an index holds. The checksum is not checked here: the bytes are either made
    /// in this process or a cache file `IndexCache.current` has checked.
    static func advisor(from bytes: IndexBytes) throws -> Advisor {
        guard bytes.count >= 8 else { throw IndexReader.Damaged() }
        var r = IndexReader(bytes, to: bytes.count - 8)
        _ = try readHeader(&r)
        var knowledge = try r.blob(), templates = try r.blob(), language = try r.blob(), meaning = try r.blob()
        try r.finish()
        let advisor = Advisor(knowledge: try KnowledgeBase(reading: &knowledge), language: try LanguageModel(reading: &language),
                              templates: try Templates(reading: &templates), meaningSettings: try MeaningSettings(reading: &meaning))
        for part in [knowledge, templates, language, meaning] { try part.finish() }
        return advisor
    }
}
