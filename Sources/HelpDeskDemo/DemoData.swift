import Foundation
import HelpDeskCore
import HelpDeskStore

/// Realistic demo data: the desk's staff, and CASE tickets and faults from every region and channel,
/// open, overdue and resolved, spread over the months before `now`.
///
/// Deterministic for a seed, so a demo database looks the same on every machine. Deadlines are
/// computed by the real rules and faults climb their escalation paths by the real engine. Each item
/// is written once, in its final state, followed by the history entries, escalation steps and
/// notifications its story leaves; the whole fill is one transaction.
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

    /// Adds the demo staff and `items` work items (about one in eight a fault) received over the
    /// `days` days before `ctx.now`, in one transaction checked by `authorize`. History entries
    /// carry the demo's simulated times and the machine's time of writing.
    ///
    /// Data-processing tasks, change requests, deliveries and defects follow, told through the
    /// operations (`DemoServices`).
    ///
    /// The staff, tickets and faults (and the inventory) go in through the store's bulk load
    /// (`AppDatabase.bulkLoad`), which checks that demo data may go into this database, marks it as
    /// a demo one, and sets indexes and triggers aside while a fill at least doubles the items.
    func fill(_ database: AppDatabase, items: Int, days: Int, _ ctx: Context) throws {
        let rules = DeadlineRules(calendar: try database.calendar())
        try database.bulkLoad(rows: items, staff: Self.staff, ctx) { session in
            var fill = try DemoFill(session, seed: seed, rules: rules, ctx)
            try fill.write(items: items, days: days)
            try session.addInventory(DemoInspections.inventory)
        }
        var services = DemoServices(database, seed: seed, ctx)
        try services.write(days: days)
        var inspections = DemoInspections(database, seed: seed, ctx)
        try inspections.write(days: days)
        // Added by a member of the demo's staff (a simulated clock writes as the supervisor it is);
        // a demo database filled again keeps the entries it has.
        var desk = ctx
        if !ctx.clockIsSimulated { desk.actor = Self.staff.first { $0.role == .onsite }!.username }
        let firstFill = try database.requester(named: Self.requesters[0].name, office: Self.requesters[0].office) == nil
        for requester in Self.requesters where try database.requester(named: requester.name, office: requester.office) == nil {
            try database.addRequester(requester, desk)
        }
        // Their tickets and the conversation around them, told once.
        if firstFill { try DemoConversation(database, desk).write() }
        // The desk's canned answers, written by the demo's supervisor (whoever fills it: a database
        // that had no staff has the demo's now, and its filler need not be among them).
        var supervisor = ctx
        if !ctx.clockIsSimulated { supervisor.actor = Self.staff.first { $0.role == .supervisor }!.username }
        try DemoTemplates.write(database, supervisor)
    }

    /// A few entries of the requester directory, told through its operation: two 才让 of two
    /// offices among them.
    static let requesters: [Requester] = [
        Requester(name: "才让", office: "玉树州社保局", region: .yushu, phones: ["0976-8822334", "13909760001"],
                  chatID: "cairang_ys", language: .zh, channel: .wechat),
        Requester(name: "才让", office: "囊谦县社保局", region: .yushu, phones: ["0976-8672210"], channel: .phone),
        Requester(name: "扎西", office: "海西州社保局", region: .haixi, phones: ["0977 8221100 转 12"], channel: .phone),
        Requester(name: "卓玛", office: "西宁市社保局", region: .xining, phones: ["0971-6100000"],
                  email: "zhuoma@ylbx.qh.gov.cn", language: .zh, channel: .email),
        Requester(name: "王建华", office: "海东市社保局", region: .haidong, phones: ["13897200011"], channel: .qq),
    ]

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
        ("核心交换机端口故障，州市专线中断。", "切换备用链路并更换故障端口模块，恢复后持续观察。"),
        ("Ukey证书过期，客户端未提示续期。", "协助在线续期证书并更新客户端，用户重新登录成功。"),
        ("导出模块未指定字符集，默认编码与办公软件不一致。", "改为按GB18030导出，用户重新导出后显示正常。"),
    ]

    /// The causes that fit a title, by what it is about (printing, browsers, the database, the
    /// network, services, accounts, contributions, policy), so that a closed demo ticket's cause
    /// and solution answer its title and the similar resolved tickets make sense.
    static func causes(fitting title: String) -> [(String, String)] {
        let topics: [([String], [Int])] = [
            (["打印"], [4]),
            (["浏览器", "页面"], [2]),
            (["乱码", "Excel"], [10]),
            (["Ukey", "证书", "登录"], [9, 2]),
            (["数据库", "表空间", "入库", "归档"], [5]),
            (["网络", "机房", "专线", "连接", "负载均衡"], [8]),
            (["服务", "崩溃", "宕机", "队列", "程序", "上传"], [6]),
            (["利息", "账户", "对账"], [3]),
            (["政策", "咨询", "口径", "如何", "认定"], [7]),
            (["缴费基数", "申报", "核定", "导入", "保存", "重复"], [1, 0]),
        ]
        let fitting = topics.first { $0.0.contains { title.contains($0) } }?.1 ?? [0, 7]
        return fitting.map { causes[$0] }
    }
}

