import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

/// What `case wait`, `resume` and `unlink` share: the global options, the item's
/// number, when it happened; `run` opens the store, makes the write and prints what it says.
struct WaitingTarget: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.id))) var id: Int64
    @OptionGroup var when: WhenOption<Happened.Unsaid>

    func run(_ write: (Environment, Int64, Date) throws -> LocalizedText) throws {
        let env = try Environment(global)
        print(try write(env, id, try when.instant(env))(env.language))
    }
}

/// `case unlink`: the item and the other one.
struct RelationPair: ParsableArguments {
    @OptionGroup var target: WaitingTarget
    @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.WaitingAndLinks.helpOther))) var other: Int64

    func run(_ write: (AppDatabase, Int64, Int64, Date, Context) throws -> Void, saying: (Int64, Int64) -> LocalizedText) throws {
        try target.run { env, id, at in
            try write(env.database, id, other, at, env.context)
            return saying(id, other)
        }
    }
}

extension CaseCommand {
    /// `case wait ID --reason TEXT`: waiting on the requester, the clock paused.
    struct Wait: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "wait", abstract: HelpDesk.say(Catalog.WaitingAndLinks.helpWait)) }
        @OptionGroup var target: WaitingTarget
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.WaitingAndLinks.helpReason))) var reason: String
        func run() throws {
            try target.run { env, id, at in
                _ = try env.database.pause(id, reason: reason, at: at, env.context)
                let remaining = try env.database.pauses(of: id).last?.remaining ?? 0
                return Catalog.WaitingAndLinks.waitingUntil(id, remaining: remaining)
            }
        }
    }

    /// `case resume ID`: the clock runs again.
    struct Resume: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "resume", abstract: HelpDesk.say(Catalog.WaitingAndLinks.helpResume)) }
        @OptionGroup var target: WaitingTarget
        func run() throws {
            try target.run { env, id, at in
                Catalog.WaitingAndLinks.resumedDue(id, due: try env.database.resume(id, at: at, env.context).dueAt!)
            }
        }
    }

    /// `case link ID… OTHER`: items related to another, any kinds.
    struct Link: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "link", abstract: HelpDesk.say(Catalog.WaitingAndLinks.helpLink)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Marks.idsAndOtherHelp), valueName: "id… other")) var values: [String]
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func validate() throws { _ = try SeveralIds.split(values, last: "<other>") }
        func run() throws {
            let (ids, typed) = try SeveralIds.split(values, last: "<other>")
            guard let other = Int64(typed), other >= 1 else { throw UsageError(Catalog.Commands.Typed.itemNumber("<other>", typed)) }
            let env = try Environment(global)
            let at = try when.instant(env)
            try SeveralIds.run(ids, env) { id in
                try env.database.relate(id, other, at: at, env.context)
                return Catalog.WaitingAndLinks.linkedPair(id, other)(env.language)
            }
        }
    }

    /// `case unlink ID OTHER`.
    struct Unlink: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "unlink", abstract: HelpDesk.say(Catalog.WaitingAndLinks.helpUnlink)) }
        @OptionGroup var pair: RelationPair
        func run() throws {
            try pair.run({ try $0.unrelate($1, $2, at: $3, $4) }, saying: Catalog.WaitingAndLinks.unlinkedPair)
        }
    }

    /// `case merge ID… --into OTHER`: duplicates merged into the item that carries the work.
    struct Merge: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "merge", abstract: HelpDesk.say(Catalog.WaitingAndLinks.helpMerge)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Marks.idsHelp), valueName: "id")) var ids: [Int64]
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.WaitingAndLinks.helpInto))) var into: Int64
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let at = try when.instant(env)
            try SeveralIds.run(ids, env) { id in
                _ = try env.database.merge(id, into: into, at: at, env.context)
                return Catalog.WaitingAndLinks.mergedPair(id, into: into)(env.language)
            }
        }
    }
}
