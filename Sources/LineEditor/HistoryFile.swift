#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file the history lives in, and the three things saving needs from it: whether it holds a
/// libedit history, a lock that makes two sessions take turns, and an atomic replacement.
public struct HistoryFile: Sendable {
    /// The file itself; a symbolic link is followed, so that replacing the file keeps the link.
    public let path: String

    public init(path: String) {
        self.path = Self.followingLink(path)
    }

    /// What is at `path` now.
    enum Contents { case absent, empty, history }

    /// The first line of every file libedit's `H_SAVE` writes.
    static let header = Array("_HiStOrY_V2_\n".utf8)

    /// Looks at the first bytes only: libedit's `H_LOAD` fails alike on a missing, an empty and a
    /// foreign file, and only the last must be left untouched. Opens without blocking and takes
    /// only a regular file: a named pipe put where the history belongs would otherwise hang the
    /// advisor at start-up, and libedit cannot load a device or a folder.
    func contents() throws(HistoryProblem) -> Contents {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return .absent }
            throw .unreadable(path, Self.reason())
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw .unreadable(path, Self.reason()) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(path, "it is a folder")
        default: throw .unreadable(path, "it is not a regular file")
        }
        var bytes = [UInt8](repeating: 0, count: Self.header.count)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 { throw .unreadable(path, Self.reason()) }
        if count == 0 { return .empty }
        guard count == Self.header.count, bytes == Self.header else { throw .notHistory(path) }
        return .history
    }

    /// The folder the file is in; the lock and the temporary file live there.
    var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Fails when a first save could not create the file, so the person hears it at start-up.
    func checkWritable() throws(HistoryProblem) {
        if access(folder, W_OK) != 0 { throw .unwritable(path, "\(folder): \(Self.reason())") }
    }

    /// Runs `body` holding an exclusive lock on the file's folder. Two sessions saving at the same
    /// moment take turns, so neither rewrites the file from a copy that lacks the other's line.
    /// The lock is on the folder, not the file, because each save replaces the file.
    func locked<T>(_ body: () throws(HistoryProblem) -> T) throws(HistoryProblem) -> T {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw .unwritable(path, "\(folder): \(Self.reason())") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw .unwritable(path, "cannot lock \(folder): \(Self.reason())") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Writes a new version through `write` (given a temporary path in the same folder, created
    /// with mode 0600) and renames it over the file: a reader, or a crash, sees the old file or
    /// the new one, never half of one. SIGINT, SIGTERM, SIGHUP and SIGQUIT wait until the
    /// rename is done, so they never leave the temporary file behind.
    func replace(_ write: (String) -> Bool) throws(HistoryProblem) {
        var held = sigset_t(), previous = sigset_t()
        sigemptyset(&held)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&held, signal) }
        pthread_sigmask(SIG_BLOCK, &held, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        var template = Array((path + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { throw .unwritable(path, Self.reason()) }
        close(fd)
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        guard write(temporary), chmod(temporary, 0o600) == 0, rename(temporary, path) == 0 else {
            let reason = Self.reason()
            unlink(temporary)
            throw .unwritable(path, reason)
        }
    }

    /// The file a symbolic link points to, even when that file does not exist yet.
    private static func followingLink(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return path }
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &target, target.count - 1)
        guard count > 0 else { return path }
        let destination = String(decoding: target[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if destination.hasPrefix("/") { return destination }
        return HistoryFile(unresolved: path).folder + "/" + destination
    }

    private init(unresolved path: String) { self.path = path }

    static func reason() -> String { String(cString: strerror(errno)) }
}
