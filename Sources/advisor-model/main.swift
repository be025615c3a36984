/// `advisor-model`: converts the sentence encoder's model, encodes text with it, and times it.
/// A developer's tool and `make model`'s converter; the advisor itself only maps the file.
import SentenceEncoder
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// sysexits.h's codes: usage, bad data, missing input.
enum ExitCode {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
}

let usage = """
    usage: advisor-model convert MODEL_FOLDER OUTPUT_FILE
           advisor-model encode MODEL_FILE TEXT...
           advisor-model bench MODEL_FILE
    """

/// One line on standard error (written with `write(2)`: the C `stderr` global is not
/// concurrency-safe in Swift 6).
func report(_ message: String) {
    var line = "advisor-model: \(message)\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

func fail(_ message: String, _ code: Int32) -> Never {
    report(message)
    exit(code)
}

/// An error while reading `input`: 66 when the input is not there at all, 65 when it is bad.
func fail(_ error: any Error, input: String) -> Never {
    fail("\(error)", access(input, F_OK) == 0 ? ExitCode.dataError : ExitCode.noInput)
}

func openEncoder(_ path: String) -> SentenceEncoder {
    do { return try SentenceEncoder(contentsOf: path) } catch { fail(error, input: path) }
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch (arguments.first, arguments.count) {
case ("convert", 3):
    let clock = ContinuousClock()
    let start = clock.now
    do {
        try ModelConversion.convert(modelFolder: arguments[1], to: arguments[2])
    } catch {
        fail(error, input: arguments[1])
    }
    let encoder = openEncoder(arguments[2])
    report("converted \(arguments[1]) to \(arguments[2]) (fingerprint \(encoder.fingerprint)) in \(Bench.format(start.duration(to: clock.now))).")
case ("encode", 3...):
    let encoder = openEncoder(arguments[1])
    for text in arguments.dropFirst(2) {
        let ids = encoder.tokenIDs(text)
        let vector = encoder.encode(text)
        print(text)
        print("  vector[0..<8]: " + vector.prefix(8).map { String(format6: $0) }.joined(separator: " "))
        print("  token ids (\(ids.count)): " + ids.map(String.init).joined(separator: " "))
        print("  tokens: " + encoder.tokens(ids).joined(separator: " "))
    }
case ("bench", 2):
    Bench.run(openEncoder(arguments[1]))
case (.some("-h"), _), (.some("--help"), _):
    print(usage)
default:
    fail("expected `convert MODEL_FOLDER OUTPUT_FILE`, `encode MODEL_FILE TEXT...` or `bench MODEL_FILE`.", ExitCode.usage)
}

extension String {
    /// `value` with six decimals, as the reference fixture rounds them.
    init(format6 value: Float) {
        let scaled = (Double(value) * 1_000_000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int(abs(scaled))
        let fraction = String(magnitude % 1_000_000)
        self = "\(sign)\(magnitude / 1_000_000).\(String(repeating: "0", count: 6 - fraction.count))\(fraction)"
    }
}
