/// `advisor eval`: an evaluation set run through the library, turn by turn in fresh
/// sessions, and scored with exactly the definitions of `../shared/eval/run_eval.py`, so
/// that the figures agree with the runner's to the last decimal (see `EvalScores`).
public struct Evaluation: Sendable {
    /// What came back for one labelled turn, and why it failed, if it did.
    public struct TurnResult: Sendable {
        public var caseID: String
        /// 1-based, of `of` turns in the case.
        public var turn: Int
        public var of: Int
        public var text: String
        public var expectedIntent: String
        /// The intent given, or `<invalid>` when the reply was no answer (a command, an error).
        public var gotIntent: String
        public var expectedEntities: [String: [String]]
        public var gotEntities: [String: [String]]
        public var facts: [String]
        public var missingFacts: [String]
        public var answer: String
        /// `intent`, `entities`, `extra-entities`, `facts`, or why the reply was unusable.
        public var reasons: [String]
    }

    /// The runner's name for a reply that carries no intent.
    public static let invalid = "<invalid>"

    public let results: [TurnResult]
    public let cases: Int
    /// How long answering took, in seconds.
    public let seconds: Double

    public init(results: [TurnResult], cases: Int, seconds: Double) {
        self.results = results
        self.cases = cases
        self.seconds = seconds
    }

    /// Answers every turn of every case, each case in a fresh session.
    public static func run(_ cases: [EvalCase], advisor: Advisor) -> Evaluation {
        let clock = ContinuousClock()
        let start = clock.now
        var results: [TurnResult] = []
        for evalCase in cases {
            var session = advisor.session()
            for (index, turn) in evalCase.turns.enumerated() {
                let reply = session.respond(to: turn.text)
                results.append(score(turn, reply, case: evalCase.id, turn: index + 1, of: evalCase.turns.count))
            }
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Evaluation(results: results, cases: cases.count, seconds: seconds)
    }

    /// One turn judged as the runner judges the JSON line the advisor would print for it.
    static func score(_ turn: EvalTurn, _ reply: Session.Reply, case id: String, turn number: Int, of count: Int) -> TurnResult {
        var gotIntent = invalid
        var gotEntities: [String: [String]] = [:]
        var answer = ""
        var reasons: [String] = []
        switch reply {
        case .answer(let understanding, let text):
            gotIntent = understanding.intent.rawValue
            for (type, ids) in understanding.entities where !ids.isEmpty { gotEntities[type.rawValue] = ids }
            answer = text
        case .command, .error:
            reasons.append("no string 'intent' key")
        }
        let folded = FactText.fold(answer)
        let missing = turn.answerHas.filter { !FactText.contains(folded, FactText.fold($0)) }
        if gotIntent != turn.intent { reasons.append("intent") }
        if !turn.entities.isEmpty && gotEntities != turn.entities { reasons.append("entities") }
        if turn.entities.isEmpty && !gotEntities.isEmpty { reasons.append("extra-entities") }
        if !missing.isEmpty { reasons.append("facts") }
        return TurnResult(caseID: id, turn: number, of: count, text: turn.text, expectedIntent: turn.intent,
                          gotIntent: gotIntent, expectedEntities: turn.entities, gotEntities: gotEntities,
                          facts: turn.answerHas, missingFacts: missing, answer: answer, reasons: reasons)
    }

    public var scores: EvalScores { EvalScores(results, cases: cases) }
}
