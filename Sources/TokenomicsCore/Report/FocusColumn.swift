/// The columns of a ``FocusExport``, in the order written: the FOCUS 1.2 columns in alphabetical
/// order, then Tokenomics' custom columns (prefixed `x_`, as custom columns must be).
///
/// Each case says what the column holds and why, quoting the FOCUS 1.2 specification
/// (https://focus.finops.org/focus-specification/v1-2/, "Columns"). The mandatory columns are
/// all here; of the conditional ones, those that apply to metered model APIs are (consumed
/// quantity, unit prices, pricing category, SKUs, resource, tags). Left out, because Tokenomics has
/// no such data: `AvailabilityZone`, `RegionId`/`RegionName`, `BillingAccountType` (present only
/// when a provider has several account types), `SubAccountId`/`SubAccountName`/`SubAccountType`,
/// `CapacityReservation*`, `CommitmentDiscount*`, `InvoiceId`, and the `PricingCurrency*` columns
/// (present only when prices and bills use different currencies; here both are USD).
public enum FocusColumn: String, Sendable, Hashable, Codable, CaseIterable {
    /// The cost invoiced for the charge (mandatory, Decimal, not null, in `BillingCurrency`): the
    /// exact cost of the priced events.
    case billedCost = "BilledCost"
    /// The billing account (mandatory, not null): ``FocusOptions/billingAccountId``.
    case billingAccountId = "BillingAccountId"
    /// The billing account's display name (mandatory): ``FocusOptions/billingAccountName``.
    case billingAccountName = "BillingAccountName"
    /// The invoice currency (mandatory, ISO 4217): always `USD`, the currency of every price.
    case billingCurrency = "BillingCurrency"
    /// The exclusive end of the billing period (mandatory, Date/Time): the first instant of the
    /// month after the charge's, UTC, e.g. `2026-12-01T00:00:00Z`.
    case billingPeriodEnd = "BillingPeriodEnd"
    /// The inclusive start of the billing period (mandatory): the first instant of the charge's
    /// calendar month, UTC, e.g. `2026-11-01T00:00:00Z`.
    case billingPeriodStart = "BillingPeriodStart"
    /// The highest-level classification of the charge (mandatory, one of Usage, Purchase, Tax,
    /// Credit, Adjustment): always `Usage`, tokens consumed.
    case chargeCategory = "ChargeCategory"
    /// `Correction` for a correction to a previously invoiced billing period, else null
    /// (mandatory column): always null, these rows are not corrections.
    case chargeClass = "ChargeClass"
    /// A readable summary of the charge (mandatory, SHOULD NOT be null): the model, what was
    /// metered, the tier and the long-context tier.
    case chargeDescription = "ChargeDescription"
    /// How often the charge occurs (recommended; One-Time, Recurring, Usage-Based): `Usage-Based`.
    case chargeFrequency = "ChargeFrequency"
    /// The exclusive end of the charge period (mandatory): the end of the hour.
    case chargePeriodEnd = "ChargePeriodEnd"
    /// The inclusive start of the charge period (mandatory): the start of the hour.
    case chargePeriodStart = "ChargePeriodStart"
    /// The usage measured (conditional: present when the provider measures usage; not null for
    /// Usage rows): the tokens (or images, requests, queries) of the charge. In a group's hour with
    /// unpriced events (``x_UnpricedRequests`` above 0) the count includes their tokens, which the
    /// sums do not separate; the cost does not include them.
    case consumedQuantity = "ConsumedQuantity"
    /// The unit of ``consumedQuantity`` (same rules; SHOULD follow Unit Format): `Tokens`,
    /// `Images`, `Requests` or `Queries`.
    case consumedUnit = "ConsumedUnit"
    /// The cost at negotiated rates (mandatory): equal to the billed cost, Tokenomics knows no
    /// negotiated discounts.
    case contractedCost = "ContractedCost"
    /// The negotiated unit price (conditional; not null for Usage rows; × PricingQuantity MUST match
    /// ContractedCost): equal to ``listUnitPrice``.
    case contractedUnitPrice = "ContractedUnitPrice"
    /// The amortized cost after discounts (mandatory): equal to the billed cost (no purchases or
    /// commitments to amortize).
    case effectiveCost = "EffectiveCost"
    /// Who issues the invoice (mandatory, not null): ``FocusOptions/invoiceIssuerName`` or the
    /// row's provider.
    case invoiceIssuerName = "InvoiceIssuerName"
    /// The cost at list prices (mandatory; "The product of ListUnitPrice and PricingQuantity MUST
    /// match the ListCost"): the billed cost, which is list price × quantity exactly.
    case listCost = "ListCost"
    /// The published unit price (conditional; MUST NOT be null for Usage rows; non-negative): the
    /// catalog rate per ``pricingUnit`` (see ``FocusExport``).
    case listUnitPrice = "ListUnitPrice"
    /// Standard, Dynamic, Committed or Other (conditional; not null for Usage rows): `Standard`,
    /// "when pricing is predetermined at the agreed upon rate". The batch, flex and priority
    /// tiers are published, predetermined rates too, so they are `Standard` as well; the tier is
    /// in ``x_ServiceTier`` and in ``skuPriceId``. (Dynamic is for prices "determined by the
    /// provider [that] may change over time", which a catalog rate is not.)
    case pricingCategory = "PricingCategory"
    /// The quantity priced, in ``pricingUnit`` (mandatory; not null for Usage rows): tokens ÷ 10⁶
    /// as an exact decimal, a count, or the cost of a blended row.
    case pricingQuantity = "PricingQuantity"
    /// The unit prices are given in (mandatory; SHOULD follow Unit Format, whose
    /// `<unit-quantity> <plural-units>` form gives `1000000 Tokens`): `1000000 Tokens`, `Images`,
    /// `Requests`, `Queries`, or `USD` for a blended row.
    case pricingUnit = "PricingUnit"
    /// Who made the service available (mandatory, not null): ``FocusOptions/providerName`` or the
    /// row's provider.
    case providerName = "ProviderName"
    /// Who produced the service (mandatory, not null): ``FocusOptions/publisherName`` or the row's
    /// provider.
    case publisherName = "PublisherName"
    /// The resource charged for (conditional; unique within the provider, SHOULD be
    /// fully-qualified): `<provider>/<requested model>`.
    case resourceId = "ResourceId"
    /// The resource's display name (MUST be null when the resource has only a system-generated
    /// id): null.
    case resourceName = "ResourceName"
    /// The kind of resource (MUST NOT be null when ResourceId is not): `Model`.
    case resourceType = "ResourceType"
    /// The service's category (mandatory, one of the allowed values): `AI and Machine Learning`.
    case serviceCategory = "ServiceCategory"
    /// The service's name (mandatory, not null): ``FocusOptions/serviceName`` or "<provider> API".
    case serviceName = "ServiceName"
    /// The service's subcategory (recommended; one of the allowed values, under one
    /// ServiceCategory): `Generative AI`, under AI and Machine Learning.
    case serviceSubcategory = "ServiceSubcategory"
    /// The SKU (conditional; not null for Usage rows): the catalog id the events were priced as
    /// (the requested model when there is none).
    case skuId = "SkuId"
    /// What the SKU meters (present when the provider publishes a SKU list; SHOULD NOT be null
    /// when SkuId is not): e.g. `Input Tokens`, `Cache Write Tokens (1-hour TTL)`.
    case skuMeter = "SkuMeter"
    /// The price's properties (KeyValueFormat; MAY be null): `TokenClass`, `ServiceTier` and, for a
    /// long-context rate, `LongContextAboveTokens`, as strings.
    case skuPriceDetails = "SkuPriceDetails"
    /// The price (conditional; not null for Usage rows; "MUST define a single unit price"):
    /// `<sku>/<class>/<tier>[/above-<threshold>][@<catalog version>]`, and `/blended` for blended
    /// rows, whose unit price (one dollar per dollar) differs.
    case skuPriceId = "SkuPriceId"
    /// Tags (KeyValueFormat, MAY be null): a JSON object of the attribution (`org`, `project`,
    /// `team`, `user`, `application`, `workflow`, `step`, where set) and the event's own tags; an
    /// own tag named like a set attribution field is dropped.
    case tags = "Tags"
    /// What is charged: a ``FocusChargeKind`` raw value, e.g. `cache_write_1h`.
    case x_TokenClass
    /// The service tier: `standard`, `batch`, `flex` or `priority` (empty when not known).
    case x_ServiceTier
    /// The long-context threshold whose rates applied (prompts above it), or empty.
    case x_LongContextThreshold
    /// The version of the price catalog the events were priced with.
    case x_CatalogVersion
    /// The attribution's team.
    case x_Team
    /// The attribution's application.
    case x_Application
    /// The events of the group's hour. The same on each row of the group (one per charge): do not
    /// add it up over the rows.
    case x_Requests
    /// The group's unpriced events: their cost is in no row, and with any of them every charge of
    /// the group is blended.
    case x_UnpricedRequests
    /// `unit_rate` when ``listUnitPrice`` is a rate per ``pricingUnit``, `blended` when the row
    /// states a cost with no single rate (see ``FocusExport``).
    case x_PricingBasis
}
