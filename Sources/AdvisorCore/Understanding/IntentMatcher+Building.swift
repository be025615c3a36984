import Foundation

/// Building the matcher's index from the examples' features, once, when the data changed.
extension IntentMatcher {
    /// Indexes the examples (numbered in the order given) and reads the index in memory.
    init(examples: [(intent: Intent, features: [String])], unknownWord: Double, placeholderWeight: Double = 1,
         nearest: Int = 1, exclusive: Set<String> = []) {
        var writer = IndexWriter()
        Self.write(examples: examples, unknownWord: unknownWord, placeholderWeight: placeholderWeight, nearest: nearest,
                   exclusive: exclusive, to: &writer)
        let bytes = IndexBytes(copying: writer.bytes)
        var reader = IndexReader(bytes)
        // What was just written reads back, or the writer and reader are out of step: a bug.
        // swiftlint:disable:next force_try
        self = try! IntentMatcher(reading: &reader)
    }

    /// Reads an index that `write` wrote.
    init(reading reader: inout IndexReader) throws {
        bytes = reader.bytes
        let blobStart = reader.offset
        unknownWeight = try reader.double()
        maxIDF = try reader.double()
        nearest = try reader.count()
        features = try StringTable(&reader)
        idf = try reader.column()
        postingStart = try reader.column()
        postings = try reader.column()
        postingNorm = try reader.column()
        postingBits = try reader.column()
        featureBit = try reader.column()
        usedBy = try reader.column()
        directoryStart = try reader.column()
        directory = try reader.column()
        intentStart = try reader.column()
        norm = try reader.column()
        memberStart = try reader.column()
        members = try reader.column()
        documentOf = try reader.column()
        exclusiveStart = try reader.column()
        exclusive = try reader.column()
        summary = try reader.column()
        blobRange = reader.range(from: blobStart)
        let documents = norm.count
        guard nearest >= 1, postingNorm.count == postings.count, postingBits.count == postings.count, featureBit.count == features.count, usedBy.count == features.count, idf.count == features.count, postingStart.count == features.count + 1,
              Int(postingStart[features.count]) == postings.count, directoryStart.count == features.count + 1,
              Int(directoryStart[features.count]) * 2 == directory.count, intentStart.count == Intent.allCases.count + 1,
              Int(intentStart[Intent.allCases.count]) == documents, memberStart.count == documents + 1,
              Int(memberStart[documents]) == members.count, members.count == documentOf.count,
              exclusiveStart.count == documents + 1, Int(exclusiveStart[documents]) == exclusive.count,
              summary.count == Summary.words * documents
        else { throw IndexReader.Damaged() }
    }

    /// Writes the index again, as it was read.
    func copy(to writer: inout IndexWriter) { writer.raw(bytes, blobRange) }

    /// Weighs the features (TF-IDF, with the settings' adjustments) and writes the index.
    static func write(examples: [(intent: Intent, features: [String])], unknownWord: Double, placeholderWeight: Double,
                      nearest: Int, exclusive: Set<String>, to writer: inout IndexWriter) {
        let numbered = NumberedFeatures(examples)
        let idf = numbered.weights(placeholderWeight: placeholderWeight)
        // An example that names another field ("what does a #foreign earn") should only
        // match lines that name one too; it must not pull "what skills do I need" out.
        let exclusiveFeature = exclusive.compactMap { numbered.ids[$0] }.sorted()
        let documents = Document.grouping(numbered, idf: idf)
        let postings = Postings(documents, features: numbered.names.count, examples: examples.count, exclusive: exclusiveFeature)
        writer.double(unknownWord)
        writer.double(log(Double(examples.count) + 1) + 1)
        writer.count(max(1, nearest))
        StringTable.write(numbered.names, lookup: true, to: &writer)
        writer.column(idf)
        postings.write(documents, exclusive: exclusiveFeature, to: &writer)
    }

    /// Each feature numbered in the order first met, with the examples as feature numbers.
    private struct NumberedFeatures {
        var ids: [String: Int] = [:]
        var names: [String] = []
        var documentFrequency: [Int] = []
        var exampleFeatures: [[Int]] = []
        var exampleIntent: [Intent] = []

        init(_ examples: [(intent: Intent, features: [String])]) {
            for example in examples {
                var seen = Set<Int>()
                for feature in example.features {
                    let id: Int
                    if let known = ids[feature] { id = known } else {
                        id = ids.count
                        ids[feature] = id
                        names.append(feature)
                        documentFrequency.append(0)
                    }
                    if seen.insert(id).inserted { documentFrequency[id] += 1 }
                }
                exampleFeatures.append(seen.sorted())
                exampleIntent.append(example.intent)
            }
        }

        /// Each feature's weight: its inverse document frequency, adjusted by the settings.
        func weights(placeholderWeight: Double) -> [Double] {
            let n = Double(exampleFeatures.count)
            var idf = documentFrequency.map { log((n + 1) / (Double($0) + 1)) + 1 }
            // Entity placeholders ("#role") say what a line is about more surely than their
            // frequency among the examples suggests, so they may weigh more.
            for (feature, id) in ids where feature.hasPrefix("#") && !feature.utf8.contains(UInt8(ascii: " ")) { idf[id] *= placeholderWeight }
            return idf
        }
    }

