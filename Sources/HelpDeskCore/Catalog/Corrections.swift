import Foundation

/// Corrections of a CASE ticket (`case edit`): refusals, what the command line says, the monthly
/// report's section, the console's form.
extension Catalog {
    public enum Corrections {
        // MARK: Refusals

        public static func nothingChanges(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 没有更正：给出的值与现有的相同（或没有给出要更正的内容）",
                          en: "nothing to correct on #\(id): the values given are the ones it has (or none was given)")
        }

        public static func receivedAfterCorrection(_ id: Int64, received: Date, at: Date) -> LocalizedText {
            LocalizedText(zh: "#\(id) 的受理时间 \(BeijingTime.iso(received)) 晚于更正时间 \(BeijingTime.iso(at))",
                          en: "#\(id) cannot have been received at \(BeijingTime.iso(received)), after the correction (\(BeijingTime.iso(at)))")
        }

        public static func receivedAfterStep(_ id: Int64, received: Date, step: HistoryEvent, stepAt: Date) -> LocalizedText {
            LocalizedText(zh: "#\(id) 的受理时间 \(BeijingTime.iso(received)) 晚于「\(step.name.zh)」（\(BeijingTime.iso(stepAt))）",
                          en: "#\(id) cannot have been received at \(BeijingTime.iso(received)), after it was \(step.name.en) (\(BeijingTime.iso(stepAt)))")
        }

        public static func supervisorsOnly(_ id: Int64, user: String, why: CorrectionGuard) -> LocalizedText {
            let reason: LocalizedText
            switch why {
            case .deadlinePassed(let due):
                reason = LocalizedText(zh: "其时限 \(BeijingTime.iso(due)) 已过，更正可能掩盖超时",
                                       en: "its deadline \(BeijingTime.iso(due)) has passed, and the correction could hide a miss")
            case .frozenPeriod(let period):
                reason = LocalizedText(zh: "它涉及已冻结的考核期 \(period)", en: "it touches the frozen KPI period \(period)")
            }
            return LocalizedText(zh: "只有主管可以更正 #\(id) 的类型或受理时间（\(user) 不是主管）：\(reason.zh)",
                                 en: "only a supervisor may correct the kind or received time of #\(id) (\(user) is not one): \(reason.en)")
        }

        // MARK: Command line

        public static func corrected(_ id: Int64, fields: [HistoryField]) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已更正：\(fields.map { $0.name.zh }.joined(separator: "、"))",
                          en: "#\(id) corrected: \(fields.map { $0.name.en }.joined(separator: ", "))")
        }

        public static func newDeadline(old: Date?, new: Date?) -> LocalizedText {
            let o = old.map(BeijingTime.iso) ?? "—", n = new.map(BeijingTime.iso) ?? "—"
            return LocalizedText(zh: "时限：\(o) → \(n)", en: "deadline: \(o) → \(n)")
        }

        public static let noDeadline = LocalizedText(zh: "需求类在评估之前没有时限", en: "a requirement has no deadline until it is assessed")

        public enum Help {
            public static let abstract = LocalizedText(
                zh: "更正 CASE 工单的类型、渠道、地区、标题、申请人、电话、描述或受理时间（每项更正记入历史，含原值和新值）。",
                en: "Corrects a CASE ticket's kind, channel, region, title, requester, phone, description or received time (each kept in history with its old and new value).")
            public static let kind = LocalizedText(zh: "更正后的类型；时限按新类型重算。", en: "The corrected kind; the deadline is computed again.")
            public static let channel = LocalizedText(zh: "更正后的渠道。", en: "The corrected channel.")
            public static let region = LocalizedText(zh: "更正后的地区。", en: "The corrected region.")
            public static let title = LocalizedText(zh: "更正后的标题。", en: "The corrected title.")
            public static let requester = LocalizedText(zh: "更正后的申请人姓名（空字符串清除）。", en: "The corrected requester's name (an empty string clears it).")
            public static let office = LocalizedText(zh: "更正后的申请人单位（空字符串清除）。", en: "The corrected requester's office (an empty string clears it).")
            public static let phone = LocalizedText(zh: "更正后的联系电话（空字符串清除）。", en: "The corrected phone (an empty string clears it).")
            public static let description = LocalizedText(zh: "更正后的描述。", en: "The corrected description.")
            public static let received = LocalizedText(
                zh: "工单实际受理的时间；时限按它重算（--at 是更正的时间）。",
                en: "When the ticket really came in; the deadline is computed again from it (--at is when the correction is made).")
            public static let version = LocalizedText(
                zh: "所依据的版本：工单此后已被修改则拒绝。", en: "The version the correction was made from: refused if the ticket changed since.")
        }

        // MARK: The monthly report

        public static let reportTitle = LocalizedText(zh: "类型或受理时间的更正", en: "Corrections of kind or received time")
        public static let reportHeaders: [LocalizedText] = [
            LocalizedText(zh: "编号", en: "ID"), LocalizedText(zh: "更正人", en: "By"), LocalizedText(zh: "更正时间", en: "When"),
            LocalizedText(zh: "更正内容", en: "Old → new"), LocalizedText(zh: "原时限 → 新时限", en: "Old due → new due"),
        ]
        public static let reportNone = LocalizedText(zh: "本月没有类型或受理时间的更正。", en: "No kind or received time was corrected this month.")

        // MARK: Console

        public static let formTitle = LocalizedText(zh: "更正工单", en: "Correct the ticket")
        public static func done(_ id: Int64) -> LocalizedText { LocalizedText(zh: "#\(id) 已更正", en: "#\(id) corrected") }
        public static func correctTitle(_ id: Int64) -> LocalizedText { LocalizedText(zh: "更正工单 #\(id)", en: "Correct ticket #\(id)") }
        public static func done(_ id: Int64, due: Date?) -> LocalizedText {
            guard let due else { return done(id) }
            return LocalizedText(zh: "#\(id) 已更正，新时限 \(BeijingTime.iso(due))", en: "#\(id) corrected; new deadline \(BeijingTime.iso(due))")
        }
        public static let correctKey = LocalizedText(zh: "更正工单", en: "correct ticket")
        public static let onlyCaseTickets = LocalizedText(zh: "只有 CASE 工单可以更正（一般、专项、需求类）",
                                                          en: "only CASE tickets (general, special, requirement) are corrected")
    }
}
