import AdvisorCore
import Foundation

/// Times every question of a file answered in process, after a warm-up round: the cost of
/// one line from text to answer, without process start-up or I/O.
///
/// The file is either the development set (`.jsonl`: each case's turns, in a fresh context)
/// or plain text, one question a line. Each round answers them all; the figures are the
/// median and 99th percentile of every answer of every round but the first.
enum QuestionTimer {
    static func run(file: String, data: String?, rounds: Int) {
        let cases = readCases(file)
        let advisor: Advisor
        do {
            let installation = Installation.locate(executable: Installation.runningExecutable() ?? CommandLine.arguments[0])
            advisor = try Advisor.load(from: data.map { DataRoot(path: $0) } ?? installation.data,
                                       model: installation.encoderModel(environment: ProcessInfo.processInfo.environment))
        } catch {
            fail("\(error)")
        }
        // `--analyze`: only the reading of each line (words, names, intent scores), no answer.
        let analyzeOnly = arguments.contains("--analyze")
        var samples: [Double] = []
        var slowest: [String: Double] = [:]
        var checksum = 0
        for round in 0...max(1, rounds) {
            var session = advisor.session()
            for turns in cases {
                _ = session.respond(to: ":reset")
                for text in turns {
                    let start = DispatchTime.now().uptimeNanoseconds
                    if analyzeOnly {
                        checksum &+= advisor.language.analyze(text).terms.count
                    } else if case .answer(_, let answer) = session.respond(to: text) {
                        checksum &+= answer.utf8.count
                    }
                    let elapsed = DispatchTime.now().uptimeNanoseconds - start
                    if round > 0 {
                        samples.append(Double(elapsed) / 1000)
                        slowest[text] = max(slowest[text] ?? 0, Double(elapsed) / 1000)
                    }
                }
            }
        }
        samples.sort()
        if let n = option("--slowest").flatMap(Int.init) {
            for (text, us) in slowest.sorted(by: { $0.value > $1.value }).prefix(n) { print("  \(format(us)) µs  \(text.prefix(70))") }
        }
        func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int((Double(samples.count) * p).rounded(.up)) - 1)] }
        let questions = cases.reduce(0) { $0 + $1.count }
        print("questions \(questions) rounds \(max(1, rounds)) p50_us \(format(percentile(0.5))) p99_us \(format(percentile(0.99))) max_us \(format(samples.last ?? 0)) checksum \(checksum)")
    }

    static func format(_ x: Double, digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }

    /// The questions of the file, grouped into conversations.
    static func readCases(_ file: String) -> [[String]] {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { fail("cannot read \(file)") }
        let lines = text.split(separator: "\n").map(String.init)
        guard file.hasSuffix(".jsonl") else { return lines.filter { !$0.isEmpty }.map { [$0] } }
        return lines.compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let turns = object["turns"] as? [[String: Any]] else { return nil }
            return turns.compactMap { $0["text"] as? String }
        }
    }
}
