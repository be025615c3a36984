/// A problem in one of the advisor's data files, located the way compilers locate errors
/// so that an editor can jump to it: `Intents/entities.yaml:12:5: unknown role 'x'`.
public struct DataError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file, relative to the data root when it lies inside it.
    public let file: String
    /// 1-based line; 0 when the problem concerns the file as a whole.
    public let line: Int
    /// 1-based column; 0 when unknown.
    public let column: Int
    /// What is wrong, as a sentence fragment that names the fix where it can.
    public let message: String

    public init(file: String, line: Int = 0, column: Int = 0, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        switch (line, column) {
        case (0, _): return "\(file): \(message)"
        case (_, 0): return "\(file):\(line): \(message)"
        default: return "\(file):\(line):\(column): \(message)"
        }
    }
}
