extension FocusExport {
    /// The attribution fields written into `Tags`, with their positions in ``dimensions``.
    static let attributionTags: [(name: String, index: Int)] = [
        ("org", 6), ("project", 7), ("team", 8), ("user", 9), ("application", 10), ("workflow", 11), ("step", 12),
    ]

    /// The `Tags` value of a group: a JSON object of its attribution fields that are set, then
    /// its own tags (`tags`, a JSON object text), or `nil` when there are none.
    ///
    /// FOCUS 1.2 Tags: KeyValueFormat, "Providers MUST NOT alter user-defined tag keys or values".
    /// Own tags keep their keys and values; string, number, boolean and null values are copied
    /// as they are, an object or array value is written as its JSON text in a string (KeyValueFormat
    /// values are primitives). An own tag named like a set attribution field is dropped (a JSON
    /// object has one value a key), and a `tags` text that is not a JSON object is kept whole as
    /// the string value of a `tags` key rather than lost.
    ///
    /// - Parameters:
    ///   - key: the group's key, in ``dimensions`` order.
    ///   - document: a parser to reuse.
    static func tags(of key: [String?], document: JSONDocument) -> String? {
        var json = JSONWriter(capacity: 256)
        var names = Set<String>()
        json.beginObject()
        for (name, index) in attributionTags {
            guard let value = key.value(at: index) else { continue }
            json.key(name)
            json.string(value)
            names.insert(name)
        }
        if let text = key.value(at: 13) {
            if let object = try? document.parse(text), object.kind == .object {
                object.forEachMember { name, value in
                    guard names.insert(name).inserted else { return }
                    json.key(name)
                    switch value.kind {
                    case .string: json.string(value.string ?? "")
                    case .number, .bool, .null: json.raw(value.rawBytes)
                    case .object, .array: json.string(value.jsonText)
                    }
                }
            } else if names.insert("tags").inserted {
                json.key("tags")
                json.string(text)
            }
        }
        json.endObject()
        guard !names.isEmpty else { return nil }
        return String(decoding: json.bytes, as: UTF8.self)
    }
}

extension [String?] {
    /// The element at `index`, or `nil` past the end.
    func value(at index: Int) -> String? { index < count ? self[index] : nil }
}
