/// Model-name resolution: from the name a provider reported to the catalog records it means.
extension PriceCatalog {
    /// The records a reported name resolves to, best first (see ``price(for:provider:at:)``).
    ///
    /// The steps (exact name, then without each provider prefix, then without a date suffix) are
    /// tried in order; the first step whose best record matches the provider wins, else the first
    /// step that found anything. Without an explicit provider, a prefix of the name is the hint.
    ///
    /// - Parameters:
    ///   - model: the model name as reported.
    ///   - provider: the event's provider, preferred among several matches.
    /// - Returns: record positions in ``models``; empty when the name is unknown.
    /// - Complexity: O(length of the name + matching records); allocates, so callers on a hot
    ///   path cache the answer (``CostEngine`` does).
    func candidates(for model: String, provider: String?) -> [Int32] {
        let name = model.lowercased()
        var variants = [name]
        var stripped = Substring(name)
        while let slash = stripped.firstIndex(of: "/") {
            stripped = stripped[stripped.index(after: slash)...]
            variants.append(String(stripped))
        }
        for variant in variants.reversed() {
            if let base = Self.strippingDateSuffix(variant) { variants.append(base) }
        }
        let wanted = provider?.lowercased() ?? name.firstIndex(of: "/").map { String(name[..<$0]) }
        var fallback: [Int32]?
        for variant in variants {
            guard let found = ranked(variant, provider: wanted) else { continue }
            guard let wanted, let first = found.first, !Self.provider(wanted, matches: records.model(at: Int(first)))
            else {
                return found
            }
            if fallback == nil { fallback = found }
        }
        return fallback ?? []
    }

    /// The records indexed under `name`, ranked: provider match, then id before alias, then
    /// catalog order.
    private func ranked(_ name: String, provider: String?) -> [Int32]? {
        guard let entries = index.values(for: name), !entries.isEmpty else { return nil }
        let wanted = provider?.lowercased()
        let scores = entries.map { entry in
            var value = Int(entry & 1)
            if let wanted, !Self.provider(wanted, matches: records.model(at: Int(entry >> 1))) { value += 2 }
            return value
        }
        let ordered = entries.indices.sorted { lhs, rhs in
            scores[lhs] != scores[rhs] ? scores[lhs] < scores[rhs] : lhs < rhs
        }
        // A name lists a few records: the first mention of each is kept.
        var positions: [Int32] = []
        for position in ordered.lazy.map({ entries[$0] >> 1 }) where !positions.contains(position) {
            positions.append(position)
        }
        return positions
    }

    /// Whether an event's provider names the seller of `model`: equal to its provider, a
    /// family of it (`vertex_ai` ~ `vertex_ai-language-models`, `bedrock` ~ `bedrock_converse`),
    /// or the prefix of its id (`gemini/…`).
    static func provider(_ wanted: String, matches model: ModelPrice) -> Bool {
        let seller = model.provider.lowercased()
        if seller == wanted || seller.hasPrefix(wanted + "-") || seller.hasPrefix(wanted + "_") { return true }
        return model.id.lowercased().hasPrefix(wanted + "/")
    }

    /// The name without a trailing snapshot suffix: `-YYYY-MM-DD`, `-YYYYMMDD`, `@YYYYMMDD` or
    /// `-latest`; `nil` when there is none.
    static func strippingDateSuffix(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.lowerBound >= 0 && range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
        }
        let count = bytes.count
        if name.hasSuffix("-latest"), count > 7 { return String(decoding: bytes[0..<(count - 7)], as: UTF8.self) }
        if count > 11, bytes[count - 11] == UInt8(ascii: "-"), bytes[count - 6] == UInt8(ascii: "-"),
            bytes[count - 3] == UInt8(ascii: "-"), digits((count - 10)..<(count - 6)),
            digits((count - 5)..<(count - 3)), digits((count - 2)..<count)
        {
            return String(decoding: bytes[0..<(count - 11)], as: UTF8.self)
        }
        if count > 9, bytes[count - 9] == UInt8(ascii: "-") || bytes[count - 9] == UInt8(ascii: "@"),
            digits((count - 8)..<count)
        {
            return String(decoding: bytes[0..<(count - 9)], as: UTF8.self)
        }
        return nil
    }
}
