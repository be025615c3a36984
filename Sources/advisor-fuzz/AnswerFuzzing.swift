#if DEBUG || ADVISOR_LIBFUZZER
@testable import AdvisorCore
#else
import AdvisorCore
#endif
import Foundation

/// The answer target: the input is a conversation, one line per input line (invalid UTF-8
/// decoded as U+FFFD, as `readLine` does). Each line is answered in one session, as the REPL
/// answers it, and completed with Tab at a cursor the input picks; then the conversation is
/// saved as a transcript and read back.
///
/// Besides not crashing, not hanging and not leaking, it checks what must hold for any input:
/// no answer holds a control character but the line feed or an escape sequence, every
/// `--json` line is one line, and a transcript of any conversation reads back as it was.
enum AnswerFuzzing {
    static let advisor: Advisor = {
        let installation = FuzzCheckout.installation
        do { return try Advisor.load(from: installation.data, model: installation.encoderModel(environment: ProcessInfo.processInfo.environment)) } catch { fatalError("the shipped data does not load: \(error)") }
    }()
    static let completer = Completer(advisor: advisor)

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).prefix(8).map { String($0) }
        var session = advisor.session()
        var recorder = TranscriptRecorder()
        for raw in lines {
            let line = InputSanitizer.clean(raw)
            check(printable: line, "the cleaned line")
            let reply = session.respond(to: line)
            recorder.record(line, reply)
            switch reply {
            case .answer(_, let answer), .command(_, let answer), .error(let answer): check(printable: answer, "the answer")
            }
            let json = JSONLine.render(reply, input: line)
            guard !json.unicodeScalars.contains(where: { $0.value < 0x20 }) else { fatalError("a --json line breaks: \(json)") }
            let cursor = Int(bytes.first ?? 0) % (line.unicodeScalars.count + 1)
            let edit = CompletionEdit(completer.candidates(line: line, cursor: cursor), line: line, cursor: cursor)
            guard edit.deleting <= cursor else { fatalError("Tab deletes \(edit.deleting) characters before cursor \(cursor)") }
        }
        if case .command(_, let why) = session.respond(to: ":why") { check(printable: why, ":why") }
        let saved = recorder.transcript.render()
        do {
            let read = try Transcript.parse(saved, file: "fuzz.transcript")
            guard read.turns.map(\.user) == recorder.transcript.turns.map(\.user),
                  read.turns.map(\.answer) == recorder.transcript.turns.map(\.answer) else {
                fatalError("a transcript does not read back as it was written:\n\(saved)")
            }
        } catch {
            fatalError("a recorded transcript does not parse: \(error)\n\(saved)")
        }
    }

    /// No C0 control but the line feed, no DEL, no C1 control, no bidirectional override.
    static func check(printable text: String, _ what: String) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                fatalError("\(what) holds U+\(String(v, radix: 16)): \(text.debugDescription)")
            }
        }
    }
}
