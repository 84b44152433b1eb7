// swift-tools-version: 6.0
import PackageDescription

let propertyBased: Target.Dependency = .product(name: "PropertyBased", package: "swift-property-based")

let package = Package(
    name: "helpdesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "helpdesk", targets: ["helpdesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        // SHA-256 of an imported inspection file (Foundation on Linux has no CryptoKit).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // Property-based tests: every parser fed generated and hostile input.
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        // The parts of a multipart mail body, split at their boundaries.
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // Domain values and rules: calendar, deadlines, escalation, KPIs. No I/O, no clock.
        .target(name: "HelpDeskCore"),
        // The database front door: migrations, records, queries, bundled calendar data, and the one
        // public bulk load (`AppDatabase.bulkLoad`) that demo data goes in through.
        .target(
            name: "HelpDeskStore",
            dependencies: ["HelpDeskCore", .product(name: "GRDB", package: "GRDB.swift"),
                           // The message `mail-in` takes in, as the mail module reads it.
                           "HelpDeskMail",
                           // SQLite's own storage classes, to refuse a stored value of the wrong type.
                           .product(name: "GRDBSQLite", package: "GRDB.swift"),
                           // An attachment's SHA-256, computed where it is stored.
                           .product(name: "Crypto", package: "swift-crypto")],
            // The holiday files are the source of `BundledHolidays.swift` (compiled in, so that no
            // command reads them when it starts); the store's tests hold the two equal.
            exclude: ["Resources/holidays"]
        ),
        // Realistic demo data (`helpdesk demo`, `--demo`, the benchmarks): told by the real rules and
        // written through the store's public operations and its bulk load only.
        .target(name: "HelpDeskDemo", dependencies: ["HelpDeskCore", "HelpDeskStore"]),
        // E-mail as `mail-in` reads it: headers, MIME parts, encodings and charsets. No I/O, no clock.
        .target(name: "HelpDeskMail", dependencies: ["HelpDeskCore", .product(name: "MultipartKit", package: "multipart-kit")]),
        // The command line and the console's run loop; wires the store, the console and the terminal.
        .target(
            name: "HelpDeskCommands",
            dependencies: [
                "HelpDeskCore", "HelpDeskStore", "HelpDeskDemo", "HelpDeskMail", "ConsoleCore", "NcursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The console's state, reducer and views, rendering into a ScreenBuffer. No terminal, no storage.
        .target(name: "ConsoleCore", dependencies: ["HelpDeskCore"]),
        // The curses shim: module map (links ncursesw) and static inline accessors for what Swift cannot
        // see. No pkgConfig: SwiftPM would drop its -D flags with a warning; shim.h defines what it needs.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses",
                       providers: [.apt(["libncurses-dev"])]),
        // Signal handlers in C (only async-signal-safe calls): termination and Ctrl-Z noted through a
        // pipe for the run loop, the terminal put back at once on a crash.
        .target(name: "CTerminalGuard"),
        // The one place that calls ncurses: paints a ScreenBuffer, reads keys.
        .target(name: "NcursesTerminal", dependencies: ["CNcurses", "CTerminalGuard", "ConsoleCore"]),
        .executableTarget(name: "helpdesk", dependencies: ["HelpDeskCommands"]),
        // Benchmarks on a database of a million work items (README, "Speed").
        .executableTarget(name: "helpdesk-bench", dependencies: ["HelpDeskCore", "HelpDeskStore", "HelpDeskDemo",
                                                                 .product(name: "GRDB", package: "GRDB.swift")]),
        // The floor of start-up that helpdesk-bench --startup-only measures against: a Foundation hello world.
        .executableTarget(name: "helpdesk-floor"),

        // The one way the tests start programs (posix_spawn and waitpid; why, in its source).
        .target(name: "TestProcesses", path: "Tests/TestProcesses"),
        .testTarget(name: "HelpDeskCoreTests", dependencies: ["HelpDeskCore", propertyBased]),
        // Some store tests read a demo-filled database, and draw from the demo's generator.
        .testTarget(name: "HelpDeskStoreTests", dependencies: ["HelpDeskStore", "HelpDeskCore", "HelpDeskDemo", "HelpDeskMail", "TestProcesses", propertyBased]),
        // Corpus/: the mail messages the tests read by path, and the script that wrote them.
        .testTarget(name: "HelpDeskMailTests", dependencies: ["HelpDeskMail", "HelpDeskCore", propertyBased],
                    exclude: ["Corpus"]),
        .testTarget(name: "HelpDeskDemoTests", dependencies: ["HelpDeskDemo", "HelpDeskStore", "HelpDeskCore"]),
        .testTarget(name: "ConsoleCoreTests", dependencies: ["ConsoleCore", "HelpDeskCore", propertyBased]),
        .testTarget(name: "NcursesTerminalTests", dependencies: ["NcursesTerminal", "ConsoleCore"]),
        // Drive the built binary in tmux: the console as a person uses it.
        .testTarget(name: "EndToEndTests", dependencies: ["helpdesk", "TestProcesses"]),
        .testTarget(
            name: "HelpDeskCommandsTests",
            dependencies: ["HelpDeskCommands", "HelpDeskStore", "HelpDeskCore", "HelpDeskDemo", "helpdesk", "TestProcesses", propertyBased,
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
