import Foundation

/// What the domain's rules say: refusals of times, dates and business hours, of holiday and
/// inspection files, of text too long for its field; the rules of trainings, changes and
/// escalations; the titles the desk gives the items it opens itself. The names of the domain's
/// things (inspection kinds and checks, training audiences and steps, change types and stages,
/// escalation steps, weekdays, the KPI figures) follow at the end of this file.
extension Catalog {
    public enum Domain {}
}

// MARK: - Time

extension Catalog.Domain {
    /// Times, dates, months and weeks as typed, the time the desk keeps, business hours.
    public enum Time {
        public static func problem(_ problem: TimeParseError.Problem) -> LocalizedText {
            switch problem {
            case .dateAlone: return LocalizedText(zh: "此处需要时间，不能只写日期", en: "a date alone is not a time here")
            case .tooShort: return LocalizedText(zh: "太短", en: "too short")
            case .notADate: return LocalizedText(zh: "日期部分不是真实的 YYYY-MM-DD 日期", en: "the date part is not a real YYYY-MM-DD date")
            case .noSeparator: return LocalizedText(zh: "日期与时间之间应为 'T'", en: "expected 'T' between date and time")
            case .noHourMinute: return LocalizedText(zh: "应为 HH:MM", en: "expected HH:MM")
            case .noSeconds: return LocalizedText(zh: "第二个 ':' 后应为秒", en: "expected seconds after the second ':'")
            case .noFraction: return LocalizedText(zh: "小数点后应为数字", en: "expected digits after the decimal point")
            case .outOfRange: return LocalizedText(zh: "时、分或秒超出范围", en: "hour, minute or second out of range")
            case .noOffset: return LocalizedText(zh: "缺少时区偏移（北京时间加 +08:00，UTC 加 Z）", en: "the offset is missing (add +08:00 for Beijing time, or Z for UTC)")
            case .badOffset: return LocalizedText(zh: "时区偏移应形如 +08:00", en: "expected an offset like +08:00")
            case .trailingText: return LocalizedText(zh: "时区偏移之后有多余内容", en: "unexpected text after the offset")
            case .outsideSupportedTime: return onlySupported
            }
        }

        public static func invalidTime(_ input: String, _ problem: LocalizedText) -> LocalizedText {
            LocalizedText(
                zh: "无效的时间 '\(input)'：\(problem.zh)；应为带时区偏移的 ISO 8601 时间，例如 2021-11-23T15:00:00+08:00 或 2021-11-23T07:00:00Z",
                en: "invalid time '\(input)': \(problem.en); expected ISO 8601 with an offset, e.g. 2021-11-23T15:00:00+08:00 or 2021-11-23T07:00:00Z")
        }

        public static func notADate(_ input: String) -> LocalizedText {
            LocalizedText(zh: "'\(input)' 不是日期；应为 YYYY-MM-DD，例如 2021-12-01", en: "'\(input)' is not a date; accepted: YYYY-MM-DD, e.g. 2021-12-01")
        }

        public static func notAMonth(_ input: String) -> LocalizedText {
            LocalizedText(zh: "'\(input)' 不是月份；应为 YYYY-MM，例如 2021-12", en: "'\(input)' is not a month; accepted: YYYY-MM, e.g. 2021-12")
        }

        public static func notAWeek(_ input: String) -> LocalizedText {
            LocalizedText(zh: "'\(input)' 不是 ISO 周；应为 YYYY-Www，例如 2021-W49", en: "'\(input)' is not an ISO week; accepted: YYYY-Www, e.g. 2021-W49")
        }

        /// `2000-01-01 00:00:00 to 2099-12-31 23:59:59 Beijing time`.
        public static var supportedRange: LocalizedText {
            let first = SupportedTime.firstDay, last = SupportedTime.lastDay
            return LocalizedText(zh: "北京时间 \(first) 00:00:00 至 \(last) 23:59:59", en: "\(first) 00:00:00 to \(last) 23:59:59 Beijing time")
        }

        public static var onlySupported: LocalizedText {
            LocalizedText(zh: "只接受\(supportedRange.zh)之间的时间", en: "only \(supportedRange.en) is accepted")
        }

        /// `'0000-01-01' is outside the time the desk keeps: …`.
        public static func outsideSupported(_ input: String) -> LocalizedText {
            LocalizedText(zh: "'\(input)' 超出本系统受理的时间范围：\(onlySupported.zh)", en: "'\(input)' is outside the time the desk keeps: \(onlySupported.en)")
        }

        public static func invalidHours(_ input: String, _ problem: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "无效的营业时间 '\(input)'：\(problem.zh)；应为 09:00-18:00 或 09:00-12:00,14:30-18:00 这样的时段",
                          en: "invalid business hours '\(input)': \(problem.en); expected intervals like 09:00-18:00 or 09:00-12:00,14:30-18:00")
        }

        public static let noInterval = LocalizedText(zh: "没有时段", en: "no interval")
        public static let intervalOutsideDay = LocalizedText(zh: "时段须在当日内且开始早于结束", en: "an interval must start before it ends, within the day")
        public static let intervalsOutOfOrder = LocalizedText(zh: "时段须按先后排列，不得重叠或相接", en: "intervals must be in order and must not overlap or touch")

        public static func cannotReadInterval(_ part: String) -> LocalizedText {
            LocalizedText(zh: "无法读取 '\(part)'", en: "cannot read '\(part)'")
        }
    }
}

// MARK: - Reading files and text

extension Catalog.Domain {
    /// What the strict JSON reader and the rules of text say.
    public enum Parse {
        /// A problem at a place in a file: `days[3].date: …` / `days[3].date：…`.
        public static func at(_ path: String, _ problem: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(path)：\(problem.zh)", en: "\(path): \(problem.en)")
        }

