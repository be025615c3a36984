/// Writes the answer to an understood line from the knowledge base and the templates.
/// Returns the text and the entities the answer itself named (the top of a ranking), which
/// the context records so that "that role" can refer to them.
struct Composer {
    let kb: KnowledgeBase
    let t: Templates
    let shapes: [Intent: IntentShape]

    struct Answer {
        var text: String
        var named: [EntityValue] = []
        /// What the answer lists, in its order, for "the third one" (`ConversationContext.listed`).
        var listed: [EntityValue] = []
    }

    /// - Parameter change: for `profile.update`, the facts this line told (to confirm them).
    func answer(_ u: Understanding, profile: Profile, change: Profile = Profile()) -> Answer {
        if let readings = u.clarification, readings.count == 2 {
            return Answer(text: t.fill("clarify", ["first": t.fill("reading_\(readings[0].rawValue)"),
                                                   "second": t.fill("reading_\(readings[1].rawValue)")]))
        }
        // A question back ("Which roles should I compare?") is answered first: no suggestion.
        if let missing = missingEntity(u) { return missing }
        var answer = withGap(body(u, profile: profile, change: change), u)
        if let question = suggestion(after: u, profile: profile) {
            answer.text += "\n" + t.fill("suggest", ["question": question])
        }
        return answer
    }

    /// The question offered after an answer: the intent's own, unless the moment calls for
    /// another (no step comes after the last; with a profile, no need to tell it first).
    private func suggestion(after u: Understanding, profile: Profile) -> String? {
        if u.intent == .stepsDetail, let step = u.entities[.step]?.last, step == kb.steps.last?.id {
            return t.fill("suggest_after_last_step")
        }
        if u.intent == .stepsRoadmap || u.intent == .careerFit, !profile.isEmpty {
            return t.fill("suggest_next_step_known")
        }
        return t.suggestions[u.intent]
    }

    private func body(_ u: Understanding, profile: Profile, change: Profile) -> Answer {
        let roles = (u.entities[.role] ?? []).compactMap(kb.role)
        let tools = (u.entities[.tool] ?? []).compactMap(kb.tool)
        switch u.intent {
        case .greet: return Answer(text: t.fill("greet"))
        case .thank: return Answer(text: t.fill("thank"))
        case .goodbye: return Answer(text: t.fill("goodbye"))
        case .help: return Answer(text: t.fill("help"))
        case .outOfScope: return Answer(text: declined(u))
        case .backendDefinition: return Answer(text: fact("definition"))
        case .backendAnalogy: return Answer(text: fact("analogy"))
        case .backendVsFrontend: return Answer(text: fact("vs_frontend"))
        case .marketOutlook: return Answer(text: fact("market"))
        case .careerFit: return fit(for: profile)
        case .backendResponsibilities:
            let ids = u.entities[.responsibility] ?? []
            return Answer(text: responsibilities(ids), listed: ids.isEmpty ? kb.responsibilities.map { EntityValue(.responsibility, $0.id) } : [])
        case .roleList:
            return Answer(text: t.fill("role_list", ["table": salaryTable(kb.rolesWithSalary, withWork: true), "lpa": lpa(kb.rolesWithSalary)]),
                          listed: Self.values(.role, kb.rolesWithSalary.map(\.id)))
        case .roleDescribe: return Answer(text: roles.map(describe).joined(separator: "\n\n"))
        case .roleSalary: return Answer(text: salary(roles), listed: roles.count == 1 ? [] : Self.values(.role, (roles.isEmpty ? kb.rolesWithSalary : expand(roles)).map(\.id)))
        case .roleCompare: return compare(roles, byPay: u.analysis.favoured.contains(.roleSalary))
        case .roleRank: return startingRole(for: u.analysis.named(.level)) ?? rank(lowest: u.entities[.order]?.first == "lowest")
        case .roleSkills: return Answer(text: roles.map(skills).joined(separator: "\n\n"))
        case .skillsList: return Answer(text: skillsList(kind: u.entities[.kind]?.first))
        case .toolsList:
            let category = u.entities[.category]?.first
            return Answer(text: toolsList(category: category), listed: Self.values(.tool, category.map { id in kb.tools.filter { $0.category == id }.map(\.id) } ?? []))
        case .toolDescribe: return Answer(text: tools.map(describe).joined(separator: "\n\n"))
        case .toolCompare: return Answer(text: compare(tools), listed: Self.values(.tool, tools.map(\.id)))
        case .stepsRoadmap: return Answer(text: roadmap(), listed: Self.values(.step, kb.steps.map(\.id)))
        case .stepsDetail: return Answer(text: (u.entities[.step] ?? []).compactMap(kb.step).map(detail).joined(separator: "\n\n"))
        case .stepsNext: return NextStepAdvice(kb: kb, t: t).answer(for: profile)
        case .profileUpdate: return Answer(text: ProfileText(kb: kb, t: t).noted(change) + outsideNamed(u))
        case .profileShow: return Answer(text: ProfileText(kb: kb, t: t).show(profile))
        }
    }

