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
    }

    /// Writes `data` to a temporary file in the same folder (a rename is atomic only within
    /// one file system), flushes it to the disk, then renames it over `path`. An existing
    /// file keeps its permissions. On failure the temporary file is removed.
    /// - Throws: `AtomicFile.Failure` naming the path and the system's reason.
    /// - Parameter mode: the permissions to give the file (a profile is private: 0600);
    ///   by default an existing file keeps its own and a new one gets 0644.
    public static func write(_ data: Data, to path: String, mode wanted: mode_t? = nil) throws {
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
        guard rename(temporary, path) == 0 else { throw failure(path) }
        done = true
        // The rename itself lives in the folder: flush it too (best effort; some file
        // systems cannot sync a folder, and the data is already safe).
        let folderFD = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            close(folderFD)
        }
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
