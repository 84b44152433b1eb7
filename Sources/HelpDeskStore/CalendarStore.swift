import Foundation
import GRDB
import HelpDeskCore

/// The official holiday schedule that ships with the program: the holiday-cn JSON files of
/// `Resources/holidays`, one a year, compiled in (`BundledHolidays.swift`) so that a command reads
/// no file for them when it starts.
public enum BundledCalendar {
    /// The bundled years, in order, made once.
    public static func years() -> [HolidayYear] { loaded }

    private static let loaded: [HolidayYear] = compact.map { decode(year: $0.year, $0.days) }

    /// A year from its compact line (`BundledHolidays.swift` says the form). The lines are made
    /// from the files checked strictly (the tests hold them equal); a line out of form is a
    /// broken build, and stops the program.
    static func decode(year: Int, _ line: String) -> HolidayYear {
        let bytes = Array(line.utf8)
        var days: [CivilDate: ScheduledDay] = [:]
        days.reserveCapacity(bytes.count / 12)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: " ") { end += 1 }
            let digits = bytes[start..<min(start + 4, end)].map { Int($0) - 48 }
            guard end - start > 5, digits.allSatisfy({ (0...9).contains($0) }),
                  let date = CivilDate(year: year, month: digits[0] * 10 + digits[1], day: digits[2] * 10 + digits[3]) else {
                fatalError("the bundled holiday schedule of \(year) is out of form at byte \(start)")
            }
            let name = String(decoding: bytes[(start + 5)..<end], as: UTF8.self)
            days[date] = ScheduledDay(name: name, isOffDay: bytes[start + 4] == UInt8(ascii: "+"))
            start = end + 1
        }
        return HolidayYear(year: year, days: days)
    }
}

extension AppDatabase {
    /// The calendar every rule uses: the bundled schedule, corrected by imported years, with the
    /// business hours configured in the database.
    public func calendar() throws -> WorkCalendar {
        try writer.read { db in try Self.calendar(db) }
    }

    static func calendar(_ db: Database) throws -> WorkCalendar {
        var years: [Int: HolidayYear] = [:]
        for y in BundledCalendar.years() { years[y.year] = y }
        var imported: [Int] = []
        for row in try Row.fetchAll(db, sql: "SELECT year, days FROM calendar_year ORDER BY year") {
            let text = try StoredRow(row, table: "calendar_year", key: "year").text("days")
            let year = try HolidayYear.parse(json: Data(text.utf8))
            years[year.year] = year
            imported.append(year.year)
        }
        let hours = try businessHours(db)
        let revision = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'calendar_revision'") ?? "0"
        // The version names the years the schedule holds and those imported into this database
        // (new or corrected), so a stored deadline says which calendar computed it.
        let held = years.keys.min().map { $0...years.keys.max()! }
        let version = CalendarVersion(years: held, imported: imported, revision: revision, hours: "\(hours)")
        return WorkCalendar(years: Array(years.values), hours: hours, version: version.text)
    }

