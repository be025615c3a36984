#if DEBUG || ADVISOR_LIBFUZZER
@testable import AdvisorCore
#else
import AdvisorCore
#endif
import Foundation

/// The parse target: the first byte chooses a reader, the rest is the file's text (invalid
/// UTF-8 decoded as U+FFFD).
///
/// - a transcript (`Transcript.parse`): a file that reads writes back to text that reads the same;
/// - a profile (`Profile.parse`): one that reads writes back to the same profile;
/// - a YAML data file, read in memory (`DataNode`) and by its loader where one takes the text
///   alone (lexicon, answers), or written over one file of a copy of the knowledge base that
///   the knowledge loader then reads whole (roles, tools, steps...).
///
/// Every error must be a `DataError` (or the profile's own) that names the file and a line
/// inside it, so that `file:line: what` always points somewhere real.
enum ParseFuzzing {
    /// The knowledge files, each a reader of its own; with the transcript and the profile, the
    /// first byte of an input picks one of these.
    static let knowledgeFiles = ["roles", "tools", "steps", "skills", "responsibilities", "backend", "sources"]

    enum Reader: Equatable {
        case transcript, profile, lexicon, answers, knowledge(String)

        static let all: [Reader] = [.transcript, .profile, .lexicon, .answers] + knowledgeFiles.map { .knowledge($0) }

        /// The file name errors give for this reader's input.
        var file: String {
            switch self {
            case .transcript: "fuzz.transcript"
            case .profile: "profile"
            case .lexicon: "Intents/lexicon.yaml"
            case .answers: "Sources/Knowledge/answers.yaml"
            case .knowledge(let name): "Sources/Knowledge/\(name).yaml"
            }
        }

        var isYAML: Bool {
            switch self {
            case .transcript, .profile: false
            case .lexicon, .answers, .knowledge: true
            }
        }

        /// The first byte that chooses this reader, for the seeds.
        var selector: UInt8 { UInt8(Self.all.firstIndex(of: self)!) }
    }

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes.dropFirst()), as: UTF8.self)
        let reader = Reader.all[Int(first) % Reader.all.count]
        let lineCount = reader.isYAML ? yamlLines(text) : text.unicodeScalars.lazy.filter { $0 == "\n" }.count + 1
        do {
            switch reader {
            case .transcript:
                let transcript = try Transcript.parse(text, file: reader.file)
                let written = transcript.render()
                let again = try Transcript.parse(written, file: reader.file)
                guard again.render() == written else { fatalError("a transcript does not write back stably:\n\(written)") }
            case .profile:
                let profile = try Profile.parse(text, knowledge: AnswerFuzzing.advisor.knowledge)
                guard try Profile.parse(profile.render(), knowledge: AnswerFuzzing.advisor.knowledge) == profile else {
                    fatalError("a profile does not write back as it was read: \(profile.render())")
                }
            #if DEBUG || ADVISOR_LIBFUZZER
            case .lexicon:
                _ = try Lexicon.load(try DataNode.parse(text, file: reader.file))
            case .answers:
                let knowledge = AnswerFuzzing.advisor.knowledge
                _ = try Templates.load(try DataNode.parse(text, file: reader.file),
                                       stepIDs: knowledge.steps.map(\.id), levelIDs: EntityLexicon.fixedIDs[.level] ?? [])
            case .knowledge(let name):
                try KnowledgeCopy.shared.load(replacing: name, with: text)
            #else
            case .lexicon, .answers, .knowledge:
                return  // the data readers are internal to AdvisorCore: a release build cannot reach them
            #endif
            }
        } catch let error as DataError {
            // A change to one file can be reported in another (an undeclared source is found
            // where it is used); only errors in the file read must fit inside it.
            guard error.file != reader.file || error.line <= lineCount + 1, !error.message.isEmpty else {
                fatalError("an error points outside the file (\(lineCount) lines): \(error)")
            }
        } catch let error as Profile.FileError {
            guard error.line <= lineCount else { fatalError("a profile error points outside the file: \(error)") }
        } catch {
            fatalError("not a located error: \(type(of: error)) \(error)")
        }
    }
}

/// The lines of a YAML text as libyaml counts them, which is how its errors are located: a
/// lone CR, CR LF, LF, NEL, LS and PS each end a line. (An editor shows a file of lone CRs as
/// one line per LF, so such an error's line can lie past what the editor shows: reported, and
/// `make fuzz` found it, but the data reader is not this target's to change.)
func yamlLines(_ text: String) -> Int {
    var lines = 1
    var afterCR = false
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\r": lines += 1
        case "\n": if !afterCR { lines += 1 }
        case "\u{85}", "\u{2028}", "\u{2029}": lines += 1
        default: break
        }
        afterCR = scalar == "\r"
    }
    return lines
}

#if DEBUG || ADVISOR_LIBFUZZER
/// A copy of the shipped knowledge base in a temporary folder, one of whose files each input
/// replaces before the knowledge loader reads them all (it reads only from a data root).
final class KnowledgeCopy: @unchecked Sendable {
    static let shared = KnowledgeCopy()

    let root: String
    private var originals: [String: String] = [:]

    private init() {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        root = base + "/advisor-fuzz-\(getpid())"
        let folder = root + "/" + DataRoot.knowledgeFolder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let shipped = FuzzCheckout.installation.dataPath + "/" + DataRoot.knowledgeFolder
            for name in try FileManager.default.contentsOfDirectory(atPath: shipped) where name.hasSuffix(".yaml") {
                let text = try String(contentsOfFile: shipped + "/" + name, encoding: .utf8)
                originals[name] = text
                try text.write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
            }
        } catch {
            fatalError("cannot copy the knowledge base to \(folder): \(error)")
        }
        atexit { try? FileManager.default.removeItem(atPath: KnowledgeCopy.shared.root) }
    }

    func load(replacing name: String, with text: String) throws {
        let file = root + "/" + DataRoot.knowledgeFolder + "/" + name + ".yaml"
        guard let original = originals[name + ".yaml"] else { fatalError("no \(name).yaml in the shipped knowledge base") }
        defer { try? original.write(toFile: file, atomically: false, encoding: .utf8) }
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        _ = try KnowledgeLoader(root: DataRoot(path: root)).load()
    }
}
#endif
