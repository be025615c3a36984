/// The figures of an evaluation, computed exactly as `run_eval.py`'s `score()` computes them
/// (the same counts, the same arithmetic in the same order), so that both print the same
/// digits. Percentages are nil where the runner prints `n/a` (nothing to divide by).
public struct EvalScores: Sendable {
    public var turns = 0, cases = 0
    /// Turns whose intent is right, of all turns.
    public var intentCorrect = 0
    /// Turns whose entities match exactly, of the turns with labelled entities.
    public var entityCorrect = 0, entityTurns = 0
    /// Turns whose entities match exactly, of all turns (an unlabelled turn must get none).
    public var entityCorrectAllTurns = 0
    /// Turns with no labelled entities that got some ("spurious entities").
    public var extraEntityTurns = 0
    public var factsHit = 0, factsTotal = 0
    /// Turns with facts to find, and how many of them have all of theirs.
    public var factTurns = 0, factTurnsAllHit = 0
    public var oosTurns = 0, oosCaught = 0
    /// Out-of-scope turns answered with an in-scope intent.
    public var falseAccepts = 0
    /// In-scope turns declined.
    public var inScopeTurns = 0, falseRejects = 0
    public var invalidAnswers = 0
    public var failedTurns = 0

    /// Precision, recall and F1 of one intent (label).
    public struct IntentScore: Sendable, Equatable {
        public var support = 0, predicted = 0, correct = 0
        public var precision: Double?, recall: Double?, f1: Double?
    }

    /// Every label expected or given, in the runner's (code-point) order.
    public var perIntent: [(label: String, score: IntentScore)] = []

    /// An expected intent read as another: how often, and the first text it happened to.
    public struct Confusion: Sendable, Equatable {
        public var expected: String, got: String, count: Int, example: String
    }

    /// The 15 most frequent confusions; ties in the order they first occurred.
    public var confusions: [Confusion] = []

    init(_ rows: [Evaluation.TurnResult], cases: Int) {
        let invalid = Evaluation.invalid
        self.cases = cases
        turns = rows.count
        intentCorrect = rows.filter { $0.expectedIntent == $0.gotIntent }.count
        let withEntities = rows.filter { !$0.expectedEntities.isEmpty }
        entityTurns = withEntities.count
        entityCorrect = withEntities.filter { $0.gotEntities == $0.expectedEntities }.count
        entityCorrectAllTurns = rows.filter { $0.gotEntities == $0.expectedEntities }.count
        extraEntityTurns = rows.filter { $0.reasons.contains("extra-entities") }.count
        factsTotal = rows.reduce(0) { $0 + $1.facts.count }
        factsHit = factsTotal - rows.reduce(0) { $0 + $1.missingFacts.count }
        let withFacts = rows.filter { !$0.facts.isEmpty }
        factTurns = withFacts.count
        factTurnsAllHit = withFacts.filter { $0.missingFacts.isEmpty }.count
        invalidAnswers = rows.filter { $0.gotIntent == invalid }.count

        let oos = Intent.outOfScope.rawValue
        let oosRows = rows.filter { $0.expectedIntent == oos }
        let inRows = rows.filter { $0.expectedIntent != oos }
        oosTurns = oosRows.count
        inScopeTurns = inRows.count
        oosCaught = oosRows.filter { $0.gotIntent == oos }.count
        falseAccepts = oosRows.filter { $0.gotIntent != oos && $0.gotIntent != invalid }.count
        falseRejects = inRows.filter { $0.gotIntent == oos }.count
        failedTurns = rows.filter { !$0.reasons.isEmpty }.count

        let labels = Set(rows.map(\.expectedIntent)).union(rows.map(\.gotIntent).filter { $0 != invalid })
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        perIntent = labels.map { label in
            var s = IntentScore()
            s.correct = rows.filter { $0.expectedIntent == label && $0.gotIntent == label }.count
            s.support = rows.filter { $0.expectedIntent == label }.count
            s.predicted = rows.filter { $0.gotIntent == label }.count
            s.precision = Self.percent(s.correct, s.predicted)
            s.recall = Self.percent(s.correct, s.support)
            if let p = s.precision, let r = s.recall {
                s.f1 = p + r == 0 ? 0 : 2 * p * r / (p + r)
            }
            return (label, s)
        }

        var order: [String] = []
        var counts: [String: Confusion] = [:]
        for row in rows where row.expectedIntent != row.gotIntent {
            let key = row.expectedIntent + "\u{0}" + row.gotIntent
            if counts[key] == nil {
                order.append(key)
                counts[key] = Confusion(expected: row.expectedIntent, got: row.gotIntent, count: 0, example: row.text)
            }
            counts[key]!.count += 1
        }
        // Python's Counter.most_common: a stable sort by count, so ties keep first-seen order.
        confusions = Array(order.enumerated().map { counts[$0.element]! }.enumerated()
            .sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .map(\.element).prefix(15))
    }

    /// `100.0 * num / den`, in that order, as the runner computes it.
    static func percent(_ num: Int, _ den: Int) -> Double? {
        den == 0 ? nil : 100.0 * Double(num) / Double(den)
    }

    public var intentAccuracy: Double? { Self.percent(intentCorrect, turns) }
    public var entityAccuracy: Double? { Self.percent(entityCorrect, entityTurns) }
    public var entityAccuracyAllTurns: Double? { Self.percent(entityCorrectAllTurns, turns) }
    public var factHitRate: Double? { Self.percent(factsHit, factsTotal) }
    public var factTurnsAllHitRate: Double? { Self.percent(factTurnsAllHit, factTurns) }
    public var oosRecall: Double? { Self.percent(oosCaught, oosTurns) }
    public var oosPrecision: Double? { Self.percent(oosCaught, oosCaught + falseRejects) }
    public var falseAcceptRate: Double? { Self.percent(falseAccepts, oosTurns) }
    public var falseRejectRate: Double? { Self.percent(falseRejects, inScopeTurns) }

    /// The mean F1 over the labels that were expected at least once (an undefined F1 counts 0).
    public var macroF1: Double? {
        let scored = perIntent.filter { $0.score.support > 0 }.map { $0.score.f1 ?? 0 }
        return scored.isEmpty ? nil : scored.reduce(0, +) / Double(scored.count)
    }

    /// The runner's last line: `intent 98.7% entities 100.0% facts 98.0% oos-recall ...`.
    public var summary: String {
        "intent \(Self.format(intentAccuracy)) entities \(Self.format(entityAccuracy)) "
            + "facts \(Self.format(factHitRate)) oos-recall \(Self.format(oosRecall)) "
            + "false-accept \(Self.format(falseAcceptRate)) false-reject \(Self.format(falseRejectRate))"
    }

    /// One decimal and a percent sign, or `n/a`, as the runner prints a figure.
    public static func format(_ p: Double?) -> String {
        guard let p else { return "n/a" }
        return String(format: "%.1f%%", p)
    }
}
