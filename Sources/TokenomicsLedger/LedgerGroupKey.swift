import TokenomicsCore

/// What ``LedgerStore/groups(by:since:until:)`` groups entries by.
public enum LedgerGroupKey: Sendable, Hashable {
    /// The provider.
    case provider
    /// The model as the source reported it.
    case model
    /// The catalog id the model was priced as.
    case pricedModel
    /// A named attribution key (team, user, application, …).
    case attribution(Attribution.Key)
    /// A free tag.
    case tag(String)

    /// Parses a report name: `provider`, `model`, `priced_model`, a named attribution key
    /// (`team`, `app`, …) or `tag:KEY`; anything else is `nil`.
    public init?(_ name: String) {
        switch name {
        case "provider": self = .provider
        case "model": self = .model
        case "priced_model": self = .pricedModel
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
}
