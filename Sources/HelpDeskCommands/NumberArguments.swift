import ArgumentParser
import Foundation
import HelpDeskCore

/// Numbers typed on the command line: counts (`--limit`, `--offset`, `--items`, `--days`) and item
/// numbers (`--case`, `--after`, `--delivery`, `<id>`).
///
/// Every numeric option is declared with `parsing: .unconditional`, so `--limit -1` hands `-1` to
/// the option (the argument parser would otherwise read it as an option's name and say the value is
/// missing), and the check here says what is wrong with it and what is accepted.
enum NumberArguments {
    /// A count: 0 or more (`zeroMeans`: what 0 asks for, e.g. "all"), or 1 or more when `least` is 1.
    static func count(_ value: Int, option: String, least: Int = 0, zeroMeans: LocalizedText? = nil) throws {
        guard value < least else { return }
        throw ValidationError(HelpDesk.say(Catalog.Commands.Typed.count(option, value, least: least, zeroMeans: zeroMeans)))
    }

    /// An item's number: 1 or more.
    static func id(_ value: Int64?, option: String) throws {
        guard let value, value < 1 else { return }
        throw ValidationError(HelpDesk.say(Catalog.Commands.Typed.itemNumber(option, "\(value)")))
    }

    /// Paging by `--offset` (a count) or by `--after` (an item's number), not both.
    static func paging(offset: Int, after: Int64?) throws {
        try count(offset, option: "--offset")
        try id(after, option: "--after")
        guard after == nil || offset == 0 else {
            throw ValidationError(HelpDesk.say(Catalog.Commands.Typed.offsetOrAfter))
        }
    }

    /// A negative number where an item's number (`<id>`) is read: the argument parser takes `-1` for
    /// an option's name and says the argument is missing. This says what was typed instead, or nil
    /// when the parser's complaint is about something else.
    static func negativePositional(_ parserMessage: String, arguments: [String]) -> String? {
        // `'<id> ...'` where several ids are taken.
        guard let range = parserMessage.range(of: #"Missing expected argument '<[^']*>( \.\.\.)?'"#, options: .regularExpression) else { return nil }
        let name = parserMessage[range].dropFirst("Missing expected argument '".count).dropLast()
            .replacingOccurrences(of: " ...", with: "")
        // A negative number not after an option's name (there it is that option's value).
        let before = Array(arguments.prefix(while: { $0 != "--" }))
        guard let typed = before.indices.first(where: { i in
            before[i].range(of: #"^-[0-9][0-9.]*$"#, options: .regularExpression) != nil
                && (i == 0 || !(before[i - 1].hasPrefix("-") && !before[i - 1].contains("=")))
        }).map({ before[$0] }) else { return nil }
        return HelpDesk.say(Catalog.Commands.Typed.itemNumber(String(name), typed))
    }
}
