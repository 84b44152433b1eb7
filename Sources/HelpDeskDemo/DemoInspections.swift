import Foundation
import HelpDeskCore
import HelpDeskStore

/// The demo's inventory and a few weeks of inspections: the database twice a week, the application
/// servers weekly, a business visit round every other week. Some readings go over their thresholds
/// and open faults and tasks (most dealt with, one tablespace fault still open, which a later
/// reading is linked to). Told through the store's own operations at their times, after the other
/// services; a handful of inspections whatever the size of the fill.
struct DemoInspections {
    let database: AppDatabase
    var rng: SplitMix64
    let ctx: Context
    let now: Date

    init(_ database: AppDatabase, seed: UInt64, _ ctx: Context) {
        self.database = database
        rng = SplitMix64(seed: seed &+ 0x1A5B)
        self.ctx = ctx
        now = ctx.now
    }

    /// The database, its 8 core users with a data and an index tablespace each, 11 application
    /// servers behind 3 load-balanced addresses.
    static let schemas: [(String, String)] = [
        ("YLBX", "养老保险核心业务"), ("YLJF", "缴费征收"), ("YLDY", "待遇核定与发放"), ("YLZH", "个人账户"),
        ("YLJS", "基金结算"), ("YLTJ", "统计报表"), ("YLXT", "系统管理"), ("YLJK", "外部接口"),
    ]
    static let addresses: [(String, String, ClosedRange<Int>)] = [
        ("10.63.1.20:7001", "核心业务经办", 1...5), ("10.63.1.21:7001", "查询与统计", 6...8), ("10.63.1.22:7001", "外部接口服务", 9...11),
    ]

    static var inventory: [InventoryEntry] {
        var entries = [InventoryEntry(kind: .database, name: "db", note: "QHYLBX · Oracle 11g RAC · 10.63.1.10")]
        for (schema, note) in schemas {
            entries.append(InventoryEntry(kind: .schema, name: schema, parent: "db", note: note))
            entries.append(InventoryEntry(kind: .tablespace, name: "\(schema)_DATA", parent: schema))
            entries.append(InventoryEntry(kind: .tablespace, name: "\(schema)_IDX", parent: schema))
        }
        for (address, note, servers) in addresses {
            entries.append(InventoryEntry(kind: .address, name: address, note: note))
            for n in servers {
                entries.append(InventoryEntry(kind: .server, name: String(format: "app%02d", n), parent: address,
                                              note: "10.63.2.\(10 + n) · WebLogic"))
            }
        }
        return entries
    }

    /// What happens, in time order.
    enum Event {
        case inspect(NewInspection, inspector: String)
        /// The item reading `reading` of inspection `index` opened is dealt with (restored, completed).
        case close(index: Int, reading: Int)
        /// Escalation steps due now are taken.
        case escalate
    }

