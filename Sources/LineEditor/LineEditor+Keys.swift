import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The key functions the editor adds to libedit (`advisor-complete`, `advisor-interrupt`).
extension LineEditor {
    /// Tab: asks the completer, edits the line, and lists several candidates the way a shell
    /// does, in columns under the line, then redraws the prompt and the line below them.
    func completeKey() -> UInt8 {
        let (line, cursor, _) = currentLine()
        let completion = completer(line, cursor, Int(advisor_el_columns(editLine)))
        if completion.isEmpty { return UInt8(CC_REFRESH_BEEP) }
        if completion.deleting > 0 { advisor_el_deletestr(editLine, Int32(completion.deleting)) }
        if !completion.inserting.isEmpty { advisor_el_insertstr(editLine, completion.inserting) }
        guard !completion.listing.isEmpty else { return UInt8(CC_REFRESH) }
        write("\n" + completion.listing.joined(separator: "\n") + "\n")
        return UInt8(CC_REDISPLAY)
    }

    /// Ctrl-C: leaves the line visible with `^C` after it, as a shell does, and ends `el_gets`
    /// with the `interrupted` mark so the loop discards the line and prompts afresh. The text
    /// after the cursor is written out again to bring the cursor to the end of the line first.
    func interruptKey() -> UInt8 {
        interrupted = true
        write(currentLine().rest + "^C\n")
        return UInt8(CC_NEWLINE)
    }

    /// Ctrl-Z: with ISIG off the terminal no longer turns it into SIGTSTP, so the key does.
    /// libedit's own handlers (EL_SIGNAL) restore the terminal before the stop, and put it back
    /// in raw mode and redraw the line on SIGCONT. A session leader has no shell to resume it
    /// (the kernel would discard the stop and leave the terminal cooked), so there it only beeps.
    func suspendKey() -> UInt8 {
        if getsid(0) == getpid() { return UInt8(CC_REFRESH_BEEP) }
        raise(SIGTSTP)
        return UInt8(CC_REDISPLAY)
    }

    /// The line being edited, the cursor, and the text after the cursor. `el_line` gives a UTF-8
    /// byte buffer while libedit's cursor moves count code points, so offsets are code points.
    private func currentLine() -> (line: String, cursor: Int, rest: String) {
        let info = advisor_el_line(editLine).pointee
        func text(_ from: UnsafePointer<CChar>, _ to: UnsafePointer<CChar>) -> String {
            let bytes = UnsafeRawBufferPointer(start: from, count: max(0, to - from))
            return String(decoding: bytes, as: UTF8.self)
        }
        return (text(info.buffer, info.lastchar),
                text(info.buffer, info.cursor).unicodeScalars.count,
                text(info.cursor, info.lastchar))
    }

    /// Writes through libedit's own output stream, so the bytes stay in order with its redraws.
    private func write(_ text: String) {
        fputs(text, advisor_stdout())
        fflush(advisor_stdout())
    }
}
