import Foundation
import GRDB
import HelpDeskCore

/// Realistic demo data: the desk's staff, and CASE tickets and faults from every region and channel,
/// open, overdue and resolved, spread over the months before `now`.
///
/// Deterministic for a seed, so a demo database looks the same on every machine. Deadlines are
/// computed by the real rules; events are written with their history, a few thousand items a transaction.
public struct DemoData: Sendable {
    public var seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    public static let staff: [StaffMember] = [
        StaffMember(username: "zhangwei", name: "张伟", phone: "13897000101", role: .onsite),
        StaffMember(username: "lina", name: "李娜", phone: "13897000102", role: .onsite),
        StaffMember(username: "wangfang", name: "王芳", phone: "13897000103", role: .onsite),
        StaffMember(username: "liuyang", name: "刘洋", phone: "13910000201", role: .expert),
        StaffMember(username: "chenjing", name: "陈静", phone: "13910000202", role: .expert),
        StaffMember(username: "zhaolei", name: "赵磊", phone: "13897000100", role: .supervisor),
    ]

    /// The `setting` row that marks a database made by (or for) demo data.
    static let marker = "demo_data"

    /// Checks, inside the fill's first write transaction, that demo data may go into this database,
    /// and marks it as a demo one: a database holding work items that demo data did not make is
    /// refused, and a database that has staff needs a supervisor.
    static func authorize(_ db: Database, _ ctx: Context) throws {
        if try StaffMember.fetchCount(db) > 0 {
            try AppDatabase.authorize(db, ctx, .supervise(.fillDemo))
        }
        let marked = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM setting WHERE key = ?)", arguments: [marker]) ?? false
        guard !marked else { return }
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM item)") ?? false {
            throw StoreError.invalid(en: "this database holds work items that demo data did not make; demo data goes only into a new database or a demo one (helpdesk --demo demo, or --db NEW-FILE); nothing was changed",
                                     zh: "此数据库中有非演示数据生成的工单；演示数据只能写入新数据库或演示数据库（helpdesk --demo demo，或 --db 新文件）；未作任何改动")
        }
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?)", arguments: [marker, BeijingTime.iso(ctx.now)])
    }

    /// The fill's later transactions write only into a database marked as a demo one.
    static func checkMarked(_ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM setting WHERE key = ?)", arguments: [marker]) ?? false else {
            throw StoreError.invalid(en: "this database is not a demo database; demo data goes only into a new database or a demo one",
                                     zh: "此数据库不是演示数据库；演示数据只能写入新数据库或演示数据库")
        }
    }

    /// Adds the demo staff and `items` work items (about one in eight a fault) received over the
    /// `days` days before `ctx.now`, a few thousand items a transaction, each checked by `authorize`.
    /// History entries carry the demo's simulated times and the machine's time of writing.
    func fill(_ database: AppDatabase, items: Int, days: Int, _ ctx: Context) throws {
        let now = ctx.now
        var rng = SplitMix64(seed: seed)
        try database.writer.write { db in
            try Self.authorize(db, ctx)
            for member in Self.staff where try !member.exists(db) { try member.insert(db) }
        }
        let base = ctx
        // The demo's faults climb the standard path (its step times are computed from it below).
        let escalation = EscalationSettings(policy: .standard, client: base.escalation.client)
        /// Who did what when in the demo's story: its clock is simulated, the real time is now.
        func context(_ actor: String, _ at: Date) -> Context {
            Context(actor: actor, now: at, escalation: escalation, clockIsSimulated: true, wallClock: base.wallClock)
        }
        let rules = DeadlineRules(calendar: try database.calendar())
        let onsite = Self.staff.filter { $0.role == .onsite }.map(\.username)
        let span = Double(days * 86_400)
        // Batches of a few thousand items keep each transaction, and the WAL, small.
        let batch = 5000
        for first in stride(from: 0, to: items, by: batch) {
            try database.writer.write { db in
                try Self.checkMarked(db)
                for n in first..<min(items, first + batch) {
                    // Spread receipt times over the period, denser in business hours, newest last.
                    let offset = span * (1 - Double(n) / Double(max(items, 1))) - Double(rng.next(upTo: 3600))
                    var received = Self.businessLike(now.addingTimeInterval(-max(offset, 60)), &rng)
                    if received > now { received = now.addingTimeInterval(-60) }
                    let actor = onsite[rng.next(upTo: onsite.count)]
                    let ctx = context(actor, received)
                    if rng.next(upTo: 8) == 0 {
                        try makeFault(db, rules, received: received, now: now, ctx, &rng)
                    } else {
                        try makeCase(db, rules, received: received, now: now, ctx, &rng)
                    }
                }
            }
        }
        // The board always has work on it: faults reported over the last day and a half, some
        // within their window, some about to breach, one overdue.
        try database.writer.write { db in
            try Self.checkMarked(db)
            let recent: [(FaultLevel, Double)] = [(.three, 2), (.two, 5), (.three, 20), (.one, 9), (.two, 21), (.three, 36), (.one, 13)]
            for (i, (level, hoursAgo)) in recent.enumerated() where items >= 50 {
                let reported = now.addingTimeInterval(-hoursAgo * 3600 - Double(rng.next(upTo: 1800)))
                let d = rules.fault(level: level, reportedAt: reported)
                let titles = Self.faultTitles[level]!
                let actor = onsite[i % onsite.count]
                var item = WorkItem(kind: .fault, title: titles[rng.next(upTo: titles.count)],
                                    description: Self.descriptions[rng.next(upTo: Self.descriptions.count)],
                                    region: Region.allCases[rng.next(upTo: Region.allCases.count)], takenBy: actor,
                                    level: level, receivedAt: reported, dueAt: d.due, calendarVersion: d.calendarVersion,
                                    createdAt: reported, createdBy: actor)
                try item.insert(db)
                try AppDatabase.record(db, item.id!, at: reported, context(actor, reported), event: "reported",
                                       systemNote: .reported(level: level))
                try escalate(db, item, until: now, context, &rng)
            }
        }
    }

    /// The escalation steps a timer would have taken on a fault until `until` (its restoration, or
    /// now), each at its time, and delivered; most acknowledged by someone of the tier a few minutes
    /// later, while a step just taken still waits.
    private func escalate(_ db: Database, _ item: WorkItem, until: Date, _ context: (String, Date) -> Context,
                          _ rng: inout SplitMix64) throws {
        let policy = EscalationPolicy.standard[item.level!]
        let times = Set(policy.rules.map { $0.time(reported: item.receivedAt, due: item.dueAt!) }).filter { $0 <= until }.sorted()
        for time in times {
            let ctx = context(Self.staff.first { $0.role == .supervisor }!.username, time)
            for step in try AppDatabase.takeDueSteps(db, item, ctx) {
                try db.execute(sql: "UPDATE notification SET attempts = 1, delivered_at = ? WHERE escalation_id = ?",
                               arguments: [time.dbSeconds + 5, step.id!])
                guard step.step.isTier else { continue }
                let after = time.addingTimeInterval(Double(180 + rng.next(upTo: 1500)))
                guard after < until, rng.next(upTo: 6) > 0 else { continue }
                let people = Self.staff.filter { $0.role == step.step.role }
                let who = people[rng.next(upTo: people.count)].username
                try db.execute(sql: "UPDATE escalation SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ?",
                               arguments: [after.dbSeconds, who, step.id!])
                try AppDatabase.record(db, item.id!, at: after, context(who, after), event: "acknowledged",
                                       field: "escalation", new: step.step.rawValue)
            }
        }
    }

    private func makeCase(_ db: Database, _ rules: DeadlineRules, received: Date, now: Date, _ ctx: Context,
                          _ rng: inout SplitMix64) throws {
        let roll = rng.next(upTo: 100)
        let kind: CaseKind = roll < 80 ? .general : (roll < 92 ? .special : .requirement)
        let region = Region.allCases[rng.next(upTo: Region.allCases.count)]
        let channel = Channel.allCases[rng.next(upTo: Channel.allCases.count)]
        let titles = kind == .general ? Self.generalTitles : (kind == .special ? Self.specialTitles : Self.requirementTitles)
        var item = WorkItem(
            kind: ItemKind(rawValue: kind.rawValue)!, title: titles[rng.next(upTo: titles.count)],
            description: Self.descriptions[rng.next(upTo: Self.descriptions.count)],
            region: region, channel: channel, requesterName: Self.personName(&rng),
            requesterOffice: region.chineseName + Self.offices[rng.next(upTo: Self.offices.count)],
            requesterPhone: "0971-\(6_100_000 + rng.next(upTo: 899_999))",
            takenBy: ctx.actor, receivedAt: received, createdAt: received, createdBy: ctx.actor)
        switch kind {
        case .general:
            let d = rules.general(receivedAt: received)
            (item.dueAt, item.calendarVersion) = (d.due, d.calendarVersion)
        case .special:
            let d = rules.special(confirmedAt: received)
            (item.confirmedAt, item.dueAt, item.calendarVersion) = (received, d.due, d.calendarVersion)
        case .requirement:
            break
        }
        try item.insert(db)
        let id = item.id!
        try AppDatabase.record(db, id, at: received, ctx, event: "created",
                               systemNote: .received(kind: ItemKind(rawValue: kind.rawValue)!, channel: channel))

        if kind == .requirement {
            // Most requirements were assessed within a few days, with a due date weeks later.
            let assessedAt = received.addingTimeInterval(Double(86_400 + rng.next(upTo: 4 * 86_400)))
            guard assessedAt < now, rng.next(upTo: 5) > 0 else { return }
            let due = BeijingTime.instant(BeijingTime.date(of: assessedAt).adding(days: 14 + rng.next(upTo: 40)),
                                          secondOfDay: rules.calendar.hours.closing)
            let requester = item.requesterName
            let size = "\(2 + rng.next(upTo: 20))人天"
            try update(db, &item, at: assessedAt, ctx, event: "assessed") {
                $0.status = .assessed
                $0.dueAt = due
                $0.agreedWith = requester
                $0.agreedAt = assessedAt
                $0.sizeEstimate = size
            }
            if due < now, rng.next(upTo: 20) < 19 {
                let done = due.addingTimeInterval(-Double(rng.next(upTo: 10 * 86_400)))
                try close(db, &item, at: max(done, assessedAt.addingTimeInterval(3600)), now: now, ctx, &rng)
            }
            return
        }
        guard let due = item.dueAt else { return }
        // The rule's event: in time nine times out of ten, late otherwise.
        let window = max(due.timeIntervalSince(received), 1800)
        let late = rng.next(upTo: 10) == 0
        let eventAt = late ? due.addingTimeInterval(Double(1800 + rng.next(upTo: 2 * 86_400)))
                           : received.addingTimeInterval(window * Double(10 + rng.next(upTo: 85)) / 100)
        if kind == .special, eventAt < now {
            try update(db, &item, at: eventAt, ctx, event: "responded", note: Self.responses[rng.next(upTo: Self.responses.count)]) {
                $0.firstResponseAt = eventAt
                $0.status = .responded
            }
        }
        let closeAt = kind == .special ? eventAt.addingTimeInterval(Double(3600 + rng.next(upTo: 3 * 86_400))) : eventAt
        // Recent tickets stay open: some within their deadline, some already overdue.
        if closeAt < now, now.timeIntervalSince(received) > 3 * 86_400 || rng.next(upTo: 3) == 0 {
            try close(db, &item, at: closeAt, now: now, ctx, &rng)
        }
    }

    private func makeFault(_ db: Database, _ rules: DeadlineRules, received: Date, now: Date, _ ctx: Context,
                           _ rng: inout SplitMix64) throws {
        let roll = rng.next(upTo: 10)
        let level: FaultLevel = roll < 2 ? .one : (roll < 5 ? .two : .three)
        // Faults are reported at any hour.
        let reported = received.addingTimeInterval(-Double(rng.next(upTo: 6 * 3600)))
        let titles = Self.faultTitles[level]!
        let d = rules.fault(level: level, reportedAt: reported)
        var item = WorkItem(kind: .fault, title: titles[rng.next(upTo: titles.count)],
                            description: Self.descriptions[rng.next(upTo: Self.descriptions.count)],
                            region: Region.allCases[rng.next(upTo: Region.allCases.count)], takenBy: ctx.actor,
                            level: level, receivedAt: reported, dueAt: d.due, calendarVersion: d.calendarVersion,
                            createdAt: reported, createdBy: ctx.actor)
        try item.insert(db)
        try AppDatabase.record(db, item.id!, at: reported, ctx, event: "reported", systemNote: .reported(level: level))
        let window = Double(level.hours * 3600)
        let restoreAt = reported.addingTimeInterval(window * Double(5 + rng.next(upTo: 110)) / 100)
        let restored = restoreAt < now && (now.timeIntervalSince(reported) > window * 1.5 || rng.next(upTo: 2) == 0)
        try escalate(db, item, until: restored ? restoreAt : now, { actor, at in
            var c = ctx
            c.actor = actor
            c.now = at
            return c
        }, &rng)
        if restored {
            try close(db, &item, at: restoreAt, now: now, ctx, &rng)
        }
    }

    private func close(_ db: Database, _ item: inout WorkItem, at: Date, now: Date, _ ctx: Context,
                       _ rng: inout SplitMix64) throws {
        let pair = Self.causes[rng.next(upTo: Self.causes.count)]
        try update(db, &item, at: at, ctx, event: item.kind == .fault ? "restored" : "resolved") {
            $0.status = .closed
            $0.closedAt = at
            $0.cause = pair.0
            $0.solution = pair.1
            if $0.kind.isCase && $0.firstResponseAt == nil { $0.firstResponseAt = at }
        }
    }

    private func update(_ db: Database, _ item: inout WorkItem, at: Date, _ ctx: Context, event: String,
                        note: String? = nil, _ change: (inout WorkItem) -> Void) throws {
        let before = item
        change(&item)
        item.version += 1
        item.updatedAt = at
        try item.update(db)
        var c = ctx
        c.now = at
        try AppDatabase.record(db, item.id!, at: at, c, event: event, note: note)
        let old = try before.databaseDictionary, new = try item.databaseDictionary
        for column in new.keys.sorted() where !["version", "updated_at"].contains(column) && old[column] != new[column] {
            try AppDatabase.record(db, item.id!, at: at, c, event: event, field: column,
                                   old: AppDatabase.display(column, old[column]), new: AppDatabase.display(column, new[column]))
        }
    }

    /// Moves most times into the working day; a few stay in the evening or on weekends.
    static func businessLike(_ t: Date, _ rng: inout SplitMix64) -> Date {
        let (day, _) = BeijingTime.local(t)
        if rng.next(upTo: 12) == 0 { return t }
        let second = 8 * 3600 + 30 * 60 + rng.next(upTo: 9 * 3600 + 30 * 60)
        return BeijingTime.instant(day, secondOfDay: second)
    }

    static func personName(_ rng: inout SplitMix64) -> String {
        if rng.next(upTo: 5) == 0 { return tibetanNames[rng.next(upTo: tibetanNames.count)] }
        return surnames[rng.next(upTo: surnames.count)] + givenNames[rng.next(upTo: givenNames.count)]
    }

    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "马", "韩", "祁", "冶", "鲁", "孙", "朱", "郭"]
    static let givenNames = ["建华", "秀兰", "海燕", "志强", "玉梅", "国庆", "晓东", "丽娟", "永福", "春梅", "德明", "文静", "占祥", "桂英", "小军", "红霞"]
    static let tibetanNames = ["才让卓玛", "扎西东智", "多杰才旦", "索南措", "拉毛吉", "更登加", "尼玛", "桑杰"]
    static let offices = ["社会保险事业管理局", "机关事业单位养老保险中心", "人力资源和社会保障局", "财政局", "教育局人事科", "卫生健康委员会"]

    static let generalTitles = [
        "养老保险待遇测算结果与手工核对不一致", "参保人员信息变更后无法保存", "缴费基数申报模块提示“数据校验失败”",
        "查询2023年度个人账户明细", "统计本单位在职参保人数", "办公电脑无法连接内网打印机", "职业年金记账利率如何设置",
        "退休人员待遇核定流程咨询", "中断缴费人员如何续保", "视同缴费年限认定政策咨询", "跨地区转移接续业务办理流程",
        "批量导入工资数据格式报错", "单位缴费核定单打印格式错乱", "个人账户补记利息查询", "浏览器兼容性导致页面显示不全",
        "新入职人员参保登记提示身份证号重复", "月度对账单金额与财政拨款不符", "Ukey证书过期无法登录", "死亡人员丧葬费计算口径咨询",
        "导出Excel报表中文乱码",
    ]
    static let specialTitles = [
        "参保人员去世后待遇停发及丧葬费发放", "重复缴费退费紧急处理", "退休审批卡在审核环节需当日处理",
        "单位合并后参保关系批量调整", "待遇发放银行账户错误需紧急更正", "审计检查需紧急提供近三年缴费数据",
    ]
    static let requirementTitles = [
        "新增职业年金待遇领取情况统计报表", "增加按地区导出参保单位名单功能", "调整2025年度缴费基数上下限",
        "待遇调整批量测算功能优化", "对接省财政一体化平台工资数据接口", "增加参保人员电子档案查询页面",
    ]
    static let faultTitles: [FaultLevel: [String]] = [
        .one: ["数据库实例响应缓慢，全省业务办理中断", "应用服务器集群宕机，系统无法访问", "核心用户表空间写满导致无法入库", "机房网络中断，各州市均无法连接"],
        .two: ["待遇核定计算结果错误", "缴费核定服务频繁崩溃", "批量业务队列积压，月末结算无法完成", "个人账户记账程序报错"],
        .three: ["报表打印功能异常", "负载均衡未能自动切换", "海西州网络间断性中断", "单个查询服务停止响应", "附件上传功能偶发失败"],
    ]
    static let descriptions = [
        "经办人员电话反映，已远程查看现象并截图留存。", "用户通过微信发送截图，问题可复现。",
        "涉及多家单位，需核对后台数据。", "用户急需办理，请优先处理。", "",
    ]
    static let responses = ["已电话联系经办人，正在核查数据。", "已远程登录查看，预计今日给出处理意见。", "已转总部专家协助分析。"]
    static let causes: [(String, String)] = [
        ("经办人员操作顺序有误，先提交后修改导致数据未保存。", "指导用户按正确流程重新操作，并补充操作手册说明。"),
        ("缴费基数校验规则未包含2024年新上限。", "更新校验参数表，用户重新申报成功。"),
        ("浏览器版本过低，不兼容新版前端组件。", "协助安装推荐版本浏览器并清理缓存。"),
        ("历史数据迁移时个人账户利息未补记。", "执行数据修正脚本补记利息，并复核账户余额。"),
        ("打印机驱动与系统补丁冲突。", "重新安装驱动并设置默认打印机。"),
        ("数据库归档日志未及时清理，空间不足。", "清理已备份归档日志并扩展归档空间，增加巡检项。"),
        ("应用服务内存泄漏导致进程频繁重启。", "调整JVM参数并滚动重启服务，已提交缺陷修复。"),
        ("政策口径理解差异。", "依据省人社厅文件解释口径，用户确认无异议。"),
    ]
}

/// A small, fast, seedable random number generator (SplitMix64), so demo data is reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(upTo bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
