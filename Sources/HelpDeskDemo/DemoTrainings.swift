import Foundation
import HelpDeskCore
import HelpDeskStore

/// The demo's training sessions (培训): about one every two weeks over the demo's period and a few
/// planned in the fortnight ahead, each audience in turn, told through the store's operations
/// after the tasks and changes. Past sessions went through their steps, some stopping short (the
/// materials not yet uploaded, the exam not yet marked); attendees come from the nine regions
/// with scores once the exam is done. Deterministic for a seed, and few (dozens, whatever the
/// number of tickets).
extension DemoServices {
    static let trainingTopics: [TrainingType: [String]] = [
        .admin: ["机关事业单位养老保险政策解读", "养老保险基金监管与风险防控", "年度业务统计与考核指标说明"],
        .operator: ["待遇核定与退休审批业务操作", "参保登记与缴费基数申报", "养老保险关系转移接续办理", "个人账户查询与对账业务"],
        .sysadmin: ["数据库备份与恢复演练", "应用服务器部署与巡检", "日志分析与故障定位"],
    ]
    static let trainingPlaces = ["省社保局三楼会议室", "省社保局培训中心", "西宁市社保局会议室", "信息中心机房", "视频会议（各州分会场）"]
    static let trainers = ["李敏", "陈静", "刘洋", "王建国", "马晓燕"]

    mutating func trainings(days: Int) throws {
        let start = now.addingTimeInterval(-Double(days) * 86_400)
        let past = max(2, days / 14), ahead = 2
        let types = TrainingType.allCases
        for n in 0..<(past + ahead) {
            // Held on a working-looking day: spread over the period, the last ones in the fortnight ahead.
            let heldAt = n < past ? start.addingTimeInterval(Double(days) * 86_400 * Double(n) / Double(past))
                : now.addingTimeInterval(Double(3 + (n - past) * 6) * 86_400)
            var day = BeijingTime.date(of: heldAt)
            while day.weekday.isWeekend { day = day.adding(days: 1) }
            try training(types[n % types.count], on: day)
        }
    }

    /// One session held on `day`, recorded two to three weeks before, with as many steps done as
    /// have come by now.
    mutating func training(_ type: TrainingType, on day: CivilDate) throws {
        let topics = Self.trainingTopics[type]!
        let new = NewTraining(type: type, topic: topics[rng.next(upTo: topics.count)],
                              place: Self.trainingPlaces[rng.next(upTo: Self.trainingPlaces.count)],
                              trainer: Self.trainers[rng.next(upTo: Self.trainers.count)], heldOn: day)
        let dayStart = BeijingTime.instant(day, secondOfDay: 0)
        let recorded = dayStart.addingTimeInterval(-Double(14 + rng.next(upTo: 8)) * 86_400 + 9.5 * 3600)
        guard recorded < now else { return }
        let id = try database.addTraining(new, at: Date(dbSeconds: recorded.dbSeconds), by([.onsite, .supervisor])).id!

        // When each step is done: the preparation spread between recording and the day, the session
        // and its exam on the day, Q&A the next day, the upload a few days later.
        // (The preparation days lie days apart: their times within the day keep them in order.)
        let lead = dayStart.timeIntervalSince(recorded)
        let prepared = [0.15, 0.4, 0.75].map { share in
            max(recorded, DemoData.businessLike(recorded.addingTimeInterval(lead * share), &rng))
        }
        let times: [TrainingStep: Date] = [
            .content: prepared[0], .plan: prepared[1], .materials: prepared[2], .delivery: dayStart.addingTimeInterval(9.5 * 3600),
            .exam: dayStart.addingTimeInterval(16 * 3600), .qa: dayStart.addingTimeInterval(34 * 3600),
            .upload: dayStart.addingTimeInterval(Double(3 + rng.next(upTo: 4)) * 86_400 + 10 * 3600),
        ]
        // Some sessions stop short of the end: one in six without its upload, one in ten without Q&A.
        let roll = rng.next(upTo: 60)
        let last: TrainingStep = roll < 6 ? .exam : (roll < 16 ? .qa : .upload)
        for step in TrainingStep.allCases where step <= last {
            let at = Date(dbSeconds: times[step]!.dbSeconds)
            guard at <= now else { break }
            try database.markTrainingStep(id, step, at: at, by([.onsite, .expert]))
            if step == .materials {
                try database.addMaterial(id, location: "/share/培训/\(day)/\(new.topic).pptx", at: at, by([.onsite, .expert]))
            }
            if step == .upload {
                try database.addMaterial(id, location: "https://pan.qhsi.example/training/\(day)-\(id)", at: at, by([.onsite, .expert]))
            }
        }
        // Attendees once the session was held: scored when the exam is done, a few without a score.
        guard let held = times[.delivery], held <= now else { return }
        let examined = times[.exam]! <= now
        let at = Date(dbSeconds: (examined ? times[.exam]! : held).dbSeconds)
        var names: Set<String> = []
        for _ in 0..<(8 + rng.next(upTo: 12)) {
            let name = DemoData.personName(&rng)
            guard names.insert(name).inserted else { continue }
            let region = Region.allCases[rng.next(upTo: Region.allCases.count)]
            let office = region == .shengzhishu ? DemoData.offices[rng.next(upTo: DemoData.offices.count)]
                : "\(region.chineseName)\(DemoData.offices[rng.next(upTo: 3)])"
            let score = examined && rng.next(upTo: 12) != 0 ? 58 + rng.next(upTo: 43) : nil
            try database.addAttendee(id, name: name, office: office, region: region, score: score, at: at, by([.onsite, .expert]))
        }
    }
}
