import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

extension CaseCommand {
    /// `case notices ID --off|--on`: whether a ticket's requesters are sent notices.
    struct Notices: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "notices", abstract: HelpDesk.say(Catalog.RequesterNotices.Help.notices))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.id))) var id: Int64
        @Flag(help: ArgumentHelp(HelpDesk.say(Catalog.RequesterNotices.Help.off))) var off = false
        @Flag(help: ArgumentHelp(HelpDesk.say(Catalog.RequesterNotices.Help.on))) var on = false

        func run() throws {
            let env = try Environment(global)
            guard off != on else { throw UsageError(Catalog.RequesterNotices.onOrOff) }
            try env.database.setRequesterNotices(id, off: off, env.context)
            print(Catalog.RequesterNotices.done(id, off: off)(env.language))
        }
    }
}

/// `--notices on|off` of `requester edit`.
enum NoticesSwitch: String, ExpressibleByArgument, CaseIterable {
    case on, off
}
