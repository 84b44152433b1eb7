import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

@Suite("Trainings entered after the fact, in the console")
struct TrainingAfterTheFactConsoleTests {
    @Test func theNewTrainingFormAsksWhenTheSessionIsRecordedAndSavesThatTime() throws {
        var s = TrainingSample.state()
        _ = s.press(.char("n"))
        let b = render(s)
        let row = try #require(b.row(containing: "登记时间"), "the recorded-at field")
        #expect(b.lines[row].contains("2021-11-23 16:00"), "opens with now: \(b.lines[row])")
        _ = s.press(.right, .tab)                                          // for operators
        s.type("待遇核定业务培训")
        _ = s.press(.tab)
        s.type("玉树州社保局会议室")
        _ = s.press(.tab)
        s.type("李敏")
        _ = s.press(.tab)
        s.type("2021-11-19")
        _ = s.press(.tab, .ctrl("u"))
        s.type("2021-11-24 09:00")                                         // after now: refused as typed
        #expect(render(s).row(containing: "不能晚于现在") != nil)
        #expect(s.press(.ctrl("s")) == [.bell])
        _ = s.press(.ctrl("u"))
        s.type("2021-11-20 09:00")
        #expect(s.press(.ctrl("s")) == [.write(.addTraining(NewTraining(type: .operator, topic: "待遇核定业务培训", place: "玉树州社保局会议室",
                                                                        trainer: "李敏", heldOn: CivilDate(iso: "2021-11-19")!),
                                                            at: t("2021-11-20T09:00:00+08:00")))])
    }

    @Test func theAttendeeFormKeepsTheOfficeAndRegionOfTheLastEntry() throws {
        var s = TrainingSample.details(of: 502)                           // last recorded: Li Ming, 省直属机关
        _ = s.press(.char("a"))
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.value(.office) == "省直属机关" && form.value(.region) == "shengzhishu")
        let b = render(s)
        let office = try #require(b.row(containing: "单位"))
        #expect(b.lines[office].contains("省直属机关"))
        let region = try #require(b.row(containing: "地区"))
        #expect(b.lines[region].contains(Region.shengzhishu.label(.zh)))
        #expect(!form.isDirty, "nothing typed yet")
        s.type("卓玛")
        #expect(s.press(.ctrl("s")) == [.write(.addAttendee(id: 502, name: "卓玛", office: "省直属机关", region: .shengzhishu,
                                                            score: nil, version: 5))])
        // The first attendee of a session: nothing to keep.
        var first = TrainingSample.details(of: 501)
        _ = first.press(.char("a"))
        guard case .form(let empty, _) = first.mode else { Issue.record("no form"); return }
        #expect(empty.value(.office) == "" && empty.value(.region) == Region.allCases[0].rawValue)
    }

    @Test func capitalCCorrectsTheAttendeeChosenKeepingWhatIsLeftEmpty() throws {
        var s = TrainingSample.details(of: 502)
        _ = s.press(.char("C"))
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .correctAttendee(id: 502, version: 5))
        #expect(render(s).row(containing: "更正 #502 的学员") != nil)
        _ = s.press(.right)                                                // 王建华
        _ = s.press(.tab, .tab)
        s.type("湟中区社保局")
        _ = s.press(.tab, .tab)
        s.type("81")
        #expect(s.press(.ctrl("s")) == [.write(.editAttendee(id: 502, attendee: AttendeeName(name: "王建华", office: "西宁市社保局"),
                                                             AttendeeCorrection(office: "湟中区社保局", score: 81), version: 5))])
        _ = s.reduce(.saved(.attendeeCorrected(id: 502, name: "王建华")))
        #expect(s.status?.text == "#502 已更正学员 王建华")
        // No attendee yet: nobody to correct.
        var none = TrainingSample.details(of: 501)
        #expect(none.press(.char("C")) == [.bell])
    }
}