    /// Examples with one intent and the same features: one document.
    private struct Document {
        let intent: Int
        let features: [Int]
        var members: [Int]
        let norm: Double

        /// The documents, intent by intent, shortest first (the order the scoring's bounds rely on).
        static func grouping(_ numbered: NumberedFeatures, idf: [Double]) -> [Document] {
            let intentIndex = Dictionary(uniqueKeysWithValues: Intent.allCases.enumerated().map { ($1, $0) })
            var documents: [Document] = []
            var documentByKey: [[Int]: Int] = [:]
            for (i, ids) in numbered.exampleFeatures.enumerated() {
                let key = [intentIndex[numbered.exampleIntent[i]]!] + ids
                if let at = documentByKey[key] {
                    documents[at].members.append(i)
                } else {
                    documentByKey[key] = documents.count
                    documents.append(Document(intent: key[0], features: ids, members: [i],
                                              norm: sqrt(ids.reduce(0) { $0 + idf[$1] * idf[$1] })))
                }
            }
            documents.sort { a, b in
                if a.intent != b.intent { return a.intent < b.intent }
                if a.norm != b.norm { return a.norm < b.norm }
                return a.members[0] < b.members[0]
            }
            return documents
        }
    }

    /// The documents laid out for the walk: posting lists per feature with a directory of where
    /// each intent's run starts, the examples of each document, and its exclusive features.
    private struct Postings {
        var lists: [[UInt32]]
        var intentStart = [UInt32](repeating: 0, count: Intent.allCases.count + 1)
        var memberStart: [UInt32] = [0], members: [UInt32] = [], documentOf: [UInt32]
        var exclusiveStart: [UInt32] = [0], exclusiveIDs: [UInt32] = []
        var postingStart: [UInt32] = [0], postings: [UInt32] = []
        var directoryStart: [UInt32] = [0], directory: [UInt32] = []

        init(_ documents: [Document], features: Int, examples: Int, exclusive: [Int]) {
            lists = [[UInt32]](repeating: [], count: features)
            documentOf = [UInt32](repeating: 0, count: examples)
            for document in documents { intentStart[document.intent + 1] += 1 }
            for i in 0..<Intent.allCases.count { intentStart[i + 1] += intentStart[i] }
            for (d, document) in documents.enumerated() {
                for id in document.features { lists[id].append(UInt32(d)) }
                for member in document.members {
                    members.append(UInt32(member))
                    documentOf[member] = UInt32(d)
                }
                memberStart.append(UInt32(members.count))
                exclusiveIDs += exclusive.filter { document.features.contains($0) }.map(UInt32.init)
                exclusiveStart.append(UInt32(exclusiveIDs.count))
            }
            for list in lists {
                var lastIntent = -1
                for (offset, d) in list.enumerated() {
                    let intent = documents[Int(d)].intent
                    if intent != lastIntent {
                        directory += [UInt32(intent), UInt32(postings.count + offset)]
                        lastIntent = intent
                    }
                }
                postings += list
                postingStart.append(UInt32(postings.count))
                directoryStart.append(UInt32(directory.count / 2))
            }
        }

        func write(_ documents: [Document], exclusive: [Int], to writer: inout IndexWriter) {
            writer.column(postingStart)
            writer.column(postings)
            // Rounded down, so that a bound computed from it is never too low.
            let lowNorm = documents.map { d -> Float in
                let f = Float(d.norm)
                return Double(f) <= d.norm ? f : f.nextDown
            }
            let featureBit = IntentMatcher.featureBits(postingCounts: lists.map(\.count))
            let bits = documents.map { $0.features.reduce(UInt64(0)) { $0 | 1 << (featureBit[$1] & ~IntentMatcher.exactFlag) } }
            writer.column(postings.map { lowNorm[Int($0)] })
            writer.column(postings.map { bits[Int($0)] })
            writer.column(featureBit)
            writer.column(usedBy(documents, exclusive: exclusive))
            for column in [directoryStart, directory, intentStart] { writer.column(column) }
            writer.column(documents.map(\.norm))
            for column in [memberStart, members, documentOf, exclusiveStart, exclusiveIDs] { writer.column(column) }
            var summaries: [UInt64] = []
            summaries.reserveCapacity(IntentMatcher.Summary.words * documents.count)
            for (d, document) in documents.enumerated() {
                summaries += IntentMatcher.Summary.words(norm: document.norm, firstExample: document.members[0], copies: document.members.count,
                                                         hasExclusive: exclusiveStart[d] < exclusiveStart[d + 1])
            }
            writer.column(summaries)
        }

        /// Per feature, the intents with a document that holds it and no exclusive feature but it.
        private func usedBy(_ documents: [Document], exclusive: [Int]) -> [UInt64] {
            var usedBy = [UInt64](repeating: 0, count: lists.count)
            for (id, list) in lists.enumerated() {
                for d in list {
                    let document = documents[Int(d)]
                    if exclusive.allSatisfy({ $0 == id || !document.features.contains($0) }) {
                        usedBy[id] |= 1 << UInt64(Intent.allCases[document.intent].ordinal)
                    }
                }
            }
            return usedBy
        }
    }
}
