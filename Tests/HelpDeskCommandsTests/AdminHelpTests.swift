import Foundation
import Testing

// `--help` of the administration commands in the reader's language: Chinese with `--lang zh`, the
// English of before with `--lang en`.

@Suite("help of the administration commands", .scratch)
struct AdminHelpTests {
    /// The help's words without its line breaks and indentation.
    private func words(_ text: String, spaces: Bool) -> String {
        let parts = text.split(whereSeparator: \.isWhitespace)
        return parts.joined(separator: spaces ? " " : "")
    }

    @Test func helpInChinese() {
        let db = freshDatabase()
        let checks: [([String], [String])] = [
            (["config", "--help"], ["配置：检查文件、显示生效的配置、设定服务台规则。", "保存个人偏好：主题、提示音、语言。"]),
            (["config", "check", "--help"], ["检查一个配置文件，或生效的各文件（先系统，后个人）。",
                                             "把FILE当作系统文件检查（所有键），而不是个人文件（只含偏好）。"]),
            (["staff", "add", "--help"], ["把一个操作系统用户加为人员（仅主管）。", "其姓名，例如张伟。", "接收通知的电话号码。"]),
            (["backup", "--help"], ["副本写到哪里（一个新文件）。"]),
            (["calendar", "import", "--help"], ["从holiday-cn格式的JSON文件新增或更正一年的节假日安排。", "JSON文件。"]),
            (["doctor", "--help"], ["汇总表与重新计数不符时重建（仅主管）。"]),
        ]
        for (args, expected) in checks {
            let r = helpdesk(args + ["--lang", "zh"], db: db)
            #expect(r.status == 0, "\(args): \(r.err)")
            let said = words(r.out, spaces: false)
            for text in expected { #expect(said.contains(words(text, spaces: false)), "\(args): \(text)\n\(r.out)") }
        }
        let add = helpdesk(["staff", "add", "--help", "--lang", "zh"], db: db)
        #expect(add.out.contains("--name <name>") && add.out.contains("--role <role>") && add.out.contains("<username>"), "\(add.out)")
    }

    @Test func helpInEnglishIsAsBefore() {
        let db = freshDatabase()
        let checks: [([String], [String])] = [
            (["config", "--help"], ["OVERVIEW: The configuration: check a file, show what is in effect, set the desk's rules.",
                                    "holds a person's preferences: theme, bell, language."]),
            (["config", "check", "--help"], ["--system Check FILE as the system file (every key), not as a personal one (preferences only).",
                                             "<file> The file to check (default: the files in effect)."]),
            (["staff", "add", "--help"], ["OVERVIEW: Add an operating-system user as staff (supervisors only).",
                                          "<username> Their operating-system user name.", "--name <name> Their name, e.g. 张伟.",
                                          "--phone <phone> A phone number for notifications.", "--role <role> onsite, expert, supervisor or viewer."]),
            (["staff", "list", "--help"], ["OVERVIEW: Everyone on the staff list."]),
            (["backup", "--help"], ["<file> Where to write the copy (a new file)."]),
            (["restore", "--help"], ["OVERVIEW: Replace the database with a backup (supervisors only); the current one is kept first."]),
            (["calendar", "--help"], ["OVERVIEW: China's working calendar: holidays, make-up working days, business hours."]),
            (["calendar", "hours", "--help"], ["<hours> New hours; omit to show the current ones."]),
            (["doctor", "--help"], ["--repair Rebuild the summary tables when they differ from a recount (supervisors only)."]),
        ]
        for (args, expected) in checks {
            let r = helpdesk(args + ["--lang", "en"], db: db)
            #expect(r.status == 0, "\(args): \(r.err)")
            let said = words(r.out, spaces: true)
            for text in expected { #expect(said.contains(text), "\(args): \(text)\n\(r.out)") }
        }
        // LANG=C, no --lang: the same English.
        #expect(words(helpdesk(["config", "set", "--help"], db: db).out, spaces: true)
            .contains("Every change is audited with its old and new value."))
    }
}
