import Foundation

/// What a build of the index read from the data folder: each file with its size and times as
/// they were just before it was read, and each folder with the names in it. The index cache
/// stores this beside the index and trusts the index only while every entry still matches,
/// so whatever the loaders read, and only that, decides when the index is rebuilt.
final class ReadLog: @unchecked Sendable {
    enum Entry: Equatable {
        /// A file relative to the data root, and its `FileStatus.fingerprint` (empty: missing).
        case file(String, [Int])
        /// A folder relative to the data root, and the names in it, sorted.
        case folder(String, [String])
    }

    private let lock = NSLock()
    private var noted: [Entry] = []
    private var newest = 0

    func noteFile(_ relative: String, at full: String) {
        let status = FileStatus(full)
        lock.lock()
        defer { lock.unlock() }
        noted.append(.file(relative, status?.fingerprint ?? []))
        newest = max(newest, status?.changed ?? 0)
    }

    func noteFolder(_ relative: String, at full: String) {
        let names = FileStatus.names(in: full) ?? []
        lock.lock()
        defer { lock.unlock() }
        noted.append(.folder(relative, names))
    }

    var entries: [Entry] {
        lock.lock()
        defer { lock.unlock() }
        return noted
    }

    /// The latest modification or change time of the files read, in nanoseconds since 1970.
    /// A file changed within the file system's timestamp granularity of the build could
    /// change again without its times showing it, so such a build is not cached.
    var newestChange: Int {
        lock.lock()
        defer { lock.unlock() }
        return newest
    }
}
