/// Text to token ids as sentence-transformers gives them to the network: the five special
/// tokens written literally ("[MASK]") are taken as they are (the reference matches them before
/// normalising), the rest goes through `BasicTokenizer` and greedy longest-match-first WordPiece,
/// and the ids are truncated to leave room for `[CLS]` and `[SEP]`.
struct WordPieceTokenizer: Sendable {
    let vocabulary: Vocabulary
    let configuration: ModelConfiguration
    /// "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]" as the vocabulary numbers them.
    private let specialTokens: [(text: String, id: Int32)]

    init(vocabulary: Vocabulary, configuration: ModelConfiguration) {
        self.vocabulary = vocabulary
        self.configuration = configuration
        specialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"].compactMap { text in
            var bytes = Array(text.utf8)
            return bytes.withUnsafeMutableBufferPointer { buffer in
                vocabulary.id(of: UnsafeBufferPointer(buffer), continuing: false).map { (text, $0) }
            }
        }
    }

    /// `[CLS]`, at most `maxTokens` − 2 pieces, `[SEP]`.
    func tokenIDs(_ text: String) -> [Int32] {
        let limit = configuration.maxTokens - 2
        var ids: [Int32] = [configuration.clsID]
        var rest = text[...]
        while !rest.isEmpty && ids.count <= limit {
            let (plain, special) = splitAtSpecialToken(rest)
            for word in BasicTokenizer.words(plain) {
                appendPieces(of: word, to: &ids)
                if ids.count > limit { break }
            }
            if let special, ids.count <= limit {
                ids.append(special.id)
                rest = rest[special.end...]
            } else {
                rest = rest[rest.endIndex...]
            }
        }
        if ids.count > limit + 1 { ids.removeLast(ids.count - limit - 1) }
        ids.append(configuration.sepID)
        return ids
    }

    /// The text before the first literal special token, and that token. Compared as UTF-8, as
    /// the reference does: "[MASK]" followed by a combining mark is still the token.
    private func splitAtSpecialToken(_ text: Substring) -> (Substring, (id: Int32, end: Substring.Index)?) {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while let open = utf8[index...].firstIndex(of: UInt8(ascii: "[")) {
            for (token, id) in specialTokens where utf8[open...].starts(with: token.utf8) {
                return (text[..<open], (id, utf8.index(open, offsetBy: token.utf8.count)))
            }
            index = utf8.index(after: open)
        }
        return (text, nil)
    }

    /// WordPiece: from the left, the longest piece in the vocabulary, `##` before every piece
    /// after the first; a word with a part no piece matches, or longer than
    /// `maxWordCharacters` scalars, is one `[UNK]`.
    private func appendPieces(of word: [Unicode.Scalar], to ids: inout [Int32]) {
        guard word.count <= configuration.maxWordCharacters else {
            ids.append(configuration.unknownID)
            return
        }
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for scalar in word {
            starts.append(bytes.count)
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
        starts.append(bytes.count)
        let firstPiece = ids.count
        let found = bytes.withUnsafeBufferPointer { buffer -> Bool in
            var start = 0
            while start < word.count {
                var end = word.count
                var piece: Int32?
                while end > start {
                    let slice = UnsafeBufferPointer(rebasing: buffer[starts[start]..<starts[end]])
                    if let id = vocabulary.id(of: slice, continuing: start > 0) {
                        piece = id
                        break
                    }
                    end -= 1
                }
                guard let piece else { return false }
                ids.append(piece)
                start = end
            }
            return true
        }
        if !found {
            ids.removeLast(ids.count - firstPiece)
            ids.append(configuration.unknownID)
        }
    }
}
