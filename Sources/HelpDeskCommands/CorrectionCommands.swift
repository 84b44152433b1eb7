import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

private typealias Said = Catalog.Corrections

extension CaseCommand {
    /// `case edit ID …`: corrects a ticket's kind, channel, region, title, requester, phone,
    /// description or received time; `--at` is when the correction is made.
    struct Edit: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "edit", abstract: HelpDesk.say(Said.Help.abstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(Said.Help.kind))) var kind: CaseKind?
        @Option(help: ArgumentHelp(HelpDesk.say(Said.Help.channel))) var channel: Channel?
        @Option(help: ArgumentHelp(HelpDesk.say(Said.Help.region), valueName: "region")) var region: Region?
        @Option(help: ArgumentHelp(HelpDesk.say(Said.Help.title))) var title: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Said.Help.requester))) var requester: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Said.Help.office))) var office: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Said.Help.phone))) var phone: String?
        @OptionGroup var details: DescriptionOptions
        @Option(help: ArgumentHelp(HelpDesk.say(Said.Help.received), valueName: "time")) var received: TimeArgument?
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Said.Help.version))) var version: Int?
        @OptionGroup var when: WhenOption<Happened.Made>

        func validate() throws {
            if let refusal = received?.refusal(option: "--received") { throw ValidationError(refusal) }
        }

        func run() throws {
            let env = try Environment(global)
            let description: String? = details.description == nil && details.descriptionFile == nil ? nil : try details.text()
            let correction = CaseCorrection(kind: kind, channel: channel, region: region, title: title, requesterName: requester,
                                            requesterOffice: office, requesterPhone: phone, description: description,
                                            receivedAt: try received?.instant(option: "--received"))
            let before = try env.database.item(id)
            let (item, deadline) = try env.database.correctCase(id, correction, at: try when.instant(env), expectedVersion: version,
                                                                env.context)
            let changed = HistoryField.itemColumns.filter { field in
                [.kind, .channel, .region, .title, .requesterName, .requesterOffice, .requesterPhone, .description, .receivedAt]
                    .contains(field) && Self.differs(field, before, item)
            }
            print(TerminalText.sanitize(Said.corrected(id, fields: changed)(env.language)))
            if before.dueAt != item.dueAt || deadline != nil {
                print(Said.newDeadline(old: before.dueAt, new: item.dueAt)(env.language))
                for reason in deadline?.reasons ?? [] { print("  " + TerminalText.sanitize(reason.text(env.language))) }
                if deadline == nil && item.kind == .requirement && item.dueAt == nil { print("  " + Said.noDeadline(env.language)) }
            }
        }

        static func differs(_ field: HistoryField, _ a: WorkItem, _ b: WorkItem) -> Bool {
            switch field {
            case .kind: return a.kind != b.kind
            case .channel: return a.channel != b.channel
            case .region: return a.region != b.region
            case .title: return a.title != b.title
            case .requesterName: return a.requesterName != b.requesterName
            case .requesterOffice: return a.requesterOffice != b.requesterOffice
            case .requesterPhone: return a.requesterPhone != b.requesterPhone
            case .description: return a.description != b.description
            case .receivedAt: return a.receivedAt != b.receivedAt
            default: return false
            }
        }
    }
}