    /// When an intent needs an entity that neither the line nor the conversation gave
    /// ("what does that role involve?" as a first question), ask which one, listing them.
    private func missingEntity(_ u: Understanding) -> Answer? {
        guard let shape = shapes[u.intent], let type = shape.requires,
              (u.entities[type] ?? []).count < shape.atLeast else { return nil }
        let excluded = Set(shape.excludes.map(\.id))
        let names: [String]
        let ids: [String]
        switch type {
        case .role:
            names = kb.roles.filter { !excluded.contains($0.id) }.map(\.name)
            ids = kb.roles.filter { !excluded.contains($0.id) }.map(\.id)
        case .tool: (names, ids) = (kb.tools.map(\.name), kb.tools.map(\.id))
        case .step: (names, ids) = (kb.steps.map { "\($0.number). \($0.title)" }, kb.steps.map(\.id))
        default: return nil
        }
        // "Compare", and nothing to compare: which things, of any kind that can be compared.
        if shape.atLeast > 1, (u.entities[type] ?? []).isEmpty, !ComparedWords(shapes).saysWhatIsCompared(u.analysis, by: u.intent) {
            let examples = kb.tools.reduce(into: [Tool]()) { firsts, tool in
                if !firsts.contains(where: { $0.category == tool.category }) { firsts.append(tool) }
            }
            return Answer(text: t.fill("which_to_compare", ["roles": ListText.join(kb.roles.filter { !excluded.contains($0.id) }.map(\.name)),
                                                            "tools": ListText.join(examples.map(\.name))]))
        }
        // "Compare the languages": which of that kind only.
        if type == .tool, shape.atLeast > 1, let id = u.analysis.named(.category).first, let category = kb.category(id) {
            let kind = category.name.prefix(1).lowercased() + category.name.dropFirst()
            let tools = kb.tools.filter { $0.category == id }
            return Answer(text: t.fill("which_tools_of", ["category": kind, "names": ListText.join(tools.map(\.name))]),
                          listed: Self.values(.tool, tools.map(\.id)))
        }
        let template = shape.atLeast > 1 ? "which_\(type.rawValue)s" : "which_\(type.rawValue)"
        return Answer(text: t.fill(template, ["names": ListText.join(names)]), listed: Self.values(type, ids))
    }

    private static func values(_ type: EntityType, _ ids: [String]) -> [EntityValue] { ids.map { EntityValue(type, $0) } }

    /// "I know Kotlin and React": what a statement names of another field (React, front end)
    /// is not noted, and the reply says so rather than dropping it silently. Another job the
    /// person says they hold is their background, noted as their level.
    private func outsideNamed(_ u: Understanding) -> String {
        guard !u.outside.isEmpty else { return "" }
        let names = u.outside.map { t.fill("outside_name", ["name": $0.name, "field": t.fill("field_\($0.field)")]) }
        return "\n" + t.fill("noted_outside", ["names": ListText.join(names)])
    }

    private func declined(_ u: Understanding) -> String {
        if let job = u.unknownRole {
            return t.fill("declined_unknown_role", ["topic": job, "names": ListText.join(kb.roles.map(\.name))])
        }
        if let other = u.analysis.mentions.first(where: { $0.value(of: .foreign) != nil }) {
            let words = u.analysis.words.count == u.analysis.terms.count
                ? u.analysis.words[other.range].joined(separator: " ") : "that"
            return t.fill("declined_other_job", ["topic": words])
        }
        return t.fill("declined")
    }

    func source(_ id: String) -> String { kb.sourceName(id) }

    /// "(Sources: the first line from X; the rest from Y.)": which part of an answer comes from
    /// where, when its parts come from different sources; else as `cite`. A part whose source
    /// is nil is left out; parts of one source are named once, by the first part's name.
    func citeParts(_ parts: [(part: String, source: String?)]) -> String {
        let given = parts.compactMap { part in part.source.map { (part.part, $0) } }
        guard Set(given.map(\.1)).count > 1 else { return cite(given.map(\.1)) }
        var seen = Set<String>()
        let named = given.filter { seen.insert($0.1).inserted }.map { t.fill("cite_part", ["part": t.fill($0.0), "name": source($0.1)]) }
        return t.fill("cite_parts", ["parts": named.joined(separator: "; ")])
    }

