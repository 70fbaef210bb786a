/// The service tier a request ran on. Every price depends on it (FRAMEWORK.md §2).
public enum ServiceTier: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The default, on-demand tier.
    case standard
    /// Asynchronous batch processing (typically half price).
    case batch
    /// Flexible, lower-priority processing at a discount.
    case flex
    /// Priority processing at a premium.
    case priority

    public var description: String { rawValue }

    /// Maps the names providers use in responses (`"default"`, `"auto"`, `"scale"`, `"batch"`,
    /// Anthropic's `"standard_only"`, …) to a tier. Unknown names give `nil`.
    public init?(providerName: String) {
        switch providerName {
        case "default", "standard", "auto": self = .standard
        case "batch": self = .batch
        case "flex": self = .flex
        case "priority": self = .priority
        default: self.init(lowercasedName: providerName.lowercased())
        }
    }

    private init?(lowercasedName: String) {
        switch lowercasedName {
        case "standard", "default", "auto", "on_demand", "on-demand", "standard_only": self = .standard
        case "batch", "batches": self = .batch
        case "flex": self = .flex
        case "priority", "scale", "priority_only": self = .priority
        default: return nil
        }
    }
}
