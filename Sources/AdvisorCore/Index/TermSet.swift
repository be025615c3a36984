/// A set of strings read in place from the advisor's index: membership by hashing, nothing
/// decoded up front, whatever its size.
struct TermSet: @unchecked Sendable {
    /// Keeps the bytes the table points into alive.
    let bytes: IndexBytes
    /// Where this part lies in `bytes`, to be written again as it is.
    let blobRange: Range<Int>
    let table: StringTable

    init(_ terms: Set<String>) {
        var writer = IndexWriter()
        StringTable.write(terms.sorted(), lookup: true, to: &writer)
        var reader = IndexReader(IndexBytes(copying: writer.bytes))
        // What was just written reads back, or the writer and reader are out of step: a bug.
        self = try! TermSet(reading: &reader)
    }

    init(reading reader: inout IndexReader) throws {
        bytes = reader.bytes
        let blobStart = reader.offset
        table = try StringTable(&reader)
        blobRange = reader.range(from: blobStart)
    }

    func write(to writer: inout IndexWriter) { writer.raw(bytes, blobRange) }

    func contains(_ term: String) -> Bool { table.contains(term) }

    var count: Int { table.count }
}

/// Every intent example as written, in the matcher's numbering (intents in the contract's
/// order, each intent's files in name order), read in place: `:why` quotes one at a time,
/// and only `check` and coverage need them all.
struct ExampleTable: @unchecked Sendable {
    /// Keeps the bytes the columns point into alive.
    let bytes: IndexBytes
    /// Where this part lies in `bytes`, to be written again as it is.
    let blobRange: Range<Int>
    let texts: StringTable
    /// Intent i's examples are `intentStart[i] ..< intentStart[i + 1]`.
    let intentStart: Column<UInt32>
    private let grouped: LazyValue<[Intent: [String]]>

    init(_ examples: [Intent: [String]]) {
        var writer = IndexWriter()
        Self.write(examples, to: &writer)
        var reader = IndexReader(IndexBytes(copying: writer.bytes))
        // What was just written reads back, or the writer and reader are out of step: a bug.
        self = try! ExampleTable(reading: &reader)
    }

    static func write(_ examples: [Intent: [String]], to writer: inout IndexWriter) {
        var starts: [UInt32] = [0]
        var texts: [String] = []
        for intent in Intent.allCases {
            texts += examples[intent] ?? []
            starts.append(UInt32(texts.count))
        }
        StringTable.write(texts, lookup: false, to: &writer)
        writer.column(starts)
    }

    init(reading reader: inout IndexReader) throws {
        bytes = reader.bytes
        let blobStart = reader.offset
        let texts = try StringTable(&reader)
        let intentStart: Column<UInt32> = try reader.column()
        blobRange = reader.range(from: blobStart)
        guard intentStart.count == Intent.allCases.count + 1, Int(intentStart[Intent.allCases.count]) == texts.count else {
            throw IndexReader.Damaged()
        }
        self.texts = texts
        self.intentStart = intentStart
        grouped = LazyValue {
            var result: [Intent: [String]] = [:]
            for (i, intent) in Intent.allCases.enumerated() where intentStart[i] < intentStart[i + 1] {
                result[intent] = (Int(intentStart[i])..<Int(intentStart[i + 1])).map { texts[$0] }
            }
            return result
        }
    }

    func write(to writer: inout IndexWriter) { writer.raw(bytes, blobRange) }

    var count: Int { texts.count }

    subscript(i: Int) -> String { texts[i] }

    /// The examples per intent; intents without any are absent.
    var byIntent: [Intent: [String]] { grouped.value }
}