    /// "(Source: X.)" or "(Sources: X; Y.)": each source named once, in the order given.
    private func cite(_ ids: [String?]) -> String {
        var seen = Set<String>()
        let names = ids.compactMap { $0 }.filter { seen.insert($0).inserted }.map(source)
        return t.fill(names.count == 1 ? "cite_one" : "cite_many", ["names": names.joined(separator: "; ")])
    }

    /// "Which role suits me best?" after "I know Java and Spring": the article's words on who
    /// the work suits, then what the profile points to: the roles whose key tools the person
    /// knows, else the role a beginner starts in (`starts_for`), named with its pay.
    private func fit(for profile: Profile) -> Answer {
        let known = profile.knows.compactMap(kb.tool)
        guard !known.isEmpty else { return Answer(text: fact("fit")) }
        var roles = kb.rolesWithSalary.filter { !Set($0.keyTools).isDisjoint(with: profile.knows) }
        let template = roles.isEmpty ? "fit_profile_start" : "fit_profile_roles"
        if roles.isEmpty, let start = kb.rolesWithSalary.first(where: { !$0.startsFor.isEmpty }) { roles = [start] }
        guard !roles.isEmpty else { return Answer(text: fact("fit")) }
        let names = ListText.join(roles.map { t.fill("fit_role", ["name": $0.name, "salary": $0.salary?.text ?? ""]) })
        let line = t.fill(template, ["known": ListText.join(known.map(\.name)), "roles": names, "lpa": lpa(roles)])
        return Answer(text: fact("fit") + "\n" + line, named: roles.map { EntityValue(.role, $0.id) })
    }

    private func fact(_ key: String) -> String {
        guard let fact = kb.backend[key] else { return "" }
        return t.fill("fact", ["text": fact.text, "cite": cite([fact.source])])
    }

    private func responsibilities(_ ids: [String]) -> String {
        let chosen = ids.compactMap(kb.responsibility)
        if chosen.isEmpty {
            let items = kb.responsibilities.enumerated().map { i, r in
                t.fill("responsibility_item", ["number": String(i + 1), "title": r.title, "text": r.text])
            }.joined(separator: "\n")
            return t.fill("responsibilities_all", ["items": items, "cite": cite([kb.responsibilities.first?.source ?? "seed"])])
        }
        return chosen.map { r in
            t.fill("responsibility_one", ["title": r.title, "text": r.text, "example": r.example, "cite": cite([r.source])])
        }.joined(separator: "\n\n")
    }

    // MARK: Roles

    /// What LPA means and where the figures shown come from: the sources of exactly the
    /// roles in the answer, so a role added from another source is credited to it.
    func lpa(_ roles: [Role]) -> String {
        var seen = Set<String>()
        let names = roles.compactMap { $0.salary?.source }.filter { seen.insert($0).inserted }.map(source)
        return t.fill(names.count > 1 ? "lpa_many" : "lpa", ["source": names.joined(separator: "; ")])
    }

    private func salaryTable(_ roles: [Role], withWork: Bool) -> String {
        var header = [t.fill("heading_role"), t.fill("heading_salary")]
        if withWork { header.append(t.fill("heading_work")) }
        return TextTable(header: header, rows: roles.map { role in
            var row = [role.name, role.salary?.text ?? ""]
            if withWork { row.append(role.responsibility) }
            return row
        }).render()
    }

    private func describe(_ role: Role) -> String {
        t.fill("role_describe", [
            "name": role.name, "responsibility": role.responsibility, "about": role.about?.text ?? "",
            "cite": citeParts([("part_first_line", role.salary == nil ? role.needsSource : "seed"), ("part_rest", role.about?.source)]),
        ])
    }

