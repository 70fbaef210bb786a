/// A price catalog that cannot be read, with what a user needs to fix it: which model, which
/// field and what is wrong.
public struct PricingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The model record at fault, when known.
    public var model: String?
    /// The field at fault (`rates.input`, `effective_from`, …), when known.
    public var field: String?
    /// A sentence saying what is wrong.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - message: what is wrong.
    ///   - model: the model record at fault.
    ///   - field: the field at fault.
    public init(_ message: String, model: String? = nil, field: String? = nil) {
        self.message = message
        self.model = model
        self.field = field
    }

    /// One line: `model 'x', field 'y': message`, leaving out what is unknown.
    public var description: String {
        var prefix = ""
        if let model { prefix += "model '\(model)'" }
        if let field { prefix += (prefix.isEmpty ? "" : ", ") + "field '\(field)'" }
        return prefix.isEmpty ? message : prefix + ": " + message
    }
}
