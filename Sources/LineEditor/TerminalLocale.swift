import CLibEdit

/// The C locale libedit needs before `el_init`.
///
/// A Swift program starts in the "C" locale, whose codeset is ASCII, and libedit converts
/// every key and every line through that codeset: left alone it silently drops each non-ASCII
/// byte (`café ₹` arrives as `caf `). So the editor takes the user's locale and, when that is
/// not UTF-8 (LANG unset, as in CI), falls back to C.UTF-8.
enum TerminalLocale {
    static func adoptUTF8() {
        setlocale(LC_CTYPE, "")
        if !isUTF8 { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
