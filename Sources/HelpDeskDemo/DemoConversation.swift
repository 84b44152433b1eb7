import Foundation
import HelpDeskCore
import HelpDeskStore

/// The conversation around a few live tickets, told through the store's operations after the
/// directory's demo requesters are in: each requester asks the desk several times (so `P` lists
/// their tickets), some tickets carry internal notes, what the requester said and a reply, one
/// waits on its requester, one is related to a fault, one duplicate is merged into the ticket it
/// repeats (whose details then name two requesters) and one carries a small text attachment.
///
/// A handful of items received in the last hours, whatever the size of the fill: the bulk fill
/// stays as fast as it was.
public struct DemoConversation {
    let database: AppDatabase
    let ctx: Context
    let now: Date

    init(_ database: AppDatabase, _ ctx: Context) {
        self.database = database
        self.ctx = ctx
        now = ctx.now
    }

    /// The tickets of the story, each with the requester (by place in `DemoData.requesters`) it
    /// comes from.
    static let tickets: [(requester: Int, kind: CaseKind, channel: Channel, title: String, description: String)] = [
        (0, .general, .wechat, "养老保险待遇资格认证后仍提示未认证", "玉树州参保人人脸识别认证成功，系统第二天仍显示未认证。"),
        (0, .special, .phone, "退休人员养老金重复发放核查", "两名退休人员本月养老金发放两次，需核查发放批次。"),
        (3, .general, .email, "认证成功后仍显示未认证（西宁市）", "西宁市参保人反映同样的认证状态问题。"),
        (1, .general, .phone, "囊谦县单位缴费基数无法保存", "单位缴费基数修改后点保存无反应。"),
        (1, .general, .phone, "缴费基数保存后又被清空", "保存成功后重新打开页面，基数为空。"),
        (2, .special, .phone, "海西州转移接续单据无法打印", "转移接续联系函打印时报错。"),
        (2, .general, .phone, "转移接续查询很慢", "查询转移接续记录要等一分钟以上。"),
        (3, .general, .email, "西宁市个人账户对账单金额不符", "对账单上的个人账户累计金额与柜面查询不一致。"),
        (3, .general, .email, "对账单导出 Excel 乱码", "导出的对账单文件打开后中文乱码。"),
        (4, .general, .qq, "海东市新参保人员信息无法录入", "录入身份证号时提示格式错误。"),
        (4, .general, .qq, "参保登记表打印缺页", "打印参保登记表只出第一页。"),
    ]

    /// How many tickets the story takes in (a first fill has these beyond the items asked for).
    public static var ticketCount: Int { tickets.count }

    /// Writes the story; returns the numbers of the tickets it took in, in the order above.
    @discardableResult
    func write() throws -> [Int64] {
        var ids: [Int64] = []
        let directory = try DemoData.requesters.map { r in try database.requester(named: r.name, office: r.office) }
        // Received over the last hours, oldest first, a few minutes apart.
        let first = now.addingTimeInterval(-Double(Self.tickets.count) * 600 - 3600)
        for (n, t) in Self.tickets.enumerated() {
            let entry = directory[t.requester]
            let new = NewCase(kind: t.kind, channel: t.channel, region: entry?.region ?? .xining, title: t.title,
                              description: t.description, requesterID: entry?.id)
            ids.append(try database.addCase(new, at: time(first, n), ctx).id!)
        }
        let later = now.addingTimeInterval(-1800)
        // Notes, the requester's messages, a reply.
        try database.addNote(ids[0], text: "已请省中心核对认证库与业务库的同步任务。", at: later, ctx)
        try database.addMessage(ids[0], text: "参保人今天上午又问了一次，希望尽快处理。", channel: .wechat, at: later.addingTimeInterval(60), ctx)
        try database.reply(ids[0], text: "已在核查同步任务，今天下班前答复。", at: later.addingTimeInterval(120), ctx)
        try database.addMessage(ids[3], text: "换了浏览器也一样。", channel: .phone, at: later, ctx)
        try database.addNote(ids[7], text: "疑似月底批量计息未完成，待明早复核。", at: later, ctx)
        // One waits on its requester.
        try database.pause(ids[4], reason: "请单位提供保存时的截图和操作时间", at: later.addingTimeInterval(180), ctx)
        // One is related to a fault the desk is working on.
        var faults = ItemFilter()
        faults.kinds = [.fault]
        faults.activeOnly = true
        faults.limit = 1
        if let fault = try database.items(faults).first?.id {
            try database.relate(ids[6], fault, at: later.addingTimeInterval(240), ctx)
        }
        // The same problem from another office is merged into the first report: its requester joins it.
        try database.merge(ids[2], into: ids[0], at: later.addingTimeInterval(300), ctx)
        // A small text attachment: what the office sent.
        try database.addAttachment(to: .item(ids[9]), name: "录入报错说明.txt",
                                   content: Data("录入身份证号 632123199001011234 时提示：证件号码格式错误。\n".utf8), ctx)
        return ids
    }

    /// The `n`th ticket's time of receipt: ten minutes after the one before, whole seconds.
    func time(_ first: Date, _ n: Int) -> Date {
        Date(dbSeconds: first.addingTimeInterval(Double(n) * 600).dbSeconds)
    }
}