        /// `year: a list is not accepted; accepted: …`, after the place.
        public static func notAccepted(_ kind: LocalizedText, _ accepted: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(kind.zh)不可接受；可接受：\(accepted.zh)", en: "\(kind.en) is not accepted; accepted: \(accepted.en)")
        }

        // What a JSON value is, for a message.
        public static let null = LocalizedText(zh: "null", en: "null")
        public static func boolean(_ b: Bool) -> LocalizedText { LocalizedText(zh: "布尔值（\(b)）", en: "a boolean (\(b))") }
        public static func number(_ text: String) -> LocalizedText { LocalizedText(zh: "数字（\(text)）", en: "a number (\(text))") }
        public static func text(_ s: String) -> LocalizedText { LocalizedText(zh: "文字（\"\(s)\"）", en: "text (\"\(s)\")") }
        public static let list = LocalizedText(zh: "列表", en: "a list")
        public static let object = LocalizedText(zh: "对象", en: "an object")

        public static func notJSON(line: Int, column: Int, _ problem: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "第 \(line) 行第 \(column) 列不是 JSON：\(problem.zh)", en: "not JSON at line \(line), column \(column): \(problem.en)")
        }

        public static let textAfterValue = LocalizedText(zh: "JSON 值结束后还有内容", en: "text after the end of the JSON value")
        public static let endsBeforeValue = LocalizedText(zh: "文件在应有值处结束", en: "the file ends where a value is expected")

        public static func nestedTooDeep(_ most: Int) -> LocalizedText {
            LocalizedText(zh: "列表和对象嵌套超过 \(most) 层；最多读取 \(most) 层", en: "lists and objects nested more than \(most) deep; at most \(most) are read")
        }

        public static let valueExpected = LocalizedText(zh: "此处应为一个值（对象、列表、双引号文字、数字、true、false 或 null）",
                                                        en: "expected a value (an object, a list, text in double quotes, a number, true, false or null)")
        public static let keyExpected = LocalizedText(zh: "此处应为双引号括起的键", en: "expected a key in double quotes")

        public static func keyTwice(_ key: String) -> LocalizedText {
            LocalizedText(zh: "同一对象中键 \"\(key)\" 出现两次；每个键只能写一次", en: "the key \"\(key)\" is written twice in one object; each key once")
        }

        public static let colonExpected = LocalizedText(zh: "键后应为 ':'", en: "expected ':' after the key")
        public static let commaOrBraceExpected = LocalizedText(zh: "此处应为 ',' 或 '}'", en: "expected ',' or '}'")
        public static let commaOrBracketExpected = LocalizedText(zh: "此处应为 ',' 或 ']'", en: "expected ',' or ']'")

        public static func notANumber(_ written: String) -> LocalizedText {
            LocalizedText(zh: "\(written) 不是数字；数字应写作 71、-3 或 93.5 这样", en: "\(written) is not a number; a number is written like 71, -3 or 93.5")
        }

        public static func leadingZero(_ written: String, write: String) -> LocalizedText {
            LocalizedText(zh: "\(written) 不是数字：JSON 数字不以 0 开头；应写作 \(write)", en: "\(written) is not a number: JSON numbers do not start with 0; write \(write)")
        }

        public static func noDigitAfterPoint(_ written: String) -> LocalizedText {
            LocalizedText(zh: "\(written) 不是数字：小数点后须有数字", en: "\(written) is not a number: a digit must follow the decimal point")
        }

        public static func noDigitAfterExponent(_ written: String) -> LocalizedText {
            LocalizedText(zh: "\(written) 不是数字：指数后须有数字", en: "\(written) is not a number: a digit must follow the exponent")
        }

        public static func numberTooLarge(_ text: String) -> LocalizedText {
            LocalizedText(zh: "\(text) 数值过大，无法作为数字读取", en: "\(text) is too large to be read as a number")
        }

        public static let notUTF8 = LocalizedText(zh: "文字不是 UTF-8 编码；请将文件存为 UTF-8", en: "the text is not UTF-8; save the file as UTF-8")
        public static let textNotClosed = LocalizedText(zh: "双引号括起的文字没有结束", en: "the text in double quotes is not closed")
        public static let badUnicodeEscape = LocalizedText(zh: "\\u 后须有四位十六进制数字", en: "\\u must be followed by four hexadecimal digits")

        public static func unknownEscape(_ c: Character) -> LocalizedText {
            LocalizedText(zh: "\\\(c) 不是 JSON 的转义（\\\"、\\\\、\\/、\\b、\\f、\\n、\\r、\\t、\\uXXXX）",
                          en: "\\\(c) is not an escape JSON knows (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t, \\uXXXX)")
        }

        public static let controlInText = LocalizedText(zh: "双引号括起的文字中有控制字符（应写作 \\n、\\t 或 \\uXXXX）",
                                                        en: "a control character inside text in double quotes (write it as \\n, \\t or \\uXXXX)")

        public static func loneSurrogate(_ hex: String) -> LocalizedText {
            LocalizedText(zh: "\\u\(hex) 是半个字符（孤立的代理项），不是文字；请写出完整的字符",
                          en: "\\u\(hex) is half of a character (a lone surrogate), not text; write the whole character")
        }