    private func salary(_ roles: [Role]) -> String {
        if roles.isEmpty {
            return t.fill("role_salary_table", ["table": salaryTable(kb.rolesWithSalary, withWork: false), "lpa": lpa(kb.rolesWithSalary)])
        }
        if roles.count == 1, let role = roles.first {
            if let salary = role.salary {
                return t.fill("role_salary", ["name": role.name, "salary": salary.text, "lpa": lpa([role])])
            }
            let levels = role.salaryFrom.compactMap(kb.role)
            if levels.count == 2 {
                return t.fill("role_salary_general", [
                    "name": role.name, "junior": levels[0].name, "junior_salary": levels[0].salary?.text ?? "",
                    "senior": levels[1].name, "senior_salary": levels[1].salary?.text ?? "", "lpa": lpa(levels),
                ])
            }
        }
        return t.fill("role_salary_table", ["table": salaryTable(expand(roles), withWork: false), "lpa": lpa(expand(roles))])
    }

    /// Roles with their stand-ins: the job in general becomes its junior and senior levels.
    private func expand(_ roles: [Role]) -> [Role] {
        var out: [Role] = []
        for role in roles {
            let list = role.salary != nil ? [role] : role.salaryFrom.compactMap(kb.role)
            for r in list where !out.contains(where: { $0.id == r.id }) { out.append(r) }
        }
        return out
    }

    /// Roles side by side, opening with what was compared: who earns more when the line asks
    /// about pay (its pay cue word fired), else what each does ("the difference between an API
    /// developer and a back-end developer" asks about the work; the table still shows the pay).
    private func compare(_ roles: [Role], byPay: Bool) -> Answer {
        let shown = expand(roles)
        var summary = ""
        if let top = shown.max(by: { ($0.salary?.high ?? 0, $0.salary?.low ?? 0) < ($1.salary?.high ?? 0, $1.salary?.low ?? 0) }),
           let salary = top.salary {
            let same = shown.allSatisfy { $0.salary?.text == salary.text }
            summary = same ? t.fill("role_compare_same", ["salary": salary.text])
                : t.fill(shown.count == 2 ? "role_compare_more_two" : "role_compare_more", ["name": top.name, "salary": salary.text])
        }
        if !byPay {
            let items = roles.map { t.fill("role_compare_work_item", ["name": $0.name, "responsibility": $0.responsibility]) }
            let text = t.fill("role_compare_work", ["items": items.joined(separator: "\n"), "summary": summary,
                                                    "table": salaryTable(shown, withWork: false), "lpa": lpa(shown)])
            return Answer(text: text, listed: Self.values(.role, shown.map(\.id)))
        }
        return Answer(text: t.fill("role_compare", ["summary": summary, "table": salaryTable(shown, withWork: true), "lpa": lpa(shown)]),
                      listed: Self.values(.role, shown.map(\.id)))
    }

    /// "Which job pays best for someone just starting out?": the role such a person starts in
    /// (`starts_for` in roles.yaml), not the best-paid of all. Nil when no level is named.
    private func startingRole(for levels: [String]) -> Answer? {
        guard !levels.isEmpty, let role = kb.rolesWithSalary.first(where: { !Set($0.startsFor).isDisjoint(with: levels) }),
              let salary = role.salary else { return nil }
        let text = t.fill("role_rank_start", ["name": role.name, "salary": salary.text, "lpa": lpa([role])])
        return Answer(text: text, named: [EntityValue(.role, role.id)])
    }

    private func rank(lowest: Bool) -> Answer {
        let roles = kb.rolesWithSalary
        let keys = roles.map { ($0.salary?.high ?? 0, $0.salary?.low ?? 0) }
        // Positions sorted, not roles (moving whole roles about cost most of a ranking of a
        // thousand); ties keep the article's order.
        let ordered = roles.indices.sorted { a, b in
            if keys[a] != keys[b] { return lowest ? keys[a] < keys[b] : keys[a] > keys[b] }
            return a < b
        }.map { roles[$0] }
        guard let first = ordered.first, let salary = first.salary else { return Answer(text: "") }
        let text = t.fill(lowest ? "role_rank_lowest" : "role_rank_highest", [
            "name": first.name, "salary": salary.text, "table": salaryTable(ordered, withWork: false), "lpa": lpa(ordered),
        ])
        return Answer(text: text, named: [EntityValue(.role, first.id)], listed: Self.values(.role, ordered.map(\.id)))
    }

    private func skills(_ role: Role) -> String {
        t.fill("role_skills", ["name": role.name, "items": role.needs.map { "- " + $0 }.joined(separator: "\n"),
                               "cite": cite([role.needsSource])])
    }

