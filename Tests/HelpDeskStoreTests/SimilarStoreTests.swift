import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

/// A desk with resolved tickets: each added Monday and resolved at `at`.
private struct Desk {
    let db: AppDatabase
    var ctx: Context

    init() throws {
        (db, ctx) = try makeDatabase()
        ctx.now = t("2021-11-26T18:00:00+08:00")
    }

    func open(_ title: String, _ description: String = "") throws -> Int64 {
        try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: title, description: description),
                       at: t("2021-11-22T09:00:00+08:00"), ctx).id!
    }

    func resolved(_ title: String, _ description: String = "", solution: String = "重新配置后恢复",
                  at: String = "2021-11-23T10:00:00+08:00") throws -> Int64 {
        let id = try open(title, description)
        _ = try db.resolve(id, cause: "配置问题", solution: solution, at: t(at), ctx)
        return id
    }
}

/// Resolved tickets of this desk that speak of other matters.
private let distractors: [(String, String)] = [
    ("缴费基数调整", "单位申报的缴费基数需要调整，系统提示超过上限。"),
    ("退休审批流程查询", "想了解退休审批目前进行到哪一步。"),
    ("待遇发放银行卡变更", "退休人员更换了银行卡，需要变更待遇发放账户。"),
    ("单位新增参保人员", "新入职人员无法在系统中新增参保登记。"),
    ("职业年金个人账户查询", "职业年金个人账户余额显示为零。"),
    ("数据库备份失败", "夜间数据库备份任务报错退出。"),
    ("网络断开无法访问系统", "海东市社保局网络中断，所有终端无法访问。"),
    ("权限申请", "新来的经办人需要开通审核权限。"),
    ("报表导出格式错误", "月度统计报表导出为Excel后格式错乱。"),
    ("死亡人员待遇停发", "参保人死亡后需要停发待遇并结算丧葬费。"),
    ("工龄认定材料补充", "视同缴费年限认定缺少档案材料。"),
    ("重复参保清理", "同一人在两个单位重复参保，需要清理。"),
    ("待遇重算", "调整基础养老金后需要重新计算待遇。"),
    ("单位名称变更", "事业单位更名后系统里名称未更新。"),
    ("身份证号码录入错误", "参保人身份证号码录错一位，需要更正。"),
    ("系统运行缓慢", "上午业务高峰时系统响应很慢。"),
    ("经办机构代码维护", "新设经办机构需要维护机构代码。"),
    ("补缴申请审核", "单位为职工申请补缴三个月的保费。"),
    ("待遇领取资格认证", "异地居住人员需要进行领取资格认证。"),
    ("密码重置邮件收不到", "重置密码的邮件一直没有收到。"),
    ("扫描仪驱动安装", "新扫描仪在Windows 10上无法安装驱动。"),
    ("个人缴费明细缺月", "个人缴费明细中缺少2019年3月的记录。"),
    ("单位缴费欠费提醒", "单位收到欠费提醒，但已经缴纳。"),
    ("统计口径说明", "年报中在职人数统计口径不一致。"),
    ("中人过渡期待遇计算", "中人过渡性养老金计算结果与手工测算不一致。"),
    ("病退鉴定结果录入", "劳动能力鉴定结论无法录入系统。"),
    ("遗属待遇申领", "遗属申领抚恤金需要哪些材料。"),
    ("档案借阅登记", "需要借阅参保人纸质档案。"),
    ("工资总额申报", "单位年度工资总额申报后数据未生效。"),
    ("参保证明开具", "参保人需要开具参保缴费证明。"),
]

/// Pairs worded differently that ask the same: the resolved one, then the new one.
private let pairs: [(resolved: (String, String), asked: (String, String))] = [
    (("养老保险关系跨省转移失败", "参保人从甘肃调入，养老保险关系转移接续时系统提示转移失败。"),
     ("甘肃转入的人员办不了转移接续", "办理养老保险关系转入时一直报错，转移接续无法完成。")),
    (("对账单无法打印", "单位年度对账单点击打印后没有反应。"),
     ("年度对账单打不出来", "打印单位的对账单时页面空白。")),
    (("登录系统提示密码错误", "经办人输入正确密码后登录系统仍提示密码错误。"),
     ("输入密码后进不了系统", "用户名和密码都对，但登录系统时说密码错误。")),
    (("打印机无法连接", "西宁经办大厅的打印机在系统里显示脱机，无法连接。"),
     ("大厅打印机脱机", "业务大厅的打印机脱机了，打印任务一直排队。")),
    (("个人账户记账利率未更新", "2021年度个人账户记账利率没有更新到系统。"),
     ("记账利率还是去年的", "个人账户的记账利率显示的仍是上一年的数。")),
    (("社保卡激活失败", "参保人社保卡在柜台激活时提示失败。"),
     ("新社保卡激活不了", "领取新社保卡后在柜台激活一直不成功。")),
]

