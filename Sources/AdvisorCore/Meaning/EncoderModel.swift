import Foundation
import SentenceEncoder

/// Which sentence encoder an advisor reads meaning with, if any: where its converted model
/// file is, and why there is none. The advisor runs without one, on the lexical matcher alone.
public enum EncoderModel: Sendable, Equatable {
    /// The model file at this path.
    case file(String)
    /// No encoder: the lexical matcher alone.
    case none

    /// The file's name, as `make model` writes it.
    public static let fileName = "all-MiniLM-L6-v2.advisor-model"

    /// The model this process uses: the file `ADVISOR_MODEL` names (set but empty: none),
    /// else the one `make model` converts into the package's build folder.
    public static var installed: EncoderModel {
        if let chosen = ProcessInfo.processInfo.environment["ADVISOR_MODEL"] {
            return chosen.isEmpty ? .none : .file(chosen)
        }
        return .file(DataRoot.builtIn.path + "/.build/encoder/" + fileName)
    }

    /// Where the examples' vectors for the model at `path` are kept: beside it, or where that
    /// folder cannot be written (an installed model), in the user's cache folder.
    static func stores(for path: String, fingerprint: String) -> [String] {
        var result = [path + ".vectors"]
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            result.append(xdg + "/advisor/vectors-" + fingerprint)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            result.append(home + "/.cache/advisor/vectors-" + fingerprint)
        }
        return result
    }
}

/// What the advisor reads meaning with, as `--version` and the one-line notice say it.
public enum MeaningStatus: Sendable, Equatable {
    /// The encoder is on, with the model at this path.
    case on(model: String)
    /// No encoder: `reason` says why, in a sentence.
    case off(reason: String)

    /// One line for `--version` and the start-up notice.
    public var description: String {
        switch self {
        case .on(let model): return "understanding: the lexical matcher and the sentence encoder all-MiniLM-L6-v2 (\(model))"
        case .off(let reason): return "understanding: the lexical matcher alone (\(reason))"
        }
    }

    public var isOn: Bool { if case .on = self { return true } else { return false } }
}

extension EncoderModel {
    /// Whether no store of this model's examples' vectors lies beside it: the first start after
    /// `make model` encodes them all (half a minute), and so, where that folder cannot be written,
    /// does every start look them up (in the user's cache folder) before the first question.
    public var hasNoVectors: Bool {
        guard case .file(let path) = self, FileManager.default.fileExists(atPath: path) else { return false }
        return !FileManager.default.fileExists(atPath: path + ".vectors") && status.isOn
    }

    /// Whether this model opens, and if not, why (for `--version`).
    public var status: MeaningStatus { open().status }

    /// The encoder at this model's file, or why there is none.
    func open() -> (encoder: SentenceEncoder?, status: MeaningStatus) {
        switch self {
        case .none:
            return (nil, .off(reason: "ADVISOR_MODEL is empty"))
        case .file(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                return (nil, .off(reason: "no sentence encoder model at \(path); `make model` installs it"))
            }
            do {
                return (try SentenceEncoder(contentsOf: path), .on(model: path))
            } catch {
                return (nil, .off(reason: "\(error)"))
            }
        }
    }
}
