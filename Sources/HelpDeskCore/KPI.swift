import Foundation

/// A reporting period in Beijing time: a calendar month or an ISO week (Monday–Sunday).
public enum Period: Hashable, Sendable, CustomStringConvertible {
    case month(year: Int, month: Int)
    case week(year: Int, week: Int)

    /// `2021-12` or `2021-W49`.
    public var description: String {
        switch self {
        case let .month(y, m): return "\(pad(y, 4))-\(pad(m, 2))"
        case let .week(y, w): return "\(pad(y, 4))-W\(pad(w, 2))"
        }
    }

    /// Reads `YYYY-MM` or `YYYY-Www`, written exactly so: four ASCII digits, a hyphen, two digits
    /// (or `W` and two digits), nothing before or after (no sign, no second hyphen), of a period the
    /// desk keeps (`SupportedTime`).
    public init?(_ text: String) {
        guard let period = Period(anyYear: text), SupportedTime.contains(period) else { return nil }
        self = period
    }

    /// Reads `YYYY-MM` or `YYYY-Www` whatever the year; `Period(_:)` then checks it is kept.
    init?(anyYear text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func digits(_ s: Substring) -> Int? { s.allSatisfy(\.isASCIIDigit) ? Int(s) : nil }
        guard parts.count == 2, parts[0].count == 4, let y = digits(parts[0]) else { return nil }
        if parts[1].hasPrefix("W"), parts[1].count == 3, let w = digits(parts[1].dropFirst()),
           w >= 1, w <= Period.weeksIn(isoYear: y) {
            self = .week(year: y, week: w)
        } else if parts[1].count == 2, let m = digits(parts[1]), (1...12).contains(m) {
            self = .month(year: y, month: m)
        } else {
            return nil
        }
    }

    /// The month `count` months after this one (negative: before); a week stays as it is.
    public func months(after count: Int) -> Period {
        guard case let .month(y, m) = self else { return self }
        let first = CivilDate.firstOf(month: m + count, year: y)
        return .month(year: first.year, month: first.month)
    }

    /// The first day of the period and the first day after it. A month number outside 1–12 counts
    /// on from the year's January (13 is the next January), so no value of the type traps here.
    public var days: (first: CivilDate, end: CivilDate) {
        switch self {
        case let .month(y, m):
            return (CivilDate.firstOf(month: m, year: y), CivilDate.firstOf(month: m + 1, year: y))
        case let .week(y, w):
            let monday = Period.isoWeekOneMonday(y).adding(days: (w - 1) * 7)
            return (monday, monday.adding(days: 7))
        }
    }

    /// [start, end) as instants: midnight Beijing time.
    public var interval: (start: Date, end: Date) {
        let d = days
        return (BeijingTime.instant(d.first, secondOfDay: 0), BeijingTime.instant(d.end, secondOfDay: 0))
    }

    public static func month(containing instant: Date) -> Period {
        let d = BeijingTime.date(of: instant)
        return .month(year: d.year, month: d.month)
    }

    public static func week(containing instant: Date) -> Period {
        let d = BeijingTime.date(of: instant)
        // The ISO year is the year of the week's Thursday.
        let thursday = d.adding(days: 4 - d.weekday.rawValue)
        let week = (thursday.daysSinceEpoch - isoWeekOneMonday(thursday.year).daysSinceEpoch) / 7 + 1
        return .week(year: thursday.year, week: week)
    }

    /// The Monday of ISO week 1: the week holding 4 January.
    static func isoWeekOneMonday(_ year: Int) -> CivilDate {
        let jan4 = CivilDate.firstOf(month: 1, year: year).adding(days: 3)
        return jan4.adding(days: 1 - jan4.weekday.rawValue)
    }

    static func weeksIn(isoYear year: Int) -> Int {
        (isoWeekOneMonday(year + 1).daysSinceEpoch - isoWeekOneMonday(year).daysSinceEpoch) / 7
    }
}

/// The contract's service-level figures, by the ids the contract and the reports use.
///
/// `K1`–`K6`, and `K7-1`–`K7-3` for the faults of each level. The raw values are what frozen
/// periods store and what `kpi --json` prints; a stored id this type does not know is an error
/// when read.
public enum KPI: String, Sendable, CaseIterable, Codable {
    case k1 = "K1", k2 = "K2", k3 = "K3", k4 = "K4", k5 = "K5", k6 = "K6"
    case k7Level1 = "K7-1", k7Level2 = "K7-2", k7Level3 = "K7-3"

    /// K7 of a fault level: faults of that level restored in time.
    public static func k7(_ level: FaultLevel) -> KPI {
        switch level {
        case .one: return .k7Level1
        case .two: return .k7Level2
        case .three: return .k7Level3
        }
    }