    /// Into a database without inspections, the inspections (the bulk load added the inventory it
    /// lacked). A later fill into the same database adds none: its readings would land among those
    /// recorded.
    mutating func write(days: Int) throws {
        guard try database.inspectionCount() == 0 else { return }
        let window = min(max(days, 7), 28)
        let first = BeijingTime.date(of: now).adding(days: -window)
        var events: [(Date, Event)] = []
        var dbCount = 0, appCount = 0, businessRound = 0
        // Which database inspections carry the open tablespace fault and the reading linked to it.
        let weekdays = (0..<window).map { first.adding(days: $0) }
        let dbDays = weekdays.filter { [1, 4].contains($0.weekday.rawValue) }
        let openAt = max(0, dbDays.count - 3), linkAt = dbDays.count - 1
        for day in weekdays {
            let weekday = day.weekday.rawValue
            if weekday == 1 || weekday == 4 {
                let at = BeijingTime.instant(day, secondOfDay: 9 * 3600 + 30 * 60)
                guard at < now else { continue }
                events.append((at, .inspect(databaseInspection(at, number: dbCount, openAt: openAt, linkAt: linkAt), inspector: "wangfang")))
                dbCount += 1
            } else if weekday == 2 {
                let at = BeijingTime.instant(day, secondOfDay: 10 * 3600)
                guard at < now else { continue }
                events.append((at, .inspect(applicationInspection(at, number: appCount), inspector: "zhangwei")))
                appCount += 1
            } else if weekday == 3, ((day.daysSinceEpoch - first.daysSinceEpoch) / 7) % 2 == 1 {
                let at = BeijingTime.instant(day, secondOfDay: 15 * 3600)
                guard at < now else { continue }
                events.append((at, .inspect(businessInspection(at, round: businessRound), inspector: "lina")))
                businessRound += 1
            }
        }
        // What the readings over threshold lead to: closed after a while, or (the open tablespace
        // fault and the last disk task) not; escalation steps are taken at their times.
        var planned: [(Date, Event)] = []
        for (index, (at, event)) in events.enumerated() {
            guard case .inspect(let new, _) = event else { continue }
            for (r, reading) in new.readings.enumerated() {
                guard let finding = InspectionRules.finding(reading, ctx.inspection) else { continue }
                let isOpenFault = reading.check == .tablespace && reading.target == "YLDY_IDX"
                let isLastDisk = reading.check == .disk && at == events.last(where: { if case .inspect(let n, _) = $0.1 { return n.kind == .application } else { return false } })?.0
                if case .fault(let level) = finding {
                    for share in [0.5, 0.75, 1.0] {
                        planned.append((at.addingTimeInterval(Double(level.hours) * 3600 * share), .escalate))
                    }
                }
                guard !isOpenFault, !isLastDisk else { continue }
                let after: TimeInterval = finding == .task ? Double(4 * 3600 + rng.next(upTo: 20 * 3600)) : Double(3 * 3600 + rng.next(upTo: 5 * 3600))
                planned.append((at.addingTimeInterval(after), .close(index: index, reading: r)))
            }
        }
        let all = (events + planned).filter { $0.0 <= now }.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element)

