import Foundation

/// Checks the saved transcripts (`Transcripts/*.transcript` beside the data) without
/// replaying them: each must parse, and its readings may name only intents and entity
/// values that exist, or replay would fail for a reason no answer can fix.
enum TranscriptCheck {
    static let folder = "Transcripts"

    static func findings(_ root: DataRoot, knowledge: KnowledgeBase) -> [Finding] {
        let full = (root.path as NSString).appendingPathComponent(folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue,
              let paths = try? TranscriptRun.files([full]) else { return [] }
        var findings: [Finding] = []
        for path in paths {
            let file = "\(folder)/\((path as NSString).lastPathComponent)"
            guard let data = FileManager.default.contents(atPath: path) else {
                findings.append(Finding(.error, file: file, "cannot read the file"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                findings.append(Finding(.error, file: file, "the file is not valid UTF-8"))
                continue
            }
            let transcript: Transcript
            do { transcript = try Transcript.parse(text, file: file) } catch let error as DataError {
                findings.append(Finding(error))
                continue
            } catch {
                findings.append(Finding(.error, file: file, "\(error)"))
                continue
            }
            for turn in transcript.turns {
                guard let reading = turn.reading else { continue }
                for type in EntityType.allCases {
                    let known = EntityNameCheck.knownIDs(type, knowledge)
                    for id in reading.entities[type] ?? [] where !known.contains(id) {
                        // The reading is the line right after the turn's '>' line.
                        findings.append(Finding(.error, file: file, line: turn.line + 1,
                                                "unknown \(type.rawValue) '\(id)' in the reading of '\(turn.user)'\(NearMiss.hint(for: id, among: known))"))
                    }
                }
            }
        }
        return findings
    }
}