    /// The fault level a K7 figure counts; `nil` for the others.
    public var faultLevel: FaultLevel? {
        switch self {
        case .k7Level1: return .one
        case .k7Level2: return .two
        case .k7Level3: return .three
        case .k1, .k2, .k3, .k4, .k5, .k6: return nil
        }
    }

    /// The figure's name: `CASE维护响应率` / `CASE responses`.
    public func name(_ lang: Language) -> String { localizedName(lang) }
}

/// One of the contract's service-level figures (K1–K7) for a period.
public struct KPIFigure: Equatable, Sendable {
    public enum Comparison: String, Sendable, Codable { case atLeast = ">=", atMost = "<=" }

    public let id: KPI
    public let numerator: Int
    public let denominator: Int
    public let target: Double
    public let comparison: Comparison

    public init(id: KPI, numerator: Int, denominator: Int, target: Double, comparison: Comparison) {
        self.id = id
        self.numerator = numerator
        self.denominator = denominator
        self.target = target
        self.comparison = comparison
    }

    /// `nil` when there is nothing to count: shown as "—", never as 0% or 100%.
    public var value: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }

    /// The share that counts toward the target, 0 to 1: the value, or for a figure where less is
    /// better (an error rate) what is without error. `nil` when there is nothing to count.
    public var goodShare: Double? {
        value.map { comparison == .atLeast ? $0 : 1 - $0 }
    }

    public var met: Bool? {
        guard let v = value else { return nil }
        return comparison == .atLeast ? v >= target : v <= target
    }

    /// `90.0%` or `—`.
    public var valueText: String {
        guard let v = value else { return "—" }
        return String(format: "%.1f%%", v * 100)
    }
}

/// The counts the store gathers for a period; the figures and their targets are computed here.
public struct KPICounts: Equatable, Sendable {
    /// K1: general and special tickets whose deadline falls in the period and whose outcome is known.
    public var caseMet = 0, caseDecided = 0
    /// K2: data-processing tasks due in the period, completed in time.
    public var tasksOnTime = 0, tasksDue = 0
    /// K3: change requests whose agreed due date falls in the period, delivered in time.
    public var changesOnTime = 0, changesDue = 0
    /// K4: tasks completed in the period, later marked erroneous.
    public var tasksErroneous = 0, tasksCompleted = 0
    /// K5: deliveries made in the period with a defect found within 30 days.
    public var deliveriesDefective = 0, deliveries = 0
    /// K6: items closed in the period with both cause and solution.
    public var closedComplete = 0, closed = 0
    /// K7: faults per level whose deadline falls in the period, restored in time.
    public var faultsOnTime: [FaultLevel: Int] = [:], faultsDecided: [FaultLevel: Int] = [:]

    public init() {}

    public var figures: [KPIFigure] {
        var list = [
            KPIFigure(id: .k1, numerator: caseMet, denominator: caseDecided, target: 0.90, comparison: .atLeast),
            KPIFigure(id: .k2, numerator: tasksOnTime, denominator: tasksDue, target: 0.90, comparison: .atLeast),
            KPIFigure(id: .k3, numerator: changesOnTime, denominator: changesDue, target: 0.85, comparison: .atLeast),
            KPIFigure(id: .k4, numerator: tasksErroneous, denominator: tasksCompleted, target: 0.02, comparison: .atMost),
            KPIFigure(id: .k5, numerator: deliveriesDefective, denominator: deliveries, target: 0.10, comparison: .atMost),
            KPIFigure(id: .k6, numerator: closedComplete, denominator: closed, target: 1.0, comparison: .atLeast),
        ]
        for level in FaultLevel.allCases {
            // K7 is shown against no contractual target; 100% is what the deadline promises.
            list.append(KPIFigure(id: .k7(level), numerator: faultsOnTime[level] ?? 0,
                                  denominator: faultsDecided[level] ?? 0, target: 1.0, comparison: .atLeast))
        }
        return list
    }
}

extension KPIFigure {
    /// The figure's name: `CASE维护响应率` / `CASE responses`.
    public func name(_ lang: Language) -> String { id.name(lang) }
}

/// One thing a figure counted, for the drill-down (`kpi items`): a work item, or a delivery for K5.
public struct KPIEntry: Equatable, Sendable {
    public enum Subject: String, Sendable { case item, delivery }

    public var subject: Subject
    public var id: Int64
    public var kind: ItemKind?
    public var title: String
    /// The deadline it was held to (none for K5's deliveries, nor K6's items without one).
    public var deadline: Date?
    /// When its event happened: the rule event (K1–K3, K7), completion (K4), the delivery (K5),
    /// the closing (K6); `nil` while it has not.
    public var eventAt: Date?
    /// Whether it counts for the figure (in time, not erroneous, complete); `nil` while undecided.
    public var met: Bool?
    /// Why it missed: the root cause written on it, the note a task was marked erroneous with, the
    /// first defect found within 30 days of a delivery.
    public var cause: String?

