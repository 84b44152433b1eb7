import Foundation
import HelpDeskCore
import HelpDeskStore

/// The demo's data-processing tasks, change requests, deliveries and defects: about one task a
/// working day and a change a week over the demo's period, whatever the number of tickets, so that
/// K2–K5 have real figures on the first run.
///
/// They are told through the store's own operations, each at its time (taking in, completing,
/// marking erroneous, every stage of a change with its test rounds, releases and defects), after the
/// bulk load of tickets and faults: some tasks late, a few found erroneous, some from CASE
/// tickets; changes of every type at every stage, a policy released after it took effect opening its
/// reprocessing task; deliveries with and without defects. Deterministic for a seed.
struct DemoServices {
    let database: AppDatabase
    var rng: SplitMix64
    let ctx: Context
    let now: Date

    init(_ database: AppDatabase, seed: UInt64, _ ctx: Context) {
        self.database = database
        rng = SplitMix64(seed: seed &+ 0x5EED)
        self.ctx = ctx
        now = ctx.now
    }

    /// Who does a step: a member of the demo's staff of `role`, or the supervisor running the fill
    /// when its clock is simulated (a simulated clock is a supervisor's tool).
    mutating func by(_ roles: [StaffRole]) -> Context {
        var c = ctx
        if !ctx.clockIsSimulated {
            let people = DemoData.staff.filter { roles.contains($0.role) }
            c.actor = people[rng.next(upTo: people.count)].username
        }
        return c
    }

    mutating func write(days: Int) throws {
        let start = now.addingTimeInterval(-Double(days) * 86_400)
        let tasks = max(3, days * 5 / 7), changes = max(2, days / 7)
        for n in 0..<tasks {
            try task(at: time(start, n, of: tasks))
        }
        // The latest changes stop at each stage in turn, so that every stage has one now.
        let stages = ChangeStage.allCases.dropLast()
        for n in 0..<changes {
            let fromEnd = changes - 1 - n
            try change(at: time(start, n, of: changes), stopAt: fromEnd < stages.count ? stages[stages.startIndex + fromEnd] : nil)
        }
        try trainings(days: days)
    }

    /// The `n`th of `count` moments spread over the period, in business hours, whole seconds.
    mutating func time(_ start: Date, _ n: Int, of count: Int) -> Date {
        let span = now.timeIntervalSince(start)
        let at = start.addingTimeInterval(span * Double(n) / Double(count) + Double(rng.next(upTo: 7200)))
        let t = DemoData.businessLike(min(at, now.addingTimeInterval(-3600)), &rng)
        return Date(dbSeconds: min(t, now.addingTimeInterval(-60)).dbSeconds)
    }

    /// Close of business `days` calendar days after `t`.
    func closeOfBusiness(_ t: Date, plus days: Int) -> Date {
        BeijingTime.instant(BeijingTime.date(of: t).adding(days: days), secondOfDay: 18 * 3600)
    }

    // MARK: Tasks

