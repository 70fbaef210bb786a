/// The account and entity names a ``FocusExport`` writes on every row: what the spend data
/// cannot tell, such as who issues the invoice.
///
/// `nil` names default to the row's `provider` (the API the events were sent to), which is right
/// when the provider bills the customer directly. Set them when a reseller or cloud marketplace
/// issues the invoice (FOCUS 1.2, Appendix "Origination of cost data":
/// https://focus.finops.org/focus-specification/v1-2/).
public struct FocusOptions: Sendable, Hashable, Codable {
    /// `BillingAccountId`: the account the charges are billed to (FOCUS 1.2: mandatory, not null,
    /// unique within the provider).
    public var billingAccountId: String
    /// `BillingAccountName`: the account's display name (FOCUS 1.2: mandatory; not null when the
    /// provider supports display names).
    public var billingAccountName: String
    /// `InvoiceIssuerName`, or `nil` for the row's provider.
    public var invoiceIssuerName: String?
    /// `ProviderName`, or `nil` for the row's provider.
    public var providerName: String?
    /// `PublisherName`, or `nil` for the row's provider.
    public var publisherName: String?
    /// `ServiceName`, or `nil` for "<provider> API".
    public var serviceName: String?

    /// Creates options.
    ///
    /// - Parameters:
    ///   - billingAccountId: the billing account id (default `"tokenomics"`).
    ///   - billingAccountName: its display name (default: the id).
    ///   - invoiceIssuerName: who issues the invoice (default: each row's provider).
    ///   - providerName: who makes the service available (default: each row's provider).
    ///   - publisherName: who publishes the service (default: each row's provider).
    ///   - serviceName: the service's name (default: "<provider> API").
    public init(
        billingAccountId: String = "tokenomics", billingAccountName: String? = nil, invoiceIssuerName: String? = nil,
        providerName: String? = nil, publisherName: String? = nil, serviceName: String? = nil
    ) {
        self.billingAccountId = billingAccountId
        self.billingAccountName = billingAccountName ?? billingAccountId
        self.invoiceIssuerName = invoiceIssuerName
        self.providerName = providerName
        self.publisherName = publisherName
        self.serviceName = serviceName
    }
}
