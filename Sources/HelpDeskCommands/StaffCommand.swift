import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

extension StaffRole: ExpressibleByArgument {}

/// `staff add|list|set-role|deactivate`: who may do what. Edits are for supervisors.
struct StaffCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "staff", abstract: HelpDesk.say(Catalog.Help.Admin.Staff.abstract),
                             subcommands: [Add.self, List.self, SetRole.self, Deactivate.self])
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "add", abstract: HelpDesk.say(Catalog.Help.Admin.Staff.add))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Staff.username))) var username: String
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Staff.name))) var name: String
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Staff.phone))) var phone: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Staff.role))) var role: StaffRole
        func run() throws {
            let env = try Environment(global)
            try env.database.addStaff(StaffMember(username: username, name: name, phone: phone, role: role), env.context)
            print(username)
        }
    }

    typealias List = ListSubcommand<StaffCommand>

    struct SetRole: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "set-role", abstract: HelpDesk.say(Catalog.Help.Admin.Staff.setRole))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Staff.username))) var username: String
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Staff.role))) var role: StaffRole
        func run() throws {
            let env = try Environment(global)
            try env.database.setRole(username, to: role, env.context)
            print("\(username) \(role.rawValue)")
        }
    }

    struct Deactivate: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "deactivate", abstract: HelpDesk.say(Catalog.Help.Admin.Staff.deactivate))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Staff.username))) var username: String
        func run() throws {
            let env = try Environment(global)
            try env.database.deactivate(username, env.context)
            print("\(username) inactive")
        }
    }
}

extension StaffCommand: Listed {
    static var listAbstract: String { HelpDesk.say(Catalog.Help.Admin.Staff.list) }

    struct Query: ListQuery {
        func list(in env: Environment) throws {
            let staff = try env.database.allStaff()
            if env.json {
                try JSONOutput.print(staff.map { StaffJSON(username: $0.username, name: $0.name, phone: $0.phone,
                                                           role: $0.role.rawValue, active: $0.active) })
                return
            }
            let lang = env.language
            var table = TextTable(headers: Catalog.Admin.Staff.headers.map { $0(lang) })
            for m in staff {
                table.rows.append([m.username, m.name, m.phone ?? "", m.role.rawValue,
                                   (m.active ? Catalog.Admin.Staff.active : Catalog.Admin.Staff.inactive)(lang)])
            }
            print(table.render())
        }
    }
}

struct StaffJSON: Encodable {
    let username: String
    let name: String
    @Nullable var phone: String?
    let role: String
    let active: Bool
}
