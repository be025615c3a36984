import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The character reader the editor gives libedit (`EL_GETCFN`): pastes are read in bulk, and a
/// line stops growing at `maxLineLength` characters.
///
/// libedit reads, echoes and redraws each character on its own, so a pasted 10 MB line would
/// keep the advisor busy for minutes. Past the limit, printable characters are dropped unseen
/// until a control key (Enter, Ctrl-C, Backspace...) arrives, and `droppedCharacters` says how
/// many went.
///
/// Whenever nothing is read ahead, libedit's own reader takes the next character: it alone
/// knows how to carry on after SIGWINCH or SIGCONT interrupt a read. Only what is already
/// waiting behind that character is read in bulk, which never blocks.
extension LineEditor {
    /// libedit's callback; the editor comes back through `EL_CLIENTDATA`.
    static let readCharacterFunction: advisor_el_read_char = { editLine, character in
        LineEditor.of(editLine).readCharacter(character!)
    }

    /// Returns 1 with a character, 0 at the end of input, -1 on an error (as libedit's reader does).
    func readCharacter(_ character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        while true {
            if atLimit { droppedCharacters += typeahead.skipPrintable() }
            if let next = typeahead.next() {
                if keep(next) {
                    character.pointee = next
                    return 1
                }
                continue
            }
            if typeahead.isIncomplete {
                typeahead.completeCharacter(from: STDIN_FILENO)
                continue
            }
            advisor_el_set_read_char(editLine, nil)
            let count = advisor_el_wgetc(editLine, character)
            advisor_el_set_read_char(editLine, Self.readCharacterFunction)
            guard count == 1 else { return count }
            typeahead.fill(from: STDIN_FILENO)
            if keep(character.pointee) { return 1 }
        }
    }

    /// Whether the line has as many characters as it may hold.
    private var atLimit: Bool {
        let info = advisor_el_wline(editLine).pointee
        return info.lastchar - info.buffer >= maxLineLength
    }

    /// Control characters are keys and always get through; others only below the limit.
    private func keep(_ character: wchar_t) -> Bool {
        if character < 0x20 || character == 0x7F || !atLimit { return true }
        droppedCharacters += 1
        return false
    }
}
