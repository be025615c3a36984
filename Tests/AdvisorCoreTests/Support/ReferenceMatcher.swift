/// The matcher as it was before the index: every example's cosine computed, no pruning. The
/// index's matcher must give exactly its scores (`IndexEquivalenceTests`), bit for bit.
import Foundation
@testable import AdvisorCore

struct ReferenceMatcher {
    private var featureIDs: [String: Int] = [:]
    private var idf: [Double] = []
    private var postings: [[Int32]] = []
    private var exampleIntent: [Intent] = []
    private var exclusiveFeature: [Int] = []
    private var exampleExclusive: [[Int]] = []
    private var exampleIntentIndex: [Int] = []
    private var exampleNorm: [Double] = []
    private let unknownWeight: Double
    private var maxIDF: Double = 1
    private let nearest: Int

    init(examples: [(intent: Intent, features: [String])], unknownWord: Double, placeholderWeight: Double = 1,
         nearest: Int = 1, exclusive: Set<String> = []) {
        unknownWeight = unknownWord
        self.nearest = max(1, nearest)
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
        for (feature, id) in featureIDs where feature.hasPrefix("#") && !feature.utf8.contains(UInt8(ascii: " ")) { idf[id] *= placeholderWeight }
        maxIDF = log(n + 1) + 1
        exampleIntentIndex = exampleIntent.map { Intent.allCases.firstIndex(of: $0)! }
        exclusiveFeature = exclusive.compactMap { featureIDs[$0] }.sorted()
        exampleExclusive = exampleFeatures.map { ids in exclusiveFeature.filter { ids.contains($0) } }
        exampleNorm = exampleFeatures.map { ids in sqrt(ids.reduce(0) { $0 + idf[$1] * idf[$1] }) }
    }

    func scores(features: [String], excluding excluded: Int? = nil) -> [(intent: Intent, score: Double, example: Int)] {
        var query: [(id: Int, weight: Double)] = []
        var seen = Set<Int>()
        var norm2 = 0.0
        for feature in features {
            if let id = featureIDs[feature] {
                if seen.insert(id).inserted {
                    query.append((id, idf[id]))
                    norm2 += idf[id] * idf[id]
                }
            } else if !feature.utf8.contains(UInt8(ascii: " ")) && !feature.hasPrefix("^") {
                let w = maxIDF * unknownWeight
                norm2 += w * w
            }
        }
        guard norm2 > 0 else { return [] }
        var dots = [Double](repeating: 0, count: exampleIntent.count)
        for (id, w) in query {
            let w2 = w * w
            for example in postings[id] { dots[Int(example)] += w2 }
        }
        let queryNorm = sqrt(norm2)
        let k = nearest
        var best = [Double](repeating: 0, count: Intent.allCases.count * k)
        var bestExample = [Int](repeating: -1, count: Intent.allCases.count)
        let present = Set(query.map(\.id))
        for (i, dot) in dots.enumerated() where dot > 0 && i != excluded {
            if !exampleExclusive[i].isEmpty && !exampleExclusive[i].allSatisfy(present.contains) { continue }
            let cosine = dot / (queryNorm * exampleNorm[i])
            let base = exampleIntentIndex[i] * k
            guard cosine > best[base + k - 1] else { continue }
            var j = k - 1
            while j > 0 && best[base + j - 1] < cosine { best[base + j] = best[base + j - 1]; j -= 1 }
            best[base + j] = cosine
            if j == 0 { bestExample[exampleIntentIndex[i]] = i }
        }
        var result: [(intent: Intent, score: Double, example: Int)] = []
        for (index, intent) in Intent.allCases.enumerated() where bestExample[index] >= 0 {
            let base = index * k
            var score = best[base]
            if k > 1 {
                var rest = 0.0
                for j in 1..<k { rest += best[base + j] }
                score = 0.7 * best[base] + 0.3 * rest / Double(k - 1)
            }
            result.append((intent, score, bestExample[index]))
        }
        return result.sorted { $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent }
    }
}