@Suite("The closest resolved tickets")
struct SimilarStoreTests {
    @Test func theTicketItselfOpenOnesAndMergedDuplicatesAreNeverOffered() throws {
        let desk = try Desk()
        let asked = try desk.open("对账单无法打印")
        let resolved = try desk.resolved("对账单无法打印")
        let stillOpen = try desk.open("对账单无法打印", "仍在处理")
        let duplicate = try desk.open("对账单无法打印")
        _ = try desk.db.merge(duplicate, into: stillOpen, at: t("2021-11-23T11:00:00+08:00"), desk.ctx)
        #expect(try desk.db.similarResolved(to: asked, limit: 5).map(\.id) == [resolved])
        // A resolved ticket is not its own match.
        #expect(try desk.db.similarResolved(to: resolved, limit: 5).isEmpty)
    }

    @Test func eachCarriesItsTitleResolvedTimeCauseAndSolution() throws {
        let desk = try Desk()
        let resolved = try desk.resolved("社保卡激活失败", solution: "重新写卡后激活成功", at: "2021-11-24T15:30:00+08:00")
        let asked = try desk.open("社保卡激活失败")
        #expect(try desk.db.similarResolved(to: asked, limit: 5)
                == [SimilarTicket(id: resolved, title: "社保卡激活失败", resolvedAt: t("2021-11-24T15:30:00+08:00"),
                                  cause: "配置问题", solution: "重新写卡后激活成功")])
    }

    @Test func equalRanksGoMostRecentlyResolvedFirstAndTheLimitHolds() throws {
        let desk = try Desk()
        let older = try desk.resolved("打印机无法连接", at: "2021-11-23T10:00:00+08:00")
        let newer = try desk.resolved("打印机无法连接", at: "2021-11-25T10:00:00+08:00")
        let middle = try desk.resolved("打印机无法连接", at: "2021-11-24T10:00:00+08:00")
        let asked = try desk.open("打印机无法连接")
        #expect(try desk.db.similarResolved(to: asked, limit: 5).map(\.id) == [newer, middle, older])
        #expect(try desk.db.similarResolved(to: asked, limit: 2).map(\.id) == [newer, middle])
    }

    @Test func theTitleWeighsAboveTheDescription() throws {
        let desk = try Desk()
        let inDescription = try desk.resolved("系统故障", "对账单无法打印", at: "2021-11-25T10:00:00+08:00")
        let inTitle = try desk.resolved("对账单无法打印", "系统故障", at: "2021-11-23T10:00:00+08:00")
        let asked = try desk.open("对账单无法打印")
        #expect(try desk.db.similarResolved(to: asked, limit: 5).map(\.id) == [inTitle, inDescription])
    }

    @Test func aTicketWithoutWordsOfItsOwnOrUnknownFindsNothingOrFails() throws {
        let desk = try Desk()
        _ = try desk.resolved("打印机无法连接")
        let bare = try desk.open("？？")
        #expect(try desk.db.similarResolved(to: bare, limit: 5).isEmpty)
        #expect(throws: StoreError.self) { try desk.db.similarResolved(to: 999, limit: 5) }
    }

    @Test func aNewTicketTitledLikeResolvedOnesFindsOneInTheFirstThree() throws {
        let desk = try Desk()
        for (title, description) in distractors { _ = try desk.resolved(title, description) }
        for pair in pairs { _ = try desk.resolved(pair.resolved.0, pair.resolved.1) }
        for (title, _) in distractors.prefix(10) + pairs.map(\.resolved) {
            let asked = try desk.open(title)
            let found = try desk.db.similarResolved(to: asked, limit: 3)
            #expect(found.contains { $0.title == title }, "\(title): \(found.map(\.title))")
        }
    }

    @Test func theSameQuestionWordedDifferentlyFindsItsResolvedTicketInTheFirstFive() throws {
        let desk = try Desk()
        for (title, description) in distractors { _ = try desk.resolved(title, description) }
        let intended = try pairs.map { try desk.resolved($0.resolved.0, $0.resolved.1) }
        for (pair, id) in zip(pairs, intended) {
            let asked = try desk.open(pair.asked.0, pair.asked.1)
            let found = try desk.db.similarResolved(to: asked, limit: 5)
            #expect(found.map(\.id).contains(id), "\(pair.asked.0): \(found.map(\.title))")
        }
    }
}
