import Foundation
import HelpDeskCore
@testable import ConsoleCore

/// Tasks, changes and a delivery of the same desk as `Sample`.
enum ServiceSample {
    static func task(_ id: Int64, title: String, due: String, assignee: String? = "lina", closed: String? = nil) -> WorkItem {
        WorkItem(id: id, kind: .task, status: closed == nil ? .open : .closed, title: title, takenBy: "zhangwei", assignee: assignee,
                 receivedAt: t("2021-11-22T09:00:00+08:00"), dueAt: t(due), closedAt: closed.map(t),
                 cause: closed == nil ? nil : "基数录入有误", solution: closed == nil ? nil : "批量更正",
                 createdAt: t("2021-11-22T09:00:00+08:00"), createdBy: "zhangwei")
    }

    static func change(_ id: Int64, title: String, due: String, released: String? = nil) -> WorkItem {
        WorkItem(id: id, kind: .change, status: released == nil ? .open : .closed, title: title, takenBy: "zhangwei",
                 receivedAt: t("2021-11-01T09:00:00+08:00"), dueAt: t(due), closedAt: released.map(t),
                 cause: released == nil ? nil : "测算慢", solution: released == nil ? nil : "加索引",
                 createdAt: t("2021-11-01T09:00:00+08:00"), createdBy: "zhangwei")
    }

    static let tasks: [WorkItem] = [
        task(301, title: "更正 2021 年 10 月缴费基数", due: "2021-11-23T12:00:00+08:00"),
        task(302, title: "统计 11 月待遇发放情况", due: "2021-11-25T18:00:00+08:00", assignee: nil),
        task(303, title: "补录海东市中断缴费记录", due: "2021-11-22T18:00:00+08:00", closed: "2021-11-22T17:00:00+08:00"),
    ]

    static let errors: [Int64: TaskError] = [303: TaskError(itemId: 303, at: t("2021-11-23T10:00:00+08:00"), actor: "zhaolei", note: "漏了乐都区的数据")]

    static let changes: [WorkItem] = [
        change(401, title: "过渡性养老金计发办法调整", due: "2021-11-30T18:00:00+08:00"),
        change(402, title: "新增待遇资格认证提醒", due: "2021-12-10T18:00:00+08:00"),
        change(403, title: "待遇测算提速", due: "2021-11-20T18:00:00+08:00", released: "2021-11-19T16:00:00+08:00"),
    ]

    static let rounds = [TestRound(number: 1, at: t("2021-11-15T10:00:00+08:00"), actor: "lina", result: .fail, note: "导出文件编码错误")]

    static let details: [Int64: ChangeDetail] = [
        401: ChangeDetail(itemId: 401, type: .policy, stage: .internalTest, effective: CivilDate(iso: "2021-11-01"), signedBy: "王处长",
                          signedAt: t("2021-11-02T10:00:00+08:00"), rounds: rounds),
        402: ChangeDetail(itemId: 402, type: .requirement, stage: .research),
        403: ChangeDetail(itemId: 403, type: .optimisation, stage: .released, signedBy: "才让", deliveryId: 7,
                          rounds: [TestRound(number: 1, at: t("2021-11-16T10:00:00+08:00"), actor: "lina", result: .pass, note: "回归通过")]),
    ]

    static let delivery = DeliveryRecord(
        delivery: Delivery(id: 7, label: "V3.2.1", deliveredAt: t("2021-11-19T16:00:00+08:00"), deliveredBy: "zhangwei",
                           recordedAt: t("2021-11-19T16:00:00+08:00")),
        changes: [changes[2]], types: [403: .optimisation],
        defects: [Defect(id: 9, deliveryId: 7, title: "导出金额列错位", foundAt: t("2021-11-22T11:00:00+08:00"),
                         recordedAt: t("2021-11-22T11:00:00+08:00"), recordedBy: "lina")])

    static func taskPage(_ filter: ServiceFilter = ServiceFilter(), total: Int = 3) -> ServicePage {
        ServicePage(.task, filter, items: tasks, offset: 0, total: total, facts: errors.mapValues { ServiceFacts(.task(error: $0)) })
    }

    static func changePage(_ filter: ServiceFilter = ServiceFilter()) -> ServicePage {
        ServicePage(.change, filter, items: changes, offset: 0, total: changes.count, facts: details.mapValues { ServiceFacts(.change($0, delivery: nil)) })
    }

    /// The console with the tasks (`4`) or the changes (`5`) in view, their lists loaded.
    static func state(_ pane: Pane, width: Int = 120, height: Int = 40, language: Language = .zh) -> ConsoleState {
        var s = Sample.state(width: width, height: height, language: language)
        _ = s.press(.char(pane == .tasks ? "4" : "5"))
        _ = s.reduce(.servicesLoaded(pane == .tasks ? taskPage() : changePage()))
        return s
    }
}
