import Foundation
import TokenomicsCore

/// Data files shipped inside Tokenomics: the built-in price catalog and the demo workload.
public enum BuiltinData {
    /// The bytes of a shipped resource file.
    ///
    /// - Throws: when the file is missing from the installation.
    public static func resource(named name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Resources/\(name)"])
        }
        return try Data(contentsOf: url)
    }
}

extension BuiltinData {
    /// The built-in price catalog (`Resources/catalog.json`, converted from the LiteLLM price map).
    ///
    /// - Returns: the catalog.
    /// - Throws: when the file is missing or invalid.
    public static func catalog() throws -> PriceCatalog {
        try PriceCatalog.loadTrusted(resource(named: "catalog.json"))
    }
}
