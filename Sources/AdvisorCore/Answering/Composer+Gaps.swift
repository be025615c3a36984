/// What an answer says of a question the article leaves open (`Gap`): what it gives instead,
/// before the answer, or a figure worked out from the article's, labelled as worked out.
extension Composer {
    func withGap(_ answer: Answer, _ u: Understanding) -> Answer {
        guard let id = u.gap, let gap = kb.gaps.first(where: { $0.id == id }) else { return answer }
        var answer = answer
        if let says = gap.says { answer.text = says + "\n" + answer.text }
        if gap.derive == "monthly", u.intent == .roleSalary {
            let named = (u.entities[.role] ?? []).compactMap(kb.role)
            let roles = named.isEmpty ? kb.rolesWithSalary : named.flatMap { $0.salary != nil ? [$0] : $0.salaryFrom.compactMap(kb.role) }
            let items = roles.compactMap { role in
                role.salary.map { t.fill("salary_monthly_item", ["name": role.name, "low": Self.monthly($0.low), "high": Self.monthly($0.high)]) }
            }
            answer.text += "\n" + t.fill("salary_monthly", ["items": items.joined(separator: "\n")])
        }
        return answer
    }

    /// A yearly figure in lakh rupees as a monthly figure before tax, rounded down to the
    /// thousand and grouped the Indian way: 10 (LPA) is "83,000", 25 is "2,08,000".
    static func monthly(_ lakh: Double) -> String {
        let rupees = Int(lakh * 100_000 / 12) / 1000 * 1000
        var digits = String(rupees)
        guard digits.count > 3 else { return digits }
        var groups = [String(digits.suffix(3))]
        digits.removeLast(3)
        while digits.count > 2 {
            groups.insert(String(digits.suffix(2)), at: 0)
            digits.removeLast(2)
        }
        if !digits.isEmpty { groups.insert(digits, at: 0) }
        return groups.joined(separator: ",")
    }
}
