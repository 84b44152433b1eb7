/// The one name of each thing in each language, chosen here and used by the command line, the
/// console and the report alike: kinds, statuses, channels, regions, fault levels, roles, history
/// events and fields. Each is an exhaustive switch giving both languages, so a thing without its
/// name does not compile; a short form is given where a narrow column needs one.

extension ItemKind {
    /// `故障` / `fault`.
    public var name: LocalizedText {
        switch self {
        case .general: return LocalizedText(zh: "一般问题", en: "general")
        case .special: return LocalizedText(zh: "特殊情况", en: "special")
        case .requirement: return LocalizedText(zh: "需求", en: "requirement")
        case .fault: return LocalizedText(zh: "故障", en: "fault")
        case .task: return LocalizedText(zh: "数据处理", en: "task")
        case .change: return LocalizedText(zh: "软件升级", en: "change")
        case .delivery: return LocalizedText(zh: "软件交付", en: "delivery")
        case .training: return LocalizedText(zh: "培训", en: "training")
        case .inspection: return LocalizedText(zh: "巡检", en: "inspection")
        }
    }

    public func label(_ lang: Language) -> String { name(lang) }
}

extension CaseKind {
    /// The contract's full name of the CASE kind: `一般问题类` / `general question`.
    public var name: LocalizedText {
        switch self {
        case .general: return LocalizedText(zh: "一般问题类", en: "general question")
        case .special: return LocalizedText(zh: "特殊情况", en: "special case")
        case .requirement: return LocalizedText(zh: "需求类", en: "requirement")
        }
    }

    public var chineseName: String { name.zh }
}

extension ItemStatus {
    /// The status of an item of `kind`: a closed fault is restored, a closed task completed.
    public func name(kind: ItemKind) -> LocalizedText {
        switch self {
        case .open: return LocalizedText(zh: "待处理", en: "open")
        case .responded: return LocalizedText(zh: "已响应", en: "responded")
        case .assessed: return LocalizedText(zh: "已评估", en: "assessed")
        case .closed:
            switch kind {
            case .fault: return LocalizedText(zh: "已恢复", en: "restored")
            case .task: return LocalizedText(zh: "已完成", en: "completed")
            case .change: return LocalizedText(zh: "已上线", en: "released")
            default: return LocalizedText(zh: "已解决", en: "resolved")
            }
        case .waiting: return Catalog.WaitingAndLinks.waitingStatus
        case .merged: return Catalog.WaitingAndLinks.mergedStatus
        }
    }

    public func label(_ lang: Language, kind: ItemKind) -> String { name(kind: kind)(lang) }
}

extension Channel {
    /// How a ticket reached the desk: `需求管理平台CASE` / `CASE platform`.
    public var name: LocalizedText {
        switch self {
        case .phone: return LocalizedText(zh: "电话", en: "phone")
        case .wechat: return LocalizedText(zh: "微信", en: "WeChat")
        case .qq: return LocalizedText(zh: "QQ", en: "QQ")
        case .email: return LocalizedText(zh: "电子邮件", en: "email")
        case .fax: return LocalizedText(zh: "传真", en: "fax")
        case .casePlatform: return LocalizedText(zh: "需求管理平台CASE", en: "CASE platform")
        }
    }

    /// The name for a column of at most 8 columns: the CASE platform shortened, the rest as named.
    public var shortName: LocalizedText {
        switch self {
        case .casePlatform: return LocalizedText(zh: "CASE平台", en: "CASE")
        case .phone, .wechat, .qq, .email, .fax: return name
        }
    }

    public var chineseName: String { name.zh }

    public func label(_ lang: Language) -> String { name(lang) }

    public func shortLabel(_ lang: Language) -> String { shortName(lang) }
}

extension Region {
    /// `西宁市` / `Xining`: in English the pinyin, everywhere.
    public var name: LocalizedText {
        switch self {
        case .xining: return LocalizedText(zh: "西宁市", en: "Xining")
        case .haidong: return LocalizedText(zh: "海东市", en: "Haidong")
        case .hainan: return LocalizedText(zh: "海南州", en: "Hainan")
        case .huangnan: return LocalizedText(zh: "黄南州", en: "Huangnan")
        case .yushu: return LocalizedText(zh: "玉树州", en: "Yushu")
        case .guoluo: return LocalizedText(zh: "果洛州", en: "Guoluo")
        case .haixi: return LocalizedText(zh: "海西州", en: "Haixi")
        case .haibei: return LocalizedText(zh: "海北州", en: "Haibei")
        case .shengzhishu: return LocalizedText(zh: "省直属", en: "Shengzhishu")
        }
    }

    public var chineseName: String { name.zh }

    public func label(_ lang: Language) -> String { name(lang) }
}

extension FaultLevel {
    /// `2级` / `level 2`.
    public var name: LocalizedText { LocalizedText(zh: "\(rawValue)级", en: "level \(rawValue)") }
}