/// A small, fast, seedable random number generator (SplitMix64), so demo data is reproducible.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    public mutating func next(upTo bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// One fill: the generator of the demo's stories and the prepared statements that write them.
///
/// An item's story is played in memory first (its draws of the generator in a fixed order, so a
/// seed always tells the same stories); the item is then written once in its final state and the
/// rows the story left follow it, as the operations would have written them: the same columns,
/// history entries, steps, notifications and recipients, in the same order. Rows go many to a
/// statement, with positional arguments.
private struct DemoFill {
    let session: BulkLoadSession
    var rng: SplitMix64
    let rules: DeadlineRules
    let now: Date
    let escalation: EscalationSettings
    /// Whose timer takes the steps due after the report: the demo's supervisor.
    let supervisor: String
    let onsite: [String]
    /// The demo staff who acknowledge each tier's steps.
    let acknowledgers: [EscalationStep: [String]]

    // The rows, many to a statement. Items, steps and notifications get their ids here, the next
    // ones AUTOINCREMENT would give, so a row's children can name it before it is written.
    var items: BulkInserter
    var history: BulkInserter
    var steps: BulkInserter
    var notifications: BulkInserter
    var recipients: BulkInserter
    var timeline: BulkInserter
    var nextItemID: Int64
    var nextStepID: Int64
    var nextNotificationID: Int64

    /// Whom a step's notification names, as the outbox stores them: JSON encoded once, and the
    /// staff among them.
    struct Addressees {
        var json: String
        var usernames: [String]
    }
    let addressees: [EscalationStep: Addressees]
    /// The supervisor step at a breach that also tells the client office.
    let supervisorAndClient: Addressees

    /// JSON texts encoded once: strings, reasons and notes.
    var jsonStrings: [String: String] = [:]
    var ruleReasons: [DueStepKey: (stored: String, note: String)] = [:]
    let receivedNotes: [String: String]
    let reportedNotes: [FaultLevel: String]

    struct DueStepKey: Hashable {
        var level: FaultLevel
        var percent: Int
        var step: EscalationStep
    }

    /// The rows an item's story leaves after the item itself, in the order they are written.
    var pending: [Pending] = []

    enum Pending {
        case history(HistoryRow)
        case step(StepRow)
    }

    struct HistoryRow {
        /// When it happened, and was recorded: the demo's clock is the story's.
        var at: Int64
        var actor: String
        var event: HistoryEvent
        var field: HistoryField? = nil
        var old: String? = nil
        var new: String? = nil
        var note: String? = nil
        var code: String? = nil
    }

    /// An escalation step taken by the rule, with its acknowledgement if it was acknowledged.
    struct StepRow {
        var due: DueStep
        var takenAt: Int64
        /// Whose session took it: the reporter's for the steps due at the report (`addFault`
        /// takes them), the timer's after.
        var takenBy: String
        var acknowledgedAt: Int64?
        var acknowledgedBy: String?
    }

