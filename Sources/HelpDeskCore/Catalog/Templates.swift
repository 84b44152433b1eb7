import Foundation

/// The texts of the desk's canned answers (templates for replies and notes): their fields, the
/// refusals, `template …` and the console's picker.
extension Catalog {
    public enum Templates {
        /// A deadline as a template says it, in the catalog's wording of a date:
        /// `2021-11-26 周五 17:30` / `Fri 2021-11-26 17:30`.
        public static func deadline(_ at: Date) -> LocalizedText {
            let (date, second) = BeijingTime.local(at)
            let clock = BeijingTime.clock(second)
            return LocalizedText(zh: "\(date.named.zh) \(clock)", en: "\(date.named.en) \(clock)")
        }

        /// A placeholder's name in each language, as written between the braces.
        public static func placeholder(_ p: TemplatePlaceholder) -> LocalizedText {
            switch p {
            case .requester: return LocalizedText(zh: "请求人", en: "requester")
            case .ticket: return LocalizedText(zh: "工单号", en: "ticket")
            case .deadline: return LocalizedText(zh: "截止时间", en: "deadline")
            case .today: return LocalizedText(zh: "今天", en: "today")
            }
        }

        /// What a template is for, as lists and refusals name it (the timeline's words).
        public static func use(_ use: TemplateUse) -> LocalizedText {
            switch use {
            case .reply: return Catalog.Timeline.kind(.reply)
            case .note: return Catalog.Timeline.kind(.note)
            }
        }

        /// A language, as a list of bodies names it.
        public static func language(_ lang: Language) -> LocalizedText {
            switch lang {
            case .zh: return LocalizedText(zh: "中文", en: "Chinese")
            case .en: return LocalizedText(zh: "英文", en: "English")
            }
        }

        /// In an item's history: the template a reply or note was written from.
        public static let fieldName = LocalizedText(zh: "使用模板", en: "from template")
        public static let titleField = LocalizedText(zh: "模板标题", en: "the template's title")
        public static let titleMissing = LocalizedText(zh: "--title：模板标题不能为空", en: "--title: the template's title cannot be empty")
        public static let bodyField = LocalizedText(zh: "模板内容", en: "the template's text")

        /// The refusal of a reply or note that still holds placeholders.
        public static func unfilled(_ placeholders: [String]) -> LocalizedText {
            let list = placeholders.joined(separator: " ")
            return LocalizedText(zh: "内容中仍有未填写的占位符：\(list)；请替换为实际内容后再提交",
                                 en: "the text still holds placeholders not filled in: \(list); replace them before sending")
        }

        public static func notFound(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "没有编号为 \(id) 的模板", en: "there is no template \(id)")
        }

