import Foundation
import SentenceEncoder

/// Which sentence encoder an advisor reads meaning with, if any: where its converted model
/// file is, and why there is none. The advisor runs without one, on the lexical matcher alone.
public enum EncoderModel: Sendable, Equatable {
    /// The model file at this path, its examples' vectors kept beside it (a checkout's
    /// `make model`, or `ADVISOR_MODEL`) or, where that folder cannot be written, in the user's
    /// cache folder.
    case file(String)
    /// A model installed with the advisor (`make install`): the vectors installed beside it are
    /// read, and any others are kept in the user's cache folder, never beside it.
    case shipped(String)
    /// No encoder: the lexical matcher alone.
    case none

    /// The file's name, as `make model` writes it.
    public static let fileName = "all-MiniLM-L6-v2.advisor-model"

    /// The model's file, if any.
    public var path: String? {
        switch self {
        case .file(let path), .shipped(let path): return path
        case .none: return nil
        }
    }

    /// Where the examples' vectors for this model are kept, in order of preference for writing
    /// (a store that fits the examples exactly is read wherever it is in the list).
    func stores(fingerprint: String) -> [String] {
        guard let path else { return [] }
        let beside = path + ".vectors"
        let environment = ProcessInfo.processInfo.environment
        var cache: [String] = []
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            cache.append(xdg + "/advisor/vectors-" + fingerprint)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            cache.append(home + "/.cache/advisor/vectors-" + fingerprint)
        }
        if case .shipped = self { return cache + [beside] }
        return [beside] + cache
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
        guard let path, FileManager.default.fileExists(atPath: path) else { return false }
        return !FileManager.default.fileExists(atPath: path + ".vectors") && status.isOn
    }

    /// Whether this model opens, and if not, why (for `--version`).
    public var status: MeaningStatus { open().status }

    /// The encoder at this model's file, or why there is none.
    func open() -> (encoder: SentenceEncoder?, status: MeaningStatus) {
        switch self {
        case .none:
            return (nil, .off(reason: "ADVISOR_MODEL is empty"))
        case .file(let path), .shipped(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                let remedy = if case .shipped = self { "`make model install` in the advisor's checkout installs it" } else { "`make model` installs it" }
                return (nil, .off(reason: "no sentence encoder model at \(path); \(remedy)"))
            }
            do {
                return (try SentenceEncoder(contentsOf: path), .on(model: path))
            } catch {
                return (nil, .off(reason: "\(error)"))
            }
        }
    }
}
