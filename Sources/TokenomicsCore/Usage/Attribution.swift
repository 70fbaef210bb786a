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

    /// Reads or writes a key by its report name (`team`, `trace_id`, …); any other name is a tag.
    public subscript(key: String) -> String? {
        get {
            switch key {
            case "org": org
            case "project": project
            case "team": team
            case "user": user
            case "application", "app": application
            case "workflow": workflow
            case "step": step
            case "trace_id": traceId
            case "span_id": spanId
            case "parent_span_id": parentSpanId
            default: tags[key]
            }
        }
        set {
            switch key {
            case "org": org = newValue
            case "project": project = newValue
            case "team": team = newValue
            case "user": user = newValue
            case "application", "app": application = newValue
            case "workflow": workflow = newValue
            case "step": step = newValue
            case "trace_id": traceId = newValue
            case "span_id": spanId = newValue
            case "parent_span_id": parentSpanId = newValue
            default: tags[key] = newValue
            }
        }
    }

    /// Whether no key is set.
    public var isEmpty: Bool {
        org == nil && project == nil && team == nil && user == nil && application == nil && workflow == nil
            && step == nil && traceId == nil && spanId == nil && parentSpanId == nil && tags.isEmpty
    }
}
