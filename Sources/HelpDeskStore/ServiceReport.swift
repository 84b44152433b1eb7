import Foundation
import GRDB
import HelpDeskCore

/// What the monthly service report (`helpdesk report`) shows, gathered in one read: the figures,
/// the items each figure missed, the faults of the month, the deliveries, the defects and the trainings.
public struct ServiceReportData: Equatable, Sendable {
    /// The items one figure missed, the first `shown` of `total`.
    public struct Missed: Equatable, Sendable {
        public var figure: KPI
        public var items: [KPIEntry]
        public var total: Int
    }

    /// Faults reported in the month, counted per level or per region.
    public struct FaultCount: Equatable, Sendable {
        /// Reported in the month.
        public var reported = 0
        /// Restored by the deadline.
        public var restoredInTime = 0
        /// Restored after the deadline.
        public var restoredLate = 0
        /// Not restored yet.
        public var open = 0

        public init(reported: Int = 0, restoredInTime: Int = 0, restoredLate: Int = 0, open: Int = 0) {
            self.reported = reported
            self.restoredInTime = restoredInTime
            self.restoredLate = restoredLate
            self.open = open
        }
    }

    /// A delivery made in the month with the changes it carried.
    public struct DeliveryEntry: Equatable, Sendable {
        public var delivery: Delivery
        public var changes: [(id: Int64, title: String)]

        public static func == (a: DeliveryEntry, b: DeliveryEntry) -> Bool {
            a.delivery == b.delivery && a.changes.map(\.id) == b.changes.map(\.id) && a.changes.map(\.title) == b.changes.map(\.title)
        }
    }

    /// A defect found in the month, with its delivery and how many days after it it was found.
    public struct DefectEntry: Equatable, Sendable {
        public var defect: Defect
        public var deliveryLabel: String
        public var deliveredAt: Date
        /// Whole days from the delivery to the finding (day 0: the same 24 hours).
        public var daysAfterDelivery: Int
        /// Found within 30 days: counts against K5 for the delivery's month.
        public var withinThirtyDays: Bool
    }

    /// A training session held in the month: audience, topic, day, attendance, average score, steps done.
    public struct TrainingEntry: Equatable, Sendable {
        public var id: Int64
        public var type: TrainingType
        public var topic: String
        public var heldOn: CivilDate
        public var attendance: Int
        /// `nil` without scores.
        public var averageScore: Double?
        /// Of the seven.
        public var stepsDone: Int
    }

    public var period: Period
    public var generatedAt: Date
    public var kpi: KPIReport
    /// The month's ISO weeks (`Period.isoWeeks`), each with its figures: stored for a frozen week,
    /// computed at `generatedAt` otherwise. The report shows their K2, the contract's weekly figure.
    public var weeks: [KPIReport] = []
    public var missed: [Missed]
    public var faultsByLevel: [FaultLevel: FaultCount]
    public var faultsByRegion: [Region: FaultCount]
    public var deliveries: [DeliveryEntry]
    public var defects: [DefectEntry]
    /// The trainings held in the month, by day.
    public var trainings: [TrainingEntry] = []
    /// The inspections made in the month, latest first.
    public var inspections: [InspectionSummary] = []
    /// The corrections of kind or received time made in the month, in the order made.
    public var corrections: [DeadlineCorrection] = []
    /// The pauses of items waiting on their requester that fall in the month (begun before its end,
    /// not ended before its start), by item.
    public var pauses: [ItemPause] = []
}

