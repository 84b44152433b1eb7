import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore
import HelpDeskDemo

/// `demo`: fills a database with realistic demo data.
struct DemoCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "demo", abstract: HelpDesk.say(Catalog.Help.Items.Demo.abstract)) }
    @OptionGroup var global: GlobalOptions
    @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Demo.items))) var items = 600
    @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Demo.days))) var days = 120
    @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Demo.seed))) var seed: UInt64 = 20_211_123

    func validate() throws {
        try NumberArguments.count(items, option: "--items", least: 1)
        try NumberArguments.count(days, option: "--days", least: 1)
    }

    func run() throws {
        let env = try Environment(global)
        let start = Date()
        try env.database.fillDemo(DemoData(seed: seed), items: items, days: days, env.context)
        let seconds = Date().timeIntervalSince(start)
        Output.standardError(HelpDesk.say(Catalog.Items.demoWritten(items, seconds: String(format: "%.1f", seconds))) + "\n")
    }
}

/// What `helpdesk` shows without a subcommand until the console opens: the CASE queue and the fault board.
enum Overview {
    static func print(_ env: Environment) throws {
        let t = Strings(env.language)
        Output.standardOutput("== \(t(.caseQueue)) ==\n")
        let cases = try env.database.items(ItemFilter(kinds: ItemFilter.cases, activeOnly: true, limit: 20))
        Output.standardOutput(Listing.table(cases, layout: .cases, now: env.now, lang: env.language) + "\n")
        Output.standardOutput("\n== \(t(.faultBoard)) ==\n")
        let faults = try env.database.items(ItemFilter(kinds: [.fault], activeOnly: true, limit: 20))
        Output.standardOutput(Listing.table(faults, layout: .faults, now: env.now, lang: env.language) + "\n")
    }
}
