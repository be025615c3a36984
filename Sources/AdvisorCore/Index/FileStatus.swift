#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's identity, size and times, straight from `stat`: cheap enough to check every data
/// file at every start.
struct FileStatus {
    /// Device, inode, size, modification and change times (seconds and nanoseconds).
    let fingerprint: [Int]
    /// The later of the modification and change times, in nanoseconds since 1970.
    let changed: Int

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        #if canImport(Darwin)
        let modified = (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        let changed = (Int(info.st_ctimespec.tv_sec), Int(info.st_ctimespec.tv_nsec))
        #else
        let modified = (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        let changed = (Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec))
        #endif
        fingerprint = [Int(info.st_dev), Int(info.st_ino), Int(info.st_size), modified.0, modified.1, changed.0, changed.1]
        self.changed = max(modified.0 * 1_000_000_000 + modified.1, changed.0 * 1_000_000_000 + changed.1)
    }

    /// The names in a folder (without "." and ".."), sorted; nil when it cannot be listed.
    static func names(in path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Nanoseconds since 1970, by the wall clock (the clock file times are stamped with).
    static func now() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Int(t.tv_sec) * 1_000_000_000 + Int(t.tv_nsec)
    }
}
