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
    enum Unsaid: WhenHelp { static var help: String { HelpDesk.say(Catalog.Help.Items.When.unsaid) } }
    enum Received: WhenHelp { static var help: String { HelpDesk.say(Catalog.Help.Items.When.received) } }
    enum Reported: WhenHelp { static var help: String { HelpDesk.say(Catalog.Help.Items.When.reported) } }
    enum TakenIn: WhenHelp { static var help: String { HelpDesk.say(Catalog.Help.Items.When.takenIn) } }
    enum Agreed: WhenHelp { static var help: String { HelpDesk.say(Catalog.Help.Items.When.agreed) } }
    enum Found: WhenHelp { static var help: String { HelpDesk.say(Catalog.Help.Items.When.found) } }
    enum Done: WhenHelp { static var help: String { HelpDesk.say(Catalog.Help.Items.When.done) } }
    enum Recorded: WhenHelp { static var help: String { HelpDesk.say(Catalog.Help.Items.When.recorded) } }
    enum Made: WhenHelp { static var help: String { HelpDesk.say(Catalog.Help.Items.When.made) } }
    enum ClockStarts: WhenHelp { static var help: String { HelpDesk.say(Catalog.Help.Items.When.clockStarts) } }
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
    @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.limit))) var limit = 100

    func validate() throws {
        try NumberArguments.count(limit, option: "--limit", zeroMeans: Catalog.Commands.Typed.zeroForAll)
    }

    /// The limit of a query: nil for all.
    var count: Int? { limit == 0 ? nil : limit }
}

/// `--cause` and `--solution`: what closing a ticket, a fault or a task records, both required.
struct ClosingOptions: ParsableArguments {
    @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.cause))) var cause: String
    @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.solution))) var solution: String
}
