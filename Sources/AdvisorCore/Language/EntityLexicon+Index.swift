/// The entity names of `EntityLexicon`, folded, as laid out in the advisor's index: aliases
/// grouped by their first term (found by hashing), longest first within a group, so finding
/// every mention in a line is one lookup per term and no name is decoded until it matches.
struct AliasTable: @unchecked Sendable {
    /// Keeps the bytes the tables below point into alive.
    let bytes: IndexBytes
    /// Where this part lies in `bytes`, to be written again as it is.
    let blobRange: Range<Int>
    /// The first terms; group g holds the aliases `groupStart[g] ..< groupStart[g + 1]`.
    let firstTerms: StringTable
    let groupStart: Column<UInt32>
    /// Each alias's terms (positions in `terms`) and the entity values it names.
    let termStart: Column<UInt32>
    let termIDs: Column<UInt32>
    let terms: StringTable
    let valueStart: Column<UInt32>
    let valueIDs: Column<UInt32>
    /// Every entity value: its type (position in `EntityType.allCases`) and ID.
    let valueTypes: Column<UInt8>
    let valueNames: StringTable
    /// Every alias as written, in file order, with its value.
    let nameValues: Column<UInt32>
    let nameTexts: StringTable
    let surfaceWords: StringTable

    static func write(index: [String: [EntityLexicon.Alias]], names: [(value: EntityValue, alias: String)],
                      surfaceWords: [String], to writer: inout IndexWriter) {
        var valueIndex: [EntityValue: Int] = [:]
        var values: [EntityValue] = []
        func number(_ value: EntityValue) -> UInt32 {
            if let known = valueIndex[value] { return UInt32(known) }
            valueIndex[value] = values.count
            values.append(value)
            return UInt32(values.count - 1)
        }
        var termIndex: [String: Int] = [:]
        var termTexts: [String] = []
        let firstTerms = index.keys.sorted()
        var groupStart: [UInt32] = [0]
        var termStart: [UInt32] = [0]
        var termIDs: [UInt32] = []
        var valueStart: [UInt32] = [0]
        var valueIDs: [UInt32] = []
        for first in firstTerms {
            for alias in index[first]! {
                for term in alias.terms {
                    if termIndex[term] == nil {
                        termIndex[term] = termTexts.count
                        termTexts.append(term)
                    }
                    termIDs.append(UInt32(termIndex[term]!))
                }
                termStart.append(UInt32(termIDs.count))
                valueIDs += alias.values.map(number)
                valueStart.append(UInt32(valueIDs.count))
            }
            groupStart.append(UInt32(termStart.count - 1))
        }
        let nameValues = names.map { number($0.value) }
        StringTable.write(firstTerms, lookup: true, to: &writer)
        writer.column(groupStart)
        writer.column(termStart)
        writer.column(termIDs)
        StringTable.write(termTexts, lookup: false, to: &writer)
        writer.column(valueStart)
        writer.column(valueIDs)
        writer.column(values.map { UInt8(EntityType.allCases.firstIndex(of: $0.type)!) })
        StringTable.write(values.map(\.id), lookup: false, to: &writer)
        writer.column(nameValues)
        StringTable.write(names.map(\.alias), lookup: false, to: &writer)
        StringTable.write(surfaceWords, lookup: false, to: &writer)
    }

