extension FocusExport {
    /// What the rows of one group's hour share: its names, read once from its key.
    struct Group {
        var provider: String
        var model: String
        var sku: String
        var tier: String?
        var threshold: String?
        var catalogVersion: String?
        var team: String?
        var application: String?
        var tags: String?
        var requests: Int64
        var unpricedRequests: Int64
        var options: FocusOptions

        /// Reads a group's key (in ``FocusExport/dimensions`` order).
        init(key: [String?], sums: SpendSums, options: FocusOptions, document: JSONDocument) {
            provider = key.value(at: 0) ?? "unknown"
            model = key.value(at: 1) ?? "unknown"
            sku = key.value(at: 2) ?? model
            tier = key.value(at: 3)
            threshold = key.value(at: 4)
            catalogVersion = key.value(at: 5)
            team = key.value(at: 8)
            application = key.value(at: 10)
            tags = FocusExport.tags(of: key, document: document)
            requests = sums.requests
            unpricedRequests = sums.unpricedRequests
            self.options = options
        }

        /// The `SkuPriceId` of a charge: one id per rate.
        func priceId(_ charge: FocusCharge) -> String {
            var id = "\(sku)/\(charge.kind.rawValue)/\(tier ?? "standard")"
            if let threshold { id += "/above-\(threshold)" }
            if charge.pricing.isBlended { id += "/blended" }
            if let catalogVersion { id += "@\(catalogVersion)" }
            return id
        }

        /// The `SkuPriceDetails` of a charge: a JSON object of strings.
        func priceDetails(_ charge: FocusCharge) -> String {
            var json = JSONWriter(capacity: 128)
            json.beginObject()
            json.key("TokenClass")
            json.string(charge.kind.rawValue)
            json.key("ServiceTier")
            json.string(tier ?? "standard")
            if let threshold {
                json.key("LongContextAboveTokens")
                json.string(threshold)
            }
            json.endObject()
            return String(decoding: json.bytes, as: UTF8.self)
        }

        /// The `ChargeDescription` of a charge.
        func description(_ charge: FocusCharge) -> String {
            var text = "\(model): \(charge.kind.meter)"
            if let tier, tier != "standard" { text += ", \(tier) tier" }
            if let threshold { text += ", prompts above \(threshold) tokens" }
            if unpricedRequests > 0 {
                text += "; blended: \(unpricedRequests) of \(requests) requests unpriced and not charged"
            } else if charge.kind == .other {
                text += "; blended: cost not in the cost breakdown"
            } else if charge.pricing.isBlended {
                text += "; blended: several rates"
            }
            return text
        }

        /// The FOCUS row of one charge.
        func row(for charge: FocusCharge, periods: Periods) -> FocusRow {
            var row = FocusRow()
            let cost = charge.cost.decimalString()
            let unitPrice = charge.pricing.unitPrice.decimalString()
            row[.billedCost] = cost
            row[.billingAccountId] = options.billingAccountId
            row[.billingAccountName] = options.billingAccountName
            row[.billingCurrency] = "USD"
            row[.billingPeriodEnd] = periods.billingEnd
            row[.billingPeriodStart] = periods.billingStart
            row[.chargeCategory] = "Usage"
            row[.chargeDescription] = description(charge)
            row[.chargeFrequency] = "Usage-Based"
            row[.chargePeriodEnd] = periods.chargeEnd
            row[.chargePeriodStart] = periods.chargeStart
            row[.consumedQuantity] = String(charge.consumed)
            row[.consumedUnit] = charge.consumedUnit
            row[.contractedCost] = cost
            row[.contractedUnitPrice] = unitPrice
            row[.effectiveCost] = cost
            row[.invoiceIssuerName] = options.invoiceIssuerName ?? provider
            row[.listCost] = cost
            row[.listUnitPrice] = unitPrice
            row[.pricingCategory] = "Standard"
            row[.pricingQuantity] = charge.pricing.quantity
            row[.pricingUnit] = charge.pricing.unit
            row[.providerName] = options.providerName ?? provider
            row[.publisherName] = options.publisherName ?? provider
            row[.resourceId] = "\(provider)/\(model)"
            row[.resourceType] = "Model"
            row[.serviceCategory] = "AI and Machine Learning"
            row[.serviceName] = options.serviceName ?? "\(provider) API"
            row[.serviceSubcategory] = "Generative AI"
            row[.skuId] = sku
            row[.skuMeter] = charge.kind.meter
            row[.skuPriceDetails] = priceDetails(charge)
            row[.skuPriceId] = priceId(charge)
            row[.tags] = tags
            row[.x_TokenClass] = charge.kind.rawValue
            row[.x_ServiceTier] = tier
            row[.x_LongContextThreshold] = threshold
            row[.x_CatalogVersion] = catalogVersion
            row[.x_Team] = team
            row[.x_Application] = application
            row[.x_Requests] = String(requests)
            row[.x_UnpricedRequests] = String(unpricedRequests)
            row[.x_PricingBasis] = charge.pricing.isBlended ? "blended" : "unit_rate"
            return row
        }
    }
}
