import Foundation

// Which files are read, in which order, and their text.

extension Configuration {
    /// The system-wide file.
    static let defaultSystemFile = "/etc/helpdesk/config.toml"

    /// The user's file: `$HELPDESK_CONFIG`, else `$XDG_CONFIG_HOME/helpdesk/config.toml` (an absolute
    /// `XDG_CONFIG_HOME` only), else `$HOME/.config/helpdesk/config.toml`. `explicit` is true for
    /// `HELPDESK_CONFIG`, whose file must exist.
    static func userFile(environment env: [String: String]) -> (path: String, explicit: Bool) {
        if let path = env["HELPDESK_CONFIG"], !path.isEmpty { return (path, true) }
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.config")
        return (base + "/helpdesk/config.toml", false)
    }

    /// The files looked at, in the order they are read: the system's, then the user's (once, when
    /// both name the same file).
    static func sources(environment env: [String: String], systemFile: String = defaultSystemFile)
        -> [(path: String, required: Bool)]
    {
        let user = userFile(environment: env)
        var list: [(path: String, required: Bool)] = [(systemFile, false)]
        if standardized(user.path) != standardized(systemFile) {
            list.append((user.path, user.explicit))
        } else if user.explicit {
            list[0].required = true
        }
        return list
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The configuration in effect: the defaults, then the system file, then the user's file, each
    /// only if it exists (`HELPDESK_CONFIG` must name a file that does).
    static func load(environment: [String: String], systemFile: String = defaultSystemFile) throws -> Configuration {
        var config = Configuration()
        for source in sources(environment: environment, systemFile: systemFile) {
            guard let text = try read(source.path, required: source.required) else { continue }
            config = try parse(text, file: source.path, over: config)
        }
        return config
    }

    /// The text of a configuration file; `nil` when it does not exist and is not `required`.
    /// `missing` says what to do when a required file does not exist.
    static func read(_ path: String, required: Bool,
                     missing: String = "no such file, named by HELPDESK_CONFIG; accepted: the path of an existing configuration file, or HELPDESK_CONFIG unset")
        throws -> String?
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if !required { return nil }
            throw ConfigurationError(file: path, line: nil, key: nil, message: missing)
        }
        if isDirectory.boolValue {
            throw ConfigurationError(file: path, line: nil, key: nil, message: "is a directory; expected a TOML file")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ConfigurationError(file: path, line: nil, key: nil,
                                     message: "cannot read: \((error as NSError).localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, line: nil, key: nil, message: "not UTF-8 text; a TOML file is UTF-8")
        }
        return text
    }
}
