import Foundation
import HelpDeskCore

/// What the status line says about a write, from the save under way to the store's answer: all of
/// it here, in the console's language.
extension WriteOutcome {
    /// A form's save handed to the store, before it answers.
    public static func saving(_ lang: Language) -> String {
        lang == .zh ? "正在保存…" : "saving…"
    }

    /// A saved item that the list's filters now hide.
    public static func hiddenByFilters(_ id: Int64, _ lang: Language) -> String {
        lang == .zh ? "#\(id) 已保存，但被当前筛选隐藏（c 清除筛选）" : "#\(id) saved, hidden by the current filter (c clears filters)"
    }

    public func text(_ lang: Language) -> String {
        let zh = lang == .zh
        switch self {
        case .created(let id), .saved(let id):
            return zh ? "已保存 #\(id)" : "saved #\(id)"
        case let .acknowledged(id, step):
            return zh ? "已确认 #\(id) \(step.rawValue)" : "acknowledged #\(id) \(step.rawValue)"
        case let .escalated(id, step):
            return zh ? "已升级 #\(id) 至 \(step.rawValue)" : "escalated #\(id) to \(step.rawValue)"
        case let .frozen(period, missed):
            let names = missed.map(\.rawValue)
            return zh ? "已冻结 \(period)" + (names.isEmpty ? "" : "；未达标：\(names.joined(separator: "、"))")
                      : "\(period) frozen" + (names.isEmpty ? "" : "; missed: \(names.joined(separator: ", "))")
        case .completed(let id):
            return zh ? "已完成 #\(id)" : "completed #\(id)"
        case .markedErroneous(let id):
            return zh ? "#\(id) 已标记为有误" : "#\(id) marked erroneous"
        case let .advanced(id, stage, delivery, task):
            var text = zh ? "#\(id) 已推进至\(stage.label(lang))" : "#\(id) moved to \(stage.label(lang))"
            if let delivery { text += zh ? "，交付 #\(delivery)" : ", delivery #\(delivery)" }
            if let task {
                text += zh ? "；已开立数据处理任务 #\(task)：重新处理政策生效以来的业务"
                           : "; opened task #\(task) to reprocess the business since the policy took effect"
            }
            return text
        case let .testRound(id, number, result):
            return zh ? "#\(id) 第 \(number) 轮内测：\(result.label(.zh))" : "#\(id) internal test round \(number): \(result.label(.en))"
        case let .trainingStepDone(id, step):
            return zh ? "#\(id) \(step.label(.zh)) 已完成" : "#\(id) \(step.label(.en)) done"
        case let .attendeeRecorded(id, name):
            return zh ? "#\(id) 已登记学员 \(name)" : "#\(id) attendee \(name) recorded"
        case let .scored(id, name, score):
            return zh ? "#\(id) \(name) 成绩 \(score)" : "#\(id) \(name) scored \(score)"
        case .materialRecorded(let id):
            return zh ? "#\(id) 已登记资料" : "#\(id) material recorded"
        case let .defectRecorded(defect, delivery):
            return zh ? "已登记缺陷 #\(defect)（交付 #\(delivery)）" : "recorded defect #\(defect) of delivery #\(delivery)"
        case let .inspectionRecorded(id, opened, linked, unknownTargets):
            var text = zh ? "已登记巡检 #\(id)" : "recorded inspection #\(id)"
            let ids = { (list: [Int64]) in list.map { "#\($0)" }.joined(separator: " ") }
            if !opened.isEmpty { text += zh ? "；开立 \(ids(opened))" : "; opened \(ids(opened))" }
            if !linked.isEmpty { text += zh ? "；关联 \(ids(linked))" : "; linked \(ids(linked))" }
            if unknownTargets > 0 {
                text += zh ? "；\(unknownTargets) 项对象不在设备清单中" : "; \(unknownTargets) targets not in the inventory"
            }
            return text
        }
    }
}

extension WriteRefusal {
    public func text(_ lang: Language) -> String {
        switch self {
        case let .stale(id, expected, current):
            return lang == .zh ? "#\(id) 已被他人修改（版本 \(expected) → \(current)），未保存；你的输入仍在"
                               : "#\(id) was changed by someone else (version \(expected) → \(current)); not saved, your input is kept"
        case .rule(let reason), .failed(let reason):
            return reason.text(lang)
        }
    }

    /// Added when a stale edit closes its form: the form meant the old state of the item.
    static func formClosed(_ lang: Language) -> String {
        lang == .zh ? "；表单已关闭，请在新版本上重新操作" : "; the form was closed: open it again on the newer version"
    }
}