        var opened: [Int: [Int: Int64]] = [:]   // inspection index → reading → item it opened
        var faults: [Int64] = []
        for (at, event) in all {
            var c = ctx
            c.now = at
            switch event {
            case let .inspect(new, inspector):
                if !ctx.clockIsSimulated { c.actor = inspector }
                let index = events.firstIndex { $0.0 == at } ?? 0
                let outcome = try database.recordInspection(new, source: index % 3 == 2 ? .manual : .imported, c)
                let record = try database.inspection(outcome.id)
                for reading in record.readings where reading.opened {
                    opened[index, default: [:]][reading.number] = reading.itemId
                    if reading.item?.kind == .fault { faults.append(reading.itemId!) }
                }
            case let .close(index, r):
                guard let id = opened[index]?[r] else { continue }
                let item = try database.item(id)
                guard item.status != .closed else { continue }
                if !ctx.clockIsSimulated { c.actor = ["zhangwei", "liuyang", "chenjing"][rng.next(upTo: 3)] }
                let pair = Self.causes[item.title.hasPrefix("表空间") ? 0 : item.kind == .fault ? 1 : 2 + rng.next(upTo: 2)]
                if item.kind == .fault {
                    try database.restore(id, cause: pair.0, solution: pair.1, mode: .remote, at: at, c)
                } else {
                    try database.completeTask(id, cause: pair.0, solution: pair.1, at: at, c)
                }
            case .escalate:
                // The timer's run: a member of the demo's staff (the fill's operator may be none).
                if !ctx.clockIsSimulated { c.actor = "zhaolei" }
                try database.escalateDue(c)
            }
            // The gateway took each notification five seconds after its step, as the bulk load has
            // it (as the timer's run).
            if !faults.isEmpty {
                var timer = c
                if !ctx.clockIsSimulated { timer.actor = "zhaolei" }
                for entry in try database.outbox(pendingOnly: true, limit: 10_000).reversed()
                where faults.contains(entry.itemId) && entry.createdAt.addingTimeInterval(5) <= now {
                    try database.markDelivered(entry.id, at: entry.createdAt.addingTimeInterval(5), timer)
                }
            }
        }
    }

    static let causes: [(String, String)] = [
        ("业务数据增长快，表空间自动扩展上限不足。", "新增数据文件 8G 并调整自动扩展上限，纳入每周容量巡检。"),
        ("负载均衡后端节点 WebLogic 受管服务器内存溢出相继停止。", "重启受管服务器并调大堆内存，补充节点存活监控。"),
        ("批量任务结束后未释放会话，占用资源。", "清理残留会话并修正批处理脚本的提交逻辑。"),
        ("日志与临时文件未按计划清理。", "清理过期日志和临时文件，增加定时清理任务。"),
    ]

    mutating func databaseInspection(_ at: Date, number: Int, openAt: Int, linkAt: Int) -> NewInspection {
        var readings: [InspectionReading] = []
        for (schema, _) in Self.schemas.prefix(4) {
            readings.append(InspectionReading(check: .tablespace, target: "\(schema)_DATA", value: .number(percent(55, 85))))
        }
        readings.append(InspectionReading(check: .tablespace, target: "YLDY_IDX", value: .number(percent(70, 88))))
        readings.append(InspectionReading(check: .locksLong, target: "db", value: .number(0)))
        readings.append(InspectionReading(check: .cpu, target: "db", value: .number(percent(25, 70))))
        readings.append(InspectionReading(check: .sessions, target: "db", value: .number(Double(220 + rng.next(upTo: 180)))))
        readings.append(InspectionReading(check: .archiveLog, target: "db", value: .text("cleaned")))
        switch number {
        case 0: readings[0].value = .number(92.4)                       // YLBX_DATA: a fault, restored
        case 2: readings[8].value = .text("未清理：备份任务失败")         // a task, completed
        case 3: readings[5].value = .number(2)                          // long locks: a task
        default: break
        }
        if number == openAt { readings[4].value = .number(93.1) }      // YLDY_IDX: a fault still open
        if number == linkAt, linkAt != openAt { readings[4].value = .number(94.0) }   // linked to it
        return NewInspection(at: at, inspector: "王芳", kind: .database, readings: readings)
    }

    mutating func applicationInspection(_ at: Date, number: Int) -> NewInspection {
        var readings: [InspectionReading] = []
        for (address, _, _) in Self.addresses {
            readings.append(InspectionReading(check: .serviceDown, target: address, value: .number(Double(rng.next(upTo: 3)))))
        }
        for n in [3, 5, 7, 10] {
            let server = String(format: "app%02d", n)
            readings.append(InspectionReading(check: .cpu, target: server, value: .number(percent(20, 75))))
            readings.append(InspectionReading(check: .disk, target: "\(server):/u01", value: .number(percent(40, 80))))
        }
        readings.append(InspectionReading(check: .serviceLog, target: "app01", value: .text(number % 2 == 0 ? "无异常" : "有 3 次连接池等待超时告警")))
        switch number {
        case 1: readings[1].value = .number(6)                          // 6 down behind .21: a fault, restored
        case 2: readings[7].value = .number(88.5)                       // app07 CPU: a task
        default: break
        }
        // The last application inspection: app03's disk over its threshold, a task left open.
        if at.addingTimeInterval(7 * 86_400) > now { readings[4].value = .number(87) }
        return NewInspection(at: at, inspector: "张伟", kind: .application, readings: readings)
    }

    mutating func businessInspection(_ at: Date, round: Int) -> NewInspection {
        let feedback = ["经办人员反映待遇测算页面响应偏慢，月初高峰时明显。", "希望增加批量打印缴费凭证功能。",
                        "系统运行平稳，无问题反馈。", "新入职经办人员需要操作培训。", "反映个人账户对账单打印格式与新政策不一致。"]
        let regions: [Region] = round % 2 == 0 ? [.yushu, .guoluo, .haixi] : [.haidong, .hainan, .huangnan]
        let readings = regions.map { region in
            InspectionReading(check: .visit, target: region.chineseName, value: .text(feedback[rng.next(upTo: feedback.count)]))
        }
        return NewInspection(at: at, inspector: "李娜", kind: .business, readings: readings)
    }

    /// A percentage between `low` and `high`, one decimal.
    mutating func percent(_ low: Int, _ high: Int) -> Double {
        Double(low * 10 + rng.next(upTo: (high - low) * 10)) / 10
    }
}
