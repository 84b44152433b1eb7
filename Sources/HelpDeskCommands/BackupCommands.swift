import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

/// `backup FILE`: a consistent, verified copy of the database, taken while it is in use.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a verified copy of the database to FILE while consoles and writers go on.",
        discussion: """
            The copy is the database as of one instant (SQLite's online backup), checked with \
            integrity_check and its item and history counts before it is given its name; FILE must \
            not exist. The copy is one file, readable and writable by owner and group only.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Where to write the copy (a new file).", valueName: "file")) var file: String

    func run() throws {
        if file.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageError(en: "backup needs the path of the new file; accepted: e.g. /var/backups/helpdesk/helpdesk-20261125.sqlite",
                             zh: "backup 需要新文件的路径；例如 /var/backups/helpdesk/helpdesk-20261125.sqlite")
        }
        if file.hasSuffix("/") {
            throw UsageError(en: "\(file) names a folder; accepted: the path of a new file, e.g. \(file)helpdesk-20261125.sqlite",
                             zh: "\(file) 是文件夹；请给出新文件的路径，例如 \(file)helpdesk-20261125.sqlite")
        }
        let env = try Environment(global)
        let summary = try env.database.backup(to: file)
        print(BackupText.written(file, summary, env.language))
    }
}

/// `restore FILE`: the database replaced by a backup, the current records kept beside it first.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the database with a backup (supervisors only); the current one is kept first.",
        discussion: """
            FILE must be a whole helpdesk database that this program can read: not another kind of \
            file, folder, FIFO or device, not damaged, not written by a newer helpdesk. The restore \
            holds the database's write lock throughout: what it holds now is first backed up to \
            DB.before-restore-YYYYMMDD-HHMMSS beside it, then the backup is written in; writers wait \
            meanwhile. Ids go on from above the highest the database ever gave. Consoles that have \
            the database open see the restored records at their next read.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The backup to restore.", valueName: "file")) var file: String

    func run() throws {
        // The file is checked before the database is even opened: a bad file changes nothing.
        _ = try AppDatabase.verifyBackup(file)
        let env = try Environment(global)
        var keep = "\(env.databasePath).before-restore-\(BeijingTime.compactStamp(env.now))"
        let base = keep
        var n = 1
        while FileManager.default.fileExists(atPath: keep) { n += 1; keep = "\(base)-\(n)" }
        let (kept, restored) = try env.database.restore(from: file, keepingCurrentAs: keep, env.context)
        print(BackupText.kept(keep, kept, env.language))
        print(BackupText.restored(file, restored, env.language))
    }
}

enum BackupText {
    static func counts(_ s: BackupSummary, _ lang: Language) -> String {
        lang == .zh
            ? "\(s.items) 项工单，\(s.historyRows) 条历史，结构 \(s.schema)，完整性检查\(s.intact ? "通过" : "未通过")"
            : "\(s.items) items, \(s.historyRows) history rows, schema \"\(s.schema)\", integrity \(s.intact ? "ok" : "NOT ok")"
    }

    static func written(_ path: String, _ s: BackupSummary, _ lang: Language) -> String {
        let path = TerminalText.sanitize(path)
        return lang == .zh ? "已备份到 \(path)：\(counts(s, lang))" : "backup written to \(path): \(counts(s, lang))"
    }

    static func kept(_ path: String, _ s: BackupSummary, _ lang: Language) -> String {
        let path = TerminalText.sanitize(path)
        return lang == .zh ? "恢复前的数据库已保存到 \(path)：\(counts(s, lang))" : "the database as it was is kept in \(path): \(counts(s, lang))"
    }

    static func restored(_ path: String, _ s: BackupSummary, _ lang: Language) -> String {
        let path = TerminalText.sanitize(path)
        return lang == .zh ? "已从 \(path) 恢复：\(counts(s, lang))" : "restored from \(path): \(counts(s, lang))"
    }
}