        public static func retired(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "模板 \(id) 已停用", en: "template \(id) is retired")
        }

        public static func wrongUse(_ id: Int64, is use: TemplateUse) -> LocalizedText {
            LocalizedText(zh: "模板 \(id) 用于\(Templates.use(use).zh)，不能用在这里",
                          en: "template \(id) is for a \(Templates.use(use).en), not for this")
        }

        public static let noBody = LocalizedText(zh: "模板至少需要一种语言的内容（--text 或 --text-en）",
                                                 en: "a template needs a text in at least one language (--text or --text-en)")
        public static let sameLanguageTwice = LocalizedText(zh: "--lang en 时 --text 即英文内容，不能再给 --text-en",
                                                            en: "with --lang en, --text is the English text: --text-en cannot be given too")
        public static let nothingChanged = LocalizedText(zh: "没有任何改动", en: "nothing changes")
        public static func stale(_ id: Int64, version: Int) -> LocalizedText {
            LocalizedText(zh: "模板 \(id) 已被他人修改（当前版本 \(version)）", en: "template \(id) was changed meanwhile (now version \(version))")
        }
        public static let textAndTemplate = LocalizedText(zh: "--text 与 --template 只能给一个", en: "give --text or --template, not both")
        public static let textOrTemplate = LocalizedText(zh: "需要 --text 或 --template", en: "--text or --template is needed")

        /// The act supervisors alone may do.
        public static let manageAct = LocalizedText(zh: "管理答复模板", en: "manage the reply templates")

        // MARK: Lists and show

        public static let headers: [LocalizedText] = [
            LocalizedText(zh: "编号", en: "id"), LocalizedText(zh: "标题", en: "title"), LocalizedText(zh: "用途", en: "use"),
            LocalizedText(zh: "语言", en: "languages"), LocalizedText(zh: "版本", en: "version"), LocalizedText(zh: "状态", en: "status"),
        ]
        public static let active = LocalizedText(zh: "启用", en: "active")
        public static let retiredState = LocalizedText(zh: "已停用", en: "retired")
        public static let noneFound = LocalizedText(zh: "没有模板", en: "no templates")
        public static let createdLabel = LocalizedText(zh: "创建", en: "created")
        public static let editedLabel = LocalizedText(zh: "修改", en: "edited")
        public static func retiredDone(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "模板 \(id) 已停用", en: "template \(id) retired")
        }
        public static func edited(_ id: Int64, version: Int) -> LocalizedText {
            LocalizedText(zh: "模板 \(id) 已修改（版本 \(version)）", en: "template \(id) edited (version \(version))")
        }

        // MARK: The console's picker

        public static func pickerTitle(_ use: TemplateUse) -> LocalizedText {
            LocalizedText(zh: "选择\(Templates.use(use).zh)模板", en: "Choose a \(Templates.use(use).en) template")
        }
        public static let pickerSearch = LocalizedText(zh: "搜索标题：", en: "Search titles: ")
        public static let pickerEmpty = LocalizedText(zh: "（没有可用的模板）", en: "(no templates to use)")
        public static let pickerChoose = LocalizedText(zh: "选模板", en: "choose template")
        public static let pickerTake = LocalizedText(zh: "填入", en: "fill in")
        public static let pickerHint = LocalizedText(zh: "Enter 填入  Esc 取消", en: "Enter fill in  Esc cancel")
        public static let formKey = LocalizedText(zh: "模板", en: "template")
        public static let helpKey = LocalizedText(zh: "答复、备注表单中选用模板", en: "in a reply or note form: fill in a template")
        public static func leftUnfilled(_ placeholders: [String]) -> LocalizedText {
            LocalizedText(zh: "请填写：\(placeholders.joined(separator: " "))", en: "fill in: \(placeholders.joined(separator: " "))")
        }

        // MARK: --help

        public enum Help {
            public static let abstract = LocalizedText(zh: "答复与备注模板", en: "Canned answers: templates for replies and notes")
            public static let add = LocalizedText(zh: "新增模板（仅主管）", en: "Add a template (supervisors only)")
            public static let list = LocalizedText(zh: "列出模板", en: "List the templates")
            public static let show = LocalizedText(zh: "显示一个模板", en: "Show one template")
            public static let edit = LocalizedText(zh: "修改模板（仅主管）", en: "Edit a template (supervisors only)")
            public static let retire = LocalizedText(zh: "停用模板（仅主管）", en: "Retire a template (supervisors only)")
            public static let id = LocalizedText(zh: "模板编号", en: "The template's number")
            public static let title = LocalizedText(zh: "标题", en: "The title")
            public static let text = LocalizedText(zh: "内容（--lang 的语言，默认中文）；占位符 {{requester}} {{ticket}} {{deadline}} {{today}}（或 {{请求人}} {{工单号}} {{截止时间}} {{今天}}）",
                                                   en: "The text (in --lang's language, Chinese by default); placeholders {{requester}} {{ticket}} {{deadline}} {{today}} (or {{请求人}} {{工单号}} {{截止时间}} {{今天}})")
            public static let textEn = LocalizedText(zh: "英文内容", en: "The English text")
            public static let use = LocalizedText(zh: "用途：reply 或 note", en: "What it is for: reply or note")
            public static let all = LocalizedText(zh: "包括已停用的", en: "Retired ones too")
            public static let version = LocalizedText(zh: "仅当模板仍是此版本时修改", en: "Edit only if the template is still this version")
            public static let template = LocalizedText(zh: "使用模板（按该工单填写）", en: "Use a template, filled for this ticket")
        }
    }
}