    init(reading reader: inout IndexReader) throws {
        bytes = reader.bytes
        let blobStart = reader.offset
        firstTerms = try StringTable(&reader)
        groupStart = try reader.column()
        termStart = try reader.column()
        termIDs = try reader.column()
        terms = try StringTable(&reader)
        valueStart = try reader.column()
        valueIDs = try reader.column()
        valueTypes = try reader.column()
        valueNames = try StringTable(&reader)
        nameValues = try reader.column()
        nameTexts = try StringTable(&reader)
        surfaceWords = try StringTable(&reader)
        blobRange = reader.range(from: blobStart)
        let aliases = termStart.count - 1
        guard groupStart.count == firstTerms.count + 1, aliases >= 0, Int(groupStart[firstTerms.count]) == aliases,
              Int(termStart[aliases]) == termIDs.count, valueStart.count == aliases + 1, Int(valueStart[aliases]) == valueIDs.count,
              valueTypes.count == valueNames.count, nameValues.count == nameTexts.count,
              termIDs.buffer.allSatisfy({ Int($0) < terms.count }), valueIDs.buffer.allSatisfy({ Int($0) < valueTypes.count }),
              nameValues.buffer.allSatisfy({ Int($0) < valueTypes.count }),
              valueTypes.buffer.allSatisfy({ Int($0) < EntityType.allCases.count })
        else { throw IndexReader.Damaged() }
    }

    /// Writes the table again, as it was read.
    func copy(to writer: inout IndexWriter) { writer.raw(bytes, blobRange) }

    func value(_ v: Int) -> EntityValue {
        EntityValue(EntityType.allCases[Int(valueTypes[v])], valueNames[v])
    }

    /// Every mention in `terms`, left to right, the longest alias winning where two overlap.
    func mentions(in line: [String]) -> [Mention] {
        var found: [Mention] = []
        var i = 0
        outer: while i < line.count {
            if let group = firstTerms.position(of: line[i]) {
                for alias in Int(groupStart[group])..<Int(groupStart[group + 1]) {
                    let first = Int(termStart[alias]), count = Int(termStart[alias + 1]) - first
                    guard i + count <= line.count else { continue }
                    var matches = true
                    for j in 1..<max(1, count) {
                        var term = line[i + j]
                        let same = term.withUTF8 { terms.equals(Int(termIDs[first + j]), $0) }
                        if !same { matches = false; break }
                    }
                    guard matches else { continue }
                    let values = (Int(valueStart[alias])..<Int(valueStart[alias + 1])).map { value(Int(valueIDs[$0])) }
                    found.append(Mention(range: i..<(i + count), values: values))
                    i += count
                    continue outer
                }
            }
            i += 1
        }
        return found
    }

    /// Per run of terms that opens a longer alias, the things of each type whose aliases it
    /// opens ("cloud" opens "cloud engineer"), read from the folded aliases as indexed.
    func openings() -> [[String]: [EntityType: Set<String>]] {
        var heads: [[String]: [EntityType: Set<String>]] = [:]
        for alias in 0..<max(0, termStart.count - 1) {
            let first = Int(termStart[alias]), end = Int(termStart[alias + 1])
            guard end - first > 1 else { continue }
            let aliasTerms = (first..<end).map { terms[Int(termIDs[$0])] }
            let values = (Int(valueStart[alias])..<Int(valueStart[alias + 1])).map { value(Int(valueIDs[$0])) }
            for length in 1..<aliasTerms.count {
                for value in values { heads[Array(aliasTerms[..<length]), default: [:]][value.type, default: []].insert(value.id) }
            }
        }
        return heads
    }

    /// Per last term of an alias of two terms or more, the things of each type whose aliases
    /// it ends ("engineer" ends "cloud engineer" and "devops engineer").
    func endings() -> [String: [EntityType: Set<String>]] {
        var tails: [String: [EntityType: Set<String>]] = [:]
        for alias in 0..<max(0, termStart.count - 1) {
            let first = Int(termStart[alias]), end = Int(termStart[alias + 1])
            guard end - first > 1 else { continue }
            let last = terms[Int(termIDs[end - 1])]
            for v in Int(valueStart[alias])..<Int(valueStart[alias + 1]) {
                let value = value(Int(valueIDs[v]))
                tails[last, default: [:]][value.type, default: []].insert(value.id)
            }
        }
        return tails
    }

    /// Every alias as written, per value.
    func names() -> [EntityValue: [String]] {
        var result: [EntityValue: [String]] = [:]
        for n in 0..<nameTexts.count { result[value(Int(nameValues[n])), default: []].append(nameTexts[n]) }
        return result
    }
}
