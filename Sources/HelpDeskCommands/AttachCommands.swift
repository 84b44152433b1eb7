import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

private typealias Say = Catalog.Attachments

/// What a file is attached to, as typed: an item (`42`, `#42`) or an inspection (`i7`).
struct AttachTarget: ExpressibleByArgument {
    let owner: AttachmentOwner?
    let typed: String

    init?(argument: String) {
        typed = argument
        let text = argument.trimmingCharacters(in: .whitespaces)
        if let first = text.first, first == "i" || first == "I", let id = Int64(text.dropFirst()), id > 0 {
            owner = .inspection(id)
        } else if let id = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text), id > 0 {
            owner = .item(id)
        } else {
            owner = nil
        }
    }

    func resolved() throws -> AttachmentOwner {
        guard let owner else { throw UsageError(Say.notATarget(typed)) }
        return owner
    }
}

/// An attachment's number as typed.
struct AttachmentNumber: ExpressibleByArgument {
    let id: Int64?
    let typed: String
    init?(argument: String) {
        typed = argument
        let text = argument.trimmingCharacters(in: .whitespaces)
        id = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text).flatMap { $0 > 0 ? $0 : nil }
    }
    func resolved() throws -> Int64 {
        guard let id else { throw UsageError(Say.notAnAttachmentNumber(typed)) }
        return id
    }
}

