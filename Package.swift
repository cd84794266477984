// swift-tools-version: 6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "intake",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "intake", targets: ["intake"]),
        // `intake serve` runs this sibling, so that the chat's start-up never loads the server.
        .executable(name: "intake-serve", targets: ["intake-serve"]),
        .library(name: "DialogSyntax", targets: ["DialogSyntax"]),
        .library(name: "DialogMatching", targets: ["DialogMatching"]),
        .library(name: "DialogEngine", targets: ["DialogEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The server (`intake serve`) only.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Test oracle and benchmark baseline only: never a dependency of the product.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(
            name: "DialogSyntax",
            swiftSettings: strict
        ),
        // The file system: reading and listing for every layer; writing whole files and
        // appending, for the front ends only.
        .target(name: "DialogFiles", swiftSettings: strict),
        // Reading text: normalising, phrases, negation and time. Below the model, so that
        // the validator reads phrases exactly as the engine does.
        .target(name: "DialogMatching", dependencies: ["DialogSyntax"], swiftSettings: strict),
        .target(name: "DialogModel", dependencies: ["DialogFiles", "DialogSyntax", "DialogMatching"], swiftSettings: strict),
        // The turn schema is documentation and a test oracle, not a resource of the module.
        .target(
            name: "DialogEngine", dependencies: ["DialogModel", "DialogMatching", "DialogSyntax"],
            exclude: ["Protocol/turn.schema.json"], swiftSettings: strict),
        .target(name: "DialogTesting", dependencies: ["DialogFiles", "DialogEngine", "DialogMatching", "DialogModel", "DialogSyntax"], swiftSettings: strict),
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        .executableTarget(
            name: "intake",
            dependencies: [
                "DialogFiles",
                "DialogSyntax",
                "DialogModel",
                "DialogEngine",
                "DialogTesting",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Sessions kept in a store between turns, for the server: no HTTP here, so that the
        // store and the turn logic are tested without a network.
        .target(
            name: "DialogServer",
            dependencies: [
                "DialogEngine", "DialogFiles", "DialogModel", "DialogSyntax",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "intake-serve",
            dependencies: [
                "DialogEngine", "DialogFiles", "DialogModel", "DialogServer", "DialogSyntax",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "intake-bench",
            dependencies: [
                "DialogSyntax",
                "DialogModel",
                "DialogEngine",
                "DialogTesting",
                // The baseline: Yams is a dependency of the benchmark and the tests only.
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DialogFilesTests",
            dependencies: ["DialogFiles"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DialogSyntaxTests",
            dependencies: [
                "DialogSyntax",
                // SplitMix64, the one seeded generator of the package.
                "DialogEngine",
                .product(name: "Yams", package: "Yams"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DialogModelTests",
            dependencies: ["DialogEngine", "DialogModel", "DialogSyntax", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        // What the tests share: the shipped dialogs, loaded and compiled once.
        .target(name: "TestSupport", dependencies: ["DialogEngine", "DialogModel"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(
            name: "DialogEngineTests",
            dependencies: ["DialogEngine", "DialogMatching", "DialogModel", "DialogSyntax", "TestSupport"],
            swiftSettings: strict
        ),
        // The shipped dialogs' behaviour: where questions lead, crisis lines from every node,
        // and symptoms as people type them. These change with the content, not the engine.
        .testTarget(
            name: "ContentTests",
            dependencies: ["DialogEngine", "DialogMatching", "DialogModel", "DialogSyntax", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DialogServerTests",
            dependencies: ["DialogServer", "DialogEngine", "DialogFiles", "DialogModel", "DialogSyntax", "TestSupport"],
            swiftSettings: strict
        ),
        // The commands end to end: the real `intake` binary on the fixtures of the layers
        // they exercise.
        .testTarget(name: "IntakeCommandTests", dependencies: ["TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "DialogTestingTests",
            dependencies: ["DialogTesting", "DialogEngine", "DialogMatching", "DialogModel", "DialogSyntax"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
