/// The monthly report's ISO weeks, its CSV's number columns, and freezing a month or a week from
/// the console.
extension Catalog {
    public enum ReportWeeks {
        // MARK: The report

        public static let weeksTitle = LocalizedText(zh: "K2 每周数据处理完成率（周四在本月的 ISO 周）",
                                                     en: "K2 data tasks done, by ISO week (the weeks whose Thursday is in the month)")
        public static let weekHeaders: [LocalizedText] = [
            LocalizedText(zh: "周", en: "week"), LocalizedText(zh: "起止日期", en: "days"), LocalizedText(zh: "数值", en: "value"),
            LocalizedText(zh: "分子/分母", en: "count"), LocalizedText(zh: "目标", en: "target"), LocalizedText(zh: "达标", en: "met"),
            LocalizedText(zh: "冻结", en: "frozen"),
        ]
        /// A week's days: Monday to Sunday.
        public static func days(_ first: String, _ last: String) -> LocalizedText {
            LocalizedText(zh: "\(first) 至 \(last)", en: "\(first) to \(last)")
        }
        /// Whether a week's figures are stored (frozen) or computed when the report was generated.
        public static let weekFrozen = LocalizedText(zh: "已冻结", en: "frozen")
        public static let weekNotFrozen = LocalizedText(zh: "未冻结", en: "not frozen")

        /// The CSV's columns for a figure: each count and the percentages a number of its own, so a
        /// spreadsheet reads no cell as a date.
        public static let numerator = LocalizedText(zh: "分子", en: "numerator")
        public static let denominator = LocalizedText(zh: "分母", en: "denominator")
        public static let valuePercent = LocalizedText(zh: "数值（%）", en: "value (%)")
        public static let comparison = LocalizedText(zh: "比较", en: "comparison")
        public static let targetPercent = LocalizedText(zh: "目标（%）", en: "target (%)")
        public static let weekStart = LocalizedText(zh: "起始日", en: "from")
        public static let weekEnd = LocalizedText(zh: "截止日", en: "to")
        public static let stepsDone = LocalizedText(zh: "完成步骤数", en: "steps done")
        public static let stepsTotal = LocalizedText(zh: "步骤总数", en: "steps")

        // MARK: Freezing

        /// A month that has ended whose last week runs on into the next month.
        public static func lastWeekNotEnded(_ month: Period, week: Period, end: String) -> LocalizedText {
            LocalizedText(zh: "\(month) 的最后一周 \(week) 尚未结束（\(end) 结束）；该周的指标随本月一起冻结",
                          en: "\(month)'s last week \(week) has not ended yet (it ends \(end)); its figures are frozen with the month")
        }

        /// What `:freeze` takes.
        public static let freezeArgument = LocalizedText(zh: "年-月|年-W周", en: "YYYY-MM|YYYY-Www")
        public static let freezeHelp = LocalizedText(zh: "冻结已结束月份或 ISO 周的指标（主管，先确认，不可撤销）",
                                                     en: "sign off an ended month or ISO week (supervisors, for good)")
        public static let freezeAccepted = LocalizedText(zh: "年-月（如 2021-11）或年-W周（如 2021-W47），2000–2099 年间已结束的时段",
                                                         en: "YYYY-MM such as 2021-11 or YYYY-Www such as 2021-W47, an ended period of 2000–2099")

        /// The question before freezing, naming the period; `y` freezes, any other key cancels.
        public static func confirmFreeze(_ period: String) -> LocalizedText {
            LocalizedText(zh: "冻结 \(period)？冻结后不可撤销 (y/n)", en: "Freeze the figures of \(period)? It cannot be undone (y/n)")
        }
        /// A month's freeze also freezes its weeks (`2026-W40–W44`): said in the question.
        public static func withWeeks(_ weeks: String) -> LocalizedText {
            LocalizedText(zh: "（含 \(weeks)）", en: " (with \(weeks))")
        }
        public static func freezeCancelled(_ period: String) -> LocalizedText {
            LocalizedText(zh: "未冻结 \(period)", en: "\(period) not frozen")
        }
    }
}
