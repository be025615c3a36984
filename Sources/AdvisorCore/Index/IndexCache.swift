#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the advisor keeps its precompiled index between runs, and when it may trust it.
///
/// One file per data folder and executable: `<folder>/<hash>.index`. The folder is
/// `ADVISOR_CACHE_DIR` when set (empty: no cache at all); for the data of a checkout,
/// `.build/advisor-cache/` beside it (`DataRoot.indexFolder`); otherwise, an installed
/// advisor's data and `--data` copies alike, `$XDG_CACHE_HOME/advisor` or `~/.cache/advisor`. The file begins with what its index was built from: the executable's
/// identity and every data file with its size and times, every data folder with its names.
/// An index is used only while all of them still match; anything else (an edited file, a new
/// one, a rebuilt advisor, a damaged cache) builds it again from the YAML, with the same
/// checks and the same `file:line: what` errors as without a cache.
///
/// A damaged file is told by its checksum (`IndexChecksum`). Checking it reads the whole
/// file, which would make start-up grow with the knowledge base, so a note beside the index
/// (`<hash>.index.checked`) holds the identity (`FileStatus.fingerprint`: inode, size, times)
/// of the file last seen whole; the checksum is computed again only when the file is not that
/// one. Anything that writes to the file changes its change time, which no program can set.
struct IndexCache {
    let root: DataRoot
    /// The folders to look in and write to, in order of preference; empty: no cache.
    let folders: [String]
    let fileName: String
    let executable: (path: String, fingerprint: [Int])?
    /// How old (in nanoseconds) the data files must be for their times to be trusted: a file
    /// changed again within the file system's timestamp granularity could keep its times.
    var settle = 2_000_000_000

    /// The cache for `root` in the folders the environment chooses.
    init(root: DataRoot) {
        var folders: [String] = []
        if let chosen = Self.environment("ADVISOR_CACHE_DIR") {
            if !chosen.isEmpty { folders.append(chosen) }
        } else {
            if let beside = root.indexFolder { folders.append(beside) }
            if let xdg = Self.environment("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
                folders.append(xdg + "/advisor")
            } else if let home = Self.environment("HOME"), home.hasPrefix("/") {
                folders.append(home + "/.cache/advisor")
            }
        }
        self.init(root: root, folders: folders)
    }

    /// The cache for `root` in `folders` (none: no cache).
    init(root: DataRoot, folders: [String]) {
        self.root = root
        let resolved = Self.resolve(root.path)
        executable = Self.currentExecutable()
        self.folders = executable == nil ? [] : folders
        let key = resolved + "\u{0}" + (executable?.path ?? "")
        let hash = String(StringTable.hash(key.utf8), radix: 16)
        fileName = String(repeating: "0", count: 16 - hash.count) + hash + ".index"
    }

    /// What a build noted, as the header of its index.
    func header(for log: ReadLog) -> AdvisorIndex.Header {
        AdvisorIndex.Header(executable: executable?.fingerprint ?? [], root: Self.resolve(root.path), entries: log.entries)
    }

    /// The cached index, mapped, if one is current.
    func current() -> IndexBytes? {
        guard let executable else { return nil }
        for folder in folders {
            guard let bytes = IndexBytes(mapping: folder + "/" + fileName) else { continue }
            var reader = IndexReader(bytes)
            guard let header = try? AdvisorIndex.readHeader(&reader), header.executable == executable.fingerprint,
                  header.root == Self.resolve(root.path), isCurrent(header.entries),
                  isWhole(bytes, at: folder + "/" + fileName) else { continue }
            return bytes
        }
        return nil
    }

    /// Whether the mapped file's checksum holds: known without reading it when it is the file
    /// its note names, computed otherwise. Noted only once the file's change time is `settle`
    /// old: a write within the same clock tick could leave its times as they were.
    func isWhole(_ bytes: IndexBytes, at path: String) -> Bool {
        guard let status = bytes.status else { return IndexChecksum.holds(bytes) }
        if Self.readNote(path + Self.noteSuffix) == status.fingerprint { return true }
        guard IndexChecksum.holds(bytes) else { return false }
        if status.changed < FileStatus.now() - settle { Self.writeNote(path + Self.noteSuffix, status.fingerprint) }
        return true
    }

    static let noteSuffix = ".checked"

