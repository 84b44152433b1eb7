import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

extension StaffRole: ExpressibleByArgument {}

/// `staff add|list|set-role|deactivate`: who may do what. Edits are for supervisors.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "People and roles: onsite (T0), expert (HQ, T1/T2), supervisor, viewer (reads only).",
        subcommands: [Add.self, List.self, SetRole.self, Deactivate.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an operating-system user as staff (supervisors only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Their operating-system user name.") var username: String
        @Option(help: "Their name, e.g. 张伟.") var name: String
        @Option(help: "A phone number for notifications.") var phone: String?
        @Option(help: "onsite, expert, supervisor or viewer.") var role: StaffRole
        func run() throws {
            let env = try Environment(global)
            try env.database.addStaff(StaffMember(username: username, name: name, phone: phone, role: role), env.context)
            print(username)
        }
    }

    typealias List = ListSubcommand<StaffCommand>

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Change someone's role (supervisors only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Their operating-system user name.") var username: String
        @Argument(help: "onsite, expert, supervisor or viewer.") var role: StaffRole
        func run() throws {
            let env = try Environment(global)
            try env.database.setRole(username, to: role, env.context)
            print("\(username) \(role.rawValue)")
        }
    }

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deactivate", abstract: "Take someone off active staff; their history stays (supervisors only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Their operating-system user name.") var username: String
        func run() throws {
            let env = try Environment(global)
            try env.database.deactivate(username, env.context)
            print("\(username) inactive")
        }
    }
}

extension StaffCommand: Listed {
    static var listAbstract: String { "Everyone on the staff list." }

    struct Query: ListQuery {
        func list(in env: Environment) throws {
            let staff = try env.database.allStaff()
            if env.json {
                try JSONOutput.print(staff.map { StaffJSON(username: $0.username, name: $0.name, phone: $0.phone,
                                                           role: $0.role.rawValue, active: $0.active) })
                return
            }
            let zh = env.language == .zh
            var table = TextTable(headers: zh ? ["用户", "姓名", "电话", "角色", "状态"] : ["user", "name", "phone", "role", "state"])
            for m in staff {
                table.rows.append([m.username, m.name, m.phone ?? "", m.role.rawValue,
                                   m.active ? (zh ? "在岗" : "active") : (zh ? "已停用" : "inactive")])
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