extension StaffRole {
    /// How refusals name a role: `现场人员（T0）` / `on-site staff (T0)`.
    public var name: LocalizedText {
        switch self {
        case .onsite: return LocalizedText(zh: "现场人员（T0）", en: "on-site staff (T0)")
        case .expert: return LocalizedText(zh: "总部专家（T1/T2）", en: "an HQ expert (T1/T2)")
        case .supervisor: return LocalizedText(zh: "主管", en: "a supervisor")
        case .viewer: return LocalizedText(zh: "查看人员", en: "a viewer")
        }
    }

    /// The role in English, as refusals name it.
    public var label: String { name.en }

    /// The role in Chinese.
    public var chineseName: String { name.zh }
}

extension ResponseMode {
    /// How an action on a fault was carried out: `现场解决` / `on site`.
    public var name: LocalizedText {
        switch self {
        case .onsite: return LocalizedText(zh: "现场解决", en: "on site")
        case .remote: return LocalizedText(zh: "远程支持", en: "remote desktop")
        case .phone: return LocalizedText(zh: "通讯支持", en: "by phone or chat")
        }
    }

    public var chineseName: String { name.zh }

    public func label(_ lang: Language) -> String { name(lang) }
}

extension HistoryEvent {
    /// The event as words: `巡检关联` / `linked to an inspection`, never the stored code.
    public var name: LocalizedText {
        switch self {
        case .created: return LocalizedText(zh: "登记", en: "received")
        case .reported: return LocalizedText(zh: "报告", en: "reported")
        case .responded: return LocalizedText(zh: "响应", en: "responded")
        case .resolved: return LocalizedText(zh: "解决", en: "resolved")
        case .restored: return LocalizedText(zh: "恢复", en: "restored")
        case .assessed: return LocalizedText(zh: "评估", en: "assessed")
        case .assigned: return LocalizedText(zh: "指派", en: "assigned")
        case .raised: return LocalizedText(zh: "提高级别", en: "level raised")
        case .lowered: return LocalizedText(zh: "降低级别", en: "level lowered")
        case .reopened: return LocalizedText(zh: "重新打开", en: "reopened")
        case .escalated: return LocalizedText(zh: "升级", en: "escalated")
        case .acknowledged: return LocalizedText(zh: "确认升级", en: "escalation acknowledged")
        case .completed: return LocalizedText(zh: "完成", en: "completed")
        case .erroneous: return LocalizedText(zh: "标记有误", en: "marked erroneous")
        case .linked: return LocalizedText(zh: "关联", en: "linked")
        case .advanced: return LocalizedText(zh: "推进阶段", en: "stage advanced")
        case .tested: return LocalizedText(zh: "内测", en: "test round")
        case .released: return LocalizedText(zh: "上线", en: "released")
        case .defect: return LocalizedText(zh: "发现缺陷", en: "defect found")
        case .stepDone: return LocalizedText(zh: "完成培训步骤", en: "training step done")
        case .attended: return LocalizedText(zh: "登记学员", en: "attendee recorded")
        case .scored: return LocalizedText(zh: "登记成绩", en: "score recorded")
        case .materialAdded: return LocalizedText(zh: "登记资料", en: "material added")
        case .rescheduled: return LocalizedText(zh: "时限重算", en: "deadline recomputed")
        case .inspected: return LocalizedText(zh: "巡检开立", en: "opened by inspection")
        case .inspectionLinked: return LocalizedText(zh: "巡检关联", en: "linked to an inspection")
        case .attendeeCorrected: return LocalizedText(zh: "更正学员", en: "attendee corrected")
        case .corrected: return LocalizedText(zh: "更正工单", en: "corrected")
        case .attached: return Catalog.Attachments.attachedEvent
        case .attachmentErased: return Catalog.Attachments.erasedEvent
        case .paused, .resumed, .related, .unrelated, .merged: return Catalog.WaitingAndLinks.eventName(self)
        case .noted: return LocalizedText(zh: "添加内部备注", en: "note added")
        case .messaged: return LocalizedText(zh: "登记提出人来话", en: "requester's message recorded")
        case .noticesOff: return Catalog.RequesterNotices.turnedOff
        case .noticesOn: return Catalog.RequesterNotices.turnedOn
        case .toConfirm: return Catalog.MailIn.toConfirmEvent
        case .confirmed: return Catalog.MailIn.confirmedEvent
        }
    }

    /// The event in the reader's language: `responded` / `响应`.
    public func label(_ lang: Language) -> String { name(lang) }
}