    init(_ session: BulkLoadSession, seed: UInt64, rules: DeadlineRules, _ ctx: Context) throws {
        self.session = session
        rng = SplitMix64(seed: seed)
        self.rules = rules
        now = ctx.now
        // The demo's faults climb the standard path whatever the configuration says.
        escalation = EscalationSettings(policy: .standard, client: ctx.escalation.client)
        supervisor = DemoData.staff.first { $0.role == .supervisor }!.username
        onsite = DemoData.staff.filter { $0.role == .onsite }.map(\.username)
        acknowledgers = Dictionary(uniqueKeysWithValues: [EscalationStep.T0, .T1, .T2].map { step in
            (step, DemoData.staff.filter { $0.role == step.role }.map(\.username))
        })
        items = try session.inserter(.item, ["id", "kind", "status", "title", "description", "region", "channel", "requester_name",
                                       "requester_office", "requester_phone", "requester_phone_key", "taken_by", "assignee", "level", "received_at",
                                       "confirmed_at", "first_response_at", "due_at", "calendar_version", "agreed_with",
                                       "agreed_at", "size_estimate", "closed_at", "cause", "solution", "created_at",
                                       "created_by", "updated_at", "version"], rows: 50)
        // Each entry is recorded at its time (`recorded_at` repeats `at`); the machine's time of
        // writing is the batch's, its first argument.
        history = try session.inserter(.history, ["item_id", "at", "recorded_at", "recorded_real_at", "actor", "event", "field",
                                            "old_value", "new_value", "note", "note_code"],
                            values: ["item_id", "at", "at", nil, "actor", "event", "field", "old_value", "new_value", "note",
                                     "note_code"],
                            rows: 100, shared: { [wallClock = ctx.wallClock] in wallClock().dbSeconds })
        steps = try session.inserter(.escalation, ["id", "item_id", "step", "level", "due_at", "taken_at", "taken_by", "by_rule",
                                             "reason", "acknowledged_at", "acknowledged_by"], rows: 100)
        notifications = try session.inserter(.notification, ["id", "kind", "escalation_id", "item_id", "created_at", "payload",
                                                       "text", "message", "attempts", "next_attempt_at", "delivered_at"], rows: 50)
        recipients = try session.inserter(.notificationRecipient, ["notification_id", "username"], rows: 200)
        // A timeline entry is recorded at its time, as history is.
        timeline = try session.inserter(.timeline, ["item_id", "kind", "at", "author", "text", "channel", "recorded_at"],
                                        values: ["item_id", "kind", "at", "author", "text", "channel", "at"], rows: 100)
        nextItemID = try session.nextID(.item)
        nextStepID = try session.nextID(.escalation)
        nextNotificationID = try session.nextID(.notification)

        // The people each step names, as the store's escalation names them.
        func named(_ step: EscalationStep, alsoClient: Bool) throws -> Addressees {
            let (json, usernames) = try session.notified(step, alsoClient: alsoClient)
            return Addressees(json: json, usernames: usernames)
        }
        var all: [EscalationStep: Addressees] = [:]
        for step in EscalationStep.allCases { all[step] = try named(step, alsoClient: false) }
        addressees = all
        supervisorAndClient = try named(.supervisor, alsoClient: true)
        var received: [String: String] = [:]
        for kind in CaseKind.allCases {
            for channel in Channel.allCases {
                received[kind.rawValue + channel.rawValue] = session.stored(SystemNote.received(kind: kind.itemKind, channel: channel))
            }
        }
        receivedNotes = received
        reportedNotes = Dictionary(uniqueKeysWithValues: FaultLevel.allCases.map { ($0, session.stored(SystemNote.reported(level: $0))) })
    }

    // MARK: The stories

    mutating func write(items count: Int, days: Int) throws {
        let span = Double(days * 86_400)
        for n in 0..<count {
            // Spread receipt times over the period, denser in business hours, newest last.
            let offset = span * (1 - Double(n) / Double(max(count, 1))) - Double(rng.next(upTo: 3600))
            var received = DemoData.businessLike(now.addingTimeInterval(-max(offset, 60)), &rng)
            if received > now { received = now.addingTimeInterval(-60) }
            // Whole seconds, as the database keeps times and the operations read them back.
            received = Date(dbSeconds: received.dbSeconds)
            let actor = onsite[rng.next(upTo: onsite.count)]
            if rng.next(upTo: 8) == 0 {
                try fault(received: received, actor: actor)
            } else {
                try ticket(received: received, actor: actor)
            }
        }
        // The board always has work on it: faults reported over the last day and a half, some
        // within their window, some about to breach, one overdue.
        if count >= 50 { try boardFaults() }
        for batch in [\Self.items, \.history, \.steps, \.notifications, \.recipients, \.timeline] as [WritableKeyPath<Self, BulkInserter>] {
            try self[keyPath: batch].finish()
        }
    }

