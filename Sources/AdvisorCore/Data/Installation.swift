#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a running advisor finds its own files: the built-in data and the sentence encoder's
/// model, told from the executable's path alone. Not from the source path (`#filePath`),
/// which names a folder that is gone once the binary is installed, handed on or its checkout
/// moved; and not from the current folder, which is the user's.
///
/// Two layouts, looked for in this order:
/// - **installed** (`make install`): `PREFIX/bin/advisor` beside `PREFIX/share/advisor`, which
///   holds `Intents/` and `Sources/Knowledge/` (so it is itself a folder `--data` takes: copy
///   it to edit the data) and the model with its examples' vectors;
/// - **a checkout's build**: `.build/<config>/advisor` (or any folder below the checkout),
///   under the folder that holds `Package.swift`, `Intents/` and `Sources/Knowledge/`, with
///   the model where `make model` converts it, `.build/encoder/`.
///
/// The executable decides with the path of the running program; the library only looks at
/// the folders that path names.
public struct Installation: Sendable, Equatable {
    public enum Layout: Sendable, Equatable {
        case installed
        case checkout
    }

    public let layout: Layout
    /// The folder with `Intents/` and `Sources/Knowledge/` (it may be missing: `hasData`).
    public let dataPath: String
    /// Where the sentence encoder's model lies when there is one.
    public let modelPath: String

    /// An advisor installed with its data in `share` (`PREFIX/share/advisor`).
    public static func installed(share: String) -> Installation {
        Installation(layout: .installed, dataPath: share, modelPath: share + "/" + EncoderModel.fileName)
    }

    /// A build inside the checkout at `root`.
    public static func checkout(_ root: String) -> Installation {
        Installation(layout: .checkout, dataPath: root, modelPath: root + "/.build/encoder/" + EncoderModel.fileName)
    }

    /// The installation of the program at `executable` (an absolute path without symbolic
    /// links): its `../share/advisor` when that holds the data, else the checkout above it.
    /// With neither, the installed layout, whose data is missing (`hasData` is false), so the
    /// advisor can say where it looked.
    public static func locate(executable: String) -> Installation {
        let bin = parent(executable)
        let share = parent(bin) + "/share/advisor"
        if holdsData(share) { return .installed(share: share) }
        var folder = bin
        while !folder.isEmpty {
            if isCheckout(folder) { return .checkout(folder) }
            if folder == "/" { break }
            folder = parent(folder)
        }
        return .installed(share: share)
    }

    /// The data, with the index kept beside it in a checkout; an installed advisor keeps it in
    /// the user's cache folder (the installed files are not the user's to write).
    public var data: DataRoot {
        DataRoot(path: dataPath, indexFolder: layout == .checkout ? dataPath + "/.build/advisor-cache" : nil)
    }

    /// Whether the data folder holds `Intents/` and `Sources/Knowledge/`.
    public var hasData: Bool { Self.holdsData(dataPath) }

    /// The model this process reads meaning with: the file `ADVISOR_MODEL` names (set but
    /// empty: none), else this installation's.
    public func encoderModel(environment: [String: String]) -> EncoderModel {
        if let chosen = environment["ADVISOR_MODEL"] { return chosen.isEmpty ? .none : .file(chosen) }
        return layout == .installed ? .shipped(modelPath) : .file(modelPath)
    }

    /// Whether `folder` is a checkout of the advisor: its package manifest beside the data.
    public static func isCheckout(_ folder: String) -> Bool {
        isFile(folder + "/Package.swift") && holdsData(folder)
    }

    static func holdsData(_ folder: String) -> Bool {
        isFolder(folder + "/" + DataRoot.intentsFolder) && isFolder(folder + "/" + DataRoot.knowledgeFolder)
    }

    /// The running program's path, without symbolic links (nil where it cannot be told).
    public static func runningExecutable() -> String? {
        IndexCache.currentExecutable()?.path
    }

    private static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
