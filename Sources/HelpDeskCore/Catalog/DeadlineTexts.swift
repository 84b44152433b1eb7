import Foundation

/// How deadlines are explained: the kind of a day, a date, each step of a deadline's computation.
extension DayKind {
    /// `working day` / `工作日`, `holiday 国庆节` / `国庆节假期`.
    public var name: LocalizedText {
        switch self {
        case .workday: return LocalizedText(zh: "工作日", en: "working day")
        case .weekend: return LocalizedText(zh: "周末", en: "weekend")
        case .holiday(let n): return LocalizedText(zh: "\(n)假期", en: "holiday \(n)")
        case .makeUpWorkday(let n): return LocalizedText(zh: "\(n)调休上班", en: "make-up working day for \(n)")
        }
    }

    public func text(_ lang: Language) -> String { name(lang) }
}

extension CivilDate {
    /// `Fri 2021-11-26` / `2021-11-26 周五`.
    public var named: LocalizedText {
        LocalizedText(zh: "\(self) \(weekday.chineseName)", en: "\(weekday.shortName) \(self)")
    }

    public func text(_ lang: Language) -> String { named(lang) }
}

extension DeadlineReason {
    /// One line of explanation, e.g. `received Fri 2021-11-26 16:10 +08:00 (working day)`.
    public func text(_ lang: Language) -> String { explanation(lang) }

    /// The line in both languages.
    public var explanation: LocalizedText {
        switch self {
        case let .started(event, at, day):
            let (date, second) = BeijingTime.local(at)
            let clock = "\(BeijingTime.clock(second, seconds: second % 60 != 0)) +08:00"
            let verb: LocalizedText
            switch event {
            case .received: verb = LocalizedText(zh: "受理于", en: "received")
            case .confirmed: verb = LocalizedText(zh: "确认于", en: "confirmed")
            case .reported: verb = LocalizedText(zh: "报告于", en: "reported")
            }
            return LocalizedText(zh: "\(verb.zh) \(date.named.zh) \(clock)（\(day.name.zh)）",
                                 en: "\(verb.en) \(date.named.en) \(clock) (\(day.name.en))")
        case let .beforeCutoff(cutoff):
            return LocalizedText(zh: "在 \(BeijingTime.clock(cutoff)) 之前提出：当日解决",
                                 en: "before the \(BeijingTime.clock(cutoff)) cut-off: solved the same working day")
        case let .atOrAfterCutoff(cutoff):
            return LocalizedText(zh: "在 \(BeijingTime.clock(cutoff)) 或之后提出：下一个工作日解决",
                                 en: "at or after the \(BeijingTime.clock(cutoff)) cut-off: solved the next working day")
        case let .afterClosing(closing):
            return LocalizedText(zh: "在下班时间 \(BeijingTime.clock(closing)) 之后提出：下一个工作日解决",
                                 en: "after close of business at \(BeijingTime.clock(closing)): solved the next working day")
        case .nonWorkingDay:
            return LocalizedText(zh: "非工作日提出：下一个工作日解决", en: "raised on a day that is not worked: solved the next working day")
        case let .skipped(first, last, holidays):
            func span(_ lang: Language) -> String { first == last ? first.text(lang) : "\(first.text(lang)) – \(last.text(lang))" }
            let namesZh = holidays.isEmpty ? "" : "（\(holidays.joined(separator: "、"))）"
            let namesEn = holidays.isEmpty ? "" : " (\(holidays.joined(separator: ", ")))"
            return LocalizedText(zh: "跳过非工作日 \(span(.zh))\(namesZh)", en: "skipped days off \(span(.en))\(namesEn)")
        case let .workingDay(date, kind):
            return LocalizedText(zh: "下一个工作日 \(date.named.zh)（\(kind.name.zh)）", en: "next working day \(date.named.en) (\(kind.name.en))")
        case let .closeOfBusiness(date, closing):
            return LocalizedText(zh: "截止 \(date) \(BeijingTime.clock(closing)) 下班前",
                                 en: "due at close of business, \(date) \(BeijingTime.clock(closing))")
        case let .businessTime(seconds, hours):
            let h = Self.duration(seconds)
            return LocalizedText(zh: "1个工作日的营业时间 = \(h.zh)（\(hours)）", en: "one working day of business time = \(h.en) (\(hours))")
        case let .counted(date, seconds, end):
            let h = Self.duration(seconds)
            return LocalizedText(zh: "\(date.named.zh) 计入 \(h.zh)，至 \(BeijingTime.clock(end))",
                                 en: "\(date.named.en): \(h.en) counted, up to \(BeijingTime.clock(end))")
        case let .wallClock(level, hours):
            return LocalizedText(zh: "\(level.rawValue)级故障：自然时间 \(hours) 小时，夜间与节假日照计",
                                 en: "level \(level.rawValue) fault: \(hours) hours on the wall clock, nights and holidays included")
        case let .unknownYear(year, known):
            let range = known.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "—"
            return LocalizedText(zh: "注意：\(year) 年不在已知节假日安排内（\(range)），按周一至周五工作计算",
                                 en: "warning: \(year) is outside the known holiday schedule (\(range)); taken as Monday–Friday working")
        }
    }

