/// What the administration commands say: backups and restores, staff, the calendar, the
/// configuration and the doctor.
extension Catalog {
    public enum Admin {
        public enum Backup {
            public static let needsPath = LocalizedText(
                zh: "backup 需要新文件的路径；例如 /var/backups/helpdesk/helpdesk-20261125.sqlite",
                en: "backup needs the path of the new file; accepted: e.g. /var/backups/helpdesk/helpdesk-20261125.sqlite")

            public static func namesFolder(_ file: String) -> LocalizedText {
                LocalizedText(zh: "\(file) 是文件夹；请给出新文件的路径，例如 \(file)helpdesk-20261125.sqlite",
                              en: "\(file) names a folder; accepted: the path of a new file, e.g. \(file)helpdesk-20261125.sqlite")
            }

            /// What a copy holds: `12 items, 40 history rows, schema "v9", integrity ok`.
            public static func counts(items: Int, historyRows: Int, schema: String, intact: Bool) -> LocalizedText {
                LocalizedText(zh: "\(items) 项工单，\(historyRows) 条历史，结构 \(schema)，完整性检查\(intact ? "通过" : "未通过")",
                              en: "\(items) items, \(historyRows) history rows, schema \"\(schema)\", integrity \(intact ? "ok" : "NOT ok")")
            }

            public static func written(_ path: String, _ counts: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "已备份到 \(path)：\(counts.zh)", en: "backup written to \(path): \(counts.en)")
            }

            public static func kept(_ path: String, _ counts: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "恢复前的数据库已保存到 \(path)：\(counts.zh)", en: "the database as it was is kept in \(path): \(counts.en)")
            }

            public static func restored(_ path: String, _ counts: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "已从 \(path) 恢复：\(counts.zh)", en: "restored from \(path): \(counts.en)")
            }
        }

        public enum Staff {
            public static let headers = [LocalizedText(zh: "用户", en: "user"), LocalizedText(zh: "姓名", en: "name"),
                                         LocalizedText(zh: "电话", en: "phone"), LocalizedText(zh: "角色", en: "role"),
                                         LocalizedText(zh: "状态", en: "state")]
            public static let active = LocalizedText(zh: "在岗", en: "active")
            public static let inactive = LocalizedText(zh: "已停用", en: "inactive")
        }

        public enum Calendar {
            public static let legend = LocalizedText(zh: "  * 节假日   + 调休上班", en: "  * holiday   + make-up working day")
            public static let holidayFile = LocalizedText(zh: "holiday-cn 格式的 JSON 文件", en: "a holiday-cn JSON file")

            public static func fileRefused(_ file: String, _ problem: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "\(file)：\(problem.zh)；未导入任何内容", en: "\(file): \(problem.en); nothing was stored")
            }

            public static func imported(year: Int, daysOff: Int, makeUpDays: Int) -> LocalizedText {
                LocalizedText(zh: "\(year) 年：放假 \(daysOff) 天，调休上班 \(makeUpDays) 天",
                              en: "\(year): \(daysOff) days off, \(makeUpDays) make-up working days")
            }

            public static func deadlinesComputedAgain(_ ids: String) -> LocalizedText {
                LocalizedText(zh: "已重算时限：\(ids)", en: "deadlines computed again: \(ids)")
            }

            /// Where a year of the holiday schedule comes from (`calendar years`).
            public static func importedBy(_ at: String, _ by: String) -> LocalizedText {
                LocalizedText(zh: "\(at) 由 \(by) 导入", en: "imported \(at) by \(by)")
            }

            public static let bundled = LocalizedText(zh: "内置", en: "bundled")
        }

        public enum Config {
            public static func setTakesOneValue(_ key: String, example: String) -> LocalizedText {
                LocalizedText(zh: "config set 需要一个键和一个值（含空格的值请加引号）；例如 helpdesk config set \(key) \(example)",
                              en: "config set takes one KEY and one VALUE (quote a value with spaces); e.g. helpdesk config set \(key) \(example)")
            }

            public static func notARule(_ key: String, _ keys: [String]) -> LocalizedText {
                LocalizedText(zh: "'\(key)' 不是服务台规则；可用：\(keys.joined(separator: "、"))",
                              en: "'\(key)' is not a desk rule; accepted: \(keys.joined(separator: ", "))")
            }

            public static func oneLine(_ key: String, example: String) -> LocalizedText {
                LocalizedText(zh: "\(key)：值须为一行 TOML；例如 \(example)",
                              en: "\(key): the value is one line of TOML; accepted: e.g. \(example)")
            }

            public static func notAValue(_ key: String, _ value: String, example: String) -> LocalizedText {
                LocalizedText(zh: "\(key)：\(value) 不是此规则可取的值（按配置文件的 TOML 写法）；例如 helpdesk config set \(key) \(example)",
                              en: "\(key): \(value) is not a value this rule takes (written as in the configuration file, TOML); e.g. helpdesk config set \(key) \(example)")
            }

            public static func refused(_ key: String, _ problem: LocalizedText, rule: String, example: String) -> LocalizedText {
                LocalizedText(zh: "\(key)：\(problem.zh)；例如 helpdesk config set \(rule) \(example)",
                              en: "\(key): \(problem.en); e.g. helpdesk config set \(rule) \(example)")
            }

            /// A value of the client rule as typed after `config set client`, the same in both languages.
            public static let clientExample = #"'[{name = "值班室", phone = "0971-5550100"}]'"#

            public static let theDefault = LocalizedText(zh: "默认值", en: "the default")

            public static func changed(_ key: String, from: String, to: String) -> LocalizedText {
                LocalizedText(zh: "\(key)：\(from) → \(to)", en: "\(key): \(from) → \(to)")
            }

            public static func systemWins(_ file: String, _ key: String) -> LocalizedText {
                LocalizedText(zh: "注意：\(file) 也设定了 \(key)，以它为准（由 root 修改）",
                              en: "note: \(file) sets \(key) too and wins over the database (root changes it)")
            }

            public static func noFile(_ looked: String) -> LocalizedText {
                LocalizedText(zh: "没有配置文件，使用默认值：查找过 \(looked)",
                              en: "no configuration file; the defaults are in effect: looked at \(looked)")
            }

            public static let noDemo = LocalizedText(
                zh: "--demo：config check 只读配置文件，不用数据库；请去掉 --demo",
                en: "--demo: config check reads configuration files, not a database; leave --demo out")
        }
    }
}
