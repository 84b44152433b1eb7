import Foundation
import HelpDeskCore
import HelpDeskStore

/// The desk's canned answers in the demo: the replies and notes the pension desk writes most,
/// some in both languages, written by the supervisor filling the demo.
enum DemoTemplates {
    static let templates: [ReplyTemplate] = [
        ReplyTemplate(title: "跨地区转移接续业务办理流程",
                      bodyZh: """
                      {{请求人}}您好：关于工单{{工单号}}，跨地区转移接续请按以下步骤办理：
                      1. 参保人向转入地经办机构提出申请并提交身份证件；
                      2. 转入地发出联系函，转出地在15个工作日内核对并转移基金；
                      3. 转入地确认到账后合并缴费年限。
                      如有问题请在{{截止时间}}前与我们联系。
                      """,
                      bodyEn: """
                      Dear {{requester}}, regarding ticket {{ticket}}: a transfer between regions goes as follows:
                      1. the insured applies at the receiving office with their ID;
                      2. the receiving office sends its letter; the sending office checks and transfers the fund within 15 working days;
                      3. once the fund has arrived, the receiving office merges the years of contribution.
                      Please contact us before {{deadline}} with any question.
                      """, use: .reply),
        ReplyTemplate(title: "月度对账单金额与财政拨款不符",
                      bodyZh: """
                      {{请求人}}您好：工单{{工单号}}反映的月度对账单金额与财政拨款不符，已转省中心核对本月拨款批次与到账记录，\
                      将于{{截止时间}}前答复核对结果。
                      """,
                      bodyEn: nil, use: .reply),
        ReplyTemplate(title: "密码重置",
                      bodyZh: "{{请求人}}您好：工单{{工单号}}的经办系统登录密码已重置为初始密码，请尽快登录并修改。（{{今天}}）",
                      bodyEn: "Dear {{requester}}, the login password of ticket {{ticket}} has been reset to the initial one; please log in and change it. ({{today}})",
                      use: .reply),
        ReplyTemplate(title: "等待单位提供截图",
                      bodyZh: "{{请求人}}您好：为尽快处理工单{{工单号}}，请提供出错时的截图和操作时间。",
                      bodyEn: "Dear {{requester}}, to move ticket {{ticket}} on, please send a screenshot of the error and when it happened.",
                      use: .reply),
        ReplyTemplate(title: "电话回访记录",
                      bodyZh: "{{今天}}电话回访{{请求人}}，确认问题已解决。", bodyEn: nil, use: .note),
        ReplyTemplate(title: "转省中心核查",
                      bodyZh: "已将工单{{工单号}}转省中心核查，截止时间{{截止时间}}。", bodyEn: nil, use: .note),
    ]

    /// Adds the templates the database does not have yet (by title): a fill made again adds none.
    static func write(_ database: AppDatabase, _ ctx: Context) throws {
        let have = Set(try database.templates(retired: true).map(\.title))
        for t in templates where !have.contains(t.title) {
            try database.addTemplate(t, ctx)
        }
    }
}
