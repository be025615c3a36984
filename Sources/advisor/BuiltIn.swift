import AdvisorCore
import Foundation

/// The running advisor's own files, found once from the path of the program itself (see
/// `Installation`): the data it answers from unless `--data` names a copy, the sentence
/// encoder's model, and where `:save` and `replay` keep transcripts.
enum BuiltIn {
    static let installation: Installation = {
        // `/proc/self/exe`, the program's real path, so a symbolic link to it still finds its data.
        let executable = Installation.runningExecutable() ?? CommandLine.arguments.first ?? ""
        return Installation.locate(executable: executable)
    }()

    /// The model this process reads meaning with (`ADVISOR_MODEL`, else the installation's).
    static var model: EncoderModel { installation.encoderModel(environment: ProcessInfo.processInfo.environment) }

    /// The data to answer from: `--data DIR`, else the installation's.
    /// - Throws: `Missing` when there is no `--data` and the installation's data is gone.
    static func data(_ chosen: String?) throws -> DataRoot {
        if let chosen { return DataRoot(path: chosen) }
        guard installation.hasData else { throw Missing(installation: installation) }
        return installation.data
    }

    /// Where `:save NAME` writes and `replay` reads by default (`TranscriptFolder`).
    static var transcripts: String {
        TranscriptFolder.default(environment: ProcessInfo.processInfo.environment,
                                 inCheckout: Installation.isCheckout(FileManager.default.currentDirectoryPath))
    }

    /// The advisor's data is neither installed beside it nor in a checkout above it.
    struct Missing: Error, CustomStringConvertible {
        let installation: Installation
        var description: String {
            "cannot find the advisor's data: \(installation.dataPath) holds no Intents/ and Sources/Knowledge/, "
                + "and the advisor is not inside a checkout of its source. Install it with 'make install', "
                + "or give a copy of the data with --data DIR."
        }
    }
}
