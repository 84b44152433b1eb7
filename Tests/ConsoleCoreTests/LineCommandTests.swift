import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// The `:` commands are one table (`LineCommand.all`): each is read by the command line and carried
/// out, listed on the `?` screen and offered when a line is not a command, in both languages.
@Suite("The : commands")
struct LineCommandTests {
    @Test func everyCommandIsReadAndCarriedOut() {
        for command in LineCommand.all {
            guard let request = CommandLineScreen.parse(command.example) else {
                Issue.record("\(command.name): '\(command.example)' read as nothing")
                continue
            }
            if case .unknown = request { Issue.record("\(command.name): '\(command.example)' not understood") }
            let rest = command.example.split(separator: " ").dropFirst().joined(separator: " ")
            #expect(command.read(rest) == request, "\(command.name)")
            for alias in command.aliases where command.arguments == nil {
                #expect(CommandLineScreen.parse(alias) == request, "\(alias) stands for \(command.name)")
            }
            // Carried out by the console: whatever it does, it is not refused as unknown.
            var state = Sample.state(width: 120, height: 40, language: .en)
            _ = state.execute(request)
            #expect(!(state.status?.text.hasPrefix("unknown command") ?? false), "\(command.name)")
        }
        #expect(Set(LineCommand.all.map(\.name)).count == LineCommand.all.count)
    }

    @Test func everyCommandIsListedOnTheKeysScreen() {
        for lang in [Language.zh, .en] {
            let rows = HelpScreen.rows(lang)
            for command in LineCommand.all {
                #expect(rows.contains { $0.0 == ":" + command.name && !$0.1.isEmpty }, "\(lang): \(command.name)")
                #expect(rows.contains { $0.1.contains(command.help(lang)) }, "\(lang): what \(command.name) does")
            }
        }
    }

    /// A line that is no command names the commands close to it, or none, and says where all of
    /// them are: the answer fits the status line of an 80-column terminal.
    @Test func aLineThatIsNoCommandIsAnsweredWithTheClosestCommands() {
        #expect(CommandLineScreen.unknownText("frobnicate", .en) == "unknown command: frobnicate (:help lists the commands)")
        #expect(CommandLineScreen.unknownText("frez 2021-11", .en)
                == "unknown command: frez 2021-11 (did you mean :freeze YYYY-MM|YYYY-Www? :help lists the commands)")
        #expect(CommandLineScreen.unknownText("stauts open", .zh).hasPrefix("无法识别的命令：stauts open（是否要用：:status "))
        #expect(CommandLineScreen.unknownText("tr", .en).contains(":trainings"))
        for lang in [Language.zh, .en] {
            #expect(TerminalText.width(CommandLineScreen.unknownText("foo", lang)) < 80)
        }
        #expect(CommandLineScreen.editDistance("freeze", "frez") == 2 && CommandLineScreen.editDistance("", "ab") == 2)
        #expect(CommandLineScreen.editDistance("status", "stauts") == 2 && CommandLineScreen.editDistance("kind", "kind") == 0)
    }

    @Test func anIdAloneOpensTheItem() {
        #expect(CommandLineScreen.parse("42") == .open(42))
        #expect(CommandLineScreen.parse("#42") == .open(42))
        #expect(CommandLineScreen.parse("open x") == .badArgument(command: "open", given: "x"))
        #expect(CommandLineScreen.parse("EXIT") == .quit)
    }

    /// `:kind` and `:status` take the names the screen shows, in either language, as well as codes.
    @Test func kindsAndStatusesAreTakenByTheirNames() {
        #expect(CommandLineScreen.parse("kind 需求") == .filter(.kind(.requirement)))
        #expect(CommandLineScreen.parse("kind 一般问题类") == .filter(.kind(.general)))
        #expect(CommandLineScreen.parse("kind Special") == .filter(.kind(.special)))
        #expect(CommandLineScreen.parse("status 待处理") == .filter(.status(.open)))
        #expect(CommandLineScreen.parse("status 已解决") == .filter(.status(.closed)))
        #expect(CommandLineScreen.parse("status 等待回复") == .filter(.status(.waiting)))
        #expect(CommandLineScreen.parse("status Responded") == .filter(.status(.responded)))
        #expect(CommandLineScreen.parse("kind 故障单") == .badArgument(command: "kind", given: "故障单"))
        #expect(CommandLineScreen.badArgumentText("kind", given: "x", .zh).contains("requirement 需求"))
    }

    /// A command typed with an argument it does not take names the argument and what it takes,
    /// in the console's language, rather than calling the command unknown.
    @Test func aBadArgumentIsNamedWithWhatTheCommandTakes() {
        #expect(CommandLineScreen.parse("region 火星") == .badArgument(command: "region", given: "火星"))
        let zh = CommandLineScreen.badArgumentText("region", given: "火星", .zh)
        #expect(zh.hasPrefix("region：不认识“火星”（可用：xining 西宁市、"), "\(zh)")
        let en = CommandLineScreen.badArgumentText("freeze", given: "1999-12", .en)
        #expect(en == "freeze: '1999-12' is not one it takes (try YYYY-MM such as 2021-11 or YYYY-Www such as 2021-W47, an ended period of 2000–2099)", "\(en)")
        #expect(!CommandLineScreen.badArgumentText("kind", given: "x", .en).contains("unknown command"))
        #expect(CommandLineScreen.badArgumentText("status", given: "x", .en).contains("open, responded"))
    }
}