    private func skillsList(kind: String?) -> String {
        func items(_ skills: [Skill]) -> String {
            skills.map { t.fill("skill_item", ["name": $0.name, "text": $0.text]) }.joined(separator: "\n")
        }
        let all = kb.technicalSkills + kb.softSkills
        let values = ["technical": items(kb.technicalSkills), "soft": items(kb.softSkills)]
        switch kind {
        case "technical": return t.fill("skills_technical", values.merging(["cite": cite(kb.technicalSkills.map(\.source))]) { $1 })
        case "soft": return t.fill("skills_soft", values.merging(["cite": cite(kb.softSkills.map(\.source))]) { $1 })
        default: return t.fill("skills_both", values.merging(["cite": cite(all.map(\.source))]) { $1 })
        }
    }

    // MARK: Tools

    private func toolsList(category: String?) -> String {
        if let id = category, let cat = kb.category(id) {
            let tools = kb.tools.filter { $0.category == id }
            let items = tools.map { t.fill("tool_item", ["name": $0.name, "text": $0.text]) }.joined(separator: "\n")
            // "Which database should I learn?": what the article's own steps name of the kind comes first.
            let named = kb.steps.lazy.compactMap { step -> (Step, [Tool])? in
                let its = tools.filter { step.text.range(of: $0.name, options: .caseInsensitive) != nil }
                return step.source == "seed" && !its.isEmpty ? (step, its) : nil
            }.first
            let article = named.map { step, its in
                t.fill("tools_category_article", ["number": String(step.number), "title": step.title,
                                                  "names": ListText.join(its.map(\.name)), "text": step.text])
            } ?? ""
            return t.fill("tools_category", ["article": article, "summary": cat.summary, "items": items,
                                             "cite": cite([named?.0.source, cat.source] + tools.map(\.source))])
        }
        let items = kb.categories.map { cat in
            t.fill("tools_category_item", ["name": cat.name,
                                           "tools": kb.tools.filter { $0.category == cat.id }.map(\.name).joined(separator: ", ")])
        }.joined(separator: "\n")
        let tools = Array(Set(kb.tools.map(\.source))).sorted()
        return t.fill("tools_all", ["items": items,
                                    "cite": citeParts([("part_kinds", kb.categories.first?.source)] + tools.map { ("part_tools", $0) })])
    }

    private func describe(_ tool: Tool) -> String {
        let seed = tool.seedText.map { t.fill("tool_seed", ["text": $0]) } ?? ""
        return t.fill("tool_describe", [
            "name": tool.name, "category": kb.category(tool.category)?.name ?? tool.category, "text": tool.text,
            "seed": seed, "cite": citeParts([("part_description", tool.source), ("part_article_line", tool.seedText == nil ? nil : "seed")]),
        ])
    }

    /// Tools side by side, one line each: their descriptions are sentences, too long for
    /// the columns of a table.
    private func compare(_ tools: [Tool]) -> String {
        let names = ListText.join(tools.map(\.name))
        let items = tools.map {
            t.fill("tool_compare_item", ["name": $0.name, "category": kb.category($0.category)?.name ?? $0.category, "text": $0.text])
        }.joined(separator: "\n")
        // "Both" only of two: three or more are "all of them".
        let advice = t.fill(tools.count > 2 ? "tool_compare_advice_many" : "tool_compare_advice_two")
        // "Python or Java?": a step of the article that names them all is quoted, and cited.
        let step = kb.steps.first { step in
            step.source == "seed" && tools.allSatisfy { step.text.range(of: $0.name, options: .caseInsensitive) != nil }
        }
        let article = step.map { t.fill("tool_compare_article", ["number": String($0.number), "title": $0.title, "text": $0.text]) } ?? ""
        return t.fill("tool_compare", ["intro": t.fill("tool_compare_intro", ["names": names]), "items": items, "article": article,
                                       "advice": advice, "cite": citeParts(tools.map { ("part_descriptions", $0.source) } + [("part_article_line", step?.source)])])
    }

    // MARK: Steps

    private func roadmap() -> String {
        let items = kb.steps.map { t.fill("step_item", ["number": String($0.number), "title": $0.title, "text": $0.text]) }
        return t.fill("steps_roadmap", ["items": items.joined(separator: "\n"), "cite": cite(kb.steps.map(\.source))])
    }

    private func detail(_ step: Step) -> String {
        t.fill("step_detail", ["number": String(step.number), "title": step.title, "text": step.text,
                               "more": step.more ?? "", "cite": cite([step.source, step.moreSource])])
    }
}

/// Joins names the way a sentence does: "A", "A and B", "A, B and C" (or "A or B").
enum ListText {
    static func join(_ items: [String], with word: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(word) " + items.last!
        }
    }
}