    private mutating func boardFaults() throws {
        let recent: [(FaultLevel, Double)] = [(.three, 2), (.two, 5), (.three, 20), (.one, 9), (.two, 21), (.three, 36), (.one, 13)]
        for (i, (level, hoursAgo)) in recent.enumerated() {
            let reported = Date(dbSeconds: now.addingTimeInterval(-hoursAgo * 3600 - Double(rng.next(upTo: 1800))).dbSeconds)
            let item = reportFault(level: level, at: reported, actor: onsite[i % onsite.count])
            escalate(item, until: now)
            try flush(item)
        }
    }

    /// A CASE ticket: taken in; a requirement assessed, a special case answered; most resolved.
    mutating func ticket(received: Date, actor: String) throws {
        let roll = rng.next(upTo: 100)
        let kind: CaseKind = roll < 80 ? .general : (roll < 92 ? .special : .requirement)
        let region = Region.allCases[rng.next(upTo: Region.allCases.count)]
        let channel = Channel.allCases[rng.next(upTo: Channel.allCases.count)]
        let titles = kind == .general ? DemoData.generalTitles : (kind == .special ? DemoData.specialTitles : DemoData.requirementTitles)
        var item = WorkItem(
            kind: kind.itemKind, title: titles[rng.next(upTo: titles.count)],
            description: DemoData.descriptions[rng.next(upTo: DemoData.descriptions.count)],
            region: region, channel: channel, requesterName: DemoData.personName(&rng),
            requesterOffice: region.chineseName + DemoData.offices[rng.next(upTo: DemoData.offices.count)],
            requesterPhone: "0971-\(6_100_000 + rng.next(upTo: 899_999))",
            takenBy: actor, receivedAt: received, createdAt: received, createdBy: actor)
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
        pending.append(.history(HistoryRow(at: received.dbSeconds, actor: actor,
                                           event: .created, code: receivedNotes[kind.rawValue + channel.rawValue])))
        try story(&item, kind: kind, received: received, actor: actor)
        try flush(item)
    }

    private mutating func story(_ item: inout WorkItem, kind: CaseKind, received: Date, actor: String) throws {
        if kind == .requirement {
            // Most requirements were assessed within a few days, with a due date weeks later.
            let assessedAt = received.addingTimeInterval(Double(86_400 + rng.next(upTo: 4 * 86_400)))
            guard assessedAt < now, rng.next(upTo: 5) > 0 else { return }
            let due = BeijingTime.instant(BeijingTime.date(of: assessedAt).adding(days: 14 + rng.next(upTo: 40)),
                                          secondOfDay: rules.calendar.hours.closing)
            let size = "\(2 + rng.next(upTo: 20))人天"
            // The fields `assess` changes, by column name, as the history lists them.
            let event = changed(&item, at: assessedAt, actor: actor, event: .assessed)
            item.status = .assessed
            item.dueAt = due
            item.agreedWith = item.requesterName
            item.agreedAt = assessedAt
            item.sizeEstimate = size
            field(event, .agreedAt, nil, BeijingTime.iso(assessedAt))
            field(event, .agreedWith, nil, item.agreedWith)
            field(event, .dueAt, nil, BeijingTime.iso(due))
            field(event, .sizeEstimate, nil, size)
            field(event, .status, ItemStatus.open.rawValue, ItemStatus.assessed.rawValue)
            if due < now, rng.next(upTo: 20) < 19 {
                let done = due.addingTimeInterval(-Double(rng.next(upTo: 10 * 86_400)))
                close(&item, at: max(done, assessedAt.addingTimeInterval(3600)), actor: actor)
            }
            return
        }
        guard let due = item.dueAt else { return }
        // The rule's event: in time nine times out of ten, late otherwise.
        let window = max(due.timeIntervalSince(received), 1800)
        let late = rng.next(upTo: 10) == 0
        let eventAt = late ? due.addingTimeInterval(Double(1800 + rng.next(upTo: 2 * 86_400)))
                           : Date(dbSeconds: received.addingTimeInterval(window * Double(10 + rng.next(upTo: 85)) / 100).dbSeconds)
        if kind == .special, eventAt < now {
            let note = DemoData.responses[rng.next(upTo: DemoData.responses.count)]
            let event = changed(&item, at: eventAt, actor: actor, event: .responded, note: note)
            item.firstResponseAt = eventAt
            item.status = .responded
            field(event, .firstResponseAt, nil, BeijingTime.iso(eventAt))
            field(event, .status, ItemStatus.open.rawValue, ItemStatus.responded.rawValue)
        }
        let closeAt = kind == .special ? eventAt.addingTimeInterval(Double(3600 + rng.next(upTo: 3 * 86_400))) : eventAt
        // Recent tickets stay open: some within their deadline, some already overdue.
        if closeAt < now, now.timeIntervalSince(received) > 3 * 86_400 || rng.next(upTo: 3) == 0 {
            close(&item, at: closeAt, actor: actor)
        }
    }