        // The rules of text in a field (`TextRules`); `field` is the field's name.
        public static func holdsNUL(_ field: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(field.zh)含有 NUL 字符（U+0000），文本中不接受该字符；请删除",
                          en: "\(field.en) holds a NUL character (U+0000), which is not accepted in text; remove it")
        }

        public static func lineTooLong(_ field: LocalizedText, characters: Int, limit: Int) -> LocalizedText {
            LocalizedText(zh: "\(field.zh)长 \(characters) 个字符；最多接受 \(limit) 个", en: "\(field.en) is \(characters) characters long; at most \(limit) are accepted")
        }

        public static func textTooLong(_ field: LocalizedText, bytes: Int, limit: Int) -> LocalizedText {
            LocalizedText(zh: "\(field.zh)长 \(bytes) 字节；最多接受 \(limit) 字节（64 KiB）",
                          en: "\(field.en) is \(bytes) bytes long; at most \(limit) bytes (64 KiB) are accepted")
        }

        public static func fieldNotUTF8(_ field: LocalizedText, offset: Int) -> LocalizedText {
            LocalizedText(zh: "\(field.zh)不是有效的 UTF-8 编码（第一个错误字节位于偏移 \(offset)）；请以 UTF-8 保存文本",
                          en: "\(field.en) is not valid UTF-8 (the first bad byte is at offset \(offset)); save the text as UTF-8")
        }
    }

    /// The fields of a record that hold text, named as the person who typed them knows them.
    public enum TextField {
        public static let title = LocalizedText(zh: "标题", en: "the title")
        public static let description = LocalizedText(zh: "描述", en: "the description")
        public static let requesterName = LocalizedText(zh: "提出人姓名", en: "the requester's name")
        public static let requesterOffice = LocalizedText(zh: "提出人单位", en: "the requester's office")
        public static let requesterPhone = LocalizedText(zh: "电话号码", en: "the phone number")
        public static let agreedWith = LocalizedText(zh: "商定人", en: "who agreed")
        public static let size = LocalizedText(zh: "工作量估计", en: "the size estimate")
        public static let cause = LocalizedText(zh: "问题原因分析", en: "the cause")
        public static let solution = LocalizedText(zh: "解决方案说明", en: "the solution")
        public static let note = LocalizedText(zh: "备注", en: "the note")
        public static let reason = LocalizedText(zh: "原因", en: "the reason")
        public static let staffName = LocalizedText(zh: "人员姓名", en: "the staff member's name")
        public static let userName = LocalizedText(zh: "用户名", en: "the user name")
        public static let label = LocalizedText(zh: "标签", en: "the label")
        public static let topic = LocalizedText(zh: "主题", en: "the topic")
        public static let place = LocalizedText(zh: "地点", en: "the place")
        public static let trainer = LocalizedText(zh: "培训人", en: "the trainer")
        public static let attendeeName = LocalizedText(zh: "参训人姓名", en: "the attendee's name")
        public static let office = LocalizedText(zh: "单位", en: "the office")
        public static let location = LocalizedText(zh: "资料位置", en: "the material's location")
        public static let editedText = LocalizedText(zh: "编辑的文本", en: "the edited text")
        public static let holidayName = LocalizedText(zh: "节假日名称", en: "the holiday's name")
        public static let inspector = LocalizedText(zh: "巡检人", en: "the inspector")
        public static let target = LocalizedText(zh: "巡检对象", en: "a reading's target")
        public static let readingText = LocalizedText(zh: "巡检记录文字（走访反馈）", en: "a reading's text (a visit's feedback)")
        public static let inventoryName = LocalizedText(zh: "清单条目名称", en: "the inventory entry's name")
        public static let inventoryNote = LocalizedText(zh: "清单条目备注", en: "the inventory entry's note")
        public static let deskRule = LocalizedText(zh: "规则的值", en: "the rule's value")
        public static let changedValue = LocalizedText(zh: "变更的值", en: "the changed value")
        public static let importFile = LocalizedText(zh: "文件", en: "the file")
    }
}

// MARK: - The holiday file

extension Catalog.Domain {
    /// Why a holiday file (holiday-cn shape) was refused.
    public enum HolidayFile {
        public static func notAHolidayFile(shape: String, _ problem: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "不是 holiday-cn 格式的节假日文件（\(shape)）：\(problem.zh)", en: "not a holiday file in the holiday-cn shape (\(shape)): \(problem.en)")
        }

        public static func fileHolds(_ kind: LocalizedText, shape: String) -> LocalizedText {
            LocalizedText(zh: "文件内容是\(kind.zh)；应为 holiday-cn 格式的一个对象（\(shape)）",
                          en: "the file holds \(kind.en); expected one object in the holiday-cn shape (\(shape))")
        }

        public static func keyMissing(_ key: String) -> LocalizedText {
            LocalizedText(zh: "缺少键 \"\(key)\"", en: "the key \"\(key)\" is missing")
        }

        public static let aYear = LocalizedText(zh: "2000 至 2099 的整数，例如 2027", en: "a whole number from 2000 to 2099, e.g. 2027")

        public static func yearOutOfRange(_ year: Int) -> LocalizedText {
            let only = Catalog.Domain.Time.onlySupported
            return LocalizedText(zh: "年份 \(year) 超出范围：\(only.zh)", en: "year \(year) is out of range: \(only.en)")
        }

        public static let aListOfDays = LocalizedText(zh: "{\"name\", \"date\", \"isOffDay\"} 的列表", en: "a list of {\"name\", \"date\", \"isOffDay\"}")
        public static let aDay = LocalizedText(zh: "对象 {\"name\", \"date\", \"isOffDay\"}", en: "an object {\"name\", \"date\", \"isOffDay\"}")
        public static let aName = LocalizedText(zh: "双引号括起的节日名称，例如 \"元旦\"", en: "the holiday's name in double quotes, e.g. \"元旦\"")
        public static let aDate = LocalizedText(zh: "双引号括起的日期，例如 \"2027-01-01\"", en: "a date in double quotes, e.g. \"2027-01-01\"")
        public static let anOffDay = LocalizedText(zh: "true（放假）或 false（调休上班）", en: "true (a day off) or false (a make-up working day)")
        public static let dateMissing = LocalizedText(zh: "缺少 \"date\"", en: "\"date\" is missing")

