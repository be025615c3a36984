import Foundation

/// Where the advisor's content lives: a folder with `Intents/` and `Sources/Knowledge/`,
/// the package root by default, or a copy given with `--data`.
public struct DataRoot: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The package this library was built from. `#filePath` is fixed at compile time, so a
    /// binary built from a checkout finds that checkout's data wherever it is started from.
    public static var builtIn: DataRoot {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Data/, AdvisorCore/, Sources/ → root
        return DataRoot(path: url.path)
    }

    static let intentsFolder = "Intents"
    static let knowledgeFolder = "Sources/Knowledge"

    /// Reads one file given relative to the root; a missing file is a located `DataError`.
    func read(_ relative: String) throws -> String {
        let full = (path as NSString).appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: full) else {
            throw DataError(file: relative, message: "cannot read \(full): no such file, or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(file: relative, line: 1, message: "the file is not valid UTF-8")
        }
        return text
    }

    /// The `.yaml` files of a folder, sorted so loading order (and so every tie) is stable.
    func yamlFiles(in folder: String) throws -> [String] {
        let full = (path as NSString).appendingPathComponent(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else {
            throw DataError(file: folder, message: "cannot list \(full): the data folder is missing")
        }
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    }

    func parse(_ relative: String) throws -> DataNode {
        try DataNode.parse(try read(relative), file: relative)
    }
}