    mutating func task(at received: Date) throws {
        let title = DemoData.taskTitles[rng.next(upTo: DemoData.taskTitles.count)]
        let due = closeOfBusiness(received, plus: 1 + rng.next(upTo: 5))
        // One in five comes from a CASE ticket taken in before it.
        var source: Int64?
        if rng.next(upTo: 5) == 0 {
            source = try database.latestItem(receivedBy: received, .caseTicket)
        }
        let assignee = DemoData.staff.filter { $0.role != .supervisor && $0.role != .viewer }
        let item = try database.addTask(NewTask(title: title, description: DemoData.taskDescriptions[rng.next(upTo: DemoData.taskDescriptions.count)],
                                                due: due, assignee: assignee[rng.next(upTo: assignee.count)].username, fromCase: source),
                                        at: received, by([.onsite, .expert]))
        // Most are done in time, some late; those still within their time are done or not yet.
        let roll = rng.next(upTo: 100)
        let done: Date
        if roll < 78 {
            // In business hours where that still lies within the time given.
            let within = received.addingTimeInterval(Double(600 + rng.next(upTo: max(600, Int(due.timeIntervalSince(received)) - 600))))
            let working = DemoData.businessLike(within, &rng)
            done = Date(dbSeconds: (working > received && working <= due ? working : within).dbSeconds)
        } else if roll < 92 {
            // Late: a working day or more after the deadline.
            done = Date(dbSeconds: DemoData.businessLike(due.addingTimeInterval(Double(86_400 + rng.next(upTo: 3 * 86_400))), &rng).dbSeconds)
        } else {
            return  // never done: still open, or overdue
        }
        guard done <= now else { return }
        let pair = DemoData.taskCauses[rng.next(upTo: DemoData.taskCauses.count)]
        try database.completeTask(item.id!, cause: pair.0, solution: pair.1, at: done, by([.onsite, .expert]))
        // A few are found erroneous afterwards.
        if rng.next(upTo: 100) < 4 {
            let found = done.addingTimeInterval(Double(3600 + rng.next(upTo: 10 * 86_400)))
            if found <= now {
                try database.markTaskErroneous(item.id!, note: DemoData.taskErrors[rng.next(upTo: DemoData.taskErrors.count)],
                                               at: found, by([.supervisor, .expert]))
            }
        }
    }

    // MARK: Changes

    /// A change told until it is released, or until `stopAt` when given.
    mutating func change(at received: Date, stopAt: ChangeStage? = nil) throws {
        let roll = rng.next(upTo: 100)
        let type: ChangeType = roll < 25 ? .policy : (roll < 55 ? .optimisation : (roll < 85 ? .bugfix : .requirement))
        let titles = DemoData.changeTitles[type]!
        var effective: CivilDate?
        if type == .policy { effective = BeijingTime.date(of: received).adding(days: rng.next(upTo: 45) - 15) }
        // A new requirement comes from an assessed requirement ticket not yet turned into a change.
        var source: Int64?
        if type == .requirement {
            source = try database.latestItem(receivedBy: received, .openRequirement)
        }
        let due = source == nil ? closeOfBusiness(received, plus: 21 + rng.next(upTo: 40)) : nil
        let item = try database.addChange(NewChange(type: type, title: titles[rng.next(upTo: titles.count)], due: due,
                                                    effective: effective, fromCase: source),
                                          at: received, by([.expert, .supervisor]))
        let id = item.id!
        var t = received
        // Recent changes go at different paces, so that the desk has changes at every stage now.
        let pace = stopAt == nil && now.timeIntervalSince(received) < 50 * 86_400 ? 1 + rng.next(upTo: 4) : 1
        /// The next step, 1–6 days on (times the pace) in business hours; `nil` once it would lie
        /// beyond now.
        func next(_ rng: inout SplitMix64) -> Date? {
            let gap = pace * (86_400 + rng.next(upTo: 5 * 86_400))
            let at = DemoData.businessLike(t.addingTimeInterval(Double(gap)), &rng)
            let whole = Date(dbSeconds: at.dbSeconds)
            guard whole <= now else { return nil }
            t = whole
            return whole
        }
        guard stopAt != .research, let signed = next(&rng) else { return }
        try database.advanceChange(id, signedBy: DemoData.personName(&rng) + "（" + DemoData.signers[rng.next(upTo: DemoData.signers.count)] + "）",
                                   at: signed, by([.expert, .supervisor]))
        guard stopAt != .confirmed, let building = next(&rng) else { return }
        try database.advanceChange(id, at: building, by([.expert]))
        guard stopAt != .development, let testing = next(&rng) else { return }
        try database.advanceChange(id, at: testing, by([.expert]))
        // One to three internal rounds; the last passes unless the change is still being tested.
        let rounds = 1 + rng.next(upTo: 3)
        for n in 1...rounds {
            guard let round = next(&rng) else { return }
            let pass = n == rounds
            try database.recordTestRound(id, result: pass ? .pass : .fail,
                                         note: pass ? "回归测试通过" : DemoData.testFailures[rng.next(upTo: DemoData.testFailures.count)],
                                         at: round, by([.expert]))
        }
        guard stopAt != .internalTest, let userTest = next(&rng) else { return }
        try database.advanceChange(id, at: userTest, by([.expert, .supervisor]))
        guard stopAt != .userTest, let release = next(&rng) else { return }
        let pair = DemoData.changeCauses[type]!
        let label = "V3.\(BeijingTime.date(of: release).month).\(id % 100)"
        let released = try database.advanceChange(id, release: Release(cause: pair.0, solution: pair.1, label: label),
                                                  at: release, by([.supervisor]))
        // About a quarter of deliveries have a defect, most found within 30 days.
        guard let delivery = released.deliveryId, rng.next(upTo: 100) < 28 else { return }
        let found = release.addingTimeInterval(Double(3600 + rng.next(upTo: 40 * 86_400)))
        guard found <= now else { return }
        try database.addDefect(delivery: delivery, title: DemoData.defectTitles[rng.next(upTo: DemoData.defectTitles.count)],
                               at: Date(dbSeconds: found.dbSeconds), by([.onsite, .expert]))
    }
}

