import Foundation

/// One step in how a deadline was reached; rendered for people by `DeadlineReason.text(_:)`.
public enum DeadlineReason: Equatable, Sendable {
    /// The event the clock starts from (received, confirmed, reported) and what kind of day it was.
    case started(event: StartEvent, at: Date, day: DayKind)
    /// Raised on a working day before the cut-off (and before close of business): solved the same day.
    case beforeCutoff(cutoff: Int)
    /// Raised on a working day at or after the cut-off.
    case atOrAfterCutoff(cutoff: Int)
    /// Raised on a working day after close of business (possible when the day closes before the cut-off).
    case afterClosing(closing: Int)
    /// Raised on a day that is not worked.
    case nonWorkingDay
    /// Days passed over because they are not worked, first to last, with the holidays' names.
    case skipped(first: CivilDate, last: CivilDate, holidays: [String])
    /// The working day the deadline falls on.
    case workingDay(CivilDate, DayKind)
    /// Due at close of business on that day.
    case closeOfBusiness(CivilDate, closing: Int)
    /// One working day of business time is added (special cases).
    case businessTime(seconds: Int, hours: BusinessHours)
    /// Business time used on one day while counting.
    case counted(CivilDate, seconds: Int, endingAt: Int)
    /// A fault's deadline: hours on the wall clock, nights and holidays included.
    case wallClock(level: FaultLevel, hours: Int)
    /// A date the calendar does not know was consulted; it was taken as Monday–Friday working.
    case unknownYear(Int, known: ClosedRange<Int>?)

    public enum StartEvent: Sendable, Equatable { case received, confirmed, reported }
}

/// A computed deadline with its reasoning.
public struct Deadline: Equatable, Sendable {
    public let due: Date
    public let reasons: [DeadlineReason]
    /// The calendar version that produced it, stored next to the deadline.
    public let calendarVersion: String

    /// Years the computation consulted that the calendar does not cover.
    public var unknownYears: [Int] {
        reasons.compactMap { if case .unknownYear(let y, _) = $0 { return y } else { return nil } }
    }
}

/// The contract's deadline rules for CASE tickets and faults as pure functions of a calendar and a time.
public struct DeadlineRules: Sendable {
    public let calendar: WorkCalendar

    public init(calendar: WorkCalendar) { self.calendar = calendar }

    public func deadline(_ kind: DeadlineKind, from start: Date) -> Deadline {
        switch kind {
        case .general: return general(receivedAt: start)
        case .special: return special(confirmedAt: start)
        case .fault(let level): return fault(level: level, reportedAt: start)
        }
    }

    /// General questions: strictly before 15:00:00 on a working day → close of business that day;
    /// otherwise close of business on the next working day.
    public func general(receivedAt received: Date) -> Deadline {
        let (day, second) = BeijingTime.local(received)
        let hours = calendar.hours
        var reasons: [DeadlineReason] = [.started(event: .received, at: received, day: calendar.kind(of: day))]
        let dueDay: CivilDate
        if calendar.isWorkingDay(day) {
            if second >= calendar.cutoff {
                reasons.append(.atOrAfterCutoff(cutoff: calendar.cutoff))
                dueDay = nextDay(after: day, into: &reasons)
            } else if second >= hours.closing {
                reasons.append(.afterClosing(closing: hours.closing))
                dueDay = nextDay(after: day, into: &reasons)
            } else {
                reasons.append(.beforeCutoff(cutoff: calendar.cutoff))
                dueDay = day
            }
        } else {
            reasons.append(.nonWorkingDay)
            dueDay = nextDay(after: day, into: &reasons)
        }
        reasons.append(.closeOfBusiness(dueDay, closing: hours.closing))
        return finish(BeijingTime.instant(dueDay, secondOfDay: hours.closing), reasons, consulted: [day, dueDay])
    }

    /// Special cases: one working day of business time after confirmation
    /// (Tue 10:00 → Wed 10:00; Fri 16:00 → Mon 16:00; Sat 10:00 → Mon 18:00).
    public func special(confirmedAt confirmed: Date) -> Deadline {
        let (startDay, startSecond) = BeijingTime.local(confirmed)
        let hours = calendar.hours
        var reasons: [DeadlineReason] = [
            .started(event: .confirmed, at: confirmed, day: calendar.kind(of: startDay)),
            .businessTime(seconds: hours.dayLength, hours: hours),
        ]
        var remaining = hours.dayLength
        var day = startDay
        var second = startSecond
        var skippedFrom: CivilDate?
        var skippedNames: [String] = []
        var consulted = [startDay]
        for _ in 0..<3660 {
            if calendar.isWorkingDay(day) {
                if let first = skippedFrom {
                    reasons.append(.skipped(first: first, last: day.adding(days: -1), holidays: skippedNames))
                    skippedFrom = nil
                    skippedNames = []
                }
                var used = 0
                for interval in hours.intervals where second < interval.end {
                    let from = max(second, interval.start)
                    let available = interval.end - from
                    if remaining <= available {
                        let end = from + remaining
                        used += remaining
                        reasons.append(.counted(day, seconds: used, endingAt: end))
                        consulted.append(day)
                        return finish(BeijingTime.instant(day, secondOfDay: end), reasons, consulted: consulted)
                    }
                    remaining -= available
                    used += available
                    second = interval.end
                }
                if used > 0 { reasons.append(.counted(day, seconds: used, endingAt: hours.closing)) }
            } else {
                if skippedFrom == nil { skippedFrom = day }
                if case .holiday(let name) = calendar.kind(of: day), !skippedNames.contains(name) { skippedNames.append(name) }
            }
            day = day.adding(days: 1)
            second = 0
            consulted.append(day)
        }
        // Unreachable with any real schedule: ten years without a working day.
        return finish(BeijingTime.instant(day, secondOfDay: hours.closing), reasons, consulted: consulted)
    }

    /// Faults: 12, 24 or 48 hours on the wall clock from the report.
    public func fault(level: FaultLevel, reportedAt reported: Date) -> Deadline {
        let reasons: [DeadlineReason] = [
            .started(event: .reported, at: reported, day: calendar.kind(of: BeijingTime.date(of: reported))),
            .wallClock(level: level, hours: level.hours),
        ]
        return Deadline(due: reported.addingTimeInterval(TimeInterval(level.hours * 3600)),
                        reasons: reasons, calendarVersion: calendar.version)
    }

    private func nextDay(after day: CivilDate, into reasons: inout [DeadlineReason]) -> CivilDate {
        let next = calendar.nextWorkingDay(after: day)
        let gapStart = day.adding(days: 1)
        if gapStart < next {
            var names: [String] = []
            var d = gapStart
            while d < next {
                if case .holiday(let name) = calendar.kind(of: d), !names.contains(name) { names.append(name) }
                d = d.adding(days: 1)
            }
            reasons.append(.skipped(first: gapStart, last: next.adding(days: -1), holidays: names))
        }
        reasons.append(.workingDay(next, calendar.kind(of: next)))
        return next
    }

    private func finish(_ due: Date, _ reasons: [DeadlineReason], consulted: [CivilDate]) -> Deadline {
        var all = reasons
        var flagged: Set<Int> = []
        for year in consulted.map(\.year) where !calendar.isKnown(year: year) && !flagged.contains(year) {
            flagged.insert(year)
            all.append(.unknownYear(year, known: calendar.knownRange))
        }
        return Deadline(due: due, reasons: all, calendarVersion: calendar.version)
    }
}
