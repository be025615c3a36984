/// `advisor-bench`: the measurements `make bench` cannot take from outside the process, and
/// the generator of the larger knowledge bases it measures. Not a test: it asserts nothing.
///
///     advisor-bench questions FILE [--data DIR] [--rounds N]   per-question latency, in process
///     advisor-bench generate --scale N --out DIR [--data DIR]  a synthetic copy of the data, N× larger
///     advisor-bench utterances FILE [--times N]                 the dev set's turns as plain lines, N times over
///     advisor-bench prompt --history N [--runs R] -- CMD...     time to the first prompt on a pseudo-terminal
///     advisor-bench time [--runs R] [--input FILE] -- CMD...    median wall time and peak RSS (no hyperfine)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String) -> String? {
    guard let at = arguments.firstIndex(of: name), at + 1 < arguments.count else { return nil }
    return arguments[at + 1]
}

/// The command given after `--`.
func commandAfterDashes() -> [String] {
    guard let at = arguments.firstIndex(of: "--") else { return [] }
    return Array(arguments[(at + 1)...])
}

func fail(_ message: String) -> Never {
    var text = "advisor-bench: \(message)\n"
    text.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    exit(64)
}

switch arguments.first {
case "questions":
    guard arguments.count >= 2 else { fail("give a file of questions: advisor-bench questions FILE") }
    QuestionTimer.run(file: arguments[1], data: option("--data"), rounds: Int(option("--rounds") ?? "") ?? 5)
case "generate":
    guard let scale = option("--scale").flatMap(Int.init), scale >= 1, let out = option("--out") else {
        fail("usage: advisor-bench generate --scale N --out DIR [--data DIR]")
    }
    KnowledgeScaler.run(scale: scale, out: out, data: option("--data"))
case "utterances":
    guard arguments.count >= 2 else { fail("give the development set: advisor-bench utterances FILE") }
    let turns = QuestionTimer.readCases(arguments[1]).joined().joined(separator: "\n") + "\n"
    print(String(repeating: turns, count: Int(option("--times") ?? "") ?? 1), terminator: "")
case "prompt":
    PromptTimer.run(historyLines: Int(option("--history") ?? "") ?? 1000, runs: Int(option("--runs") ?? "") ?? 20, command: commandAfterDashes())
case "time":
    ProcessTimer.run(runs: Int(option("--runs") ?? "") ?? 20, warmup: Int(option("--warmup") ?? "") ?? 3, input: option("--input"),
                     command: commandAfterDashes())
default:
    fail("usage: advisor-bench questions|generate|prompt|time (see Sources/advisor-bench/main.swift)")
}
