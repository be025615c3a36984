/// Writes the answer to an understood line from the knowledge base and the templates.
/// Returns the text and the entities the answer itself named (the top of a ranking), which
/// the context records so that "that role" can refer to them.
struct Composer {
    let kb: KnowledgeBase
    let t: Templates
    let shapes: [Intent: IntentShape]
    /// Per intent that answers about the work in general, the job it pictures: the value a
    /// shape sends to it (`instead`: "what is that job?" about the back-end developer is the
    /// definition), so that "how much does it pay?" after the definition asks of that job.
    let jobsInGeneral: [Intent: [EntityValue]]

    init(kb: KnowledgeBase, t: Templates, shapes: [Intent: IntentShape]) {
        self.kb = kb
        self.t = t
        self.shapes = shapes
        var jobs: [Intent: [EntityValue]] = [:]
        for intent in Intent.allCases {
            guard let shape = shapes[intent], let other = shape.instead else { continue }
            jobs[other, default: []] += shape.excludes.filter { $0.type == .role && !(jobs[other] ?? []).contains($0) }
        }
        jobsInGeneral = jobs
    }

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
        if answer.named.isEmpty, let job = jobsInGeneral[u.intent] { answer.named = job }
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

    static func values(_ type: EntityType, _ ids: [String]) -> [EntityValue] { ids.map { EntityValue(type, $0) } }

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
    func cite(_ ids: [String?]) -> String {
        var seen = Set<String>()
        let names = ids.compactMap { $0 }.filter { seen.insert($0).inserted }.map(source)
        return t.fill(names.count == 1 ? "cite_one" : "cite_many", ["names": names.joined(separator: "; ")])
    }

    func fact(_ key: String) -> String {
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
