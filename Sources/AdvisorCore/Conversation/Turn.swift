/// One line on its way through the session's stages (`Session.respond`): how it is read so
/// far, and what the answer carries besides. Each stage reads the turn and may change it; the
/// last composes the answer from it.
struct Turn {
    let line: String
    var analysis: Analysis
    var understanding: Understanding
    /// A short change of topic that the conversation settled ("skills?" right after a role):
    /// its reading stands, and no later stage weighs it again.
    var implied: (analysis: Analysis, intent: Intent, type: EntityType, reading: Understanding)?
    /// The conversation decided the reading (a place picked from what the last answer listed,
    /// "the third one?"; a question back it made unnecessary): no later stage weighs its
    /// meaning again.
    var settled = false
    /// What goes before the answer: what a telling clause noted, or what was taken as known.
    var noted: String?
    /// The line told about oneself, then asked ("I know Java, what next?"): the telling is
    /// noted and the question answered, read from a part of the line.
    var toldThenAsked = false
    /// The line asks to forget what the person told, which only `:forget` does.
    var asksToForget = false
}