    /// A fault: reported, climbing its escalation path as a timer takes the steps; most restored.
    mutating func fault(received: Date, actor: String) throws {
        let roll = rng.next(upTo: 10)
        let level: FaultLevel = roll < 2 ? .one : (roll < 5 ? .two : .three)
        // Faults are reported at any hour.
        let reported = received.addingTimeInterval(-Double(rng.next(upTo: 6 * 3600)))
        var item = reportFault(level: level, at: reported, actor: actor)
        let window = Double(level.hours * 3600)
        let restoreAt = Date(dbSeconds: reported.addingTimeInterval(window * Double(5 + rng.next(upTo: 110)) / 100).dbSeconds)
        let restored = restoreAt < now && (now.timeIntervalSince(reported) > window * 1.5 || rng.next(upTo: 2) == 0)
        escalate(item, until: restored ? restoreAt : now)
        if restored {
            close(&item, at: restoreAt, actor: actor)
        }
        try flush(item)
    }

    /// The escalation steps a timer would have taken on a fault until `until` (its restoration, or
    /// now), each at its time; most acknowledged by someone of the tier a few minutes later, while a
    /// step just taken still waits. As `acknowledge` has it, an acknowledgement goes to the highest
    /// tier still waiting: one that a higher tier's waiting step stands in front of is not made.
    /// The rows come in the order they happened.
    /// A fault as `actor` reports it at `at`: title, description and region drawn in that order,
    /// the deadline by the rules, and its `reported` entry, recorded as it was reported (the timer
    /// takes its steps from then on).
    private mutating func reportFault(level: FaultLevel, at reported: Date, actor: String) -> WorkItem {
        let titles = DemoData.faultTitles[level]!
        let d = rules.fault(level: level, reportedAt: reported)
        let item = WorkItem(kind: .fault, title: titles[rng.next(upTo: titles.count)],
                            description: DemoData.descriptions[rng.next(upTo: DemoData.descriptions.count)],
                            region: Region.allCases[rng.next(upTo: Region.allCases.count)], takenBy: actor,
                            level: level, receivedAt: reported, dueAt: d.due, calendarVersion: d.calendarVersion,
                            createdAt: reported, createdBy: actor)
        pending.append(.history(HistoryRow(at: reported.dbSeconds, actor: actor,
                                           event: .reported, code: reportedNotes[level])))
        return item
    }

    private mutating func escalate(_ item: WorkItem, until: Date) {
        let level = item.level!
        let (reported, due) = (item.receivedAt, item.dueAt!)
        let times = Set(escalation.policy[level].rules.map { $0.time(reported: reported, due: due) }).filter { $0 <= until }.sorted()
        var taken: Set<EscalationStep> = []
        var steps: [StepRow] = []
        for time in times {
            let subject = EscalationSubject(level: level, reportedAt: reported, dueAt: due, restored: false, taken: taken)
            for step in EscalationEngine.due(subject, policy: escalation.policy, now: time) {
                taken.insert(step.step)
                var row = StepRow(due: step, takenAt: time.dbSeconds, takenBy: time == reported ? item.createdBy : supervisor)
                if step.step.isTier {
                    let after = time.addingTimeInterval(Double(180 + rng.next(upTo: 1500)))
                    if after < until, rng.next(upTo: 6) > 0 {
                        let people = acknowledgers[step.step]!
                        (row.acknowledgedAt, row.acknowledgedBy) = (after.dbSeconds, people[rng.next(upTo: people.count)])
                    }
                }
                steps.append(row)
            }
        }
        // Acknowledgements in time order (at the same second, the higher tier first).
        let acknowledgements = steps.indices.filter { steps[$0].acknowledgedAt != nil }.sorted { a, b in
            let (x, y) = (steps[a], steps[b])
            return x.acknowledgedAt! != y.acknowledgedAt! ? x.acknowledgedAt! < y.acknowledgedAt! : x.due.step > y.due.step
        }
        var acknowledged: Set<EscalationStep> = []
        for i in acknowledgements {
            let (step, at) = (steps[i].due.step, steps[i].acknowledgedAt!)
            let waitingAbove = steps.contains { $0.due.step.isTier && $0.due.step > step && $0.takenAt <= at && !acknowledged.contains($0.due.step) }
            if waitingAbove {
                (steps[i].acknowledgedAt, steps[i].acknowledgedBy) = (nil, nil)
            } else {
                acknowledged.insert(step)
            }
        }
        var next = 0
        for i in acknowledgements {
            guard let at = steps[i].acknowledgedAt, let who = steps[i].acknowledgedBy else { continue }
            while next < steps.count, steps[next].takenAt <= at {
                pending.append(.step(steps[next]))
                next += 1
            }
            pending.append(.history(HistoryRow(at: at, actor: who, event: .acknowledged, field: .escalation,
                                               new: steps[i].due.step.rawValue)))
        }
        for row in steps[next...] { pending.append(.step(row)) }
    }

