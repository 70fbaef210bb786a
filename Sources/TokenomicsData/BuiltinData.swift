import Foundation

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
