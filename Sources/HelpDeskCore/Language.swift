/// The language of the interface: Chinese when the locale is Chinese, English otherwise.
public enum Language: String, Sendable, CaseIterable {
    case en, zh

    /// Picks the language from the environment the way the C library does: `LC_ALL` first, then
    /// `LC_MESSAGES`, then `LANG`. Works whether or not the host has the named locale installed.
    public static func from(environment env: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[key], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

extension DayKind {
    public func text(_ lang: Language) -> String {
        switch (self, lang) {
        case (.workday, .en): return "working day"
        case (.workday, .zh): return "工作日"
        case (.weekend, .en): return "weekend"
        case (.weekend, .zh): return "周末"
        case (.holiday(let n), .en): return "holiday \(n)"
        case (.holiday(let n), .zh): return "\(n)假期"
        case (.makeUpWorkday(let n), .en): return "make-up working day for \(n)"
        case (.makeUpWorkday(let n), .zh): return "\(n)调休上班"
        }
    }
}

extension CivilDate {
    /// `Fri 2021-11-26` / `2021-11-26 周五`.
    public func text(_ lang: Language) -> String {
        lang == .zh ? "\(self) \(weekday.chineseName)" : "\(weekday.shortName) \(self)"
    }
}

extension DeadlineReason {
    /// One line of explanation, e.g. `received Fri 2021-11-26 16:10 +08:00 (working day)`.
    public func text(_ lang: Language) -> String {
        let zh = lang == .zh
        switch self {
        case let .started(event, at, day):
            let (date, second) = BeijingTime.local(at)
            let when = "\(date.text(lang)) \(BeijingTime.clock(second, seconds: second % 60 != 0)) +08:00"
            let verb: String
            switch event {
            case .received: verb = zh ? "受理于" : "received"
            case .confirmed: verb = zh ? "确认于" : "confirmed"
            case .reported: verb = zh ? "报告于" : "reported"
            }
            return zh ? "\(verb) \(when)（\(day.text(lang))）" : "\(verb) \(when) (\(day.text(lang)))"
        case let .beforeCutoff(cutoff):
            return zh ? "在 \(BeijingTime.clock(cutoff)) 之前提出：当日解决"
                : "before the \(BeijingTime.clock(cutoff)) cut-off: solved the same working day"
        case let .atOrAfterCutoff(cutoff):
            return zh ? "在 \(BeijingTime.clock(cutoff)) 或之后提出：下一个工作日解决"
                : "at or after the \(BeijingTime.clock(cutoff)) cut-off: solved the next working day"
        case let .afterClosing(closing):
            return zh ? "在下班时间 \(BeijingTime.clock(closing)) 之后提出：下一个工作日解决"
                : "after close of business at \(BeijingTime.clock(closing)): solved the next working day"
        case .nonWorkingDay:
            return zh ? "非工作日提出：下一个工作日解决" : "raised on a day that is not worked: solved the next working day"
        case let .skipped(first, last, holidays):
            let span = first == last ? first.text(lang) : "\(first.text(lang)) – \(last.text(lang))"
            let names = holidays.isEmpty ? "" : (zh ? "（\(holidays.joined(separator: "、"))）" : " (\(holidays.joined(separator: ", ")))")
            return zh ? "跳过非工作日 \(span)\(names)" : "skipped days off \(span)\(names)"
        case let .workingDay(date, kind):
            return zh ? "下一个工作日 \(date.text(lang))（\(kind.text(lang))）" : "next working day \(date.text(lang)) (\(kind.text(lang)))"
        case let .closeOfBusiness(date, closing):
            return zh ? "截止 \(date) \(BeijingTime.clock(closing)) 下班前" : "due at close of business, \(date) \(BeijingTime.clock(closing))"
        case let .businessTime(seconds, hours):
            let h = Self.duration(seconds, lang)
            return zh ? "1个工作日的营业时间 = \(h)（\(hours)）" : "one working day of business time = \(h) (\(hours))"
        case let .counted(date, seconds, end):
            return zh ? "\(date.text(lang)) 计入 \(Self.duration(seconds, lang))，至 \(BeijingTime.clock(end))"
                : "\(date.text(lang)): \(Self.duration(seconds, lang)) counted, up to \(BeijingTime.clock(end))"
        case let .wallClock(level, hours):
            return zh ? "\(level.rawValue)级故障：自然时间 \(hours) 小时，夜间与节假日照计"
                : "level \(level.rawValue) fault: \(hours) hours on the wall clock, nights and holidays included"
        case let .unknownYear(year, known):
            let range = known.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "—"
            return zh ? "注意：\(year) 年不在已知节假日安排内（\(range)），按周一至周五工作计算"
                : "warning: \(year) is outside the known holiday schedule (\(range)); taken as Monday–Friday working"
        }
    }

    static func duration(_ seconds: Int, _ lang: Language) -> String {
        let h = seconds / 3600, m = seconds % 3600 / 60
        if lang == .zh { return m == 0 ? "\(h)小时" : "\(h)小时\(m)分" }
        return m == 0 ? "\(h)h" : "\(h)h \(m)m"
    }
}