    /// Closes an item: resolved (a ticket) or restored (a fault), with a cause and a solution.
    private mutating func close(_ item: inout WorkItem, at: Date, actor: String) {
        // One draw, as before, among the causes that fit the title.
        let fitting = DemoData.causes(fitting: item.title)
        let pair = fitting[rng.next(upTo: DemoData.causes.count) % fitting.count]
        let status = item.status
        let event = changed(&item, at: at, actor: actor, event: item.kind == .fault ? .restored : .resolved)
        item.status = .closed
        item.closedAt = at
        item.cause = pair.0
        item.solution = pair.1
        field(event, .cause, nil, pair.0)
        field(event, .closedAt, nil, BeijingTime.iso(at))
        if item.kind.isCase && item.firstResponseAt == nil {
            item.firstResponseAt = at
            field(event, .firstResponseAt, nil, BeijingTime.iso(at))
        }
        field(event, .solution, nil, pair.1)
        field(event, .status, status.rawValue, ItemStatus.closed.rawValue)
    }

    /// A change to the item at `at`, as `AppDatabase.change` records it: the version and time of
    /// update move on, and an entry for the event comes before one per changed field. Returns the
    /// event's entry, which the changed fields copy.
    private mutating func changed(_ item: inout WorkItem, at: Date, actor: String, event: HistoryEvent, note: String? = nil) -> HistoryRow {
        item.version += 1
        item.updatedAt = at
        let entry = HistoryRow(at: at.dbSeconds, actor: actor, event: event, note: note)
        pending.append(.history(entry))
        return entry
    }

    private mutating func field(_ event: HistoryRow, _ field: HistoryField, _ old: String?, _ new: String?) {
        pending.append(.history(HistoryRow(at: event.at, actor: event.actor, event: event.event,
                                           field: field, old: old, new: new)))
    }

    // MARK: Writing

