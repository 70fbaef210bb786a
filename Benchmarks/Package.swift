// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "TokenomicsBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Tokenomics", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CostPipeline",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TokenomicsCore", package: "Tokenomics"),
                .product(name: "TokenomicsData", package: "Tokenomics"),
            ],
            path: "Benchmarks/CostPipeline",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "LedgerIngest",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TokenomicsCore", package: "Tokenomics"),
                .product(name: "TokenomicsData", package: "Tokenomics"),
                .product(name: "TokenomicsLedger", package: "Tokenomics"),
            ],
            path: "Benchmarks/LedgerIngest",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
