/// One problem `advisor check` found in the data, located like a compiler diagnostic so an
/// editor can jump to it: `Intents/greet.yaml:12:5: error: what is wrong`.
public struct Finding: Equatable, Sendable, CustomStringConvertible {
    /// An error breaks the advisor or makes an answer wrong; a warning is a weakness an
    /// author should look at (`--strict` makes warnings fail the check too); a note is a hint
    /// for improving the examples (a leave-one-out miss), which never fails the check: a
    /// nearest-example matcher misreads some unique phrasings when they are left out.
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    /// The file, relative to the data root (`Intents/greet.yaml`).
    public var file: String
    /// 1-based; 0 when the finding concerns the file as a whole.
    public var line: Int
    /// 1-based; 0 when unknown.
    public var column: Int
    /// What is wrong, naming the fix where there is an obvious one.
    public var message: String

    public init(_ severity: Severity, file: String, line: Int = 0, column: Int = 0, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// A loader's error as a finding, at the same place.
    init(_ error: DataError) {
        self.init(.error, file: error.file, line: error.line, column: error.column, error.message)
    }

    /// `file:line:column: error: what`, leaving out the parts that are unknown.
    public var description: String {
        let place: String
        switch (line, column) {
        case (0, _): place = file
        case (_, 0): place = "\(file):\(line)"
        default: place = "\(file):\(line):\(column)"
        }
        return "\(place): \(severity.rawValue): \(message)"
    }
}
