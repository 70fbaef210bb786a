import Foundation

extension BuiltinData {
    /// The Azure LLM inference trace of conversation requests
    /// (`Resources/azure-llm-inference-2023-conv.csv`): 19,366 real requests of 2023-11-16, one a
    /// line after the header `TIMESTAMP,ContextTokens,GeneratedTokens`.
    ///
    /// The file is the unmodified `data/AzureLLMInferenceTrace_conv.csv` of Azure/AzurePublicDataset,
    /// CC-BY 4.0 (Patel et al., "Splitwise: Efficient generative LLM inference using phase
    /// splitting", ISCA 2024); `Resources/ATTRIBUTION.md` has the attribution. `DemoWorkload`
    /// turns it into usage events.
    ///
    /// - Returns: the bytes of the CSV file.
    /// - Throws: when the file is missing from the installation.
    public static func azureConversationTrace() throws -> Data {
        try resource(named: "azure-llm-inference-2023-conv.csv")
    }
}
