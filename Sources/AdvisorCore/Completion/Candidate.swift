/// One way to finish what is being typed: `text` replaces the line from `start` up to the cursor.
///
/// Offsets count Unicode code points (`unicodeScalars`), the unit libedit moves and deletes by,
/// so an edit lands in the right place after `café` or Devanagari.
public struct Candidate: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable { case command, role, tool, topic }

    /// The whole name, spelled as the knowledge base spells it: `DevOps Engineer`, `:history`.
    public let text: String
    /// Where the replaced text starts, in code points from the start of the line.
    public let start: Int
    public let kind: Kind

    public init(text: String, start: Int, kind: Kind) {
        self.text = text
        self.start = start
        self.kind = kind
    }

    public var description: String { text }
}
