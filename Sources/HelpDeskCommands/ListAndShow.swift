import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

/// What a `list` subcommand reads: its own options (beyond the global ones), and the query and
/// table they make.
protocol ListQuery: ParsableArguments {
    func list(in env: Environment) throws
}

/// Something the command line lists: `case list`, `delivery list`, `staff list`…
protocol Listed {
    associatedtype Query: ListQuery
    static var listAbstract: String { get }
}

/// Something the command line shows one of by its number: `case show 7`, `train show 721`…
protocol Shown {
    static var showAbstract: String { get }
    /// What the number names, for `--help`: "The ticket's number."
    static var idHelp: String { get }
    static func show(_ id: Int64, _ env: Environment) throws
}

/// `… list`: the one list command, for every kind listed.
struct ListSubcommand<Kind: Listed>: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: Kind.listAbstract) }
    @OptionGroup var global: GlobalOptions
    @OptionGroup var query: Kind.Query

    func run() throws {
        try query.list(in: try Environment(global))
    }
}

/// `… show ID`: the one show command, for every kind shown.
struct ShowSubcommand<Kind: Shown>: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: Kind.showAbstract) }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(Kind.idHelp)) var id: Int64

    func run() throws {
        try Kind.show(id, try Environment(global))
    }
}

// MARK: - Work items

/// What a kind of work item's `list` and `show` say and read.
struct ItemListing {
    let listAbstract: String
    let showAbstract: String
    /// What the number names, for `--help`.
    let idHelp: String
    /// The kinds listed and shown; empty: every kind.
    let kinds: Set<ItemKind>
    let layout: Listing.Layout
    /// What a number of another kind is refused as not being.
    let noun: LocalizedText
}

/// Work items, listed and shown through `Listing`, with the options only this kind's list has.
protocol ListedItems: Listed, Shown where Query == ItemQuery<Self> {
    associatedtype Narrowing: ItemNarrowing = NoNarrowing
    static var items: ItemListing { get }
}

/// Options only one kind's list has (`case list --kind`, `fault list --level`).
protocol ItemNarrowing: ParsableArguments {
    /// The kinds listed, of `kinds`.
    func kinds(_ kinds: Set<ItemKind>) -> Set<ItemKind>
    func narrow(_ filter: inout ItemFilter)
}

extension ItemNarrowing {
    func kinds(_ kinds: Set<ItemKind>) -> Set<ItemKind> { kinds }
    func narrow(_ filter: inout ItemFilter) {}
}

struct NoNarrowing: ItemNarrowing {}

/// A work-item list's options: the kind's own, then the filters every such list has.
struct ItemQuery<Kind: ListedItems>: ListQuery {
    @OptionGroup var only: Kind.Narrowing
    @OptionGroup var filters: ListOptions

    func list(in env: Environment) throws {
        var filter = try filters.filter(kinds: only.kinds(Kind.items.kinds), env)
        only.narrow(&filter)
        try Listing.run(env, filter, after: filters.after, layout: Kind.items.layout)
    }
}

extension ListedItems {
    static var listAbstract: String { items.listAbstract }
    static var showAbstract: String { items.showAbstract }
    static var idHelp: String { items.idHelp }

    static func show(_ id: Int64, _ env: Environment) throws {
        try Listing.show(env, id: id, expecting: items.kinds.isEmpty ? nil : items.kinds, noun: items.noun)
    }
}

/// `list` and `show`: work items of every kind.
enum EveryItem: ListedItems {
    static var items: ItemListing {
        ItemListing(listAbstract: HelpDesk.say(Catalog.Help.Items.Every.list),
                    showAbstract: HelpDesk.say(Catalog.Help.Items.Every.show),
                    idHelp: HelpDesk.say(Catalog.Help.Items.Every.id), kinds: [], layout: .mixed, noun: .anItem)
    }
}

/// `list`: every kind of work item, most urgent first.
typealias ListCommand = ListSubcommand<EveryItem>
/// `show ID`: one item of any kind, with its history.
typealias ShowCommand = ShowSubcommand<EveryItem>
