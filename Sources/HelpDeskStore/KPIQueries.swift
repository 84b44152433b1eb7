import Foundation
import GRDB
import HelpDeskCore

extension AppDatabase {
    /// Gathers the counts behind the service-level figures of `period`, as known at `now`.
    ///
    /// An item whose deadline falls in the period counts once its outcome is known: its rule event
    /// happened (in time or late), or the deadline passed without it (missed). Items still within
    /// their deadline are not counted yet.
    ///
    /// Read from the daily summaries (`kpi_due_day`, `kpi_closed_day`): at most one row per day, kind
    /// and level. Only today's items still awaiting their rule event are read one by one: whether
    /// their deadline has passed depends on `now`.
    public func kpiCounts(_ period: Period, now: Date) throws -> KPICounts {
        try writer.read { db in try Self.kpiCounts(db, period, now: now) }
    }

    /// The Beijing day of an instant, as the summaries number days: `(seconds + 28800) / 86400`.
    static func summaryDay(_ instant: Date) -> Int64 {
        let s = instant.dbSeconds + 28_800
        return s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
    }

    static func kpiCounts(_ db: Database, _ period: Period, now: Date) throws -> KPICounts {
        let (start, end) = period.interval
        let first = summaryDay(start), last = summaryDay(end) - 1
        let today = summaryDay(now), n = now.dbSeconds
        let todayStart = (today * 86_400 - 28_800)
        // Per kind and level: rule events met in time, and outcomes known (before today every item
        // due is decided; after today only those whose rule event came; today those too, and those
        // whose deadline has passed, counted below).
        var met: [String: [Int: Int]] = [:], decided: [String: [Int: Int]] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT kind, level, sum(met), sum(CASE WHEN day < ? THEN due ELSE event END)
            FROM kpi_due_day WHERE day >= ? AND day <= ? GROUP BY kind, level
            """), arguments: [today, first, last]) {
            met[row[0], default: [:]][row[1]] = row[2]
            decided[row[0], default: [:]][row[1]] = row[3]
        }
        if today >= first && today <= last {
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT kind, coalesce(level, 0), count(*) FROM item INDEXED BY item_kind_due
                WHERE kind IN (\(ItemKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")))
                  AND due_at >= ? AND due_at < ? AND rule_event_at IS NULL
                GROUP BY 1, 2
                """), arguments: [todayStart, n]) {
                decided[row[0], default: [:]][row[1], default: 0] += row[2] as Int
            }
        }
        func sum(_ table: [String: [Int: Int]], _ kinds: [ItemKind]) -> Int {
            kinds.reduce(0) { $0 + (table[$1.rawValue]?.values.reduce(0, +) ?? 0) }
        }
        var counts = KPICounts()
        // K1: each kind's rule event (ItemKind.ruleEvent): a general ticket's resolution, a special
        // case's first response.
        counts.caseMet = sum(met, [.general, .special])
        counts.caseDecided = sum(decided, [.general, .special])
        // K2: data-processing tasks due in the period.
        counts.tasksOnTime = sum(met, [.task])
        counts.tasksDue = sum(decided, [.task])
        // K3: change requests whose agreed due date falls in the period.
        counts.changesOnTime = sum(met, [.change])
        counts.changesDue = sum(decided, [.change])
        // K7: faults per level whose deadline falls in the period.
        for level in FaultLevel.allCases {
            if let m = met[ItemKind.fault.rawValue]?[level.rawValue] { counts.faultsOnTime[level] = m }
            if let d = decided[ItemKind.fault.rawValue]?[level.rawValue] { counts.faultsDecided[level] = d }
        }
        // K4 counts data-processing tasks completed in the period and those of them later marked
        // erroneous; K6 every kind closed in the period.
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT kind, sum(closed), sum(complete) FROM kpi_closed_day WHERE day >= ? AND day <= ? GROUP BY kind
            """), arguments: [first, last]) {
            let kind = try StoredRow(row, table: "kpi_closed_day", key: nil).code("kind", as: ItemKind.self)
            let closed: Int = row[1], complete: Int = row[2]
            if kind == .task { counts.tasksCompleted = closed }
            counts.closed += closed
            counts.closedComplete += complete
        }
        let (from, to) = (start.dbSeconds, end.dbSeconds)
        counts.tasksErroneous = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM task_error JOIN item ON item.id = task_error.item_id
            WHERE item.kind = 'task' AND item.closed_at >= ? AND item.closed_at < ?
            """), arguments: [from, to]) ?? 0
        // K5: deliveries made in the period, and those with a defect found within the defect
        // window after them (DeliveryRules.isErroneous).
        let delivered = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM defect WHERE defect.delivery_id = delivery.id
                AND defect.found_at >= delivery.delivered_at AND defect.found_at <= delivery.delivered_at + ?)), 0)
            FROM delivery WHERE delivered_at >= ? AND delivered_at < ?
            """), arguments: [Int64(DeliveryRules.defectWindow), from, to])
        counts.deliveries = delivered?[0] ?? 0
        counts.deliveriesDefective = delivered?[1] ?? 0
        return counts
    }
}

/// A period's figures, and who froze them if someone did.
public struct KPIReport: Equatable, Sendable {
    public var period: Period
    public var figures: [KPIFigure]
    public var frozenAt: Date?
    public var frozenBy: String?

    public var frozen: Bool { frozenAt != nil }
}

extension AppDatabase {
    /// The figures of `period`: as frozen, if a supervisor signed it off; computed at `now` otherwise.
    public func kpiReport(_ period: Period, now: Date) throws -> KPIReport {
        try read { db in
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM kpi_period WHERE period = ?", arguments: [period.description]) {
                let r = StoredRow(row, table: "kpi_period", key: "period")
                guard let stored = try r.optionalJSON("figures", as: [StoredFigure].self) else {
                    throw r.unreadable("figures", expected: "the frozen figures as JSON")
                }
                return KPIReport(period: period, figures: stored.map(\.figure), frozenAt: try r.instant("frozen_at"),
                                 frozenBy: try r.text("frozen_by"))
            }
            return KPIReport(period: period, figures: try Self.kpiCounts(db, period, now: now).figures)
        }
    }

    /// Signs off a period that has ended: its figures are stored and no longer change. Supervisors only.
    ///
    /// A month is frozen with its ISO weeks (those whose Thursday falls in it, `Period.isoWeeks`), so
    /// the report of a frozen month shows the weekly figures stored with it; a week frozen before is
    /// kept as it was. A month whose last week runs into the next month waits for that week's end.
    @discardableResult
    public func freeze(_ period: Period, _ ctx: Context) throws -> KPIReport {
        guard period.interval.end <= ctx.now else {
            throw StoreError.invalid(Catalog.Store.Figures.notEnded(period))
        }
        if let last = period.isoWeeks.last, last.interval.end > ctx.now {
            throw StoreError.invalid(Catalog.ReportWeeks.lastWeekNotEnded(period, week: last, end: BeijingTime.iso(last.interval.end)))
        }
        // Counted inside the write transaction: what is stored is what the database held when it froze.
        let figures = try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.freezeKPI))
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM kpi_period WHERE period = ?", arguments: [period.description]) == true {
                throw StoreError.invalid(Catalog.Store.Figures.alreadyFrozen(period))
            }
            let figures = try Self.kpiCounts(db, period, now: ctx.now).figures
            try Self.storeFrozen(db, period, figures, ctx)
            for week in period.isoWeeks
            where try Bool.fetchOne(db, sql: "SELECT 1 FROM kpi_period WHERE period = ?", arguments: [week.description]) != true {
                try Self.storeFrozen(db, week, try Self.kpiCounts(db, week, now: ctx.now).figures, ctx)
            }
            return figures
        }
        return KPIReport(period: period, figures: figures, frozenAt: ctx.now, frozenBy: ctx.actor)
    }

    /// Stores a period's figures as frozen by `ctx`'s actor, and says so in the settings' history.
    private static func storeFrozen(_ db: Database, _ period: Period, _ figures: [KPIFigure], _ ctx: Context) throws {
        let json = String(decoding: try JSONEncoder().encode(figures.map(StoredFigure.init)), as: UTF8.self)
        try db.execute(sql: "INSERT INTO kpi_period (period, frozen_at, frozen_by, figures) VALUES (?, ?, ?, ?)",
                       arguments: [period.description, ctx.now.dbSeconds, ctx.actor, json])
        try recordSetting(db, ctx, "KPI period \(period) frozen")
    }
}

/// A frozen figure as `kpi_period.figures` stores it (JSON).
///
/// An id or a comparison this program does not know fails to decode: the period is not read
/// rather than read wrong.
struct StoredFigure: Codable {
    let id: KPI
    let numerator: Int
    let denominator: Int
    let target: Double
    let comparison: KPIFigure.Comparison

    init(_ f: KPIFigure) {
        id = f.id
        numerator = f.numerator
        denominator = f.denominator
        target = f.target
        comparison = f.comparison
    }

    var figure: KPIFigure {
        KPIFigure(id: id, numerator: numerator, denominator: denominator, target: target, comparison: comparison)
    }
}
