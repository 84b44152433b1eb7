import Foundation
import HelpDeskCore

// Which files are read, in which order, and their text.

extension Configuration {
    /// The system file: root's, for the whole host.
    static let defaultSystemFile = "/etc/helpdesk/config.toml"

    /// The system file in effect: `$HELPDESK_SYSTEM_CONFIG` (another installation's, or a test's),
    /// else `/etc/helpdesk/config.toml`. Either is held to the same checks (`trustProblem`), so the
    /// variable can only name another file that root keeps.
    static func systemFile(environment env: [String: String]) -> (path: String, explicit: Bool) {
        if let path = env["HELPDESK_SYSTEM_CONFIG"], !path.isEmpty { return (path, true) }
        return (defaultSystemFile, false)
    }

    /// The user's file: `$HELPDESK_CONFIG`, else `$XDG_CONFIG_HOME/helpdesk/config.toml` (an absolute
    /// `XDG_CONFIG_HOME` only), else `$HOME/.config/helpdesk/config.toml`. `explicit` is true for
    /// `HELPDESK_CONFIG`, whose file must exist.
    static func userFile(environment env: [String: String]) -> (path: String, explicit: Bool) {
        if let path = env["HELPDESK_CONFIG"], !path.isEmpty { return (path, true) }
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.config")
        return (base + "/helpdesk/config.toml", false)
    }

    /// One file looked at: where, whether it must exist, and which keys it may hold.
    struct Source {
        var path: String
        var required: Bool
        var tier: Tier
    }

    /// The files looked at, in the order they are read: the system's, then the user's (a personal
    /// file that is the system file itself is read once, as the system's).
    static func sources(environment env: [String: String]) -> [Source] {
        let system = systemFile(environment: env)
        let user = userFile(environment: env)
        var list = [Source(path: system.path, required: system.explicit, tier: .system)]
        if standardized(user.path) != standardized(system.path) {
            list.append(Source(path: user.path, required: user.explicit, tier: .personal))
        } else if user.explicit {
            list[0].required = true
        }
        return list
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The configuration in effect: the defaults, then the desk's rules kept in the database
    /// (`deskRules`, key and TOML value), then the system file, then the user's preferences, each
    /// only if it exists (a file named by `HELPDESK_CONFIG` or `HELPDESK_SYSTEM_CONFIG` must).
    static func load(environment: [String: String], deskRules: [(key: String, value: String)] = []) throws -> Configuration {
        var config = try readDeskRules(deskRules)
        for source in sources(environment: environment) {
            if source.tier == .system, let problem = trustProblem(source.path) {
                throw problem
            }
            guard let text = try read(source.path, required: source.required, missing: missingMessage(source.tier)) else { continue }
            config = try parse(text, file: source.path, over: config, tier: source.tier)
        }
        return config
    }

    /// The desk's rules as the database keeps them, over the defaults; each row is read as the
    /// line `KEY = VALUE` and may hold a desk rule only.
    static func readDeskRules(_ rules: [(key: String, value: String)], over base: Configuration = .init()) throws
        -> Configuration
    {
        var config = base
        for rule in rules {
            config = try parse("\(rule.key) = \(rule.value)\n", file: "desk rule \(rule.key) (database; helpdesk config show)",
                               over: config, tier: .desk, origin: "database")
        }
        return config
    }

    /// Why the system file may not be trusted, or `nil`. What it says is run as the timer's user and
    /// grants rights, so only root may be able to change it: it must be a regular file owned by root
    /// and not writable by its group or others, in folders owned by root that nobody else may write
    /// (a sticky folder such as /tmp is fine: nobody else can replace root's file in it). A file
    /// that does not exist is no problem (nobody else can create it in such a folder).
    static func trustProblem(_ path: String) -> ConfigurationError? {
        func refuse(_ message: LocalizedText) -> ConfigurationError {
            ConfigurationError(file: path, line: nil, key: nil, message: message)
        }
        var info = stat()
        if lstat(path, &info) != 0 {
            return nil
        }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            return refuse(Catalog.Config.systemFileIsLink(path))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return refuse(Catalog.Config.systemFileNotRegular(path))
        }
        if info.st_uid != 0 {
            return refuse(Catalog.Config.systemFileOwner(userName(info.st_uid), path))
        }
        let mode = info.st_mode & 0o7777
        if mode & 0o022 != 0 {
            return refuse(Catalog.Config.systemFileWritable(byEveryone: mode & 0o002 != 0, mode: String(mode, radix: 8), path))
        }
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        while true {
            var dir = stat()
            if stat(folder, &dir) == 0 {
                let dirMode = dir.st_mode & 0o7777
                let sticky = dirMode & 0o1000 != 0
                if dir.st_uid != 0 {
                    return refuse(Catalog.Config.systemFolderOwner(folder, userName(dir.st_uid)))
                }
                if dirMode & 0o022 != 0 && !sticky {
                    return refuse(Catalog.Config.systemFolderWritable(folder, mode: String(dirMode, radix: 8)))
                }
            }
            if folder == "/" || folder.isEmpty { break }
            folder = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        }
        return nil
    }

    private static func userName(_ uid: uid_t) -> String {
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(uid)"
    }

    /// What to say of a file named by a variable that does not exist.
    static func missingMessage(_ tier: Tier) -> LocalizedText {
        tier == .system ? Catalog.Config.missingSystemFile : Catalog.Config.missingPersonalFile
    }

    /// The largest configuration file read: a real one is a few lines (a hundred client contacts
    /// take about 10 KiB). Anything larger is refused by its size before a byte is parsed, so that
    /// every command, which reads the configuration first, answers at once whatever file it meets.
    static let maxFileSize = 64 << 10

    /// The text of a configuration file; `nil` when it does not exist and is not `required`.
    /// `missing` says what to do when a required file does not exist.
    static func read(_ path: String, required: Bool,
                     missing: LocalizedText = Catalog.Config.missingPersonalFile)
        throws -> String?
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if !required { return nil }
            throw ConfigurationError(file: path, line: nil, key: nil, message: missing)
        }
        if isDirectory.boolValue {
            throw ConfigurationError(file: path, line: nil, key: nil, message: Catalog.Config.isDirectory)
        }
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            // A FIFO or a device would be read from, perhaps forever.
            throw ConfigurationError(file: path, line: nil, key: nil, message: Catalog.Config.notRegularFile)
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxFileSize {
            throw ConfigurationError(file: path, line: nil, key: nil,
                                     message: Catalog.Config.tooLarge(size, limit: maxFileSize))
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ConfigurationError(file: path, line: nil, key: nil,
                                     message: Catalog.Config.cannotRead((error as NSError).localizedDescription))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, line: nil, key: nil, message: Catalog.Config.notUTF8)
        }
        return text
    }
}
