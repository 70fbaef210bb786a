import Foundation

/// Who and what caused an event: the keys that spend is grouped and charged back by.
///
/// The ten named keys live in one object (``Values``, made when the first is set and shared by
/// copies until one of them changes) rather than ten separate fields, so that an event carries
/// two reference-counted values here instead of eleven: events are moved through the pipeline
/// millions of times a second. The object is a class with ten fields rather than an array, so
/// that releasing it is specialized code instead of a walk through generic value witnesses.
public struct Attribution: Sendable, Hashable {
    /// The named keys; `nil` while none has been set.
    private var named: Values?
    /// Free key–value tags.
    public var tags: [String: String]

    public var org: String? {
        get { self[.org] }
        set { self[.org] = newValue }
    }
    public var project: String? {
        get { self[.project] }
        set { self[.project] = newValue }
    }
    public var team: String? {
        get { self[.team] }
        set { self[.team] = newValue }
    }
    public var user: String? {
        get { self[.user] }
        set { self[.user] = newValue }
    }
    public var application: String? {
        get { self[.application] }
        set { self[.application] = newValue }
    }
    public var workflow: String? {
        get { self[.workflow] }
        set { self[.workflow] = newValue }
    }
    public var step: String? {
        get { self[.step] }
        set { self[.step] = newValue }
    }
    /// Distributed-tracing ids (W3C / OpenTelemetry), hex.
    public var traceId: String? {
        get { self[.traceId] }
        set { self[.traceId] = newValue }
    }
    public var spanId: String? {
        get { self[.spanId] }
        set { self[.spanId] = newValue }
    }
    public var parentSpanId: String? {
        get { self[.parentSpanId] }
        set { self[.parentSpanId] = newValue }
    }

    /// Creates an attribution with no key set (what importers start from, without the general
    /// initializer's array of ten absent values).
    public init() {
        tags = Dictionary()
    }

    /// Creates an attribution; every key defaults to absent.
    public init(
        org: String? = nil, project: String? = nil, team: String? = nil, user: String? = nil,
        application: String? = nil, workflow: String? = nil, step: String? = nil, traceId: String? = nil,
        spanId: String? = nil, parentSpanId: String? = nil, tags: [String: String] = [:]
    ) {
        self.tags = tags
        let values = [org, project, team, user, application, workflow, step, traceId, spanId, parentSpanId]
        for (key, value) in zip(Key.allCases, values) { self[key] = value }
    }

    public static func == (lhs: Attribution, rhs: Attribution) -> Bool {
        lhs.tags == rhs.tags && Key.allCases.allSatisfy { lhs[$0] == rhs[$0] }
    }

    public func hash(into hasher: inout Hasher) {
        for key in Key.allCases { hasher.combine(self[key]) }
        hasher.combine(tags)
    }

    /// The named attribution keys, in the order reports print them.
    public static let keyNames = [
        "org", "project", "team", "user", "application", "workflow", "step", "trace_id", "span_id", "parent_span_id",
    ]

    /// The named attribution keys.
    public enum Key: Int, CaseIterable, Sendable {
        case org, project, team, user, application, workflow, step, traceId, spanId, parentSpanId

        /// The key a report name denotes (`app` is short for `application`), or `nil` for a tag.
        ///
        /// Matched on the UTF-8 bytes, without creating a string: importers call this for every
        /// metadata member they read.
        @inline(__always)
        public init?(utf8 name: UnsafeBufferPointer<UInt8>) {
            switch name.count {
            case 3 where name.equals("org"): self = .org
            case 3 where name.equals("app"): self = .application
            case 4 where name.equals("team"): self = .team
            case 4 where name.equals("user"): self = .user
            case 4 where name.equals("step"): self = .step
            case 7 where name.equals("project"): self = .project
            case 7 where name.equals("span_id"): self = .spanId
            case 8 where name.equals("workflow"): self = .workflow
            case 8 where name.equals("trace_id"): self = .traceId
            case 11 where name.equals("application"): self = .application
            case 14 where name.equals("parent_span_id"): self = .parentSpanId
            default: return nil
            }
        }