    /// The fingerprint a note holds (numbers separated by spaces), or nil.
    static func readNote(_ path: String) -> [Int]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0, n < buffer.count, buffer[n - 1] == UInt8(ascii: "\n") else { return nil }
        var numbers: [Int] = []
        for field in buffer[0..<(n - 1)].split(separator: UInt8(ascii: " ")) {
            guard let number = Int(String(decoding: field, as: UTF8.self)) else { return nil }
            numbers.append(number)
        }
        return numbers
    }

    /// Writes a note whole or not at all (a temporary file renamed into place).
    static func writeNote(_ path: String, _ fingerprint: [Int]) {
        guard !fingerprint.isEmpty else { return }
        let text = Array((fingerprint.map(String.init).joined(separator: " ") + "\n").utf8)
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        let written = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written != text.count || rename(temporary, path) != 0 { unlink(temporary) }
    }

    private func isCurrent(_ entries: [ReadLog.Entry]) -> Bool {
        for entry in entries {
            switch entry {
            case .file(let relative, let fingerprint):
                guard !fingerprint.isEmpty, FileStatus(root.path + "/" + relative)?.fingerprint == fingerprint else { return false }
            case .folder(let relative, let names):
                guard FileStatus.names(in: root.path + "/" + relative) == names else { return false }
            }
        }
        return true
    }

    /// Keeps `bytes` for the next run, unless the data changed too recently for its times to
    /// tell a later change apart (file times are only as fine as the kernel's clock tick).
    func store(_ bytes: [UInt8], log: ReadLog) {
        guard executable != nil, log.newestChange < FileStatus.now() - settle else { return }
        for folder in folders where Self.makeFolder(folder) {
            let target = folder + "/" + fileName
            let temporary = target + ".\(getpid()).tmp"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { continue }
            var written = 0
            let complete = bytes.withUnsafeBytes { raw -> Bool in
                while written < raw.count {
                    let n = write(fd, raw.baseAddress! + written, raw.count - written)
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else { return false }
                    written += n
                }
                return true
            }
            // On the disk before a note can say it is whole, even after a power cut.
            let durable = complete && fsync(fd) == 0
            close(fd)
            // Renamed into place only once whole: a reader sees the old index or the new one.
            if durable && rename(temporary, target) == 0 {
                prune(folder)
                return
            }
            unlink(temporary)
        }
    }

    /// Removes the indexes of data folders that no longer exist (test copies, old checkouts),
    /// and all but the 64 newest.
    private func prune(_ folder: String) {
        guard let names = FileStatus.names(in: folder) else { return }
        var kept: [(path: String, changed: Int)] = []
        for name in names where name.hasSuffix(".index" + Self.noteSuffix) && !names.contains(String(name.dropLast(Self.noteSuffix.count))) {
            unlink(folder + "/" + name)
        }
        for name in names where name.hasSuffix(".index") && name != fileName {
            let path = folder + "/" + name
            guard let bytes = IndexBytes(mapping: path) else { continue }
            var reader = IndexReader(bytes)
            if let header = try? AdvisorIndex.readHeader(&reader), FileStatus(header.root) != nil {
                kept.append((path, FileStatus(path)?.changed ?? 0))
            } else {
                unlink(path)
                unlink(path + Self.noteSuffix)
            }
        }
        for old in kept.sorted(by: { $0.changed > $1.changed }).dropFirst(63) {
            unlink(old.path)
            unlink(old.path + Self.noteSuffix)
        }
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The absolute path without symbolic links, or the path as given when that fails.
    static func resolve(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The running program's path and identity, so that a rebuilt advisor rebuilds its index.
    static func currentExecutable() -> (path: String, fingerprint: [Int])? {
        #if os(Linux)
        let link = "/proc/self/exe"
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(link, &buffer, buffer.count - 1)
        guard n > 0, let status = FileStatus(link) else { return nil }
        let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (path, status.fingerprint)
        #else
        guard let first = CommandLine.arguments.first, let status = FileStatus(first) else { return nil }
        return (resolve(first), status.fingerprint)
        #endif
    }

    /// Creates the folder and its parents; true when it exists afterwards.
    static func makeFolder(_ path: String) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
        let parent = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !parent.isEmpty && parent != path { _ = makeFolder(parent) }
        return mkdir(path, 0o755) == 0 || (stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR)
    }
}
