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
}
