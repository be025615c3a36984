import AdvisorCore
import Foundation

/// The seed corpora `make fuzz` starts from: the development set's questions (each
/// conversation as one input), the user lines of every shipped transcript, and some odd lines
/// for `answer`; every shipped transcript, a profile and every data file the parse target
/// reads, behind the byte that chooses its reader, for `parse`.
enum FuzzSeeds {
    static func write(to folder: String) {
        let root = FuzzCheckout.installation.dataPath
        var answer: [String] = oddLines
        var parse: [[UInt8]] = []
        let cases = (try? String(contentsOfFile: root + "/../shared/eval/dev.jsonl", encoding: .utf8)) ?? ""
        for line in cases.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let turns = object["turns"] as? [[String: Any]] else { continue }
            answer.append(turns.compactMap { $0["text"] as? String }.joined(separator: "\n"))
        }
        for file in (try? TranscriptRun.files([root + "/Transcripts"])) ?? [] {
            guard let (text, transcript) = try? TranscriptRun.read(file) else { continue }
            answer.append(transcript.turns.map(\.user).joined(separator: "\n"))
            parse.append([ParseFuzzing.Reader.transcript.selector] + Array(text.utf8))
        }
        parse.append([ParseFuzzing.Reader.profile.selector] + Array("level: student\nknows: python, django\nnot-known: java\ndone: projects\ntarget: cloud-engineer\n".utf8))
        let files: [(ParseFuzzing.Reader, String)] = [(.lexicon, "Intents/lexicon.yaml"), (.answers, "Sources/Knowledge/answers.yaml")]
            + ParseFuzzing.knowledgeFiles.map { (.knowledge($0), "Sources/Knowledge/\($0).yaml") }
        for (reader, file) in files {
            guard let text = try? String(contentsOfFile: root + "/" + file, encoding: .utf8) else { continue }
            parse.append([reader.selector] + Array(text.utf8))
        }
        save(answer.map { Array($0.utf8) }, to: folder + "/answer")
        save(parse, to: folder + "/parse")
        print("advisor-fuzz seed: \(answer.count) answer and \(parse.count) parse inputs in \(folder)")
    }

    /// Lines the development set does not have: empty, controls, escapes, other scripts.
    static let oddLines = [
        "", "   ", "what\u{0}is django", "\u{1B}[31mwhat is django\u{1B}[0m", "\u{1B}]0;title\u{07}hello",
        "how much does a \u{1B}[1mpilot\u{1B}[0m earn", "😀😀 🚀", "👩‍💻 what is docker 🐳", "مرحبا كيف حالك",
        "नमस्ते, बैकएंड डेवलपर क्या है?", "?!?!...,,,", ":why\n:history 2\n:save\n:nonsense", "and a cloud engineer?\nwhat do they do",
    ]

    private static func save(_ inputs: [[UInt8]], to folder: String) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (index, input) in inputs.enumerated() {
            _ = FileManager.default.createFile(atPath: folder + "/seed-\(String(format: "%04d", index))", contents: Data(input))
        }
    }
}