        public static func notADate(_ text: String) -> LocalizedText {
            LocalizedText(zh: "\"\(text)\" 不是 YYYY-MM-DD 日期", en: "\"\(text)\" is not a YYYY-MM-DD date")
        }

        public static func notInYear(_ date: CivilDate, _ year: Int) -> LocalizedText {
            LocalizedText(zh: "\(date) 不在 \(year) 年内", en: "\(date) is not in \(year)")
        }

        public static let nameMissing = LocalizedText(zh: "\"name\" 缺失或为空", en: "\"name\" is missing or empty")
        public static let offDayMissing = LocalizedText(zh: "缺少 \"isOffDay\"（true 为放假，false 为调休上班）",
                                                        en: "\"isOffDay\" is missing (true: day off, false: make-up working day)")

        public static func twice(_ date: CivilDate) -> LocalizedText {
            LocalizedText(zh: "\(date) 出现两次", en: "\(date) appears twice")
        }

        public static func makeUpDayNotWeekend(_ date: CivilDate) -> LocalizedText {
            let day = date.weekday.name
            return LocalizedText(zh: "\(date) 是\(day.zh)；调休上班日须为周六或周日",
                                 en: "\(date) is a \(day.en); a make-up working day must fall on a Saturday or Sunday")
        }

        public static func noHoliday(_ year: Int) -> LocalizedText {
            LocalizedText(zh: "\(year) 年没有任何节假日（没有 \"isOffDay\": true 的日子）；每年都有节假日，故拒绝此文件",
                          en: "year \(year) lists no holiday (no day with \"isOffDay\": true); every year has some, so the file is refused")
        }
    }
}

// MARK: - History

extension Catalog.Domain {
    public enum History {
        /// A step dated before the item's latest step.
        public static func beforeLatestStep(_ id: Int64, at: Date, latest: HistoryEvent, latestAt: Date) -> LocalizedText {
            let time = BeijingTime.iso(at), latestTime = BeijingTime.iso(latestAt)
            return LocalizedText(
                zh: "时间 \(time) 早于 #\(id) 的\(latest.label(.zh))时间（\(latestTime)）：后一步不能早于前一步；请给出不早于 \(latestTime) 的时间（--at）",
                en: "the time \(time) lies before #\(id) was \(latest.rawValue) (\(latestTime)): no step may be dated before the one it follows; give a time at or after \(latestTime) (--at)")
        }
    }
}

// MARK: - Inspections

extension Catalog.Domain {
    /// Inspections: the titles of what a reading opens, and the refusals of an inspection typed or
    /// imported (each said after the field it is about, `readings[3].value: …`).
    public enum Inspection {
        /// A refusal after the field it is about: `readings[3].value: …` (the same colon in both).
        public static func at(_ path: String, _ problem: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(path): \(problem.zh)", en: "\(path): \(problem.en)")
        }

        /// The title of the fault or task a reading opens.
        public static func title(_ check: InspectionCheck, target t: String, value v: String) -> LocalizedText {
            switch check {
            case .tablespace: return LocalizedText(zh: "表空间 \(t) 使用率 \(v)%，须立即扩容", en: "tablespace \(t) at \(v)%: expand at once")
            case .serviceDown: return LocalizedText(zh: "负载均衡地址 \(t) 下 \(v) 个服务停止", en: "\(v) services down behind \(t)")
            case .locksLong: return LocalizedText(zh: "数据库 \(t) 有 \(v) 个长时间持有的锁", en: "\(v) locks held for long on \(t)")
            case .cpu: return LocalizedText(zh: "\(t) CPU 使用率 \(v)%", en: "CPU of \(t) at \(v)%")
            case .disk: return LocalizedText(zh: "\(t) 磁盘使用率 \(v)%，须清理或扩容", en: "disk \(t) at \(v)%: clean up or extend")
            case .archiveLog: return LocalizedText(zh: "\(t) 归档日志未清理（\(v)）", en: "archive logs of \(t) not cleaned (\(v))")
            case .sessions: return LocalizedText(zh: "\(t) 活动会话 \(v)", en: "\(v) active sessions on \(t)")
            case .serviceLog: return LocalizedText(zh: "\(t) 服务日志：\(v)", en: "service log of \(t): \(v)")
            case .visit: return LocalizedText(zh: "走访\(t)：\(v)", en: "visit to \(t): \(v)")
            }
        }

        // What a field expects, for `missing; expected …`.
        public static let whoInspected = LocalizedText(zh: "巡检人，例如 \"王芳\"", en: "who inspected, e.g. \"王芳\"")
        public static let aTime = LocalizedText(zh: "带时区偏移的时间，例如 \"2021-12-06T09:30:00+08:00\"", en: "a time with an offset, e.g. \"2021-12-06T09:30:00+08:00\"")
        public static let aKind = LocalizedText(zh: "database、application 或 business", en: "database, application or business")
        public static let aListOfReadings = LocalizedText(zh: "{\"check\", \"target\", \"value\"} 的列表", en: "a list of {\"check\", \"target\", \"value\"}")
        public static let aReading = LocalizedText(zh: "对象 {\"check\", \"target\", \"value\"}", en: "an object {\"check\", \"target\", \"value\"}")

        public static func oneOfTheChecks(_ accepted: String) -> LocalizedText {
            LocalizedText(zh: "以下之一：\(accepted)", en: "one of \(accepted)")
        }

