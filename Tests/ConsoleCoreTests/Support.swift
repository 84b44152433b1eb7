import Foundation
import HelpDeskCore
@testable import ConsoleCore

func t(_ text: String) -> Date { try! TimeInput.parseInstant(text) }

let now = t("2021-11-23T16:00:00+08:00")

/// A queue and a board of realistic Chinese items.
enum Sample {
    static func ticket(_ id: Int64, _ kind: ItemKind = .general, title: String, region: Region = .xining,
                       received: String, due: String?, requester: String = "王建华", status: ItemStatus = .open) -> WorkItem {
        WorkItem(id: id, kind: kind, status: status, title: title, region: region, channel: .wechat, requesterName: requester,
                 takenBy: "zhangwei", receivedAt: t(received), dueAt: due.map(t), createdAt: t(received), createdBy: "zhangwei")
    }

    static func fault(_ id: Int64, level: FaultLevel, title: String, reported: String) -> WorkItem {
        let r = t(reported)
        return WorkItem(id: id, kind: .fault, title: title, region: .haixi, level: level, receivedAt: r,
                        dueAt: r.addingTimeInterval(Double(level.hours * 3600)), createdAt: r, createdBy: "lina")
    }

    static let tickets: [WorkItem] = [
        ticket(101, title: "养老保险待遇测算结果与手工核对不一致", received: "2021-11-22T10:00:00+08:00", due: "2021-11-22T18:00:00+08:00"),
        ticket(102, .special, title: "参保人员去世后待遇停发及丧葬费发放", region: .yushu, received: "2021-11-23T09:30:00+08:00",
               due: "2021-11-24T09:30:00+08:00", requester: "才让卓玛"),
        ticket(103, title: "Ukey证书过期无法登录", region: .haidong, received: "2021-11-23T15:20:00+08:00", due: "2021-11-24T18:00:00+08:00"),
        ticket(104, .requirement, title: "新增职业年金待遇领取情况统计报表", region: .shengzhishu, received: "2021-11-23T11:00:00+08:00", due: nil),
    ]

    static let faults: [WorkItem] = [
        fault(201, level: .one, title: "数据库实例响应缓慢，全省业务办理中断", reported: "2021-11-23T03:00:00+08:00"),
        fault(202, level: .two, title: "缴费核定服务频繁崩溃", reported: "2021-11-23T06:00:00+08:00"),
        fault(203, level: .three, title: "负载均衡未能自动切换", reported: "2021-11-22T20:00:00+08:00"),
    ]

    static var kpi: KPISnapshot {
        var month = KPICounts()
        month.caseMet = 28
        month.caseDecided = 30
        month.closed = 40
        month.closedComplete = 40
        month.faultsOnTime = [.one: 1, .two: 3]
        month.faultsDecided = [.one: 2, .two: 3]
        return KPISnapshot(month: .month(year: 2021, month: 11), week: .week(year: 2021, week: 47),
                           monthFigures: month.figures, weekFigures: KPICounts().figures)
    }

    static func state(width: Int, height: Int, language: Language = .zh) -> ConsoleState {
        var s = ConsoleState(width: width, height: height, now: now, language: language, operatorName: "zhangwei")
        _ = s.reduce(.queueLoaded(QueuePage(items: tickets, offset: 0, total: tickets.count, filter: QueueFilter())))
        _ = s.reduce(.faultsLoaded(faults))
        _ = s.reduce(.kpiLoaded(kpi))
        _ = s.reduce(.calendarLoaded(WorkCalendar(years: [], version: "test")))
        return s
    }
}

extension ConsoleState {
    /// Presses keys in order, collecting the effects.
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(.key($0)) }
    }

    mutating func type(_ text: String) {
        for c in text { _ = reduce(.key(.char(c))) }
    }
}

func render(_ s: ConsoleState, _ theme: Theme = .dark) -> ScreenBuffer {
    ConsoleView.render(s, theme: theme)
}