    /// Writes the item in its final state, then the rows its story left, and forgets them.
    private mutating func flush(_ item: WorkItem) throws {
        let id = nextItemID
        nextItemID += 1
        try items.add([id, item.kind.rawValue, item.status.rawValue, item.title, item.description, item.region?.rawValue,
                      item.channel?.rawValue, item.requesterName, item.requesterOffice, item.requesterPhone,
                      PhoneNumber.storedKey(item.requesterPhone), item.takenBy,
                      item.assignee, item.level?.rawValue, item.receivedAt.dbSeconds, item.confirmedAt?.dbSeconds,
                      item.firstResponseAt?.dbSeconds, item.dueAt?.dbSeconds, item.calendarVersion, item.agreedWith,
                      item.agreedAt?.dbSeconds, item.sizeEstimate, item.closedAt?.dbSeconds, item.cause, item.solution,
                      item.createdAt.dbSeconds, item.createdBy, item.updatedAt.dbSeconds, item.version])
        for row in pending {
            switch row {
            case .history(let entry):
                try record(id, entry)
                // A response is the ticket's first reply, in its timeline as the store writes it.
                if entry.event == .responded, entry.field == nil, let note = entry.note {
                    try timeline.add([id, TimelineKind.reply.rawValue, entry.at, entry.actor, note, nil])
                }
            case .step(let step): try escalated(item, id, step)
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func record(_ id: Int64, _ e: HistoryRow) throws {
        try history.add([id, e.at, e.actor, e.event.rawValue, e.field?.rawValue, e.old, e.new, e.note, e.code])
    }

    /// A step as `insertStep` takes it: the step, its history entry, its notification and the
    /// notification's recipients.
    private mutating func escalated(_ item: WorkItem, _ id: Int64, _ row: StepRow) throws {
        let level = item.level!
        let step = row.due.step
        let reason = ruleReason(level, row.due)
        let stepID = nextStepID
        nextStepID += 1
        try steps.add([stepID, id, step.rawValue, level.rawValue, row.due.dueAt.dbSeconds, row.takenAt, row.takenBy, true,
                      reason.stored, row.acknowledgedAt, row.acknowledgedBy])
        try record(id, HistoryRow(at: row.takenAt, actor: row.takenBy, event: .escalated,
                                  field: .escalation, new: step.rawValue, code: reason.note))
        let breach = row.due.percent >= 100 && step == .supervisor && escalation.policy[level].notifyClientOnBreach
        let to = breach ? supervisorAndClient : addressees[step]!
        let region = item.region!
        let title = json(item.title)
        let dueAt = item.dueAt!
        // `StoredEvent.json()` and `NotificationMessage.code.json` of the operations, keys sorted.
        let payload = """
            {"at":"\(BeijingTime.iso(Date(dbSeconds: row.takenAt)))","by_rule":true,"fault":{"due_at":"\(BeijingTime.iso(dueAt))",\
            "id":\(id),"level":\(level.rawValue),"region":\(json(region.chineseName)),\
            "reported_at":"\(BeijingTime.iso(item.receivedAt))","title":\(title)},"people":\(to.json),\
            "step":"\(step.rawValue)","step_id":\(stepID)}
            """
        let message = """
            {"code":"escalation_notice","due_at":\(dueAt.dbSeconds),"fault":\(id),"level":\(level.rawValue),\
            "reason":\(reason.stored),"region":\(json(region.rawValue)),"step":"\(step.rawValue)","title":\(title)}
            """
        // Delivered five seconds after the step, as a timer with a working gateway does; one taken
        // in the last seconds still waits in the outbox.
        let deliveredAt = row.takenAt + 5 <= now.dbSeconds ? row.takenAt + 5 : nil
        let notificationID = nextNotificationID
        nextNotificationID += 1
        try notifications.add([notificationID, NoticeKind.escalation.rawValue, stepID, id, row.takenAt, payload, "", message, deliveredAt == nil ? 0 : 1,
                              row.takenAt, deliveredAt])
        for username in to.usernames {
            try recipients.add([notificationID, username])
        }
    }

    /// A string as JSON, encoded once by the encoder the operations use.
    private mutating func json(_ text: String) -> String {
        if let known = jsonStrings[text] { return known }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let array = String(decoding: (try? encoder.encode([text])) ?? Data("[\"\"]".utf8), as: UTF8.self)
        let encoded = String(array.dropFirst().dropLast())
        jsonStrings[text] = encoded
        return encoded
    }

    /// A rule's reason as the escalation row stores it, and as its history entry's note, encoded once.
    private mutating func ruleReason(_ level: FaultLevel, _ due: DueStep) -> (stored: String, note: String) {
        let key = DueStepKey(level: level, percent: due.percent, step: due.step)
        if let known = ruleReasons[key] { return known }
        let reason = due.reason(level)
        let encoded = (session.stored(reason), session.stored(SystemNote.escalation(reason)))
        ruleReasons[key] = encoded
        return encoded
    }
}

/// Instants as the store keeps them: whole seconds since 1970.
extension Date {
    var dbSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
    init(dbSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(dbSeconds)) }
}

extension AppDatabase {
    /// Fills the database with `demo`'s staff and `items` work items received over the `days` days
    /// before `ctx.now`.
    ///
    /// Demo data goes only into a new database or one it made before (it marks the database): a
    /// database holding work items it did not make is refused with nothing changed. On a database
    /// that has staff, only a supervisor may fill it.
    public func fillDemo(_ demo: DemoData, items: Int, days: Int, _ ctx: Context) throws {
        guard items > 0, days > 0 else {
            throw StoreError.invalid(Catalog.Store.demoSizes)
        }
        try demo.fill(self, items: items, days: days, ctx)
    }
}