        public static func whatWasChecked(_ check: String) -> LocalizedText {
            LocalizedText(zh: "检查 \"\(check)\" 的对象", en: "what was checked for check \"\(check)\"")
        }

        public static func missing(_ expected: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "缺少；应为\(expected.zh)", en: "missing; expected \(expected.en)")
        }

        public static func empty(_ expected: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "为空；应为\(expected.zh)", en: "empty; expected \(expected.en)")
        }

        public static func isA(_ kind: LocalizedText, expected: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "是\(kind.zh)；应为\(expected.zh)", en: "is \(kind.en); expected \(expected.en)")
        }

        public static let controlCharacter = LocalizedText(zh: "含有控制字符", en: "holds a control character")
        public static let noReadings = LocalizedText(zh: "没有读数；至少应有一条 {\"check\", \"target\", \"value\"}",
                                                     en: "no readings; expected at least one {\"check\", \"target\", \"value\"}")

        public static func visitOutsideBusiness(_ kind: InspectionKind) -> LocalizedText {
            LocalizedText(zh: "走访属于业务巡检（kind \"business\"），不属于\(kind.name.zh)",
                          en: "a visit belongs to a business inspection (kind \"business\"), not a \(kind.rawValue) one")
        }

        public static func visitsOnly(_ check: String) -> LocalizedText {
            LocalizedText(zh: "业务巡检只记录走访（check \"visit\"），不能有 \"\(check)\"",
                          en: "a business inspection records visits only (check \"visit\"), not \"\(check)\"")
        }

        public static func notARegion(_ target: String) -> LocalizedText {
            LocalizedText(zh: "\"\(target)\" 不是地区；可接受：\(Region.accepted)", en: "\"\(target)\" is not a region; accepted: \(Region.accepted)")
        }

        public static func textNotNumber(_ check: String) -> LocalizedText {
            LocalizedText(zh: "检查 \"\(check)\" 的值应为文字，不是数字", en: "expected text for check \"\(check)\", not a number")
        }

        public static func belowZero(_ n: String, check: String) -> LocalizedText {
            LocalizedText(zh: "\(n) 小于 0；检查 \"\(check)\" 的值应为 0 或以上", en: "\(n) is below 0; expected 0 or more for check \"\(check)\"")
        }

        public static func overHundred(_ n: String, check: String) -> LocalizedText {
            LocalizedText(zh: "\(n) 超过 100；检查 \"\(check)\" 的值应为 0 到 100 的百分比",
                          en: "\(n) is over 100; expected a percentage from 0 to 100 for check \"\(check)\"")
        }

        public static func notWhole(_ n: String, check: String) -> LocalizedText {
            LocalizedText(zh: "\(n) 不是整数；检查 \"\(check)\" 的值应为个数", en: "\(n) is not a whole number; expected a count for check \"\(check)\"")
        }

        public static func overMaxCount(_ n: String, max: Int, check: String) -> LocalizedText {
            LocalizedText(zh: "\(n) 超过 \(max)；检查 \"\(check)\" 的值应为 0 到 \(max) 的个数",
                          en: "\(n) is over \(max); expected a count from 0 to \(max) for check \"\(check)\"")
        }

        public static func numberExpected(_ check: String) -> LocalizedText {
            LocalizedText(zh: "检查 \"\(check)\" 的值应为数字", en: "expected a number for check \"\(check)\"")
        }

        public static func textEmpty(_ check: String) -> LocalizedText {
            LocalizedText(zh: "为空；检查 \"\(check)\" 的值应为文字", en: "empty; expected text for check \"\(check)\"")
        }

        private static func aValue(numeric: Bool) -> LocalizedText {
            numeric ? LocalizedText(zh: "数字", en: "a number") : LocalizedText(zh: "文字", en: "text")
        }

        public static func valueMissing(_ check: String, numeric: Bool) -> LocalizedText {
            let a = aValue(numeric: numeric)
            return LocalizedText(zh: "缺少；检查 \"\(check)\" 的值应为\(a.zh)", en: "missing; expected \(a.en) for check \"\(check)\"")
        }

        public static func valueIsA(_ kind: LocalizedText, check: String, numeric: Bool) -> LocalizedText {
            let a = aValue(numeric: numeric)
            return LocalizedText(zh: "是\(kind.zh)；检查 \"\(check)\" 的值应为\(a.zh)", en: "is \(kind.en); expected \(a.en) for check \"\(check)\"")
        }

        /// A numeric reading's text refused: `'1e300': expected a count from 0 to 2147483647 for
        /// check "sessions" (digits only)`.
        public static func numberRefused(_ text: String, _ problem: InspectionRules.NumberProblem, check: InspectionCheck, maxCount: Int) -> LocalizedText {
            let c = check.rawValue
            let (a, how) = check.isCount
                ? (LocalizedText(zh: "0 到 \(maxCount) 的个数", en: "a count from 0 to \(maxCount)"), LocalizedText(zh: "只写数字", en: "digits only"))
                : (LocalizedText(zh: "0 到 100 的百分比", en: "a percentage from 0 to 100"), LocalizedText(zh: "只写数字，例如 93.5", en: "digits, e.g. 93.5"))
            let expected = LocalizedText(zh: "检查 \"\(c)\" 的值应为\(a.zh)（\(how.zh)）", en: "expected \(a.en) for check \"\(c)\" (\(how.en))")
            switch problem {
            case .notDigits: return LocalizedText(zh: "'\(text)'：\(expected.zh)", en: "'\(text)': \(expected.en)")
            case .belowZero: return LocalizedText(zh: "\(text) 小于 0；\(expected.zh)", en: "\(text) is below 0; \(expected.en)")
            case .notWhole: return LocalizedText(zh: "\(text) 不是整数；\(expected.zh)", en: "\(text) is not a whole number; \(expected.en)")
            case .tooLarge:
                let limit = check.isCount ? "\(maxCount)" : "100"
                return LocalizedText(zh: "\(text) 超过 \(limit)；\(expected.zh)", en: "\(text) is over \(limit); \(expected.en)")
            }
        }

        public static func notALine(_ text: String) -> LocalizedText {
            LocalizedText(zh: "'\(text)' 不是 检查项 对象 读数，例如 \"tablespace YLBX_DATA 93.5\"",
                          en: "'\(text)' is not CHECK TARGET VALUE, e.g. \"tablespace YLBX_DATA 93.5\"")
        }

        /// A check typed on a line (`'cpux'`) or written in a file (`"cpux"`), quoted as it was.
        public static func notACheck(_ quoted: String) -> LocalizedText {
            LocalizedText(zh: "\(quoted) 不是检查项；可接受：\(InspectionCheck.accepted)", en: "\(quoted) is not a check; accepted: \(InspectionCheck.accepted)")
        }

        public static func fileHolds(_ kind: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "文件内容是\(kind.zh)；\(anInspection.zh)", en: "the file holds \(kind.en); \(anInspection.en)")
        }

        /// What the JSON reader refused in the file as a whole, and what the file should be.
        public static func notAnInspectionFile(_ problem: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(problem.zh)；\(anInspection.zh)", en: "\(problem.en); \(anInspection.en)")
        }

        private static let anInspection = LocalizedText(zh: "应为一个对象 {\"at\", \"inspector\", \"kind\", \"readings\"}",
                                                        en: "expected one object {\"at\", \"inspector\", \"kind\", \"readings\"}")

        public static func unknownField(accepted: [String]) -> LocalizedText {
            let list = accepted.joined(separator: ", ")
            return LocalizedText(zh: "未知字段；可接受：\(list)", en: "unknown field; accepted: \(list)")
        }

        public static func notAKind(_ text: String) -> LocalizedText {
            LocalizedText(zh: "\"\(text)\" 不是巡检类别；可接受：database、application、business", en: "\"\(text)\" is not a kind; accepted: database, application, business")
        }
    }
}

