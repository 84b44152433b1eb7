import Foundation
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

/// The holiday files as shipped in the source tree: the source of the compiled-in schedule.
private let holidayFiles: [URL] = {
    let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/HelpDeskStore/Resources/holidays")
    let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
    return files.filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
}()

/// A year's line of `BundledHolidays.swift`, as it should read.
private func compactLine(_ year: HolidayYear) -> String {
    let days = year.days.sorted { $0.key < $1.key }.map { date, day in
        String(format: "%02d%02d", date.month, date.day) + (day.isOffDay ? "+" : "-") + day.name
    }
    return "        (\(year.year), \"\(days.joined(separator: " "))\"),"
}

@Suite("The bundled holiday schedule")
struct BundledCalendarTests {
    /// Every file is read by the strict reader that `calendar import` uses, and the schedule
    /// compiled in is exactly the files: a malformed or changed year fails here, with the lines
    /// `BundledHolidays.swift` should hold.
    @Test func theCompiledScheduleIsTheFilesReadStrictly() throws {
        #expect(holidayFiles.count >= 23)
        var parsed: [HolidayYear] = []
        for file in holidayFiles {
            do { parsed.append(try HolidayYear.parse(json: Data(contentsOf: file))) } catch {
                Issue.record("bundled holiday file \(file.lastPathComponent): \(error)")
            }
        }
        let compiled = BundledCalendar.years()
        #expect(compiled.map(\.year) == parsed.map(\.year))
        if compiled != parsed {
            let lines = parsed.map(compactLine).joined(separator: "\n")
            Issue.record("BundledHolidays.swift is not the holiday files; its list should read:\n\(lines)")
        }
        // No name holds the separator of the compact form.
        #expect(parsed.allSatisfy { $0.days.values.allSatisfy { !$0.name.contains(" ") } })
    }

    /// A bundled year spoiled (a make-up working day moved onto a weekday) is refused by that reader.
    @Test func aSpoiledYearIsRefused() throws {
        let file = try #require(holidayFiles.first { $0.lastPathComponent == "2025.json" })
        let text = try String(contentsOf: file, encoding: .utf8)
        // 2025-01-26 (a Sunday) is a make-up working day; 2025-01-27 is a Monday.
        #expect(text.contains("\"date\": \"2025-01-26\", \"isOffDay\": false"))
        let spoiled = text.replacingOccurrences(of: "\"date\": \"2025-01-26\", \"isOffDay\": false",
                                                with: "\"date\": \"2025-01-27\", \"isOffDay\": false")
        #expect(throws: HolidayYear.InvalidFile.self) { try HolidayYear.parse(json: Data(spoiled.utf8)) }
    }

    /// The calendar every rule uses holds the bundled years and names them in its version.
    @Test func theCalendarHoldsTheBundledYears() throws {
        let db = try AppDatabase.inMemory()
        let calendar = try db.calendar()
        #expect(calendar.version.hasPrefix("cn-holidays 2004-2026 r0"))
        #expect(calendar.years.count == holidayFiles.count)
        let national = try #require(CivilDate(year: 2025, month: 10, day: 1))
        #expect(calendar.years[2025]?.days[national] == ScheduledDay(name: "国庆节", isOffDay: true))
    }
}
