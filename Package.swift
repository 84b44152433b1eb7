// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "helpdesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "helpdesk", targets: ["helpdesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Domain values and rules: calendar, deadlines, escalation, KPIs. No I/O, no clock.
        .target(name: "HelpDeskCore"),
        // The database front door: migrations, records, queries, bundled calendar data.
        .target(
            name: "HelpDeskStore",
            dependencies: ["HelpDeskCore", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Resources/holidays")]
        ),
        // The command line; wires the store to the domain.
        .target(
            name: "HelpDeskCommands",
            dependencies: [
                "HelpDeskCore", "HelpDeskStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The console's state, reducer and views, rendering into a ScreenBuffer. No terminal, no storage.
        .target(name: "ConsoleCore", dependencies: ["HelpDeskCore"]),
        .executableTarget(name: "helpdesk", dependencies: ["HelpDeskCommands"]),

        .testTarget(name: "HelpDeskCoreTests", dependencies: ["HelpDeskCore"]),
        .testTarget(name: "HelpDeskStoreTests", dependencies: ["HelpDeskStore", "HelpDeskCore"]),
        .testTarget(name: "ConsoleCoreTests", dependencies: ["ConsoleCore", "HelpDeskCore"]),
        .testTarget(
            name: "HelpDeskCommandsTests",
            dependencies: ["HelpDeskCommands", "HelpDeskStore", "HelpDeskCore", "helpdesk"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