// MARK: - Trainings

extension Catalog.Domain {
    public enum Training {
        public static func refusal(_ refusal: TrainingRefusal) -> LocalizedText {
            switch refusal {
            case let .alreadyDone(step, at):
                return LocalizedText(zh: "「\(step.name.zh)」已于 \(BeijingTime.iso(at)) 完成，不能再次标记",
                                     en: "the step '\(step.rawValue)' was already done at \(BeijingTime.iso(at)); a step is marked done once")
            case let .earlierStepPending(step, pending):
                return LocalizedText(zh: "培训步骤须按顺序完成：「\(step.name.zh)」之前的「\(pending.name.zh)」（\(pending.rawValue)）尚未完成",
                                     en: "training steps are done in order (\(TrainingStep.accepted)): '\(pending.rawValue)' must be done before '\(step.rawValue)'")
            case let .beforePreviousStep(step, previous, previousAt):
                return LocalizedText(zh: "「\(step.name.zh)」的时间不能早于上一步「\(previous.name.zh)」（\(BeijingTime.iso(previousAt))）",
                                     en: "'\(step.rawValue)' cannot be dated before the step before it, '\(previous.rawValue)' (\(BeijingTime.iso(previousAt)))")
            case .deliveredBeforeDay(let day):
                return LocalizedText(zh: "培训定于 \(day) 举行，「培训实施」不能早于当天", en: "the training is held on \(day): it cannot be delivered before that day")
            case .scoreOutOfRange(let n):
                return LocalizedText(zh: "--score：\(n) 超出范围；可接受 0 到 100 的整数", en: "--score: \(n) is out of range; accepted: a whole number from 0 to 100")
            case .scoreNotANumber(let text):
                return LocalizedText(zh: "--score：'\(text)' 不是成绩；可接受 0 到 100 的整数", en: "--score: '\(text)' is not a score; accepted: a whole number from 0 to 100")
            case .blank(let field):
                return LocalizedText(zh: "--\(field) 不能为空", en: "--\(field) must not be empty")
            case let .duplicateAttendee(name, office):
                return Catalog.TrainingsAfter.duplicateAttendee(name, office: office)
            case let .unknownAttendeeInOffice(name, office):
                return Catalog.TrainingsAfter.unknownAttendeeInOffice(name, office: office)
            case let .ambiguousAttendee(name, offices):
                return Catalog.TrainingsAfter.ambiguousAttendee(name, offices: offices)
            case let .nothingToCorrect(name, office):
                return Catalog.TrainingsAfter.nothingToCorrect(name, office: office)
            case let .stepInTheFuture(step, at, now):
                return Catalog.TrainingsAfter.stepInTheFuture(step, at: at, now: now)
            case .unknownAttendee(let name):
                return LocalizedText(zh: "本次培训没有名为「\(name)」的学员；先用 train attend 登记", en: "no attendee named '\(name)' in this training; record them with train attend first")
            case .duplicateMaterial(let location):
                return LocalizedText(zh: "资料「\(location)」已登记", en: "the material '\(location)' is already recorded")
            case .materialHasLineBreak:
                return LocalizedText(zh: "资料须为一个路径或链接，不能含换行", en: "a material is one path or link, without line breaks")
            case .linkWithoutHost(let text):
                return LocalizedText(zh: "'\(text)' 不是完整的链接；可接受文件路径或 http(s):// 链接", en: "'\(text)' is not a complete link; accepted: a file path or an http(s):// link")
            }
        }
    }
}

