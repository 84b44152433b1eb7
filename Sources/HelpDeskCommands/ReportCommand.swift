import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

private typealias MonthlyHelp = Catalog.Help.Reports.Monthly

/// `report --month YYYY-MM --format md|html|csv`: the monthly service report for the client.
struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "report", abstract: HelpDesk.say(MonthlyHelp.abstract),
        discussion: HelpDesk.say(MonthlyHelp.discussion)) }

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(HelpDesk.say(MonthlyHelp.month), valueName: "YYYY-MM")) var month: MonthArgument?
    @Option(help: ArgumentHelp(HelpDesk.say(MonthlyHelp.format), valueName: "format")) var format: String?

    func validate() throws { try MonthArgument.validate(month, option: "--month") }

    /// The month and the format asked for, or what was wrong with them.
    func request() throws -> (Period, ReportFormat) {
        guard let month else {
            throw UsageError(Catalog.Reports.monthMissing)
        }
        let period = try month.value(option: "--month")
        let accepted = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
        guard let format else {
            throw UsageError(Catalog.Reports.formatMissing(accepted))
        }
        guard let chosen = ReportFormat(rawValue: format.lowercased()) else {
            throw UsageError(Catalog.Reports.notAFormat(format, accepted: accepted))
        }
        return (period, chosen)
    }

    func run() throws {
        let (period, format) = try request()
        let env = try Environment(global)
        let data = try env.database.serviceReport(period, now: env.now)
        // For the client: Chinese unless English is asked for by name, whatever the host's locale.
        let text = try ServiceReportRendering.render(data, format: format, global.lang ?? .zh)
        Output.standardOutput(text)
    }
}