/// `attach …`: files on tickets, faults, tasks, changes and inspections.
struct AttachCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "attach", abstract: HelpDesk.say(Say.abstract),
        discussion: HelpDesk.say(Say.discussion(AttachmentRules.defaultLimitMB)),
        subcommands: [Add.self, List.self, Get.self, Erase.self]) }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: HelpDesk.say(Say.addAbstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Say.targetHelp), valueName: "id")) var target: AttachTarget
        @Argument(help: ArgumentHelp(HelpDesk.say(Say.fileHelp), valueName: "file")) var file: String
        @Option(help: ArgumentHelp(HelpDesk.say(Say.nameHelp))) var name: String?
        func run() throws {
            let owner = try target.resolved()
            let env = try Environment(global)
            // The size is known before a byte is read: a file over the limit is never read whole.
            if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber,
               (try? FileManager.default.attributesOfItem(atPath: file))?[.type] as? FileAttributeType == .typeRegular,
               size.intValue > env.context.attachmentLimit {
                throw UsageError(Say.tooLarge(size.intValue, limit: env.context.attachmentLimit))
            }
            let data = try InputFile.data(file, expected: Say.fileExpected)
            let given = name ?? (file as NSString).lastPathComponent
            let info = try env.database.addAttachment(to: owner, name: given, content: data, env.context)
            print(info.id)
            let said: LocalizedText = switch owner {
            case .item(let id): Say.itemOwner(id)
            case .inspection(let id): Say.inspectionOwner(id)
            }
            Output.standardError(Say.added(info.id, name: info.name, size: info.size, type: info.type, to: said)(env.language) + "\n")
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: HelpDesk.say(Say.listAbstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Say.targetHelp), valueName: "id")) var target: AttachTarget
        func run() throws {
            let owner = try target.resolved()
            let env = try Environment(global)
            let list = try env.database.attachments(of: owner)
            if env.json {
                try JSONOutput.print(list.map(AttachmentJSON.init))
                return
            }
            let lang = env.language
            if list.isEmpty {
                print(Say.none(lang))
                return
            }
            var table = TextTable(headers: [Say.columnNumber(lang), Say.columnName(lang), Say.columnSize(lang), Say.columnType(lang),
                                            Say.columnBy(lang), Say.columnAt(lang)])
            table.rows = list.map { a in
                let type = a.erased == nil ? Say.typeName(a.type)(lang) : "\(Say.typeName(a.type)(lang)) (\(Say.erasedMark(lang)))"
                return ["\(a.id)", a.name, AttachmentRules.sizeText(a.size), type, a.addedBy, BeijingTime.iso(a.addedAt)]
            }
            print(table.render())
        }
    }

    struct Get: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "get", abstract: HelpDesk.say(Say.getAbstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Say.idHelp), valueName: "attachment")) var attachment: AttachmentNumber
        @Argument(help: ArgumentHelp(HelpDesk.say(Say.outHelp), valueName: "file")) var out: String?
        @Flag(help: ArgumentHelp(HelpDesk.say(Say.forceHelp))) var force = false
        func run() throws {
            let id = try attachment.resolved()
            if out == "-", isatty(1) == 1 { throw UsageError(Say.stdoutIsTerminal) }
            let env = try Environment(global)
            let (info, data) = try env.database.attachmentContent(id)
            if out == "-" {
                FileHandle.standardOutput.write(data)
                return
            }
            let path = try AttachCommand.save(data, name: info.name, to: out ?? info.name, force: force)
            Output.standardError(Say.saved(id, to: path)(env.language) + "\n")
        }
    }

    struct Erase: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "erase", abstract: HelpDesk.say(Say.eraseAbstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Say.idHelp), valueName: "attachment")) var attachment: AttachmentNumber
        @Option(help: ArgumentHelp(HelpDesk.say(Say.reasonHelp))) var reason: String?
        func run() throws {
            let id = try attachment.resolved()
            guard let reason, !reason.allSatisfy(\.isWhitespace) else { throw UsageError(Say.reasonRequired) }
            let env = try Environment(global)
            let info = try env.database.eraseAttachment(id, reason: reason, env.context)
            print(Say.erased(id, name: info.name)(env.language))
        }
    }

    /// Writes `data` to `path` (a folder: under `name` in it), never over a file that exists
    /// unless `force`; returns where it went. The file is written whole or not at all.
    static func save(_ data: Data, name: String, to path: String, force: Bool) throws -> String {
        var target = path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            target = (path as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue {
                throw UsageError(Say.exists(target))
            }
        }
        if !force, FileManager.default.fileExists(atPath: target) || (try? FileManager.default.destinationOfSymbolicLink(atPath: target)) != nil {
            throw UsageError(Say.exists(target))
        }
        do {
            try data.write(to: URL(fileURLWithPath: target), options: force ? [.atomic] : [.withoutOverwriting])
        } catch {
            if !force, FileManager.default.fileExists(atPath: target) { throw UsageError(Say.exists(target)) }
            let reason = String(cString: strerror((error as NSError).userInfo[NSUnderlyingErrorKey].flatMap { ($0 as? NSError)?.code }.map(Int32.init) ?? EIO))
            throw UsageError(Say.cannotWrite(target, reason))
        }
        return target
    }
}

/// `attach list --json`: one object an attachment; absent values are `null`.
struct AttachmentJSON: Encodable {
    let info: AttachmentInfo
    enum Keys: String, CodingKey {
        case id, item, inspection, name, size, type, sha256, added_at, added_by, erased_at, erased_by, erased_reason
    }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(info.id, forKey: .id)
        switch info.owner {
        case .item(let id): try c.encode(id, forKey: .item); try c.encodeNil(forKey: .inspection)
        case .inspection(let id): try c.encodeNil(forKey: .item); try c.encode(id, forKey: .inspection)
        }
        try c.encode(info.name, forKey: .name)
        try c.encode(info.size, forKey: .size)
        try c.encode(info.type.rawValue, forKey: .type)
        try c.encode(info.sha256, forKey: .sha256)
        try c.encode(BeijingTime.iso(info.addedAt), forKey: .added_at)
        try c.encode(info.addedBy, forKey: .added_by)
        try c.encode(info.erased.map { BeijingTime.iso($0.at) }, forKey: .erased_at)
        try c.encode(info.erased?.by, forKey: .erased_by)
        try c.encode(info.erased?.reason, forKey: .erased_reason)
    }
}
