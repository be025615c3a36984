import Foundation

/// Where the advisor's content lives: a folder with `Intents/` and `Sources/Knowledge/`, the
/// built-in data (`Installation`) or a copy given with `--data`.
public struct DataRoot: Sendable {
    public let path: String
    /// Where the index built from this data is kept in preference to the user's cache folder:
    /// a checkout's `.build/advisor-cache/`, beside the data it was built from; nil for any
    /// other folder.
    public let indexFolder: String?
    /// When set, every file and folder this root reads is noted with its size and times,
    /// so that the index cache knows exactly what its index was built from.
    let reads: ReadLog?

    public init(path: String, indexFolder: String? = nil) {
        self.path = path
        self.indexFolder = indexFolder
        reads = nil
    }

    /// The same root, noting what it reads in `reads`.
    init(path: String, reads: ReadLog) {
        self.path = path
        indexFolder = nil
        self.reads = reads
    }

    static let intentsFolder = "Intents"
    static let knowledgeFolder = "Sources/Knowledge"

    /// Reads one file given relative to the root; a missing file is a located `DataError`.
    func read(_ relative: String) throws -> String {
        let full = (path as NSString).appendingPathComponent(relative)
        // Noted before reading: if the file changes while it is read, the cache sees the change.
        reads?.noteFile(relative, at: full)
        guard let data = FileManager.default.contents(atPath: full) else {
            throw DataError(file: relative, message: "cannot read \(full): no such file, or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(file: relative, line: 1, message: "the file is not valid UTF-8")
        }
        if let line = Self.loneCarriageReturn(in: data) {
            throw DataError(file: relative, line: line, message: "a line ends with a lone carriage return (CR); save the file with LF or CRLF line endings")
        }
        return text
    }

    /// The line (1-based) of the first CR not followed by LF, or nil. YAML takes a lone CR for
    /// a line break, which line counts elsewhere do not: every `file:line` after it would be off.
    static func loneCarriageReturn(in data: Data) -> Int? {
        var line = 1
        var previousCR = false
        for byte in data {
            if previousCR && byte != 0x0A { return line }
            previousCR = byte == 0x0D
            if byte == 0x0A { line += 1 }
        }
        return previousCR ? line : nil
    }

    /// The `.yaml` files of a folder, sorted so loading order (and so every tie) is stable.
    func yamlFiles(in folder: String) throws -> [String] {
        let full = (path as NSString).appendingPathComponent(folder)
        reads?.noteFolder(folder, at: full)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else {
            throw DataError(file: folder, message: "cannot list \(full): the data folder is missing")
        }
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    }

    func parse(_ relative: String) throws -> DataNode {
        try DataNode.parse(try read(relative), file: relative)
    }
}
