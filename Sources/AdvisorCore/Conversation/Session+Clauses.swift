/// Reading a part of a line: its last sentence, a claim it asks about, the question after an
/// acknowledgement, and the clause breaks they split at.
extension Session {
    /// "I enjoy maths and puzzles more than drawing. Should I go for back end?": a line declined
    /// as a whole whose last sentence is a question the advisor answers, in words of the domain
    /// or the key words of its intent, is answered as that question; what comes before only
    /// sets the scene. Nil when there is no such sentence.
    func lastSentence(of line: String, _ resolver: Resolver) -> Understanding? {
        let sentences = Self.sentences(of: line)
        guard sentences.count > 1, let text = sentences.last, text.split(separator: " ").count >= 3 else { return nil }
        let language = advisor.language
        var read = language.analyze(text, referent: context.lastType)
        if !language.reads(read, sameWith: context.lastType), !resolver.speaksOfTheDomain(read) { read = language.analyze(text) }
        var understanding = resolver.resolve(read, context: context)
        // The question must say it is for the advisor, by a word of the domain or a key word of
        // its intent: "My car broke down. What should I do next?" is not about a career.
        guard understanding.intent != .outOfScope, understanding.clarification == nil,
              resolver.isAnchored(read) || read.favoured.contains(understanding.intent) else { return nil }
        understanding.reason = "its last sentence asks \"\(text)\": \(understanding.reason)"
        return understanding
    }

    /// "My son says he wants to become a backend developer. What is that job actually?": a line
    /// whose sentences before the last only set the scene (none asks, none tells about oneself)
    /// and whose last sentence asks about what the scene names, pointing back at it, is
    /// answered as that question ("that job" is the back-end developer). Nil when there is no
    /// such question, or it is none the advisor answers, or it asks what the whole line does
    /// (then the scene's words count too: "…an offer for 4 LPA. What do juniors usually get?").
    func questionAfterScene(_ line: String, _ whole: Understanding, _ resolver: Resolver) -> Understanding? {
        // Most lines are one sentence: a scan of their bytes says so before anything is split.
        guard Self.mayHoldSentences(line) else { return nil }
        let lexicon = advisor.language.lexicon, language = advisor.language
        let sentences = Self.sentences(of: line)
        guard sentences.count > 1, let question = sentences.last, lexicon.asksSomething(question),
              question.split(separator: " ").count >= 2,
              sentences.dropLast().allSatisfy({ !lexicon.asksSomething($0) }) else { return nil }
        let scene = language.analyze(sentences.dropLast().joined(separator: " "))
        // Telling about oneself is noted before the question (`noteTelling`); about someone
        // else ("my son says he wants to…") it only sets the scene.
        guard resolver.resolve(scene, context: context).intent != .profileUpdate || lexicon.spokenFor(in: scene.words) != nil else { return nil }
        let named = scene.values.filter { $0.type != .level && $0.type != .foreign }
        guard !named.isEmpty else { return nil }
        let light = context.naming(named)
        // The question's "that" or "it" must point at what the scene named.
        let read = language.analyze(question, referent: light.lastType)
        guard read.pointsBack, !language.reads(read, sameWith: light.lastType) else { return nil }
        var asked = resolver.resolve(read, context: light)
        guard asked.intent != .outOfScope, asked.clarification == nil, !ConversationContext.social.contains(asked.intent),
              asked.intent != whole.intent else { return nil }
        asked.reason = "its last sentence asks \"\(question)\" after setting the scene: \(asked.reason)"
        return asked
    }

    /// Whether a line has a full stop, "!" or "?" followed by a space: a sentence before another.
    static func mayHoldSentences(_ line: String) -> Bool {
        var previous: UInt8 = 0
        for byte in line.utf8 {
            if byte == 0x20, previous == 0x2E || previous == 0x21 || previous == 0x3F { return true }
            previous = byte
        }
        return false
    }