// MARK: - Changes

extension Catalog.Domain {
    public enum Change {
        public static func refusal(_ refusal: ChangeRefusal) -> LocalizedText {
            switch refusal {
            case .alreadyReleased:
                return LocalizedText(zh: "变更已上线，没有下一阶段", en: "the change was released: there is no next stage")
            case .signatureMissing:
                return LocalizedText(zh: "需求确认须注明签字人（--signed-by 姓名）", en: "confirming the requirement needs who signed it (--signed-by NAME)")
            case .noInternalRound:
                return LocalizedText(zh: "进入用户测试前须有一轮通过的内测", en: "user test needs a passing internal test round first")
            case .latestRoundFailed(let n):
                return LocalizedText(zh: "最近一轮内测（第 \(n) 轮）未通过：须再测一轮并通过才能进入用户测试",
                                     en: "the latest internal test round (\(n)) failed: another round must pass before user test")
            case .notInInternalTest(let stage):
                return LocalizedText(zh: "只有处于内测阶段的变更才能记录测试轮次（当前：\(stage.name.zh)）",
                                     en: "test rounds are recorded only in internal test (now: \(stage.name.en))")
            case .signatureNotAsked(let stage):
                return LocalizedText(zh: "签字人只在需求确认时填写（下一阶段：\(stage.name.zh)）",
                                     en: "a signature is given only when confirming (the next stage is \(stage.name.en))")
            }
        }

        /// The title of the data-processing task a policy adjustment's release opens.
        public static func reprocessing(since: CivilDate) -> LocalizedText {
            LocalizedText(zh: "重新处理 \(since) 以来已办理的业务", en: "reprocess business handled since \(since)")
        }
    }
}

// MARK: - Escalations

extension Catalog.Domain {
    public enum Escalation {
        /// A rule of the policy as the reason of a step: at the report (0), at the breach (100), or
        /// when `percent` of the window has gone.
        public static func rule(level: FaultLevel, percent: Int, step: EscalationStep) -> LocalizedText {
            let l = level.rawValue, s = step.name
            switch percent {
            case 0: return LocalizedText(zh: "\(l)级故障报告即\(s.zh)", en: "level \(l) fault reported: \(s.en)")
            case 100: return LocalizedText(zh: "\(l)级故障已到时限未恢复：\(s.zh)", en: "level \(l) fault breached its deadline unrestored: \(s.en)")
            default: return LocalizedText(zh: "\(l)级故障已过时限的\(percent)%未恢复：\(s.zh)", en: "level \(l) fault \(percent)% of its window gone unrestored: \(s.en)")
            }
        }

