import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that a reader sees either the old contents or the new, never a part:
/// `:save`, `--record` and `replay --update` must not leave half a transcript behind when
/// the disk fills or the process is killed.
public enum AtomicFile {
    /// A write that did not happen; the file at `path`, if any, is unchanged.
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "Could not write \(path): \(reason)." }

        /// The reason when `replacing: false` found the file already there.
        public static let exists = "it already exists"
        public var isExisting: Bool { reason == Self.exists }
    }

    /// Writes `data` to a temporary file in the same folder (a rename is atomic only within
    /// one file system), flushes it to the disk, then renames it over `path`. An existing
    /// file keeps its permissions. On failure the temporary file is removed.
    ///
    /// SIGINT, SIGTERM, SIGHUP and SIGQUIT are held back while the file is written, so one
    /// that arrives meanwhile takes effect after the rename, and never leaves the temporary
    /// file behind. (Only `kill -9` can, and then `path` is still whole.)
    /// - Throws: `AtomicFile.Failure` naming the path and the system's reason.
    /// - Parameters:
    ///   - mode: the permissions to give the file (a profile is private: 0600); by default an
    ///     existing file keeps its own and a new one gets 0644.
    ///   - replacing: false to fail, with `Failure.exists`, when `path` already exists; the
    ///     check and the write are one step (a hard link), so no other writer slips in between.
    public static func write(_ data: Data, to path: String, mode wanted: mode_t? = nil, replacing: Bool = true) throws {
        try holdingTerminationSignals {
            try writeNow(data, to: path, mode: wanted, replacing: replacing)
        }
    }

    private static func writeNow(_ data: Data, to path: String, mode wanted: mode_t?, replacing: Bool) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"

        var existing = stat()
        let mode: mode_t = wanted ?? (stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(path) }
        var done = false
        defer { if !done { unlink(temporary) } }
        do {
            defer { close(fd) }
            _ = fchmod(fd, mode)  // the umask must not narrow an existing file's permissions
            try writeAll(data, to: fd, path: path)
            guard fsync(fd) == 0 else { throw failure(path) }
        }
        if replacing {
            guard rename(temporary, path) == 0 else { throw failure(path) }
            done = true
        } else if link(temporary, path) != 0 {
            if errno == EEXIST { throw Failure(path: path, reason: Failure.exists) }
            // A file system without hard links: check, then rename (a narrow race, no loss).
            guard errno == EPERM || errno == EOPNOTSUPP else { throw failure(path) }
            if stat(path, &existing) == 0 { throw Failure(path: path, reason: Failure.exists) }
            guard rename(temporary, path) == 0 else { throw failure(path) }
            done = true
        }
        // After a link, `path` is the new file and the temporary name goes (`done` is false).
        // The rename itself lives in the folder: flush it too (best effort; some file
        // systems cannot sync a folder, and the data is already safe).
        let folderFD = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            close(folderFD)
        }
    }

    /// Runs `body` with the signals that end a process held back; they are delivered when it
    /// returns. A sigprocmask is per thread, and the advisor writes files on its only thread.
    static func holdingTerminationSignals<T>(_ body: () throws -> T) rethrows -> T {
        var held = sigset_t(), previous = sigset_t()
        sigemptyset(&held)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&held, signal) }
        pthread_sigmask(SIG_BLOCK, &held, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let written = posixWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(path)
                }
                offset += written
            }
        }
    }

    private static func failure(_ path: String) -> Failure {
        Failure(path: path, reason: String(cString: strerror(errno)))
    }
}

/// `write(2)`, named apart from `AtomicFile.write`.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, bytes, count)
    #else
    Darwin.write(fd, bytes, count)
    #endif
}
