import Foundation
import HelpDeskCore

/// The shipped holiday schedule, read from the source tree, and helpers to write times shortly.
enum Fixtures {
    static let holidaysFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/HelpDeskStore/Resources/holidays")

    static let years: [HolidayYear] = {
        let files = try! FileManager.default.contentsOfDirectory(at: holidaysFolder, includingPropertiesForKeys: nil)
        return files.filter { $0.pathExtension == "json" }.map { try! HolidayYear.parse(json: Data(contentsOf: $0)) }
    }()

    static func calendar(hours: BusinessHours = .standard) -> WorkCalendar {
        WorkCalendar(years: years, hours: hours, version: "test")
    }

    static let rules = DeadlineRules(calendar: calendar())
}

/// `t("2021-11-23T15:00:00+08:00")`
func t(_ text: String) -> Date { try! TimeInput.parseInstant(text) }

func d(_ text: String) -> CivilDate { CivilDate(isoAnyYear: text)! }

func iso(_ date: Date) -> String { BeijingTime.iso(date) }
