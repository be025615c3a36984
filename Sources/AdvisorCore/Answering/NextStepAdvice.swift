/// Picks the person's next step on the article's five-step path from their profile and
/// says why: a language first, then a framework and a database, then projects, then
/// hackathons or open source, then certifications: the first step the profile does not cover.
struct NextStepAdvice {
    let kb: KnowledgeBase
    let t: Templates

    func answer(for profile: Profile) -> Composer.Answer {
        var answer = pathStep(for: profile)
        // A target role puts its key tools ahead of the path ("a cloud engineer: AWS or
        // Azure first"), unless the person knows one of them already.
        if let target = profile.target.flatMap(kb.role), !target.keyTools.isEmpty,
           !target.keyTools.contains(where: profile.knows.contains) {
            let tools = ListText.join(target.keyTools.compactMap { kb.tool($0)?.name }, with: "or")
            answer.text = t.fill("next_step_target", ["role": target.name, "tools": tools,
                                                      "responsibility": target.responsibility]) + "\n" + answer.text
        }
        return answer
    }

    /// The next step on the article's path alone, with why it is next and what follows.
    private func pathStep(for profile: Profile) -> Composer.Answer {
        let known = profile.knows.compactMap(kb.tool)
        let languages = known.filter { $0.category == "languages" }
        let frameworks = known.filter { $0.category == "frameworks" }
        let databases = known.filter { $0.category == "databases" }
        let done = Set(profile.done)
        func step(_ id: String) -> Step? { kb.step(id) }
        func advise(_ id: String, _ why: String) -> Composer.Answer {
            guard let s = step(id) else { return Composer.Answer(text: why) }
            var text = t.fill("next_step", ["number": String(s.number), "title": s.title, "text": s.text, "why": why])
            // What follows is the next step not yet done ("after that comes step 5" says nothing
            // to someone who holds a certification already).
            if let after = kb.steps.first(where: { $0.number == s.number + 1 }), !done.contains(after.id) {
                text += "\n" + t.fill("next_step_after", ["number": String(after.number), "title": after.title])
            }
            return Composer.Answer(text: text, named: [EntityValue(.step, id)])
        }
        let knownNames = ListText.join(known.map(\.name))
        // Projects and hackathons are built in code, so they cover the steps before them; a
        // certification is not ("I have an AWS certification" tells nothing of a language or a
        // project), so it covers only itself and the path goes on where it was.
        if done.contains("hackathons-and-open-source") {
            return done.contains("certifications") ? Composer.Answer(text: t.fill("next_step_done"))
                : advise("certifications", t.fill("next_step_why_certify"))
        }
        if done.contains("projects") { return advise("hackathons-and-open-source", t.fill("next_step_why_community")) }
        // A framework is written in a language: who knows Flask is past the first step.
        if languages.isEmpty && frameworks.isEmpty && !done.contains("learn-languages") {
            if profile.isEmpty, let first = kb.steps.first {
                return Composer.Answer(text: t.fill("next_step_empty", ["title": first.title, "text": first.text]),
                                       named: [EntityValue(.step, first.id)])
            }
            return advise("learn-languages", t.fill("next_step_why_start"))
        }
        if frameworks.isEmpty || databases.isEmpty {
            let framework = frameworks.first ?? suggestedFramework(for: languages.first)
            let database = databases.first ?? kb.tool("mysql")
            // Name only what is missing: a framework, a database, or both; and no framework of
            // another language ("you know Go; next learn Django"): where the knowledge base has
            // none for the language, a framework for it, unnamed.
            var template = frameworks.isEmpty && databases.isEmpty ? "next_step_why_frameworks"
                : frameworks.isEmpty ? "next_step_why_framework" : "next_step_why_database"
            if frameworks.isEmpty && framework == nil { template += "_for" }
            return advise("frameworks-and-databases", t.fill(template, [
                "known": knownNames, "framework": framework?.name ?? "", "database": database?.name ?? "",
                "language": languages.first?.name ?? "",
            ]))
        }
        return advise("projects", t.fill("next_step_why_projects", ["known": knownNames]))
    }

    /// The first framework whose description names the language as a word ("a Python web
    /// framework"; "Java" is not named by "JavaScript", nor "Go" by "Google"), else the first
    /// one the language's own description names (Kotlin's names Spring, a Java framework it
    /// runs on); nil when neither does. With no language known, the first framework.
    private func suggestedFramework(for language: Tool?) -> Tool? {
        let frameworks = kb.tools.filter { $0.category == "frameworks" }
        guard let language else { return frameworks.first }
        return frameworks.first { Self.names($0.text, language.name) }
            ?? frameworks.first { Self.names(language.text, $0.name) }
    }

    /// Whether `text` holds `word` with no letter or digit right before or after it.
    static func names(_ text: String, _ word: String) -> Bool {
        text.ranges(of: word).contains { range in
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            return !before.isLetter && !before.isNumber && !after.isLetter && !after.isNumber
        }
    }
}

/// Renders the profile as the person told it, one fact a line.
struct ProfileText {
    let kb: KnowledgeBase
    let t: Templates

    func facts(_ profile: Profile) -> [String] {
        var facts: [String] = []
        if let level = profile.level { facts.append(t.fill("profile_level", ["level": t.fill("level_\(level)")])) }
        if !profile.knows.isEmpty {
            facts.append(t.fill("profile_knows", ["tools": ListText.join(profile.knows.compactMap { kb.tool($0)?.name })]))
        }
        if !profile.notKnown.isEmpty {
            facts.append(t.fill("profile_not_known", ["tools": ListText.join(profile.notKnown.compactMap { kb.tool($0)?.name })]))
        }
        if !profile.done.isEmpty {
            facts.append(t.fill("profile_done", ["steps": ListText.join(profile.done.map { t.fill("step_done_\($0)") })]))
        }
        return facts
    }

    /// One line confirming what a single `profile.update` line told ("Noted: you know Python
    /// and Django; you are a student."), from the facts of that line alone.
    func noted(_ change: Profile) -> String {
        var parts: [String] = []
        // Of someone else ("your son"), each fact is said of them: "knows Python".
        let of = change.whose == nil ? "" : "_other"
        func names(_ ids: [String]) -> String { ListText.join(ids.compactMap { kb.tool($0)?.name }) }
        if !change.knows.isEmpty { parts.append(t.fill("noted_knows" + of, ["tools": names(change.knows)])) }
        if !change.notKnown.isEmpty { parts.append(t.fill("noted_not_known" + of, ["tools": names(change.notKnown)])) }
        if let level = change.level { parts.append(t.fill("noted_level" + of, ["level": t.fill("level_\(level)")])) }
        if !change.done.isEmpty {
            parts.append(t.fill("noted_done" + of, ["steps": ListText.join(change.done.map { t.fill("step_done_\($0)") })]))
        }
        if let target = change.target, let role = kb.role(target) { parts.append(t.fill("noted_target" + of, ["role": role.name])) }
        if parts.isEmpty { return t.fill("profile_nothing") }
        guard let whose = change.whose else { return t.fill("profile_noted", ["facts": parts.joined(separator: "; ")]) }
        return t.fill("profile_noted_other", ["whose": whose, "facts": parts.joined(separator: "; ")])
    }

    func show(_ profile: Profile) -> String {
        let lines = facts(profile)
        if lines.isEmpty { return t.fill("profile_empty") }
        let facts = lines.map { "- " + $0 }.joined(separator: "\n")
        guard let whose = profile.whose else { return t.fill("profile_show", ["facts": facts]) }
        return t.fill("profile_show_other", ["whose": whose, "facts": facts])
    }
}
