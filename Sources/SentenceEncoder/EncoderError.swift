/// What went wrong opening, converting or reading a model, as one sentence a person can act on:
/// it names the file and says how to get a good one.
public struct EncoderError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
