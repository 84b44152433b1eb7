/// What the command line says about itself: the terminal, the database named, times typed as
/// options, the argument parser's own refusals.
extension Catalog {
    public enum Commands {
        public static func cannotOpenTerminal(_ error: String) -> LocalizedText {
            LocalizedText(zh: "无法打开终端：\(error)", en: "cannot open the terminal: \(error)")
        }

        public static func calendarRefused(_ problem: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "日历文件未导入，未作任何改动：\(problem.zh)", en: "calendar file refused, nothing was stored: \(problem.en)")
        }

        public static func demoAndDatabase(_ db: String, demoFile: String) -> LocalizedText {
            LocalizedText(zh: "--demo 与 --db \(db) 指向两个数据库；请只给一个（--demo 使用 \(demoFile)）",
                          en: "--demo and --db \(db) name two databases; give one of them (--demo uses \(demoFile))")
        }

        /// An option's value refused: `--at: the offset is missing …` / `--at：缺少时区偏移…`.
        public static func option(_ option: String, _ problem: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(option)：\(problem.zh)", en: "\(option): \(problem.en)")
        }

        public static func neitherDateNorTime(_ option: String, _ text: String) -> LocalizedText {
            LocalizedText(zh: "\(option)：'\(text)' 既不是日期（2021-12-01，指当日下班时间）也不是带时区偏移的时间（2021-12-01T18:00:00+08:00）",
                          en: "\(option): '\(text)' is neither a date (2021-12-01, meaning close of business) nor a time with an offset (2021-12-01T18:00:00+08:00)")
        }

        /// The argument parser's sentences and their Chinese: a pattern of its English message
        /// and the template that says it in Chinese (the command's syntax stays as written).
        /// The frame the argument parser puts around `--help` (headings, its own option, the notes on
        /// values and defaults), in Chinese; what the commands say inside it is `Catalog.Help`.
        public static let helpFrame: [(pattern: String, chinese: String)] = [
            (#"(?m)^OVERVIEW: "#, "概述："),
            (#"(?m)^USAGE: "#, "用法："),
            (#"(?m)^ARGUMENTS:$"#, "参数："),
            (#"(?m)^OPTIONS:$"#, "选项："),
            (#"(?m)^SUBCOMMANDS:$"#, "子命令："),
            (#"Show help information\."#, "显示帮助信息。"),
            (#" ?\(values: ?(\n\s+)?([^)]*)\)"#, "（可选值：$1$2）"),
            (#" ?\(default: ?(\n\s+)?([^)]*)\)"#, "（默认：$1$2）"),
            (#"See '([^']*)' for detailed help\."#, "各子命令的详细帮助：'$1'。"),
        ]

        public static let parserSentences: [(pattern: String, chinese: String)] = [
            (#"Missing expected argument '([^']*)'"#, "缺少参数 '$1'"),
            (#"The value '([^']*)' is invalid for '([^']*)'(\. |: )?"#, "'$1' 不是 '$2' 的有效取值。"),
            (#"Please provide one of '([^\n]*)'\."#, "可接受：'$1'。"),
            (#"Please provide a whole number, e\.g\. 12\."#, "可接受：整数，例如 12。"),
            (#"Please provide one of the following:"#, "可接受的值："),
            (#"' or '"#, "' 或 '"),
            (#"Unknown option '([^']*)'"#, "未知选项 '$1'"),
            (#"\. Did you mean '([^']*)'\?"#, "。是否应为 '$1'？"),
            (#"Unexpected arguments? '([^']*)'"#, "多余的参数 '$1'"),
            (#"Missing value for '([^']*)'"#, "'$1' 缺少取值"),
            (#"Unknown command '([^']*)'"#, "未知子命令 '$1'"),
            (#"(?m)^Usage: "#, "用法："),
            // The option's help sentence is English (written once, for `--help`): left out here.
            (#"(?m)^Help:[^\n]*\n"#, ""),
            (#"See '([^']*)' for more information\."#, "详见 '$1'。"),
        ]
    }
}
