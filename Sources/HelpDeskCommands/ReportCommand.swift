import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

/// `report --month YYYY-MM --format md|html|csv`: the monthly service report for the client.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The monthly service report 运维服务月报, on standard output.",
        discussion: """
            Figures K1–K7 against their targets (as frozen, for a frozen month), the items each figure \
            missed with their causes, faults by level and region, deliveries and defects of the month. \
            In Chinese, whatever the locale, unless --lang en is given: it is written for the client.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The month, e.g. 2021-12.", valueName: "YYYY-MM")) var month: String?
    @Option(help: ArgumentHelp("md (Markdown), html (a standalone page that prints on A4) or csv.", valueName: "format")) var format: String?

    /// The month and the format asked for, or what was wrong with them.
    func request() throws -> (Period, ReportFormat) {
        guard let month else {
            throw UsageError(en: "name the month: --month YYYY-MM, e.g. 2021-12", zh: "请指明月份：--month YYYY-MM，例如 2021-12")
        }
        let period: Period
        do { period = try TimeInput.parseMonth(month) } catch {
            throw UsageError(en: "--month: \(error.text(.en))", zh: "--month：\(error.text(.zh))")
        }
        let accepted = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
        guard let format else {
            throw UsageError(en: "name the format: --format \(accepted)", zh: "请指明格式：--format \(accepted)")
        }
        guard let chosen = ReportFormat(rawValue: format.lowercased()) else {
            throw UsageError(en: "--format: '\(format)' is not a report format; accepted: \(accepted)", zh: "--format：'\(format)' 不是报告格式；可接受：\(accepted)")
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