    /// `8小时30分` / `8h 30m`.
    static func duration(_ seconds: Int) -> LocalizedText {
        let h = seconds / 3600, m = seconds % 3600 / 60
        return m == 0 ? LocalizedText(zh: "\(h)小时", en: "\(h)h") : LocalizedText(zh: "\(h)小时\(m)分", en: "\(h)h \(m)m")
    }

    static func duration(_ seconds: Int, _ lang: Language) -> String { duration(seconds)(lang) }
}

extension SystemNote {
    /// What the store wrote itself into history, in the reader's language.
    public func text(_ lang: Language) -> String { said(lang) }

    /// The note in both languages: `一般问题 · 电话` / `general via phone`.
    public var said: LocalizedText {
        switch self {
        case let .received(kind, channel):
            return LocalizedText(zh: "\(kind.name.zh) · \(channel.name.zh)", en: "\(kind.name.en) via \(channel.name.en)")
        case .reported(let level): return level.name
        case .responseMode(let mode): return LocalizedText(zh: "处理方式：\(mode.name.zh)", en: "response mode: \(mode.name.en)")
        case .escalation(let reason): return LocalizedText(zh: "按规则：\(reason.text(.zh))", en: "rule: \(reason.text(.en))")
        case .calendarImported(let year):
            return LocalizedText(zh: "导入 \(year) 年节假日安排后按新日历重算", en: "computed again with \(year)'s holidays, imported")
        case let .inspectionReading(check, target, value, again):
            return Catalog.InspectionImport.readingNote(check, target: target, value: value, again: again)
        }
    }
}

extension TimeParseError {
    /// The refusal in both languages.
    public var localized: LocalizedText { LocalizedText(zh: text(.zh), en: text(.en)) }
}

extension CalendarVersion {
    /// `holidays 2004–2026 (2027 imported), revision 3, hours 09:00-18:00` /
    /// `法定节假日 2004–2026 年（导入 2027 年），第 3 次修订，工作时间 09:00-18:00`.
    public var described: LocalizedText {
        let held = years.map { "\($0.lowerBound)–\($0.upperBound)" }
        let list = imported.map(String.init).joined(separator: ", ")
        let listZh = imported.map(String.init).joined(separator: "、")
        return LocalizedText(
            zh: (held.map { "法定节假日 \($0) 年" } ?? "无法定节假日安排") + (imported.isEmpty ? "" : "（导入 \(listZh) 年）")
                + "，第 \(revision) 次修订，工作时间 \(hours)",
            en: (held.map { "holidays \($0)" } ?? "no holiday schedule") + (imported.isEmpty ? "" : " (\(list) imported)")
                + ", revision \(revision), hours \(hours)")
    }
}