        /// The key a report name denotes, or `nil` for a tag.
        public init?(_ name: String) {
            var name = name
            guard let key = name.withUTF8({ Key(utf8: $0) }) else { return nil }
            self = key
        }
    }

    /// Reads or writes a named key.
    public subscript(key: Key) -> String? {
        @inline(__always) get { named?[key] }
        set {
            // Unsetting a key of an attribution without any allocates nothing.
            if named == nil && newValue == nil { return }
            uniqueNamedKeys()[key] = newValue
        }
    }

    /// Reads or writes a key by its report name (`team`, `trace_id`, …); any other name is a tag.
    public subscript(key: String) -> String? {
        get {
            if let named = Key(key) { return self[named] }
            return tags[key]
        }
        set {
            if let named = Key(key) {
                self[named] = newValue
            } else {
                tags[key] = newValue
            }
        }
    }

    /// Unsets every key and removes every tag, keeping the storage of both when it is not shared:
    /// an event recycled for the next record (``UsageEvent/reset(id:provider:model:)``) then
    /// allocates nothing here.
    @inline(__always)
    mutating func removeAll() {
        if isKnownUniquelyReferenced(&named) {
            named?.removeAll()
        } else {
            named = nil
        }
        if !tags.isEmpty { tags.removeAll(keepingCapacity: true) }
    }

    /// The storage of the named keys, made (or copied, when shared) so that this attribution alone
    /// holds it: for readers that set many keys, without a uniqueness check for each.
    mutating func uniqueNamedKeys() -> Values {
        if named == nil {
            named = Values()
        } else if !isKnownUniquelyReferenced(&named) {
            named = Values(copying: named.unsafelyUnwrapped)
        }
        // Safe: set just above when it was absent.
        return named.unsafelyUnwrapped
    }

    /// Whether no key is set.
    public var isEmpty: Bool { tags.isEmpty && !Key.allCases.contains { self[$0] != nil } }

    /// The values of the named keys, one field each (see ``Attribution``): mutated only while
    /// uniquely referenced, so a shared instance is never changed.
    final class Values: @unchecked Sendable {
        var org, project, team, user, application, workflow, step, traceId, spanId, parentSpanId: String?

        init() {}

        init(copying other: Values) {
            for key in Key.allCases { self[key] = other[key] }
        }

        /// Unsets every key. An absent key is left alone: clearing it would still cost a release.
        func removeAll() {
            if org != nil { org = nil }
            if project != nil { project = nil }
            if team != nil { team = nil }
            if user != nil { user = nil }
            if application != nil { application = nil }
            if workflow != nil { workflow = nil }
            if step != nil { step = nil }
            if traceId != nil { traceId = nil }
            if spanId != nil { spanId = nil }
            if parentSpanId != nil { parentSpanId = nil }
        }

        subscript(key: Key) -> String? {
            @inline(__always) get {
                switch key {
                case .org: org
                case .project: project
                case .team: team
                case .user: user
                case .application: application
                case .workflow: workflow
                case .step: step
                case .traceId: traceId
                case .spanId: spanId
                case .parentSpanId: parentSpanId
                }
            }
            @inline(__always) set {
                switch key {
                case .org: org = newValue
                case .project: project = newValue
                case .team: team = newValue
                case .user: user = newValue
                case .application: application = newValue
                case .workflow: workflow = newValue
                case .step: step = newValue
                case .traceId: traceId = newValue
                case .spanId: spanId = newValue
                case .parentSpanId: parentSpanId = newValue
                }
            }
        }
    }
}

extension Attribution: Codable {
    private enum CodingKeys: String, CodingKey {
        case org, project, team, user, application, workflow, step, traceId, spanId, parentSpanId, tags
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(tags: try container.decodeIfPresent([String: String].self, forKey: .tags) ?? [:])
        for key in Key.allCases {
            guard let codingKey = CodingKeys(rawValue: "\(key)") else { continue }
            self[key] = try container.decodeIfPresent(String.self, forKey: codingKey)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        for key in Key.allCases {
            guard let codingKey = CodingKeys(rawValue: "\(key)") else { continue }
            try container.encodeIfPresent(self[key], forKey: codingKey)
        }
        try container.encode(tags, forKey: .tags)
    }
}