extension HistoryField {
    /// The changed field: `时限` / `due at`.
    public var name: LocalizedText {
        switch self {
        case .id: return LocalizedText(zh: "编号", en: "id")
        case .kind: return LocalizedText(zh: "类别", en: "kind")
        case .status: return LocalizedText(zh: "状态", en: "status")
        case .title: return LocalizedText(zh: "标题", en: "title")
        case .description: return LocalizedText(zh: "描述", en: "description")
        case .region: return LocalizedText(zh: "地区", en: "region")
        case .channel: return LocalizedText(zh: "渠道", en: "channel")
        case .requesterName: return LocalizedText(zh: "提出人", en: "requester name")
        case .requesterOffice: return LocalizedText(zh: "提出人单位", en: "requester office")
        case .requesterPhone: return LocalizedText(zh: "提出人电话", en: "requester phone")
        case .takenBy: return LocalizedText(zh: "受理人", en: "taken by")
        case .assignee: return LocalizedText(zh: "处理人", en: "assignee")
        case .level: return LocalizedText(zh: "级别", en: "level")
        case .receivedAt: return LocalizedText(zh: "受理时间", en: "received at")
        case .confirmedAt: return LocalizedText(zh: "确认时间", en: "confirmed at")
        case .firstResponseAt: return LocalizedText(zh: "首次响应", en: "first response at")
        case .dueAt: return LocalizedText(zh: "时限", en: "due at")
        case .calendarVersion: return LocalizedText(zh: "日历版本", en: "calendar version")
        case .agreedWith: return LocalizedText(zh: "商定人", en: "agreed with")
        case .agreedAt: return LocalizedText(zh: "商定时间", en: "agreed at")
        case .sizeEstimate: return LocalizedText(zh: "工作量", en: "size estimate")
        case .closedAt: return LocalizedText(zh: "关闭时间", en: "closed at")
        case .cause: return LocalizedText(zh: "问题原因", en: "cause")
        case .solution: return LocalizedText(zh: "解决方案", en: "solution")
        case .createdAt: return LocalizedText(zh: "创建时间", en: "created at")
        case .createdBy: return LocalizedText(zh: "创建人", en: "created by")
        case .escalation: return LocalizedText(zh: "步骤", en: "step")
        case .type: return LocalizedText(zh: "变更类型", en: "type")
        case .effectiveOn: return LocalizedText(zh: "政策生效日期", en: "effective on")
        case .stage: return LocalizedText(zh: "阶段", en: "stage")
        case .round: return LocalizedText(zh: "内测轮次", en: "round")
        case .source: return LocalizedText(zh: "来源", en: "source")
        case .derived: return LocalizedText(zh: "派生", en: "derived")
        case .delivery: return LocalizedText(zh: "交付", en: "delivery")
        case .defect: return LocalizedText(zh: "缺陷", en: "defect")
        case .trainingType: return LocalizedText(zh: "培训类型", en: "training type")
        case .place: return LocalizedText(zh: "地点", en: "place")
        case .trainer: return LocalizedText(zh: "讲师", en: "trainer")
        case .heldOn: return LocalizedText(zh: "培训日期", en: "held on")
        case .step: return LocalizedText(zh: "培训步骤", en: "step")
        case .attendee: return LocalizedText(zh: "学员", en: "attendee")
        case .score: return LocalizedText(zh: "成绩", en: "score")
        case .material: return LocalizedText(zh: "资料", en: "material")
        case .attendeeName: return LocalizedText(zh: "学员姓名", en: "attendee name")
        case .attendeeOffice: return LocalizedText(zh: "学员单位", en: "attendee office")
        case .attendeeRegion: return LocalizedText(zh: "学员地区", en: "attendee region")
        case .mergedInto, .relatedItem: return Catalog.WaitingAndLinks.fieldName(self)
        case .inspection: return LocalizedText(zh: "巡检", en: "inspection")
        case .attachment: return Catalog.Attachments.attachment
        case .template: return Catalog.Templates.fieldName
        }
    }

    /// The field in the reader's language: `due at` / `时限`.
    public func label(_ lang: Language) -> String { name(lang) }
}

extension Region {
    /// The columns the widest region name takes in `lang`: a region column's width.
    public static func widestLabel(_ lang: Language) -> Int {
        allCases.map { TerminalText.width($0.label(lang)) }.max() ?? 6
    }
}

extension CaseKind {
    /// A CASE kind as someone types it: its code (`general`, any case), or its name in either
    /// language, short or full (`一般问题`, `一般问题类`, `需求`, `general question`).
    public static func parse(_ typed: String) -> CaseKind? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        return allCases.first { kind in
            [kind.rawValue, kind.name.zh, kind.name.en, kind.itemKind.name.zh, kind.itemKind.name.en]
                .contains { $0.caseInsensitiveCompare(text) == .orderedSame }
        }
    }
}

extension ItemStatus {
    /// A status as someone types it: its code (`open`, any case), or its name in either language
    /// for any kind of item (`待处理`, `已解决`, `已恢复`, `resolved`, `restored` are all closed).
    public static func parse(_ typed: String) -> ItemStatus? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        return allCases.first { status in
            status.rawValue.caseInsensitiveCompare(text) == .orderedSame
                || ItemKind.allCases.contains { kind in
                    let name = status.name(kind: kind)
                    return name.zh == text || name.en.caseInsensitiveCompare(text) == .orderedSame
                }
        }
    }
}
