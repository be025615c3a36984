import CLibEdit

/// The lines a person typed: libedit's history list, which Up, Down and Ctrl-R walk, kept in step
/// with a file that other sessions share.
///
/// Every line is saved the moment it is entered, so Ctrl-C, a kill or a crash loses nothing. A
/// save merges: under a lock it re-reads the file, adds the line, collapses consecutive
/// duplicates, trims to `size`, writes a temporary file and renames it over the old one. Two
/// sessions open at once therefore keep the lines of both, and each sees the other's lines too.
///
/// Only `H_SETSIZE`, `H_LOAD`, `H_ENTER` and `H_SAVE` are used: this libedit's `append_history`
/// and `H_NSAVE_FP` write one entry too many, and `history_truncate_file` drops the header, after
/// which the file no longer loads.
public final class InputHistory {
    let handle: OpaquePointer
    /// Where the lines are saved; nil when there is no file or saving stopped after a problem.
    public private(set) var file: HistoryFile?
    /// Entries longer than this (in characters) are left out when the file is read: the editor
    /// cannot have written them, and recalling one would drop megabytes into the line.
    public let longestEntry: Int
    /// How many entries reading the file left out for being longer than `longestEntry`.
    public private(set) var droppedEntries = 0

    /// - Parameters:
    ///   - size: how many entries are kept, in memory and in the file.
    ///   - file: where they are saved; nil keeps them for this session only.
    ///   - longestEntry: the longest entry kept from the file, in characters.
    public init(size: Int, file: HistoryFile?, longestEntry: Int = LineEditor.defaultMaxLineLength) {
        handle = advisor_history_init()
        advisor_history_setsize(handle, Int32(clamping: max(1, size)))
        advisor_history_setunique(handle, 1)
        self.file = file
        self.longestEntry = longestEntry
    }

    deinit { advisor_history_end(handle) }

    /// Reads the file at start-up. On a problem, saving stops (the file is never overwritten)
    /// and the problem is thrown for the caller to show once.
    public func load() throws(HistoryProblem) {
        guard let file else { return }
        do throws(HistoryProblem) {
            switch try file.contents() {
            case .history:
                if advisor_history_load(handle, file.path) < 0 { throw HistoryProblem.unreadable(file.path, "libedit could not load it") }
                droppedEntries = dropOverlongEntries()
            case .absent, .empty:
                try file.checkWritable()
            }
        } catch {
            self.file = nil
            throw error
        }
    }

    /// Adds a line and saves it by merging with the file. On a problem, the line is still kept for
    /// this session, saving stops, and the problem is thrown for the caller to show once.
    public func record(_ line: String) throws(HistoryProblem) {
        guard let file else {
            advisor_history_enter(handle, line)
            return
        }
        let before = entries
        do throws(HistoryProblem) {
            try file.locked { () throws(HistoryProblem) in
                if try file.contents() == .history {
                    advisor_history_clear(handle)
                    if advisor_history_load(handle, file.path) < 0 { throw .unreadable(file.path, "libedit could not load it") }
                    dropOverlongEntries()
                }
                advisor_history_enter(handle, line)
                try file.replace { advisor_history_save(handle, $0) >= 0 }
            }
        } catch {
            self.file = nil
            replace(with: before + [line])
            throw error
        }
    }

    /// The entries, oldest first.
    public var entries: [String] {
        var result: [String] = []
        var entry = advisor_history_oldest(handle)
        while let text = entry {
            result.append(String(cString: text))
            entry = advisor_history_newer(handle)
        }
        return result
    }

    /// Removes the entries longer than `longestEntry`; returns how many there were.
    @discardableResult
    private func dropOverlongEntries() -> Int {
        let all = entries
        let kept = all.filter { $0.unicodeScalars.count <= longestEntry }
        if kept.count < all.count { replace(with: kept) }
        return all.count - kept.count
    }

    private func replace(with lines: [String]) {
        advisor_history_clear(handle)
        for line in lines { advisor_history_enter(handle, line) }
    }
}
