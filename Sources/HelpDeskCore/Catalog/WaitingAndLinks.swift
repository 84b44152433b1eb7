import Foundation

extension Catalog {
    /// Waiting on the requester (the clock paused), items related to each other, duplicates merged.
    public enum WaitingAndLinks {
        // MARK: Names

        public static let waitingStatus = LocalizedText(zh: "等待回复", en: "waiting")
        public static let mergedStatus = LocalizedText(zh: "已合并", en: "merged")

        public static func eventName(_ event: HistoryEvent) -> LocalizedText {
            switch event {
            case .paused: return LocalizedText(zh: "暂停计时", en: "clock paused")
            case .resumed: return LocalizedText(zh: "恢复计时", en: "clock resumed")
            case .related: return LocalizedText(zh: "建立关联", en: "related")
            case .unrelated: return LocalizedText(zh: "解除关联", en: "relation removed")
            case .merged: return LocalizedText(zh: "合并", en: "merged")
            default: return event.name
            }
        }

        public static func fieldName(_ field: HistoryField) -> LocalizedText {
            switch field {
            case .mergedInto: return LocalizedText(zh: "合并至", en: "merged into")
            default: return LocalizedText(zh: "关联工单", en: "related item")
            }
        }

        // MARK: Waiting refusals

        public static func waitKind(_ id: Int64, kind: ItemKind) -> LocalizedText {
            LocalizedText(zh: "#\(id) 是\(kind.name.zh)：只有一般问题类和特殊情况可以等待提出人回复",
                          en: "#\(id) is a \(kind.name.en): only general questions and special cases wait on the requester")
        }
        public static func alreadyWaiting(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已在等待回复", en: "#\(id) is already waiting")
        }
        public static func notWaiting(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 未在等待回复，无需恢复", en: "#\(id) is not waiting: there is nothing to resume")
        }
        public static func isWaiting(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 正在等待回复：请先恢复计时（case resume \(id)）",
                          en: "#\(id) is waiting on the requester: resume it first (case resume \(id))")
        }
        public static func isMerged(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已合并到其他工单，不能再处理", en: "#\(id) was merged into another item: it is not worked on its own")
        }
        public static func waitClosed(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已关闭，不能等待回复", en: "#\(id) is closed: it cannot wait")
        }
        public static func nothingToPause(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 没有正在计时的时限，无可暂停",
                          en: "#\(id) has no deadline running: there is no clock to pause")
        }
        public static func deadlinePassed(_ id: Int64, due: Date) -> LocalizedText {
            LocalizedText(zh: "#\(id) 的时限（\(BeijingTime.iso(due))）已过，不能再暂停计时",
                          en: "#\(id) is past its deadline (\(BeijingTime.iso(due))): its clock can no longer be paused")
        }
        public static let pausingOff = LocalizedText(
            zh: "本服务台不允许暂停计时（服务台规则 waiting.allowed = false，主管可用 config set 更改）",
            en: "this desk does not allow pausing the clock (desk rule waiting.allowed = false; a supervisor changes it with config set)")
        public static func resumeBeforePause(_ id: Int64, at: Date, pausedAt: Date) -> LocalizedText {
            LocalizedText(zh: "时间 \(BeijingTime.iso(at)) 早于 #\(id) 暂停计时的时间（\(BeijingTime.iso(pausedAt))）",
                          en: "the time \(BeijingTime.iso(at)) lies before #\(id) was paused (\(BeijingTime.iso(pausedAt)))")
        }

        // MARK: Links and merges refusals

        public static func linkItself(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 不能与自身关联", en: "#\(id) cannot be related to itself")
        }
        public static func alreadyLinked(_ id: Int64, _ other: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 与 #\(other) 已关联", en: "#\(id) and #\(other) are already related")
        }
        public static func notLinked(_ id: Int64, _ other: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 与 #\(other) 没有关联", en: "#\(id) and #\(other) are not related")
        }
        public static func mergeIntoItself(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 不能合并到自身", en: "#\(id) cannot be merged into itself")
        }
        public static func mergeClosed(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已关闭，不能合并", en: "#\(id) is closed: it cannot be merged")
        }
        public static func mergeKinds(_ id: Int64, kind: ItemKind, into other: Int64, kind otherKind: ItemKind) -> LocalizedText {
            LocalizedText(zh: "#\(id) 是\(kind.name.zh)，#\(other) 是\(otherKind.name.zh)：只能合并同类工单",
                          en: "#\(id) (\(kind.name.en)) and #\(other) (\(otherKind.name.en)) are of different kinds: only items of one kind are merged")
        }
        /// `other` was itself merged into `itsTarget` (when known).
        public static func mergeIntoMerged(_ other: Int64, into itsTarget: Int64? = nil) -> LocalizedText {
            guard let itsTarget else {
                return LocalizedText(zh: "#\(other) 本身已合并到其他工单，不能作为合并目标",
                                     en: "#\(other) was itself merged into another item: merge into that one instead")
            }
            return LocalizedText(zh: "#\(other) 本身已合并到 #\(itsTarget)，请改为合并到 #\(itsTarget)",
                                 en: "#\(other) was itself merged into #\(itsTarget): merge into #\(itsTarget) instead")
        }
        public static func mergeIntoClosed(_ other: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(other) 已关闭，不能合并到已关闭的工单", en: "#\(other) is closed: nothing is merged into a closed item")
        }

        // MARK: What the command line prints and shows

        public static func waitingUntil(_ id: Int64, remaining: Int) -> LocalizedText {
            LocalizedText(zh: "#\(id) 等待回复，剩余工作时间 \(duration(remaining).zh)",
                          en: "#\(id) waiting, \(duration(remaining).en) of working time left")
        }
        public static func resumedDue(_ id: Int64, due: Date) -> LocalizedText {
            LocalizedText(zh: "#\(id) 恢复计时，时限 \(BeijingTime.iso(due))", en: "#\(id) resumed, due \(BeijingTime.iso(due))")
        }
        public static func linkedPair(_ id: Int64, _ other: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) ↔ #\(other) 已关联", en: "#\(id) ↔ #\(other) related")
        }
        public static func unlinkedPair(_ id: Int64, _ other: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) ↔ #\(other) 已解除关联", en: "#\(id) ↔ #\(other) no longer related")
        }
        public static func linkMerged(_ id: Int64, into other: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已合并到 #\(other)，无需再关联", en: "#\(id) is merged into #\(other): they are joined already")
        }
        public static func mergedPair(_ id: Int64, into other: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已合并到 #\(other)", en: "#\(id) merged into #\(other)")
        }

        /// Working time as hours and minutes: `2 小时 30 分` / `2 h 30 min`.
        public static func duration(_ seconds: Int) -> LocalizedText {
            let h = seconds / 3600, m = (seconds % 3600) / 60
            return LocalizedText(zh: "\(h) 小时 \(m) 分", en: "\(h) h \(m) min")
        }

        // MARK: Details

        public static let relatedHeading = LocalizedText(zh: "关联工单", en: "Related items")
        public static let mergedHeading = LocalizedText(zh: "已合并的工单", en: "Merged items")
        public static let mergeHeading = LocalizedText(zh: "合并", en: "Merge")
        public static let pausesHeading = LocalizedText(zh: "暂停计时", en: "Clock paused")
        public static func pauseLine(from: Date, to: Date?, reason: String, before: Date, after: Date?) -> LocalizedText {
            // Short times (Beijing, to the minute) so that a pause fits a line of the details.
            let until = to.map(BeijingTime.short)
            let due = after.map(BeijingTime.short)
            return LocalizedText(
                zh: "\(BeijingTime.short(from)) – \(until ?? "（等待中）")  时限 \(BeijingTime.short(before)) → \(due ?? "—")  原因：\(reason)",
                en: "\(BeijingTime.short(from)) – \(until ?? "(waiting)")  due \(BeijingTime.short(before)) → \(due ?? "—")  reason: \(reason)")
        }
        /// In the history of the item a duplicate (`#592`) was merged into.
        public static func mergedHere(_ duplicate: String) -> LocalizedText {
            LocalizedText(zh: "\(duplicate) 并入本工单", en: "\(duplicate) merged into this item")
        }
        public static func mergedIntoLine(_ other: Int64) -> LocalizedText {
            LocalizedText(zh: "已合并到 #\(other)", en: "merged into #\(other)")
        }

        public static let schemaUnexpected = LocalizedText(
            zh: "数据库中 item 表的结构与预期不符，无法加入“等待回复”和“已合并”状态；未作任何改动",
            en: "the item table's schema is not the one expected: the statuses waiting and merged cannot be added; nothing was changed")

        // MARK: Help

        public static let helpWait = LocalizedText(zh: "等待提出人回复：暂停计时（一般问题类、特殊情况，时限之前）",
                                                   en: "wait on the requester: pause the clock (general questions, special cases, before the deadline)")
        public static let helpReason = LocalizedText(zh: "等待的原因", en: "why it waits")
        public static let helpResume = LocalizedText(zh: "恢复计时：时限为恢复时间加暂停时剩余的工作时间",
                                                     en: "resume the clock: due at the resume time plus the working time left at the pause")
        public static let helpLink = LocalizedText(zh: "关联两个工单（任意类别，双向可见）", en: "relate two items (any kinds, shown on both)")
        public static let helpUnlink = LocalizedText(zh: "解除两个工单的关联", en: "remove the relation of two items")
        public static let helpOther = LocalizedText(zh: "另一个工单的编号", en: "the other item's id")
        public static let helpMerge = LocalizedText(zh: "把重复工单合并到同类未关闭的工单", en: "merge a duplicate into an open item of its kind")
        public static let helpInto = LocalizedText(zh: "承接处理的工单编号", en: "the id of the item that carries the work")
    
        // MARK: The console: keys and forms in a ticket's details

        public static let waitKey = LocalizedText(zh: "等待回复（暂停计时）", en: "wait on the requester (pause the clock)")
        public static let resumeKey = LocalizedText(zh: "恢复计时", en: "resume the clock")
        public static let linkKey = LocalizedText(zh: "关联另一个工单", en: "relate another item")
        public static let mergeKey = LocalizedText(zh: "合并到另一个工单", en: "merge into another item")
        public static let helpSection = LocalizedText(zh: "工单详情中（等待、关联、合并）", en: "In an item's details (waiting, links, merges)")
        public static func waitTitle(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 等待提出人回复", en: "#\(id) wait on the requester")
        }
        public static func linkTitle(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 关联工单", en: "#\(id) relate an item")
        }
        public static func mergeTitle(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 合并到", en: "#\(id) merge into")
        }
        public static let reasonField = LocalizedText(zh: "原因", en: "Reason")
        public static let otherField = LocalizedText(zh: "工单编号", en: "Item")
        public static let intoField = LocalizedText(zh: "合并到工单", en: "Into item")
        /// Asked before a merge is written: it cannot be undone.
        /// `title`: the target's title, shortened, so that a wrong number shows before it is too late.
        public static func mergeQuestion(_ id: Int64, into other: Int64, title: String) -> LocalizedText {
            LocalizedText(zh: " 把 #\(id) 合并到 #\(other)「\(title)」？合并后不能撤销 (y/n) ",
                          en: " Merge #\(id) into #\(other) “\(title)”? It cannot be undone (y/n) ")
        }
        public static func mergeSeveralQuestion(_ count: Int, into other: Int64, title: String) -> LocalizedText {
            LocalizedText(zh: " 把标记的 \(count) 个工单合并到 #\(other)「\(title)」？合并后不能撤销 (y/n) ",
                          en: " Merge the \(count) marked items into #\(other) “\(title)”? It cannot be undone (y/n) ")
        }
        public static let mergeYes = LocalizedText(zh: "合并", en: "merge")
        public static let mergeNo = LocalizedText(zh: "返回修改", en: "back to the form")

        // MARK: The monthly report and `kpi items`

        public static let reportTitle = LocalizedText(zh: "暂停计时的工单", en: "Tickets paused")
        public static let reportHeaders: [LocalizedText] = [
            LocalizedText(zh: "编号", en: "ID"), LocalizedText(zh: "暂停于", en: "Paused"), LocalizedText(zh: "恢复于", en: "Resumed"),
            LocalizedText(zh: "原因", en: "Reason"), LocalizedText(zh: "时限（暂停前 → 恢复后）", en: "Due (before → after)"),
        ]
        public static let reportNone = LocalizedText(zh: "本月没有暂停计时的工单", en: "No ticket was paused this month")
        public static let stillWaiting = LocalizedText(zh: "等待中", en: "still waiting")
        public static let pausedHeader = LocalizedText(zh: "暂停时长", en: "Paused")
    }
}
