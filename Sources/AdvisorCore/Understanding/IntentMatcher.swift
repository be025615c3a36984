import Foundation

/// Scores a line against every intent's examples: TF-IDF over terms, term pairs and the
/// opening term, cosine similarity, and for each intent the best-matching example.
///
/// The index is built once at load; a question then costs one pass over the postings of
/// its own features — no parsing, no regular expressions.
struct IntentMatcher: Sendable {
    private var featureIDs: [String: Int] = [:]
    private var idf: [Double] = []
    /// Per feature, the examples that contain it.
    private var postings: [[Int32]] = []
    private var exampleIntent: [Intent] = []
    private var exampleNorm: [Double] = []
    /// Weight of a word no example contains: it makes a line less like every intent.
    private let unknownWeight: Double
    private var maxIDF: Double = 1

    init(examples: [(intent: Intent, features: [String])], unknownWord: Double) {
        unknownWeight = unknownWord
        var documentFrequency: [Int] = []
        var exampleFeatures: [[Int]] = []
        for example in examples {
            var ids = Set<Int>()
            for feature in example.features {
                let id: Int
                if let known = featureIDs[feature] { id = known } else {
                    id = featureIDs.count
                    featureIDs[feature] = id
                    documentFrequency.append(0)
                    postings.append([])
                }
                if ids.insert(id).inserted { documentFrequency[id] += 1 }
            }
            let sorted = ids.sorted()
            for id in sorted { postings[id].append(Int32(exampleFeatures.count)) }
            exampleFeatures.append(sorted)
            exampleIntent.append(example.intent)
        }
        let n = Double(examples.count)
        idf = documentFrequency.map { log((n + 1) / (Double($0) + 1)) + 1 }
        maxIDF = log(n + 1) + 1
        exampleNorm = exampleFeatures.map { ids in sqrt(ids.reduce(0) { $0 + idf[$1] * idf[$1] }) }
    }

    /// The features of a line of terms: each term, each adjacent pair, and the opening term.
    static func features(of terms: [String]) -> [String] {
        guard !terms.isEmpty else { return [] }
        var features = terms
        features.reserveCapacity(terms.count * 2 + 1)
        for i in 1..<terms.count { features.append(terms[i - 1] + " " + terms[i]) }
        features.append("^" + terms[0])
        return features
    }

    func isKnown(_ feature: String) -> Bool { featureIDs[feature] != nil }

    /// Each intent's score in [0, 1] (its best example's cosine), highest first; ties in
    /// the contract's order so results are deterministic.
    func scores(features: [String]) -> [(intent: Intent, score: Double)] {
        var weights: [Int: Double] = [:]
        var norm2 = 0.0
        for feature in features {
            if let id = featureIDs[feature] {
                if weights[id] == nil {
                    weights[id] = idf[id]
                    norm2 += idf[id] * idf[id]
                }
            } else if !feature.contains(" ") && !feature.hasPrefix("^") {
                let w = maxIDF * unknownWeight
                norm2 += w * w
            }
        }
        guard norm2 > 0 else { return [] }
        var dots = [Double](repeating: 0, count: exampleIntent.count)
        for (id, w) in weights {
            for example in postings[id] { dots[Int(example)] += w * w }
        }
        let queryNorm = sqrt(norm2)
        var best: [Intent: Double] = [:]
        for (i, dot) in dots.enumerated() where dot > 0 {
            let cosine = dot / (queryNorm * exampleNorm[i])
            if cosine > best[exampleIntent[i], default: 0] { best[exampleIntent[i]] = cosine }
        }
        return best.map { ($0.key, $0.value) }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent }
    }
}
