import Foundation

/// Who and what caused an event: the keys that spend is grouped and charged back by.
public struct Attribution: Sendable, Hashable, Codable {
    public var org: String?
    public var project: String?
    public var team: String?
    public var user: String?
    public var application: String?
    public var workflow: String?
    public var step: String?
    /// Distributed-tracing ids (W3C / OpenTelemetry), hex.
    public var traceId: String?
    public var spanId: String?
    public var parentSpanId: String?
    /// Free key–value tags.
    public var tags: [String: String]

    /// Creates an attribution; every key defaults to absent.
    public init(
        org: String? = nil, project: String? = nil, team: String? = nil, user: String? = nil,
        application: String? = nil, workflow: String? = nil, step: String? = nil, traceId: String? = nil,
        spanId: String? = nil, parentSpanId: String? = nil, tags: [String: String] = [:]
    ) {
        self.org = org
        self.project = project
        self.team = team
        self.user = user
        self.application = application
        self.workflow = workflow
        self.step = step
        self.traceId = traceId
        self.spanId = spanId
        self.parentSpanId = parentSpanId
        self.tags = tags
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
            guard let base = name.baseAddress else { return nil }
            func equals(_ literal: StaticString) -> Bool {
                name.count == literal.utf8CodeUnitCount && memcmp(base, literal.utf8Start, name.count) == 0
            }
            switch name.count {
            case 3:
                if equals("org") { self = .org } else if equals("app") { self = .application } else { return nil }
            case 4:
                if equals("team") {
                    self = .team
                } else if equals("user") {
                    self = .user
                } else if equals("step") {
                    self = .step
                } else {
                    return nil
                }
            case 7:
                if equals("project") {
                    self = .project
                } else if equals("span_id") {
                    self = .spanId
                } else {
                    return nil
                }
            case 8:
                if equals("workflow") {
                    self = .workflow
                } else if equals("trace_id") {
                    self = .traceId
                } else {
                    return nil
                }
            case 11: if equals("application") { self = .application } else { return nil }
            case 14: if equals("parent_span_id") { self = .parentSpanId } else { return nil }
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
        get {
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
        set {
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

    /// Whether no key is set.
    public var isEmpty: Bool {
        org == nil && project == nil && team == nil && user == nil && application == nil && workflow == nil
            && step == nil && traceId == nil && spanId == nil && parentSpanId == nil && tags.isEmpty
    }
}
