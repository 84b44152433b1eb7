import Foundation
import Testing
@testable import HelpDeskCore

@Suite("The requester directory's rules")
struct RequesterRuleTests {
    @Test(arguments: ["zhaxi@ylbx.qh.gov.cn", "a.b-c+d@x.cn", "Z9@a-b.com"])
    func anEmailIsAccepted(_ text: String) {
        #expect(RequesterRules.isEmail(text))
    }

    @Test(arguments: ["", "zhaxi", "zhaxi@", "@qh.gov.cn", "a@b", "a@@b.cn", "a b@c.cn", "a@b..cn", "a@-b.cn", "a@b.c1",
                      ".a@b.cn", "a..b@c.cn", "扎西@qh.gov.cn", "a@b.c"])
    func aMalformedEmailIsRefused(_ text: String) {
        #expect(!RequesterRules.isEmail(text))
    }

    @Test func chatIDsAreWeChatIdsOrQQNumbers() {
        for good in ["cairang_ys", "wxid-123456", "12345", "12345678901"] { #expect(RequesterRules.isChatID(good), "\(good)") }
        for bad in ["1234", "123456789012", "01234", "abcde", "9abcdef", "a" + String(repeating: "b", count: 20), "卓玛卓玛卓玛", "ab cdef"] {
            #expect(!RequesterRules.isChatID(bad), "\(bad)")
        }
    }

    @Test func aRequesterIsTidiedAndItsPhonesKeyedOnce() throws {
        let given = Requester(name: " 卓玛 ", office: " 西宁市社保局", region: .xining, phones: [" 0971-6464897 ", "", "13800000000"],
                              email: " ", chatID: "")
        let r = try RequesterRules.check(given).get()
        #expect(r.name == "卓玛" && r.office == "西宁市社保局" && r.email == nil && r.chatID == nil)
        #expect(r.phones == ["0971-6464897", "13800000000"])
        #expect(r.phoneKeys == ["09716464897", "13800000000"])
        let twice = Requester(name: "卓玛", office: "A", region: nil, phones: ["0971 6464897", "(0971)6464897"])
        #expect(RequesterRules.check(twice) == .failure(TextProblem(Catalog.Requesters.phoneTwice("(0971)6464897"))))
        let many = Requester(name: "卓玛", office: "A", region: nil, phones: (1...6).map { "1380000000\($0)" })
        #expect(RequesterRules.check(many) == .failure(TextProblem(Catalog.Requesters.tooManyPhones(6))))
        #expect(RequesterRules.check(Requester(name: "卓玛", office: "", region: nil), officeRequired: false).map(\.office) == .success(""))
        #expect(RequesterRules.check(Requester(name: "卓玛", office: "", region: nil)) == .failure(TextProblem(Catalog.Requesters.officeMissing)))
    }

    @Test func anEditRecordsOnlyTheFieldsThatChanged() {
        let old = Requester(name: "扎西", office: "海西州社保局", region: .haixi, phones: ["0977-8221100"], language: .zh)
        var new = old
        new.region = .haibei
        new.phones.append("13900000000")
        new.language = nil
        let changes = RequesterField.changes(from: old, to: new)
        #expect(changes.map(\.field) == [.region, .phones, .language])
        #expect(changes.map(\.old) == ["haixi", "0977-8221100", "zh"])
        #expect(changes.map(\.new) == ["haibei", "0977-8221100; 13900000000", nil])
        #expect(RequesterField.changes(from: old, to: old).isEmpty)
    }
}