        /// The Chinese sentences rule steps were stored as before reasons were coded, as patterns
        /// with the percent they stand for (`nil`: the percent is the pattern's second group).
        public static let legacyRulePatterns: [(pattern: String, percent: Int?)] = [
            (#"^([123])级故障报告即(.+)$"#, 0), (#"^([123])级故障已到时限未恢复：(.+)$"#, 100),
            (#"^([123])级故障已过时限的(\d+)%未恢复：(.+)$"#, nil),
        ]

        /// The message sent for a step: `【2级故障·T1】#1 海东市 …。…。恢复时限 2026-11-21 09:30。请T1 总部专家远程处理并在服务台确认（helpdesk fault ack 1）。`
        public static func notification(step: EscalationStep, level: FaultLevel, faultID: Int64, region: Region?, title: String,
                                        reason: LocalizedText, due: String) -> LocalizedText {
            let placeZh = region.map { "\($0.name.zh) " } ?? "", placeEn = region.map { "\($0.name.en) " } ?? ""
            let tag: LocalizedText, action: LocalizedText
            switch step {
            case .T0, .T1, .T2:
                tag = LocalizedText(zh: step.rawValue, en: step.rawValue)
                action = LocalizedText(zh: "请\(step.name.zh)处理并在服务台确认（helpdesk fault ack \(faultID)）。",
                                       en: "\(step.name.en): please handle it and acknowledge at the desk (helpdesk fault ack \(faultID)).")
            case .supervisor:
                tag = LocalizedText(zh: "主管督办", en: "supervisor")
                action = LocalizedText(zh: "请主管督办。", en: "Supervisor: please follow it up.")
            case .client:
                tag = LocalizedText(zh: "通报", en: "client office")
                action = LocalizedText(zh: "特此通报。", en: "For the client office's information.")
            }
            return LocalizedText(
                zh: "【\(level.rawValue)级故障·\(tag.zh)】#\(faultID) \(placeZh)\(title)。\(reason.zh)。恢复时限 \(due)。\(action.zh)",
                en: "[Level \(level.rawValue) fault · \(tag.en)] #\(faultID) \(placeEn)\(title). \(reason.en). Restore by \(due). \(action.en)")
        }
    }
}

// MARK: - Names of the domain's things

extension Weekday {
    /// `周一` / `Mon`.
    public var name: LocalizedText {
        switch self {
        case .monday: return LocalizedText(zh: "周一", en: "Mon")
        case .tuesday: return LocalizedText(zh: "周二", en: "Tue")
        case .wednesday: return LocalizedText(zh: "周三", en: "Wed")
        case .thursday: return LocalizedText(zh: "周四", en: "Thu")
        case .friday: return LocalizedText(zh: "周五", en: "Fri")
        case .saturday: return LocalizedText(zh: "周六", en: "Sat")
        case .sunday: return LocalizedText(zh: "周日", en: "Sun")
        }
    }
}

extension KPI {
    /// The figure's name: `CASE维护响应率` / `CASE responses`.
    public var localizedName: LocalizedText {
        switch self {
        case .k1: return LocalizedText(zh: "CASE维护响应率", en: "CASE responses")
        case .k2: return LocalizedText(zh: "数据处理完成率", en: "data tasks done")
        case .k3: return LocalizedText(zh: "代码修改按时率", en: "changes on time")
        case .k4: return LocalizedText(zh: "数据处理错误率", en: "data task errors")
        case .k5: return LocalizedText(zh: "软件交付错误率", en: "delivery errors")
        case .k6: return LocalizedText(zh: "处理单完整率", en: "orders complete")
        case .k7Level1, .k7Level2, .k7Level3:
            let level = faultLevel?.rawValue ?? 0
            return LocalizedText(zh: "\(level)级故障按时率", en: "L\(level) faults in time")
        }
    }
}

extension InspectionKind {
    /// `数据库巡检` / `database`.
    public var name: LocalizedText {
        switch self {
        case .database: return LocalizedText(zh: "数据库巡检", en: "database")
        case .application: return LocalizedText(zh: "应用巡检", en: "application")
        case .business: return LocalizedText(zh: "业务巡检", en: "business")
        }
    }
}

extension InspectionCheck {
    /// `表空间使用率` / `tablespace`: in English the check as scripts name it, in words.
    public var name: LocalizedText {
        let en = rawValue.replacingOccurrences(of: "_", with: " ")
        switch self {
        case .tablespace: return LocalizedText(zh: "表空间使用率", en: en)
        case .serviceDown: return LocalizedText(zh: "停止的服务", en: en)
        case .locksLong: return LocalizedText(zh: "长时间锁", en: en)
        case .cpu: return LocalizedText(zh: "CPU使用率", en: en)
        case .disk: return LocalizedText(zh: "磁盘使用率", en: en)
        case .sessions: return LocalizedText(zh: "活动会话", en: en)
        case .archiveLog: return LocalizedText(zh: "归档日志", en: en)
        case .serviceLog: return LocalizedText(zh: "服务日志", en: en)
        case .visit: return LocalizedText(zh: "走访", en: en)
        }
    }
}

extension InventoryKind {
    /// `表空间` / `tablespace`.
    public var name: LocalizedText {
        switch self {
        case .database: return LocalizedText(zh: "数据库实例", en: rawValue)
        case .schema: return LocalizedText(zh: "核心用户", en: rawValue)
        case .tablespace: return LocalizedText(zh: "表空间", en: rawValue)
        case .server: return LocalizedText(zh: "应用服务器", en: rawValue)
        case .address: return LocalizedText(zh: "负载均衡地址", en: rawValue)
        }
    }
}

extension TrainingType {
    /// Who a session is for: `业务经办人员` / `operators`.
    public var name: LocalizedText {
        switch self {
        case .admin: return LocalizedText(zh: "行政管理人员", en: "supervisors")
        case .operator: return LocalizedText(zh: "业务经办人员", en: "operators")
        case .sysadmin: return LocalizedText(zh: "系统管理员", en: "system administrators")
        }
    }
}

extension TrainingStep {
    /// `培训实施` / `delivery`.
    public var name: LocalizedText {
        switch self {
        case .content: return LocalizedText(zh: "培训内容确定", en: "content decided")
        case .plan: return LocalizedText(zh: "培训计划", en: "plan")
        case .materials: return LocalizedText(zh: "培训资料准备", en: "materials prepared")
        case .delivery: return LocalizedText(zh: "培训实施", en: "delivery")
        case .exam: return LocalizedText(zh: "考试", en: "exam")
        case .qa: return LocalizedText(zh: "答疑", en: "Q&A")
        case .upload: return LocalizedText(zh: "资料上传", en: "materials uploaded")
        }
    }
}

extension ChangeType {
    /// `政策调整` / `policy adjustment`.
    public var name: LocalizedText {
        switch self {
        case .policy: return LocalizedText(zh: "政策调整", en: "policy adjustment")
        case .optimisation: return LocalizedText(zh: "系统功能优化", en: "optimisation")
        case .bugfix: return LocalizedText(zh: "系统BUG优化", en: "bug fix")
        case .requirement: return LocalizedText(zh: "新增需求", en: "new requirement")
        }
    }
}

extension ChangeStage {
    /// `内测` / `internal test`.
    public var name: LocalizedText {
        switch self {
        case .research: return LocalizedText(zh: "需求调研", en: "research")
        case .confirmed: return LocalizedText(zh: "需求确认", en: "confirmed")
        case .development: return LocalizedText(zh: "开发", en: "development")
        case .internalTest: return LocalizedText(zh: "内测", en: "internal test")
        case .userTest: return LocalizedText(zh: "用户测试", en: "user test")
        case .released: return LocalizedText(zh: "已上线", en: "released")
        }
    }
}

extension TestResult {
    /// `通过` / `pass`.
    public var name: LocalizedText {
        switch self {
        case .pass: return LocalizedText(zh: "通过", en: "pass")
        case .fail: return LocalizedText(zh: "未通过", en: "fail")
        }
    }
}

extension EscalationStep {
    /// `T1 总部专家远程` / `T1 HQ expert, remote`.
    public var name: LocalizedText {
        switch self {
        case .client: return LocalizedText(zh: "通报用户", en: "client office told")
        case .T0: return LocalizedText(zh: "T0 现场人员", en: "T0 on-site staff")
        case .T1: return LocalizedText(zh: "T1 总部专家远程", en: "T1 HQ expert, remote")
        case .T2: return LocalizedText(zh: "T2 总部专家到场", en: "T2 HQ expert on site")
        case .supervisor: return LocalizedText(zh: "主管", en: "supervisor")
        }
    }
}
