/// How one charge is stated in FOCUS's pricing columns: `PricingUnit`, `PricingQuantity` and
/// `ListUnitPrice`, chosen so that `ListUnitPrice × PricingQuantity = ListCost` holds exactly in
/// decimal (FOCUS 1.2, ListCost and ListUnitPrice: "The product of ListUnitPrice and
/// PricingQuantity MUST match the ListCost"; https://focus.finops.org/focus-specification/v1-2/).
///
/// Tokens are priced per `"1000000 Tokens"` (the Unit Format attribute's
/// `<unit-quantity> <plural-units>` form): the quantity is `tokens / 10⁶`, at most six decimals,
/// and the unit price is the rate per million tokens, `cost × 10⁶ / tokens`. Every rate the cost
/// engine applies is a whole number of attodollars per token, so when one rate priced all the
/// tokens the division is exact and the price has at most twelve decimals. Counted fees (requests,
/// images, searches) are priced per unit the same way.
///
/// When the cost is *not* a whole number of attodollars per unit (several rates in one charge,
/// such as audio input and output tokens together, or a group that mixes priced and unpriced
/// events, whose token counts include tokens nobody priced), no exact unit price exists and none
/// is made up: the charge is stated as a blended amount, `PricingUnit` `"USD"`,
/// `PricingQuantity` = the cost and `ListUnitPrice` = 1, which is exact and says plainly that
/// the row has no per-token price.
struct FocusPricing: Hashable {
    /// `PricingUnit`.
    var unit: String
    /// `PricingQuantity`, as an exact decimal.
    var quantity: String
    /// `ListUnitPrice` (and `ContractedUnitPrice`).
    var unitPrice: Money
    /// Whether this is the blended statement (no per-unit price).
    var isBlended: Bool

    /// The pricing unit of tokens.
    static let tokenUnit = "1000000 Tokens"
    /// Tokens in one ``tokenUnit``.
    static let tokensPerUnit: Int128 = 1_000_000

    /// Prices `tokens` tokens that cost `cost` per million tokens, or `nil` when the cost is not a
    /// whole number of attodollars per token.
    static func tokens(_ tokens: Int64, cost: Money) -> FocusPricing? {
        guard tokens > 0 else { return nil }
        let (rate, remainder) = cost.attodollars.quotientAndRemainder(dividingBy: Int128(tokens))
        guard remainder == 0, rate >= 0 else { return nil }
        // tokens / 10⁶ written through Money's exact decimal form: 10⁻⁶ is 10¹² attodollars.
        let quantity = Money(attodollars: Int128(tokens) * (Money.scale / tokensPerUnit))
        return FocusPricing(
            unit: tokenUnit, quantity: quantity.decimalString(),
            unitPrice: Money(attodollars: rate * tokensPerUnit), isBlended: false)
    }

    /// Prices `count` units named `unit` that cost `cost`, or `nil` when the cost is not a whole
    /// number of attodollars per unit.
    static func units(_ count: Int64, named unit: String, cost: Money) -> FocusPricing? {
        guard count > 0 else { return nil }
        let (price, remainder) = cost.attodollars.quotientAndRemainder(dividingBy: Int128(count))
        guard remainder == 0, price >= 0 else { return nil }
        return FocusPricing(unit: unit, quantity: String(count), unitPrice: Money(attodollars: price), isBlended: false)
    }

    /// The blended statement of `cost`: so many dollars at $1 each.
    static func blended(_ cost: Money) -> FocusPricing {
        FocusPricing(unit: "USD", quantity: cost.decimalString(), unitPrice: Money(dollars: 1), isBlended: true)
    }
}
