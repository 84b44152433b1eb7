import Foundation
import GRDB
import HelpDeskCore

/// The official holiday schedule that ships with the program, one holiday-cn JSON file a year.
public enum BundledCalendar {
    /// The years read from the bundled files, parsed once.
    public static func years() throws -> [HolidayYear] {
        try loaded.get()
    }

    private static let loaded: Result<[HolidayYear], Error> = Result {
        guard let folder = Bundle.module.url(forResource: "holidays", withExtension: nil) else {
            throw StoreError.invalid(en: "the bundled holiday schedule is missing from the installation", zh: "安装中缺少随附的节假日安排")
        }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { url in
            do { return try HolidayYear.parse(json: Data(contentsOf: url)) } catch {
                throw StoreError.invalid(en: "bundled holiday file \(url.lastPathComponent): \(error)", zh: "随附的节假日文件 \(url.lastPathComponent)：\(error)")
            }
        }
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
        for y in try BundledCalendar.years() { years[y.year] = y }
        let bundledRange = years.keys.min().map { "\($0)-\(years.keys.max()!)" } ?? "none"
        for row in try Row.fetchAll(db, sql: "SELECT year, days FROM calendar_year ORDER BY year") {
            let text = try StoredRow(row, table: "calendar_year", key: "year").text("days")
            let year = try HolidayYear.parse(json: Data(text.utf8))
            years[year.year] = year
        }
        let hours = try businessHours(db)
        let revision = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'calendar_revision'") ?? "0"
        let version = "cn-holidays \(bundledRange) r\(revision); hours \(hours)"
        return WorkCalendar(years: Array(years.values), hours: hours, version: version)
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
    public func importCalendar(_ year: HolidayYear, _ ctx: Context) throws {
        let (actor, now) = (ctx.actor, ctx.now)
        try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.editCalendar))
            try Self.recordSetting(db, ctx, "calendar year \(year.year) imported")
            try db.execute(sql: """
                INSERT INTO calendar_year (year, days, imported_at, imported_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (year) DO UPDATE SET days = excluded.days, imported_at = excluded.imported_at,
                    imported_by = excluded.imported_by
                """, arguments: [year.year, String(decoding: year.json(), as: UTF8.self), now.dbSeconds, actor])
            try Self.bumpCalendarRevision(db)
        }
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
