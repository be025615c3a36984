/// The answers about roles: what each does and earns, side by side, ranked, and what each
/// needs to know; the skills of the job; which role a profile points to.
extension Composer {
    /// What LPA means and where the figures shown come from: the sources of exactly the
    /// roles in the answer, so a role added from another source is credited to it.
    func lpa(_ roles: [Role]) -> String {
        var seen = Set<String>()
        let names = roles.compactMap { $0.salary?.source }.filter { seen.insert($0).inserted }.map(source)
        return t.fill(names.count > 1 ? "lpa_many" : "lpa", ["source": names.joined(separator: "; ")])
    }

    func salaryTable(_ roles: [Role], withWork: Bool) -> String {
        var header = [t.fill("heading_role"), t.fill("heading_salary")]
        if withWork { header.append(t.fill("heading_work")) }
        return TextTable(header: header, rows: roles.map { role in
            var row = [role.name, role.salary?.text ?? ""]
            if withWork { row.append(role.responsibility) }
            return row
        }).render()
    }

    func describe(_ role: Role) -> String {
        t.fill("role_describe", [
            "name": role.name, "responsibility": role.responsibility, "about": role.about?.text ?? "",
            "cite": citeParts([("part_first_line", role.salary == nil ? role.needsSource : "seed"), ("part_rest", role.about?.source)]),
        ])
    }

    func salary(_ roles: [Role]) -> String {
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
    func expand(_ roles: [Role]) -> [Role] {
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
    func compare(_ roles: [Role], byPay: Bool) -> Answer {
        let shown = expand(roles)
        var summary = ""
        if let top = shown.max(by: { ($0.salary?.high ?? 0, $0.salary?.low ?? 0) < ($1.salary?.high ?? 0, $1.salary?.low ?? 0) }),
           let salary = top.salary {
            let same = shown.allSatisfy { $0.salary?.text == salary.text }
            // Of three, two at the top earn the most together ("the DevOps Engineer and the Cloud Engineer").
            let tops = shown.filter { $0.salary?.text == salary.text }
            summary = same ? t.fill("role_compare_same", ["salary": salary.text])
                : tops.count > 1 ? t.fill("role_compare_most_shared", ["names": ListText.join(tops.map { t.fill("the_role", ["name": $0.name]) }), "salary": salary.text])
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
    func startingRole(for levels: [String]) -> Answer? {
        guard !levels.isEmpty, let role = kb.startingRole(for: levels),
              let salary = role.salary else { return nil }
        let text = t.fill("role_rank_start", ["name": role.name, "salary": salary.text, "lpa": lpa([role])])
        return Answer(text: text, named: [EntityValue(.role, role.id)])
    }

    func rank(lowest: Bool) -> Answer {
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

    func skills(_ role: Role) -> String {
        t.fill("role_skills", ["name": role.name, "items": role.needs.map { "- " + $0 }.joined(separator: "\n"),
                               "cite": cite([role.needsSource])])
    }

    func skillsList(kind: String?) -> String {
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

    /// "Which role suits me best?" after "I know Java and Spring": the article's words on who
    /// the work suits, then what the profile points to: the roles whose key tools the person
    /// knows, else the role a beginner starts in (`starts_for`), named with its pay.
    func fit(for profile: Profile) -> Answer {
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
}