    public init(subject: Subject = .item, id: Int64, kind: ItemKind?, title: String, deadline: Date?, eventAt: Date?,
                met: Bool?, cause: String?) {
        self.subject = subject
        self.id = id
        self.kind = kind
        self.title = title
        self.deadline = deadline
        self.eventAt = eventAt
        self.met = met
        self.cause = cause
    }
}

/// How each thing a figure counts is judged, the same for the drill-down as for the figures.
public enum KPIJudgement {
    /// A deadline's outcome at `now`: met when the event came at or before the deadline, missed
    /// when it came after it or the deadline passed without it; `nil` while it is awaited in time.
    public static func onTime(deadline: Date, event: Date?, now: Date) -> Bool? {
        if let event { return event <= deadline }
        return now > deadline ? false : nil
    }

    /// K6: a work order carries both a root-cause analysis and a solution (blank text is none).
    public static func isComplete(cause: String?, solution: String?) -> Bool {
        let filled = { (s: String?) in !(s ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return filled(cause) && filled(solution)
    }

    /// Missed first, then undecided, then met; each by deadline (or event), then id.
    public static func ordered(_ entries: [KPIEntry]) -> [KPIEntry] {
        func rank(_ e: KPIEntry) -> Int { e.met == false ? 0 : (e.met == nil ? 1 : 2) }
        return entries.sorted {
            let (a, b) = (rank($0), rank($1))
            if a != b { return a < b }
            let (x, y) = ($0.deadline ?? $0.eventAt ?? .distantFuture, $1.deadline ?? $1.eventAt ?? .distantFuture)
            return x != y ? x < y : $0.id < $1.id
        }
    }
}

/// What the service-level figures are counted from: the work items, the tasks found erroneous,
/// and the deliveries with when defects were found in each.
public struct KPIRecords: Sendable {
    public var items: [WorkItem]
    public var erroneousTasks: Set<Int64>
    public var deliveries: [(deliveredAt: Date, defectsFoundAt: [Date])]

    public init(items: [WorkItem], erroneousTasks: Set<Int64> = [], deliveries: [(deliveredAt: Date, defectsFoundAt: [Date])] = []) {
        self.items = items
        self.erroneousTasks = erroneousTasks
        self.deliveries = deliveries
    }
}

/// The contract's figures as plain functions of the records: the definition the store's daily
/// summaries must always agree with (a test compares them on random desks).
///
/// A period is a Beijing month or ISO week, from its first instant to the first instant of the
/// next. K1 (general and special tickets), K2 (tasks), K3 (changes) and K7 (faults by level) count
/// the items whose deadline falls in the period once their outcome is known (`KPIJudgement.onTime`:
/// the rule event came, or the deadline passed without it); K4 the tasks completed in the period
/// and of them those found erroneous; K5 the deliveries made in the period and of them those with
/// a defect found within 30 days (`DeliveryRules`); K6 every item closed in the period and of them
/// those with both a cause and a solution.
public enum KPIDefinitions {
    public static func counts(_ records: KPIRecords, period: Period, now: Date) -> KPICounts {
        let (start, end) = period.interval
        let inPeriod = { (t: Date?) -> Bool in t.map { $0 >= start && $0 < end } ?? false }
        var c = KPICounts()
        for item in records.items {
            if let due = item.dueAt, inPeriod(due), let met = KPIJudgement.onTime(deadline: due, event: item.ruleEventAt, now: now) {
                let m = met ? 1 : 0
                switch item.kind {
                case .general, .special: (c.caseMet, c.caseDecided) = (c.caseMet + m, c.caseDecided + 1)
                case .task: (c.tasksOnTime, c.tasksDue) = (c.tasksOnTime + m, c.tasksDue + 1)
                case .change: (c.changesOnTime, c.changesDue) = (c.changesOnTime + m, c.changesDue + 1)
                case .fault:
                    if let level = item.level {
                        c.faultsOnTime[level, default: 0] += m
                        c.faultsDecided[level, default: 0] += 1
                    }
                case .requirement, .delivery, .training, .inspection: break
                }
            }
            if inPeriod(item.closedAt) {
                c.closed += 1
                if KPIJudgement.isComplete(cause: item.cause, solution: item.solution) { c.closedComplete += 1 }
                if item.kind == .task {
                    c.tasksCompleted += 1
                    if let id = item.id, records.erroneousTasks.contains(id) { c.tasksErroneous += 1 }
                }
            }
        }
        for d in records.deliveries where inPeriod(d.deliveredAt) {
            c.deliveries += 1
            if DeliveryRules.isErroneous(deliveredAt: d.deliveredAt, defectsFoundAt: d.defectsFoundAt) { c.deliveriesDefective += 1 }
        }
        return c
    }
}
