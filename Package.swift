// swift-tools-version: 6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "intake",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "intake", targets: ["intake"]),
        .library(name: "DialogSyntax", targets: ["DialogSyntax"]),
        .library(name: "DialogMatching", targets: ["DialogMatching"]),
        .library(name: "DialogEngine", targets: ["DialogEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Test oracle and benchmark baseline only: never a dependency of the product.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(
            name: "DialogSyntax",
            // The scanner's state lives in a class; run-time exclusivity checks on its
            // fields cost about three quarters of parse time. Debug builds keep them.
            swiftSettings: strict + [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // The file system: reading and listing for every layer; writing whole files and
        // appending, for the front ends only.
        .target(name: "DialogFiles", swiftSettings: strict),
        // Reading text: normalising, phrases, negation and time. Below the model, so that
        // the validator reads phrases exactly as the engine does.
        .target(name: "DialogMatching", dependencies: ["DialogSyntax"], swiftSettings: strict),
        .target(name: "DialogModel", dependencies: ["DialogFiles", "DialogSyntax", "DialogMatching"], swiftSettings: strict),
        // The turn schema is documentation and a test oracle, not a resource of the module.
        .target(name: "DialogEngine", dependencies: ["DialogModel", "DialogMatching", "DialogSyntax"],
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
                .product(name: "Yams", package: "Yams"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DialogModelTests",
            dependencies: ["DialogModel", "DialogSyntax"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DialogEngineTests",
            dependencies: ["DialogEngine", "DialogMatching", "DialogModel", "DialogSyntax"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DialogTestingTests",
            dependencies: ["DialogTesting", "DialogEngine", "DialogMatching", "DialogModel", "DialogSyntax"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
