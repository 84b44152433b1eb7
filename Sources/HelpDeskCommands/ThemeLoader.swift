import ConsoleCore
import Foundation
import HelpDeskCore

/// Finds a theme by name: in `$XDG_CONFIG_HOME/helpdesk/themes`, `$HELPDESK_THEMES`, the
/// installation's `share/helpdesk/themes` beside the executable's `bin` folder (`PREFIX/bin/helpdesk`
/// reads `PREFIX/share/helpdesk/themes`), the project's `Themes` folder (found upwards from the
/// executable: a build in the source tree) and `/usr/share/helpdesk/themes`.
enum ThemeLoader {
    /// The theme `name` (else `$HELPDESK_THEME`, else dark), or the default with why, said in `lang`.
    static func load(_ name: String?, environment env: [String: String], _ lang: Language) -> (Theme, String?) {
        let name = name ?? env["HELPDESK_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? "dark"
        let say = Catalog.Screens.Console.self
        guard let url = find(name, env) else {
            if name == "dark" { return (.dark, nil) }
            return (.dark, say.themeNotFound(name, folders: folders(env).map(\.path).joined(separator: ", "))(lang))
        }
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            return (try Theme.parse(name: name, text: text, file: url.path), nil)
        } catch let error as Theme.ParseError {
            return (.dark, say.themeRefused(error.text(lang))(lang))
        } catch {
            return (.dark, say.themeUnreadable(url.path, error.localizedDescription)(lang))
        }
    }

    static func find(_ name: String, _ env: [String: String], executable: URL = ThemeLoader.executable) -> URL? {
        if name.contains("/") { return URL(fileURLWithPath: name) }
        return folders(env, executable: executable).map { $0.appendingPathComponent("\(name).theme") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    static func folders(_ env: [String: String], executable: URL = ThemeLoader.executable) -> [URL] {
        var list: [URL] = []
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.config")
        list.append(URL(fileURLWithPath: config + "/helpdesk/themes"))
        if let dir = env["HELPDESK_THEMES"], !dir.isEmpty { list.append(URL(fileURLWithPath: dir)) }
        let bin = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = bin.deletingLastPathComponent().appendingPathComponent("share/helpdesk/themes").standardizedFileURL
        if FileManager.default.fileExists(atPath: installed.path) { list.append(installed) }
        var dir = bin
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Themes")
            if FileManager.default.fileExists(atPath: candidate.path) {
                list.append(candidate)
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        let system = URL(fileURLWithPath: "/usr/share/helpdesk/themes")
        if !list.contains(system) { list.append(system) }
        return list
    }

    /// The running executable, wherever it was started from: `argv[0]` is only a name when the
    /// shell found the program on the PATH.
    static var executable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }
}
