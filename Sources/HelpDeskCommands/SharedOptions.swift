import ArgumentParser
import Foundation
import HelpDeskCore

/// A time typed on the command line: ISO 8601 with an offset, within the years the desk keeps
/// (2000–2099 Beijing time). Read once, by the argument parser; a refusal is kept for the option's
/// group to say, naming the option, in the operator's language (the parser's own words for a value
/// it cannot read would not say what is accepted).
struct TimeArgument: ExpressibleByArgument {
    let parsed: Result<Date, TimeParseError>

    init?(argument: String) {
        parsed = Result { () throws(TimeParseError) in try TimeInput.parseInstant(argument) }
    }

    /// The refusal of a time that does not read, naming `option`; nil for one that does.
    func refusal(option: String) -> String? {
        guard case .failure(let error) = parsed else { return nil }
        return HelpDesk.say(Catalog.Commands.option(option, error.localized))
    }

    /// The instant. The group's `validate()` refused a time that does not read before any command
    /// ran; this refuses it again for a caller that never validated.
    func instant(option: String) throws -> Date {
        switch parsed {
        case .success(let date): return date
        case .failure(let error): throw UsageError(Catalog.Commands.option(option, error.localized))
        }
    }
}

/// The sentence `--help` gives for a command's `--at`: what happened at that time.
protocol WhenHelp {
    static var help: String { get }
}

/// The `--at` sentences, by what happened.
enum Happened {
    enum Unsaid: WhenHelp { static let help = "When (default now)." }
    enum Received: WhenHelp { static let help = "When it was received (special: confirmed); default now." }
    enum Reported: WhenHelp { static let help = "When it was reported (default now)." }
    enum TakenIn: WhenHelp { static let help = "When it was taken in (default now)." }
    enum Agreed: WhenHelp { static let help = "When it was agreed (default now)." }
    enum Found: WhenHelp { static let help = "When it was found (default now)." }
    enum Done: WhenHelp { static let help = "When it was done (default now)." }
    enum Recorded: WhenHelp { static let help = "When it was recorded (default now)." }
    enum Made: WhenHelp { static let help = "When it was made (default now)." }
    enum ClockStarts: WhenHelp { static let help = "When the clock starts (default now)." }
}

/// `--at TIME`: when it happened; now when not given. A time that does not read, or lies outside
/// 2000–2099, is refused while the arguments are parsed, before the database is opened.
struct WhenOption<Said: WhenHelp>: ParsableArguments {
    @Option(help: ArgumentHelp(Said.help, valueName: "time")) var at: TimeArgument?

    func validate() throws {
        if let refusal = at?.refusal(option: "--at") { throw ValidationError(refusal) }
    }

    /// The time given, or now.
    func instant(_ env: Environment) throws -> Date {
        try at?.instant(option: "--at") ?? env.now
    }
}

/// `--limit N`: at most this many, 100 unless told; 0 for all.
struct LimitOption: ParsableArguments {
    @Option(parsing: .unconditional, help: "At most this many (default 100; 0 for all).") var limit = 100

    func validate() throws {
        try NumberArguments.count(limit, option: "--limit", zeroMeans: Catalog.Commands.Typed.zeroForAll)
    }

    /// The limit of a query: nil for all.
    var count: Int? { limit == 0 ? nil : limit }
}

/// `--cause` and `--solution`: what closing a ticket, a fault or a task records, both required.
struct ClosingOptions: ParsableArguments {
    @Option(help: "Root-cause analysis (问题原因分析).") var cause: String
    @Option(help: "Solution description (解决方案说明).") var solution: String
}