    static func businessHours(_ db: Database) throws -> BusinessHours {
        guard let text = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'business_hours'") else {
            return .standard
        }
        return try BusinessHours(parsing: text)
    }

    /// Stores a year of the holiday schedule, replacing the bundled or earlier imported one.
    /// The year was validated when it was parsed; nothing is stored for an invalid file.
    /// Supervisors only.
    ///
    /// In the same transaction, the open CASE tickets whose deadline the calendar computed and that
    /// the new year changes get it computed again (general questions from their receipt, special
    /// cases from their confirmation, while their rule event has not happened): each with a
    /// `rescheduled` entry in its history holding the old and the new deadline. Returns their ids.
    /// Deadlines given by people (an assessed requirement, a task, a change) and fault deadlines
    /// (wall-clock hours) are not the calendar's and stay as they are.
    @discardableResult
    public func importCalendar(_ year: HolidayYear, _ ctx: Context) throws -> [Int64] {
        let (actor, now) = (ctx.actor, ctx.now)
        return try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.editCalendar))
            // A year without a single holiday would wipe the year's holidays and move deadlines: the
            // file reader refuses it, and so does the store whatever hands it the year.
            guard year.days.values.contains(where: \.isOffDay), SupportedTime.contains(year: year.year) else {
                throw StoreError.invalid(Catalog.Store.calendarYearRefused(year.year))
            }
            try Self.recordSetting(db, ctx, "calendar year \(year.year) imported")
            let before = try Self.calendar(db)
            try db.execute(sql: """
                INSERT INTO calendar_year (year, days, imported_at, imported_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (year) DO UPDATE SET days = excluded.days, imported_at = excluded.imported_at,
                    imported_by = excluded.imported_by
                """, arguments: [year.year, String(decoding: year.json(), as: UTF8.self), now.dbSeconds, actor])
            try Self.bumpCalendarRevision(db)
            return try Self.reschedule(db, from: before, after: year.year, ctx)
        }
    }

    /// Computes again the deadlines of open CASE tickets still held to them, with the calendar as
    /// it was (`previous`) and as it now stands, and writes those that the import changed, with
    /// their history. Only deadlines the import moves are touched: one that the two calendars give
    /// alike is left as stored (so business hours changed since never move it by themselves); one
    /// that moves is computed wholly with the calendar as it now stands.
    static func reschedule(_ db: Database, from previous: WorkCalendar, after year: Int, _ ctx: Context) throws -> [Int64] {
        let rules = DeadlineRules(calendar: try calendar(db)), old = DeadlineRules(calendar: previous)
        // Active items are the front of each kind's queue (queue_key below activeLimit).
        let open = try WorkItem.fetchAll(db, sql: """
            SELECT * FROM item INDEXED BY item_queue_kind
            WHERE kind IN ('general', 'special') AND queue_key < \(QueueQuery.activeLimit)
              AND status <> 'closed' AND rule_event_at IS NULL AND due_at IS NOT NULL
            """)
        var changed: [Int64] = []
        for before in open {
            let deadline: Deadline, was: Deadline
            switch before.kind {
            case .general:
                (deadline, was) = (rules.general(receivedAt: before.receivedAt), old.general(receivedAt: before.receivedAt))
            case .special:
                let confirmed = before.confirmedAt ?? before.receivedAt
                (deadline, was) = (rules.special(confirmedAt: confirmed), old.special(confirmedAt: confirmed))
            default: continue
            }
            guard deadline.due != was.due, deadline.due != before.dueAt else { continue }
            var after = before
            after.dueAt = deadline.due
            after.calendarVersion = deadline.calendarVersion
            after.version = before.version + 1
            after.updatedAt = ctx.now
            try after.update(db)
            let id = before.id!
            try record(db, id, at: ctx.now, ctx, event: .rescheduled, systemNote: .calendarImported(year: year))
            let stored = try before.databaseDictionary, now = try after.databaseDictionary
            for field in HistoryField.itemColumns where stored[field.rawValue] != now[field.rawValue] {
                try record(db, id, at: ctx.now, ctx, event: .rescheduled, field: field,
                           old: display(field, stored[field.rawValue]), new: display(field, now[field.rawValue]))
            }
            changed.append(id)
        }
        return changed
    }

    /// Sets the business hours of a working day for every deadline computed from now on.
    /// Supervisors only.
    public func setBusinessHours(_ hours: BusinessHours, _ ctx: Context) throws {
        try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.editCalendar))
            try Self.recordSetting(db, ctx, "business hours \(hours.description)")
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('business_hours', ?)",
                           arguments: [hours.description])
            try Self.bumpCalendarRevision(db)
        }
    }

    private static func bumpCalendarRevision(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO setting (key, value) VALUES ('calendar_revision', '1')
            ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
            """)
    }

    /// Years imported by an administrator, with who imported them and when.
    public func importedYears() throws -> [(year: Int, importedAt: Date, importedBy: String)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT year, imported_at, imported_by FROM calendar_year ORDER BY year").map {
                let r = StoredRow($0, table: "calendar_year", key: "year")
                return (try r.int("year"), try r.instant("imported_at"), try r.text("imported_by"))
            }
        }
    }
}