extension DemoData {
    static let taskTitles = [
        "更正参保人员缴费基数", "批量修正退休人员待遇核定数据", "统计本月各地区参保人数", "导出省直属单位缴费明细",
        "清理重复参保记录", "核对养老金发放数据差异", "补录中断缴费记录", "修正职业年金记账利率", "统计退休人员待遇调整结果",
        "更正单位性质代码", "合并同一人员的多条档案", "生成季度基金收支报表",
    ]
    static let taskDescriptions = [
        "按地区社保局提供的清单处理，处理前备份相关表。", "数据来源为业务科室的书面申请，处理后请科室复核。",
        "需在月末结算前完成。", "涉及历史数据，先在测试库验证脚本。", "",
    ]
    static let taskCauses: [(String, String)] = [
        ("经办录入错误", "按申请清单更正并留存脚本与日志"),
        ("历史数据迁移遗留", "编写校验脚本批量修正，科室已复核"),
        ("统计口径变化", "按新口径编写统计脚本并导出报表"),
        ("接口重复推送", "删除重复记录并修复去重逻辑"),
    ]
    static let taskErrors = ["漏处理海东市部分人员", "统计口径与财政要求不一致", "更正后待遇金额仍有差异", "导出文件缺少单位编号列"]
    static let changeTitles: [ChangeType: [String]] = [
        .policy: ["调整缴费基数上下限", "养老金待遇调整（年度）", "职业年金记账利率调整", "过渡性养老金计发办法调整"],
        .optimisation: ["待遇测算性能优化", "报表导出提速", "经办界面查询条件优化", "批量业务处理进度提示"],
        .bugfix: ["修正视同缴费年限计算错误", "修正报表合计行错误", "修正转移接续状态不同步", "修正打印格式错位"],
        .requirement: ["新增退休人员批量导入", "新增待遇资格认证提醒", "新增单位缴费欠费预警"],
    ]
    static let changeCauses: [ChangeType: (String, String)] = [
        .policy: ("上级政策文件调整计发参数", "调整参数配置与计算规则，按生效日期重算"),
        .optimisation: ("业务高峰期响应慢", "优化查询索引与批处理逻辑"),
        .bugfix: ("程序逻辑缺陷", "修正计算逻辑并补充回归测试用例"),
        .requirement: ("业务部门提出新需求", "按需求确认书开发并上线"),
    ]
    static let signers = ["业务处", "信息中心", "基金处", "省直属经办科"]
    static let testFailures = ["边界数据计算有误", "导出文件编码错误", "与旧数据不兼容", "性能未达标"]
    static let defectTitles = ["上线后部分报表合计不对", "个别人员待遇计算偏差", "导出文件中文乱码", "批量处理偶发超时"]
}
