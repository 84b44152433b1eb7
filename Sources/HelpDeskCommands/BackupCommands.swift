import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

/// `backup FILE`: a consistent, verified copy of the database, taken while it is in use.
struct BackupCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "backup", abstract: HelpDesk.say(Catalog.Help.Admin.Backup.abstract),
                             discussion: HelpDesk.say(Catalog.Help.Admin.Backup.discussion))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Backup.file), valueName: "file")) var file: String

    func run() throws {
        if file.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageError(Catalog.Admin.Backup.needsPath)
        }
        if file.hasSuffix("/") {
            throw UsageError(Catalog.Admin.Backup.namesFolder(file))
        }
        let env = try Environment(global)
        let summary = try env.database.backup(to: file)
        print(BackupText.written(file, summary, env.language))
    }
}

/// `restore FILE`: the database replaced by a backup, the current records kept beside it first.
struct RestoreCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "restore", abstract: HelpDesk.say(Catalog.Help.Admin.Restore.abstract),
                             discussion: HelpDesk.say(Catalog.Help.Admin.Restore.discussion))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Restore.file), valueName: "file")) var file: String?
    @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Replication.replicaHelp), valueName: "config-or-url")) var replica: String?
    @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Replication.toHelp), valueName: "file")) var to: String?

    func run() throws {
        guard (file == nil) != (replica == nil) else { throw UsageError(Catalog.Replication.fileOrReplica) }
        if let replica {
            // A takeover: a new database written from the replica (README, "Survive the host").
            let env = ProcessInfo.processInfo.environment
            let target = to ?? (global.demo ? Environment.dataDirectory(env) + "/demo.sqlite" : Environment.databasePath(global.db, env))
            print(try Takeover.run(source: replica, to: target, env: env, lang: global.lang ?? LanguageChoice.current))
            return
        }
        guard to == nil, let file else { throw UsageError(Catalog.Replication.toNeedsReplica) }
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
    static func counts(_ s: BackupSummary) -> LocalizedText {
        Catalog.Admin.Backup.counts(items: s.items, historyRows: s.historyRows, schema: s.schema, intact: s.intact)
    }

    static func written(_ path: String, _ s: BackupSummary, _ lang: Language) -> String {
        Catalog.Admin.Backup.written(TerminalText.sanitize(path), counts(s))(lang)
    }

    static func kept(_ path: String, _ s: BackupSummary, _ lang: Language) -> String {
        Catalog.Admin.Backup.kept(TerminalText.sanitize(path), counts(s))(lang)
    }

    static func restored(_ path: String, _ s: BackupSummary, _ lang: Language) -> String {
        Catalog.Admin.Backup.restored(TerminalText.sanitize(path), counts(s))(lang)
    }
}
