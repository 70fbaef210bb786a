// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Tokenomics",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tokenomics", targets: ["tokenomics"]),
        .library(name: "TokenomicsCore", targets: ["TokenomicsCore"]),
        .library(name: "TokenomicsData", targets: ["TokenomicsData"]),
        .library(name: "TokenomicsLedger", targets: ["TokenomicsLedger"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        .target(name: "TokenomicsCore"),
        .target(
            name: "TokenomicsData",
            dependencies: ["TokenomicsCore"],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "TokenomicsLedger",
            dependencies: [
                "TokenomicsCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .executableTarget(
            name: "tokenomics",
            dependencies: [
                "TokenomicsCore",
                "TokenomicsData",
                "TokenomicsLedger",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TokenomicsCoreTests",
            dependencies: [
                "TokenomicsCore",
                "TokenomicsData",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TokenomicsLedgerTests",
            dependencies: [
                "TokenomicsLedger",
                "TokenomicsCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "TokenomicsCLITests",
            dependencies: ["tokenomics"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