    /// The sentences of a line: split after ".", "!" or "?" followed by a space (only the
    /// opening of a long line, as everywhere).
    static func sentences(of line: String, characters: Int = 2000) -> [String] {
        let scalars = Array(line.unicodeScalars.prefix(characters))
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            current.append(scalar)
            if ".!?".unicodeScalars.contains(scalar), i + 1 < scalars.count, scalars[i + 1].properties.isWhitespace {
                let text = String(current).trimmingSpaces()
                if !text.isEmpty { result.append(text) }
                current = String.UnicodeScalarView()
            }
        }
        let text = String(current).trimmingSpaces()
        if !text.isEmpty { result.append(text) }
        return result
    }

    /// "My friend says backend is boring. Is that true?", "is it true that DevOps pays well?":
    /// a line declined as it stands that asks whether a claim is true, or reports what
    /// someone says, is read as the claim itself ("backend is boring"), the words of
    /// `claim_checks` in lexicon.yaml set aside. Nil when there is no such claim, or it is not
    /// a question the advisor answers either (nor small talk: "tell my mom I said hi").
    func claim(in line: String, _ analysis: Analysis, _ resolver: Resolver) -> Understanding? {
        let language = advisor.language
        let lexicon = language.lexicon
        var claims: [[String]] = []
        // "…, is that true?" (a clause of its own), or "… is that true" run on.
        for (head, rest) in Self.clauseSplits(of: line, breaks: 8) where lexicon.claimTags.contains(language.normalizer.words(rest)) {
            claims.append(language.normalizer.words(head))
        }
        let words = analysis.words
        for tag in lexicon.claimTags where tag.count >= 3 && words.count > tag.count && Array(words.suffix(tag.count)) == tag {
            claims.append(Array(words.dropLast(tag.count)))
        }
        for opener in lexicon.claimOpeners where words.count > opener.count && words.starts(with: opener) {
            claims.append(Array(words.dropFirst(opener.count)))
        }
        claims.append(words)
        for var claim in claims {
            // "my friend says (that) …", "I heard …": what is said, not who says it.
            if let (at, length) = Self.hearsay(in: claim, lexicon.hearsay) {
                claim.removeFirst(at + length)
                if claim.first == "that" { claim.removeFirst() }
            } else if claim == words {
                continue
            }
            guard claim.count >= 2 else { continue }
            let text = claim.joined(separator: " ")
            var read = language.analyze(text, referent: context.lastType)
            if !language.reads(read, sameWith: context.lastType), !resolver.speaksOfTheDomain(read) { read = language.analyze(text) }
            var understanding = resolver.resolve(read, context: context)
            guard understanding.intent != .outOfScope, !ConversationContext.social.contains(understanding.intent),
                  understanding.clarification == nil else { continue }
            understanding.reason = "it asks whether a claim is true, read as the claim \"\(text)\": \(understanding.reason)"
            return understanding
        }
        return nil
    }

    /// Where a word reporting what someone says (`hearsay`) stands among the first words of
    /// `words`, after who says it ("my friend says", "people say", "I heard"), and its length.
    static func hearsay(in words: [String], _ hearsay: [[String]]) -> (at: Int, length: Int)? {
        guard words.count > 2 else { return nil }
        for at in 1..<min(5, words.count) {
            for phrase in hearsay where words[at...].starts(with: phrase) && at + phrase.count < words.count { return (at, phrase.count) }
        }
        return nil
    }

    /// "Fine, what does that job involve then?": the question after a clause that only
    /// acknowledges the last answer (`acknowledgements`), or nil. Read alone, its words are all
    /// the domain's, so it may point back at what the conversation was about.
    func questionAfterAcknowledgement(_ line: String) -> String? {
        guard let (head, rest) = Self.clauseSplits(of: line, breaks: 1).first else { return nil }
        let lexicon = advisor.language.lexicon, normalizer = advisor.language.normalizer
        let terms = normalizer.terms(of: normalizer.words(head))
        guard !terms.isEmpty, terms.count <= 3, terms.allSatisfy(lexicon.acknowledgements.contains), lexicon.asksSomething(rest) else { return nil }
        return rest
    }

    /// The text after each clause break (a comma, semicolon, colon, full stop, "!" or "?"
    /// followed by a space) that leaves two words or more, first break first.
    static func clauses(after line: String) -> [String] { clauseSplits(of: line).map(\.rest) }

    /// The line split at each clause break into what comes before it and the rest, where the
    /// rest has `words` words or more (two: one word after a comma mostly runs a list on);
    /// first break first. Only the opening of a long line, and its
    /// first few breaks, are looked at: a pasted line of a thousand commas is read once, not a
    /// thousand times over.
    static func clauseSplits(of line: String, characters: Int = 2000, breaks: Int = 8, words: Int = 2) -> [(head: String, rest: String)] {
        let scalars = Array(line.unicodeScalars.prefix(characters))
        var result: [(head: String, rest: String)] = []
        for i in scalars.indices.dropLast() where ",;:.!?".unicodeScalars.contains(scalars[i]) && scalars[i + 1].properties.isWhitespace {
            if result.count == breaks { break }
            var head = String.UnicodeScalarView(), rest = String.UnicodeScalarView()
            head.append(contentsOf: scalars[..<i])
            rest.append(contentsOf: scalars[(i + 1)...])
            let text = String(rest).trimmingSpaces()
            if text.split(separator: " ").count >= words { result.append((String(head).trimmingSpaces(), text)) }
        }
        return result
    }
}
