import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

extension CaseCommand {
    /// `case wait ID --reason TEXT`: waiting on the requester, the clock paused.
    struct Wait: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "wait", abstract: HelpDesk.say(Catalog.WaitingAndLinks.helpWait)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.WaitingAndLinks.helpReason))) var reason: String
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            _ = try env.database.pause(id, reason: reason, at: try when.instant(env), env.context)
            let remaining = try env.database.pauses(of: id).last?.remaining ?? 0
            print(Catalog.WaitingAndLinks.waitingUntil(id, remaining: remaining)(env.language))
        }
    }

    /// `case resume ID`: the clock runs again.
    struct Resume: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "resume", abstract: HelpDesk.say(Catalog.WaitingAndLinks.helpResume)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.id))) var id: Int64
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.resume(id, at: try when.instant(env), env.context)
            print(Catalog.WaitingAndLinks.resumedDue(id, due: item.dueAt!)(env.language))
        }
    }

    /// `case link ID OTHER`: two items related, any kinds.
    struct Link: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "link", abstract: HelpDesk.say(Catalog.WaitingAndLinks.helpLink)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.id))) var id: Int64
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.WaitingAndLinks.helpOther))) var other: Int64
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            try env.database.relate(id, other, at: try when.instant(env), env.context)
            print(Catalog.WaitingAndLinks.linkedPair(id, other)(env.language))
        }
    }

    /// `case unlink ID OTHER`.
    struct Unlink: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "unlink", abstract: HelpDesk.say(Catalog.WaitingAndLinks.helpUnlink)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.id))) var id: Int64
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.WaitingAndLinks.helpOther))) var other: Int64
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            try env.database.unrelate(id, other, at: try when.instant(env), env.context)
            print(Catalog.WaitingAndLinks.unlinkedPair(id, other)(env.language))
        }
    }

    /// `case merge ID --into OTHER`: a duplicate merged into the item that carries the work.
    struct Merge: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "merge", abstract: HelpDesk.say(Catalog.WaitingAndLinks.helpMerge)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.WaitingAndLinks.helpInto))) var into: Int64
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            _ = try env.database.merge(id, into: into, at: try when.instant(env), env.context)
            print(Catalog.WaitingAndLinks.mergedPair(id, into: into)(env.language))
        }
    }
}
