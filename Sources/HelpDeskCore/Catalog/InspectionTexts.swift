import Foundation

/// What recording an inspection writes and says beyond its checks (Domain.swift) and its commands
/// (CommandsReports.swift): the texts of the items a reading opens, the history note of a reading,
/// a file imported before, an inspection older than the newest of its kind.
extension Catalog {
    public enum InspectionImport {
        /// The description of an item a reading opened: what was found, then where it came from.
        public static func openedDescription(_ title: LocalizedText, inspection id: Int64, inspector: String) -> LocalizedText {
            LocalizedText(zh: "\(title.zh)\n巡检 #\(id) · \(inspector)", en: "\(title.en)\ninspection #\(id) · \(inspector)")
        }

        /// The history note of a reading that opened an item or was linked to one; `again`: the
        /// inspection whose file this one imported again.
        public static func readingNote(_ check: InspectionCheck, target: String, value: String, again: Int64?) -> LocalizedText {
            let base = LocalizedText(zh: "巡检读数：\(check.label(.zh)) \(target) = \(value)",
                                     en: "inspection reading: \(check.rawValue) \(target) = \(value)")
            guard let again else { return base }
            return LocalizedText(zh: "\(base.zh)（\(importedAgain(again).zh)）", en: "\(base.en) (\(importedAgain(again).en))")
        }

        /// An inspection made from a file imported before, with `--again`.
        public static func importedAgain(_ first: Int64) -> LocalizedText {
            LocalizedText(zh: "再次导入，同巡检 #\(first) 的文件", en: "imported again: the file of inspection #\(first)")
        }

        /// An inspection's source (`imported from monitoring`) when it was imported again.
        public static func sourceAgain(_ source: String, first: Int64) -> LocalizedText {
            LocalizedText(zh: "\(source)（\(importedAgain(first).zh)）", en: "\(source) (\(importedAgain(first).en))")
        }

        /// The inspection screen's short mark of an import made again.
        public static func againMark(_ first: Int64) -> LocalizedText {
            LocalizedText(zh: "再次导入 #\(first)", en: "again #\(first)")
        }

        /// A file whose bytes were imported before, refused.
        public static func importedBefore(_ file: String, inspection id: Int64, at: Date) -> LocalizedText {
            LocalizedText(zh: "\(file)：该文件已导入过，即巡检 #\(id)（\(BeijingTime.iso(at))），未作任何改动；确需再次导入请加 --again",
                          en: "\(file): this file was imported before, as inspection #\(id) (\(BeijingTime.iso(at))); nothing was stored. To import it again: --again")
        }

        /// A file older than the newest inspection of its kind: recorded all the same.
        public static func olderThanNewest(_ at: Date, kind: InspectionKind, newest id: Int64, newestAt: Date) -> LocalizedText {
            LocalizedText(zh: "注意：此巡检时间 \(BeijingTime.iso(at)) 早于最近一次\(kind.label(.zh))巡检 #\(id)（\(BeijingTime.iso(newestAt))），已照常记录",
                          en: "note: this inspection's at, \(BeijingTime.iso(at)), is older than the newest \(kind.label(.en)) inspection, #\(id) (\(BeijingTime.iso(newestAt))); recorded all the same")
        }

        /// `inspect import --again`.
        public static let againHelp = LocalizedText(zh: "导入已导入过的同一文件（内容相同）；该巡检及其历史记录注明为再次导入",
                                                    en: "import a file whose content was imported before; the inspection and its history say it was imported again")

        /// The report's and `inspect show`'s row for the file's hash.
        public static let contentHash = LocalizedText(zh: "文件 SHA-256", en: "File SHA-256")
    }
}