extension AppDatabase {
    /// The data of the monthly service report of `month` as known at `now`. Frozen months keep
    /// their stored figures; the missed items are listed as the items stand now. At most
    /// `missedLimit` missed items per figure are kept (the total is counted).
    public func serviceReport(_ month: Period, now: Date, missedLimit: Int = 50) throws -> ServiceReportData {
        guard case .month = month else {
            throw StoreError.invalid(Catalog.Store.Figures.reportIsMonthly(month))
        }
        let kpi = try kpiReport(month, now: now)
        // The missed items come first in the drill-down's pages; how many there are, the figures
        // as they stand now say (a frozen month's stored figures may have been counted earlier).
        let current = try kpiCounts(month, now: now).figures
        var missed: [ServiceReportData.Missed] = []
        for figure in current {
            let total = figure.id == .k4 || figure.id == .k5 ? figure.numerator : figure.denominator - figure.numerator
            let items = total == 0 ? [] : try kpiItems(figure.id, month, now: now, limit: max(0, missedLimit), missedOnly: true)
                .entries.filter { $0.met == false }
            missed.append(.init(figure: figure.id, items: items, total: total))
        }
        let weeks = try month.isoWeeks.map { try kpiReport($0, now: now) }
        let (start, end) = month.interval
        return try read { db in
            // Faults reported in the month, from their daily summary (`fault_day`).
            var byLevel: [FaultLevel: ServiceReportData.FaultCount] = [:]
            var byRegion: [Region: ServiceReportData.FaultCount] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT level, region, sum(reported) AS reported, sum(restored) AS restored, sum(in_time) AS in_time
                FROM fault_day WHERE day >= ? AND day < ? GROUP BY level, region
                """, arguments: [Self.summaryDay(start), Self.summaryDay(end)])
            for row in rows {
                let r = StoredRow(row, table: "fault_day")
                let level: FaultLevel = try r.code("level"), region: Region = try r.code("region")
                let reported = try r.integer("reported"), restored = try r.integer("restored"), inTime = try r.integer("in_time")
                func add(_ c: inout ServiceReportData.FaultCount) {
                    c.reported += Int(reported)
                    c.restoredInTime += Int(inTime)
                    c.restoredLate += Int(restored - inTime)
                    c.open += Int(reported - restored)
                }
                add(&byLevel[level, default: .init()])
                add(&byRegion[region, default: .init()])
            }

            let deliveries = try Row.fetchAll(db, sql: """
                SELECT * FROM delivery INDEXED BY delivery_at WHERE delivered_at >= ? AND delivered_at < ?
                ORDER BY delivered_at, id
                """, arguments: [start.dbSeconds, end.dbSeconds]).map(Self.delivery)
            let entries = try deliveries.map { d in
                let changes = try Row.fetchAll(db, sql: """
                    SELECT item.id, item.title FROM change_request JOIN item ON item.id = change_request.item_id
                    WHERE change_request.delivery_id = ? ORDER BY item.id
                    """, arguments: [d.id]).map { row in
                    let r = StoredRow(row, table: "item")
                    return (id: try r.integer("id"), title: try r.text("title"))
                }
                return ServiceReportData.DeliveryEntry(delivery: d, changes: changes)
            }

            // Defects are few (a handful a month): the table is read whole, without an index on found_at.
            let defectRows = try Row.fetchAll(db, sql: """
                SELECT defect.*, delivery.label AS delivery_label, delivery.delivered_at AS delivery_at
                FROM defect JOIN delivery ON delivery.id = defect.delivery_id
                WHERE defect.found_at >= ? AND defect.found_at < ? ORDER BY defect.found_at, defect.id
                """, arguments: [start.dbSeconds, end.dbSeconds])
            let defects = try defectRows.map { row in
                let r = StoredRow(row, table: "defect")
                let defect = Defect(id: try r.integer("id"), deliveryId: try r.integer("delivery_id"), title: try r.text("title"),
                                    description: try r.text("description"), foundAt: try r.instant("found_at"),
                                    recordedAt: try r.instant("recorded_at"), recordedBy: try r.text("recorded_by"))
                let deliveredAt = try r.instant("delivery_at")
                return ServiceReportData.DefectEntry(
                    defect: defect, deliveryLabel: try r.text("delivery_label"), deliveredAt: deliveredAt,
                    daysAfterDelivery: Int(defect.foundAt.timeIntervalSince(deliveredAt) / 86_400),
                    withinThirtyDays: DeliveryRules.isErroneous(deliveredAt: deliveredAt, defectsFoundAt: [defect.foundAt]))
            }
            // Trainings are few (dozens a year): those held in the month, by day, from their index.
            guard case let .month(year, monthNumber) = month else { fatalError("checked above") }
            let prefix = String(format: "%04d-%02d-", year, monthNumber)
            let trainingRows = try WorkItem.fetchAll(db, sql: """
                SELECT item.* FROM training JOIN item ON item.id = training.item_id
                WHERE training.held_on >= ? AND training.held_on < ? ORDER BY training.held_on, training.item_id
                """, arguments: [prefix + "00", prefix + "99"])
            let details = try Self.trainingDetails(db, trainingRows.compactMap(\.id))
            let trainings = trainingRows.compactMap { item -> ServiceReportData.TrainingEntry? in
                guard let id = item.id, let d = details[id] else { return nil }
                return .init(id: id, type: d.type, topic: item.title, heldOn: d.heldOn, attendance: d.attendees.count,
                             averageScore: d.averageScore, stepsDone: d.stepsDone)
            }
            var data = ServiceReportData(period: month, generatedAt: now, kpi: kpi, missed: missed, faultsByLevel: byLevel,
                                         faultsByRegion: byRegion, deliveries: entries, defects: defects, trainings: trainings)
            data.inspections = try Self.inspections(db, from: start, to: end)
            data.weeks = weeks
            data.corrections = try Self.deadlineCorrections(db, from: start, to: end)
            data.pauses = try Self.pauses(db, "paused_at < ? AND (resumed_at IS NULL OR resumed_at >= ?)",
                                          [end.dbSeconds, start.dbSeconds])
            return data
        }
    }
}
