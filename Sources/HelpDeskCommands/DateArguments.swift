import ArgumentParser
import Foundation
import HelpDeskCore

/// Why a date, month, week or due time typed for an option does not read: said naming the option.
enum ArgumentRefusal: Error, Equatable {
    /// Not the shape asked for, or outside 2000–2099.
    case time(TimeParseError)
    /// A due value that is neither a date nor a time with an offset.
    case neitherDateNorTime(String)

    func said(option: String) -> LocalizedText {
        switch self {
        case .time(let error): return Catalog.Commands.option(option, error.said)
        case .neitherDateNorTime(let text): return Catalog.Commands.neitherDateNorTime(option, text)
        }
    }
}

/// A value typed on the command line and read once, by the argument parser. A refusal is kept for
/// the command's (or its option group's) `validate()` to say, naming the option, in the operator's
/// language, before any database is opened: the parser's own words for a value it cannot read
/// would not say what is accepted.
protocol ReadArgument: ExpressibleByArgument {
    associatedtype Value
    var parsed: Result<Value, ArgumentRefusal> { get }
}

extension ReadArgument {
    /// The refusal of a value that does not read, naming `option`; nil for one that does.
    func refusal(option: String) -> String? {
        guard case .failure(let refusal) = parsed else { return nil }
        return HelpDesk.say(refusal.said(option: option))
    }

    /// The value. `validate()` refused one that does not read before any command ran; this refuses
    /// it again for a caller that never validated.
    func value(option: String) throws -> Value {
        switch parsed {
        case .success(let value): return value
        case .failure(let refusal): throw UsageError(refusal.said(option: option))
        }
    }

    /// Refuses, in `validate()`, a value given for `option` that does not read.
    static func validate(_ argument: Self?, option: String) throws {
        if let refusal = argument?.refusal(option: option) { throw ValidationError(refusal) }
    }
}

/// A date alone, `YYYY-MM-DD`, within 2000–2099: `--on`, `--effective`.
struct DateArgument: ReadArgument {
    let parsed: Result<CivilDate, ArgumentRefusal>

    init?(argument: String) {
        parsed = Result { () throws(TimeParseError) in try TimeInput.parseDate(argument) }.mapError(ArgumentRefusal.time)
    }
}

/// A month, `YYYY-MM`, written exactly so: `--month`.
struct MonthArgument: ReadArgument {
    let parsed: Result<Period, ArgumentRefusal>

    init?(argument: String) {
        parsed = Result { () throws(TimeParseError) in try TimeInput.parseMonth(argument) }.mapError(ArgumentRefusal.time)
    }
}

/// An ISO week, `YYYY-Www`, written exactly so: `--week`.
struct WeekArgument: ReadArgument {
    let parsed: Result<Period, ArgumentRefusal>

    init?(argument: String) {
        parsed = Result { () throws(TimeParseError) in try TimeInput.parseWeek(argument) }.mapError(ArgumentRefusal.time)
    }
}

/// When something is due, as typed: a time with an offset, or a date alone.
enum Due: Equatable {
    /// Close of business that day, by the database's business hours (`Environment.due`).
    case closeOfBusiness(CivilDate)
    case at(Date)
}

/// `--due TIME|DATE`: a time with an offset, or a date alone meaning close of business that day.
struct DueArgument: ReadArgument {
    let parsed: Result<Due, ArgumentRefusal>

    init?(argument: String) {
        parsed = Self.read(argument)
    }

    private static func read(_ text: String) -> Result<Due, ArgumentRefusal> {
        // The forms' reader, given no today: a date, or a time with its offset.
        switch LocalTimeInput.read(text, today: nil) {
        case .date(let date)?: return .success(.closeOfBusiness(date))
        case .instant(let at)?: return .success(.at(at))
        case nil: break
        }
        do throws(TimeParseError) { _ = try TimeInput.parseInstant(text); return .failure(.neitherDateNorTime(text)) } catch {
            return .failure(error.problem == .outsideSupportedTime ? .time(error) : .neitherDateNorTime(text))
        }
    }
}
