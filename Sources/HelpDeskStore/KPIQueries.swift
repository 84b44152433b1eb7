import Foundation
import GRDB
import HelpDeskCore

extension AppDatabase {
    /// Gathers the counts behind the service-level figures of `period`, as known at `now`.
    ///
    /// An item whose deadline falls in the period counts once its outcome is known: its rule event
    /// happened (in time or late), or the deadline passed without it (missed). Items still within
    /// their deadline are not counted yet.
    public func kpiCounts(_ period: Period, now: Date) throws -> KPICounts {
        try writer.read { db in try Self.kpiCounts(db, period, now: now) }
    }

    static func kpiCounts(_ db: Database, _ period: Period, now: Date) throws -> KPICounts {
        let (start, end) = period.interval
        let s = start.dbSeconds, e = end.dbSeconds, n = now.dbSeconds
        var counts = KPICounts()
        // K1: each kind's rule event (ItemKind.ruleEvent): a general ticket's resolution, a special
        // case's first response.
        if let row = try Row.fetchOne(db, sql: """
            SELECT coalesce(sum(ev IS NOT NULL AND ev <= due_at), 0) AS met,
                   coalesce(sum(ev IS NOT NULL OR due_at < ?), 0) AS decided
            FROM (SELECT due_at, \(ruleEventSQL) AS ev
                  FROM item WHERE kind IN ('general', 'special') AND due_at >= ? AND due_at < ?)
            """, arguments: [n, s, e]) {
            counts.caseMet = row["met"]
            counts.caseDecided = row["decided"]
        }
        // K2: data-processing tasks due in the period.
        if let row = try Row.fetchOne(db, sql: """
            SELECT coalesce(sum(ev IS NOT NULL AND ev <= due_at), 0) AS met,
                   coalesce(sum(ev IS NOT NULL OR due_at < ?), 0) AS decided
            FROM (SELECT due_at, \(column(ItemKind.task.ruleEvent)) AS ev FROM item WHERE kind = 'task' AND due_at >= ? AND due_at < ?)
            """, arguments: [n, s, e]) {
            counts.tasksOnTime = row["met"]
            counts.tasksDue = row["decided"]
        }
        // K3: change requests whose agreed due date falls in the period.
        if let row = try Row.fetchOne(db, sql: """
            SELECT coalesce(sum(ev IS NOT NULL AND ev <= due_at), 0) AS met,
                   coalesce(sum(ev IS NOT NULL OR due_at < ?), 0) AS decided
            FROM (SELECT due_at, \(column(ItemKind.change.ruleEvent)) AS ev FROM item WHERE kind = 'change' AND due_at >= ? AND due_at < ?)
            """, arguments: [n, s, e]) {
            counts.changesOnTime = row["met"]
            counts.changesDue = row["decided"]
        }
        // K4 and K5 count data-processing tasks completed and deliveries made in the period.
        // Marking a task erroneous and linking a defect to a delivery arrive with those services.
        counts.tasksCompleted = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM item WHERE kind = 'task' AND closed_at >= ? AND closed_at < ?
            """, arguments: [s, e]) ?? 0
        counts.deliveries = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM item WHERE kind = 'delivery' AND closed_at >= ? AND closed_at < ?
            """, arguments: [s, e]) ?? 0
        // K6: every kind closed in the period, per kind so each uses its index.
        for kind in ItemKind.allCases {
            if let row = try Row.fetchOne(db, sql: """
                SELECT count(*) AS closed,
                       coalesce(sum(length(trim(coalesce(cause, ''))) > 0 AND length(trim(coalesce(solution, ''))) > 0), 0) AS complete
                FROM item WHERE kind = ? AND closed_at >= ? AND closed_at < ?
                """, arguments: [kind.rawValue, s, e]) {
                counts.closed += row["closed"] as Int
                counts.closedComplete += row["complete"] as Int
            }
        }
        // K7: faults per level whose deadline falls in the period.
        for row in try Row.fetchAll(db, sql: """
            SELECT level, coalesce(sum(ev IS NOT NULL AND ev <= due_at), 0) AS met,
                   coalesce(sum(ev IS NOT NULL OR due_at < ?), 0) AS decided
            FROM (SELECT level, due_at, \(column(ItemKind.fault.ruleEvent)) AS ev
                  FROM item WHERE kind = 'fault' AND due_at >= ? AND due_at < ?) GROUP BY level
            """, arguments: [n, s, e]) {
            guard let level = FaultLevel(rawValue: row["level"]) else { continue }
            counts.faultsOnTime[level] = row["met"]
            counts.faultsDecided[level] = row["decided"]
        }
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
                let stored = try JSONDecoder().decode([StoredFigure].self, from: Data((row["figures"] as String).utf8))
                return KPIReport(period: period, figures: stored.map(\.figure), frozenAt: row.date("frozen_at"), frozenBy: row["frozen_by"])
            }
            return KPIReport(period: period, figures: try Self.kpiCounts(db, period, now: now).figures)
        }
    }

    /// Signs off a period that has ended: its figures are stored and no longer change. Supervisors only.
    @discardableResult
    public func freeze(_ period: Period, _ ctx: Context) throws -> KPIReport {
        guard period.interval.end <= ctx.now else {
            throw StoreError.invalid(en: "\(period) has not ended yet (it ends \(BeijingTime.iso(period.interval.end))); its figures can still change",
                                     zh: "\(period) 尚未结束（\(BeijingTime.iso(period.interval.end)) 结束）；其指标仍可能变化")
        }
        // Counted inside the write transaction: what is stored is what the database held when it froze.
        let figures = try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.freezeKPI))
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM kpi_period WHERE period = ?", arguments: [period.description]) == true {
                throw StoreError.invalid(en: "\(period) is already frozen", zh: "\(period) 已冻结")
            }
            let figures = try Self.kpiCounts(db, period, now: ctx.now).figures
            let json = String(decoding: try JSONEncoder().encode(figures.map(StoredFigure.init)), as: UTF8.self)
            try db.execute(sql: "INSERT INTO kpi_period (period, frozen_at, frozen_by, figures) VALUES (?, ?, ?, ?)",
                           arguments: [period.description, ctx.now.dbSeconds, ctx.actor, json])
            try Self.recordSetting(db, ctx, "KPI period \(period) frozen")
            return figures
        }
        return KPIReport(period: period, figures: figures, frozenAt: ctx.now, frozenBy: ctx.actor)
    }
}

struct StoredFigure: Codable {
    let id: String
    let numerator: Int
    let denominator: Int
    let target: Double
    let comparison: String

    init(_ f: KPIFigure) {
        id = f.id
        numerator = f.numerator
        denominator = f.denominator
        target = f.target
        comparison = f.comparison.rawValue
    }

    var figure: KPIFigure {
        KPIFigure(id: id, numerator: numerator, denominator: denominator, target: target,
                  comparison: KPIFigure.Comparison(rawValue: comparison) ?? .atLeast)
    }
}
