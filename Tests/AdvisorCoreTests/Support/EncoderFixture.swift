/// The sentence encoder's model file and reference fixture, found from this file's place in
/// the package, and the small helpers its tests share.
import Foundation
import SentenceEncoder

enum EncoderFixture {
    struct Sentence: Decodable, Sendable {
        let text: String
        let ids: [Int32]
        let vector: [Float]
    }

    private struct Document: Decodable {
        let sentences: [Sentence]
    }

    /// The package root: this file lives in `Tests/AdvisorCoreTests/Support/`.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// False when ADVISOR_MODEL is set to the empty string: the advisor then runs lexical-only.
    static let modelConfigured = ProcessInfo.processInfo.environment["ADVISOR_MODEL"] != ""

    static let modelPath: String = {
        if let path = ProcessInfo.processInfo.environment["ADVISOR_MODEL"], !path.isEmpty { return path }
        return packageRoot + "/.build/encoder/all-MiniLM-L6-v2.advisor-model"
    }()

    /// Opened once for the whole run; a missing model fails every test that needs it with the
    /// encoder's own sentence ("… does not exist; run `make model` to fetch and convert it.").
    private static let shared = Result { try SentenceEncoder(contentsOf: modelPath) }

    static func encoder() throws -> SentenceEncoder {
        try shared.get()
    }

    /// The model file's bytes, for tests that damage a copy; a missing file fails the same way.
    static func modelBytes() throws -> Data {
        _ = try encoder()
        return try Data(contentsOf: URL(fileURLWithPath: modelPath))
    }

    private static let document = Result {
        let url = URL(fileURLWithPath: packageRoot + "/Tests/AdvisorCoreTests/Fixtures/encoder-reference.json")
        return try JSONDecoder().decode(Document.self, from: Data(contentsOf: url)).sentences
    }

    static func reference() throws -> [Sentence] {
        try document.get()
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        guard a.count == b.count else { return 0 }
        var dot = 0.0, normA = 0.0, normB = 0.0
        for (x, y) in zip(a, b) {
            dot += Double(x) * Double(y)
            normA += Double(x) * Double(x)
            normB += Double(y) * Double(y)
        }
        return dot / max((normA * normB).squareRoot(), 1e-30)
    }

    /// A new temporary file holding `bytes`, removed when the test process ends.
    static func temporaryFile(_ bytes: Data) throws -> String {
        let url = temporaryFolder.appendingPathComponent("\(UUID().uuidString).advisor-model")
        try bytes.write(to: url)
        return url.path
    }

    private static let temporaryFolder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("encoder-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("encoder-tests-\(getpid())").path) }
        return folder
    }()

    /// The whole message of the error opening `path` throws, or a note that it opened.
    static func openingError(_ path: String) -> String {
        do {
            _ = try SentenceEncoder(contentsOf: path)
            return "(opened without an error)"
        } catch {
            return "\(error)"
        }
    }
}
