import ConsoleCore
import Foundation
import Testing
@testable import HelpDeskCommands

/// Where themes are looked for (README, "Themes" and "Install"): an installed program in its
/// prefix's share folder, however it was started.
@Suite("Theme lookup", .scratch)
struct ThemeLookupTests {
    @Test func anInstalledProgramFindsThemesInItsPrefix() throws {
        let dir = ScratchFolder.folder(#function)
        let prefix = dir.appendingPathComponent("opt")
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("share/helpdesk/themes"), withIntermediateDirectories: true)
        let executable = prefix.appendingPathComponent("bin/helpdesk")
        _ = FileManager.default.createFile(atPath: executable.path, contents: Data())
        let theme = prefix.appendingPathComponent("share/helpdesk/themes/lookup-test.theme")
        _ = FileManager.default.createFile(atPath: theme.path, contents: Data("selected = black on cyan\n".utf8))
        let env = ["XDG_CONFIG_HOME": dir.appendingPathComponent("config").path]

        #expect(ThemeLoader.find("lookup-test", env, executable: executable)?.path == theme.path)
        // Started through a symbolic link elsewhere (PATH=/usr/local/bin → /opt/…/bin/helpdesk).
        let link = dir.appendingPathComponent("links/helpdesk")
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: executable)
        #expect(ThemeLoader.find("lookup-test", env, executable: link)?.path == theme.path)
        // The user's own folder comes first.
        let own = dir.appendingPathComponent("config/helpdesk/themes/lookup-test.theme")
        try FileManager.default.createDirectory(at: own.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: own.path, contents: Data())
        #expect(ThemeLoader.find("lookup-test", env, executable: executable)?.path == own.path)
        // Elsewhere, with no share folder beside its bin, it is not found.
        let bare = dir.appendingPathComponent("bare/bin/helpdesk")
        #expect(ThemeLoader.find("lookup-test", ["XDG_CONFIG_HOME": dir.appendingPathComponent("none").path], executable: bare) == nil)
    }

    /// A theme that cannot be had leaves the default in place and says why in the language of
    /// messages (it shows on standard error and on the console's status line at start-up).
    @Test func aThemeNotHadIsSaidInTheReadersLanguage() throws {
        let dir = ScratchFolder.folder(#function)
        let env = ["XDG_CONFIG_HOME": dir.appendingPathComponent("config").path, "HELPDESK_THEMES": dir.path]
        let (missingZh, whyZh) = ThemeLoader.load("no-such-theme", environment: env, .zh)
        #expect(missingZh == .dark)
        #expect(whyZh?.hasPrefix("未找到主题 'no-such-theme'（查找位置：") == true && whyZh?.hasSuffix("；改用默认主题") == true, "\(whyZh ?? "")")
        let (_, whyEn) = ThemeLoader.load("no-such-theme", environment: env, .en)
        #expect(whyEn?.hasPrefix("theme 'no-such-theme' not found (looked in ") == true && whyEn?.hasSuffix("; using the default") == true, "\(whyEn ?? "")")

        let broken = dir.appendingPathComponent("broken.theme")
        _ = FileManager.default.createFile(atPath: broken.path, contents: Data("no equals sign here\n".utf8))
        let (brokenTheme, brokenZh) = ThemeLoader.load(broken.path, environment: env, .zh)
        #expect(brokenTheme == .dark)
        #expect(brokenZh?.contains("broken.theme") == true && brokenZh?.hasSuffix("；改用默认主题") == true, "\(brokenZh ?? "")")
        #expect(ThemeLoader.load(broken.path, environment: env, .en).1?.hasSuffix("; using the default theme") == true)
        // The default itself is never a problem.
        #expect(ThemeLoader.load("dark", environment: env, .zh).1 == nil)
    }
}
