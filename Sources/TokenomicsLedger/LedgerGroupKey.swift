import TokenomicsCore

/// What ``LedgerStore/groups(by:since:until:)`` groups entries by.
public enum LedgerGroupKey: Sendable, Hashable {
    /// The provider.
    case provider
    /// The model as the source reported it.
    case model
    /// The catalog id the model was priced as.
    case pricedModel
    /// The service tier whose rates applied.
    case serviceTier
    /// The version of the catalog that priced the events.
    case catalogVersion
    /// The long-context threshold whose rates applied (none for base rates).
    case longContextThreshold
    /// A named attribution key (team, user, application, …).
    case attribution(Attribution.Key)
    /// A free tag.
    case tag(String)
    /// All of an event's free tags, as one canonical JSON object text (`nil` for none).
    case tags

    /// Parses a report name: `provider`, `model`, `priced_model`, a named attribution key
    /// (`team`, `app`, …) or `tag:KEY`; anything else is `nil`.
    public init?(_ name: String) {
        switch name {
        case "provider": self = .provider
        case "model": self = .model
        case "priced_model": self = .pricedModel
        case "service_tier", "tier": self = .serviceTier
        case "catalog_version": self = .catalogVersion
        case "long_context_threshold": self = .longContextThreshold
        case "tags": self = .tags
        default:
            if name.hasPrefix("tag:"), name.count > 4 {
                self = .tag(String(name.dropFirst(4)))
            } else if let key = Attribution.Key(name) {
                self = .attribution(key)
            } else {
                return nil
            }
        }
    }

    /// The name a report prints for the key (`team`, `tag:env`, …).
    public var name: String {
        switch self {
        case .provider: "provider"
        case .model: "model"
        case .pricedModel: "priced_model"
        case .serviceTier: "service_tier"
        case .catalogVersion: "catalog_version"
        case .longContextThreshold: "long_context_threshold"
        case .attribution(let key): Attribution.keyNames[key.rawValue]
        case .tag(let name): "tag:" + name
        case .tags: "tags"
        }
    }

    /// The rollups column that holds the key, or `nil` when rollups do not keep it (users, trace
    /// and span ids, free tags): a report by such a key sums the events instead.
    var rollupColumn: String? {
        switch self {
        case .provider: "provider"
        case .model: "model"
        case .pricedModel: "priced_model"
        case .serviceTier: "service_tier"
        case .catalogVersion: "catalog_version"
        case .longContextThreshold: "long_context_threshold"
        case .attribution(let key):
            switch key {
            case .org, .project, .team, .application, .workflow, .step: LedgerSchema.attributionColumns[key.rawValue]
            case .user, .traceId, .spanId, .parentSpanId: nil
            }
        case .tag, .tags: nil
        }
    }
}
