import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskMail
import HelpDeskStore

private typealias Say = Catalog.MailIn

/// `mail-in`: one e-mail on standard input, as a mail system hands it over (postfix `pipe`,
/// fetchmail `--mda`, procmail). The mail system reads only the exit status: 0 taken, 65
/// (EX_DATAERR) refused and bounced, 75 (EX_TEMPFAIL) to be tried again later. Once a message is
/// being read, nothing ends with 2: a message is never dropped for a reason the desk can mend.
struct MailInCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "mail-in", abstract: HelpDesk.say(Say.abstract), discussion: HelpDesk.say(Say.discussion)) }

    @OptionGroup var global: GlobalOptions

    static let taken: Int32 = 0
    static let refused: Int32 = 65
    static let tryLater: Int32 = 75

    func run() throws {
        let lang = HelpDesk.messageLanguage
        func end(_ status: Int32, _ text: LocalizedText) -> ExitCode {
            Output.standardError("helpdesk: " + TerminalText.sanitize(text(lang)) + "\n")
            return ExitCode(status)
        }
        let processEnvironment = ProcessInfo.processInfo.environment
        // A database that is not there is not made by the mail system's user: retried once it is.
        let path = global.demo ? Environment.dataDirectory(processEnvironment) + "/demo.sqlite"
            : Environment.databasePath(global.db, processEnvironment)
        guard FileManager.default.fileExists(atPath: path) else { throw end(Self.tryLater, Say.noDatabase(path)) }
        let env: Environment
        do { env = try Environment(global) } catch {
            throw end(Self.tryLater, Say.tryLater(HelpDesk.describe(error, lang).0))
        }
        let rules = env.configuration.mail
        let raw: [UInt8]
        do { raw = try Self.readInput(limit: rules.maxBytes) } catch {
            throw end(Self.tryLater, Say.readFailed)
        }
        guard raw.count <= rules.maxBytes else { throw end(Self.refused, Say.tooLarge(limitMB: rules.maxMB)) }
        guard raw.contains(where: { !Self.isSpace($0) }) else { throw end(Self.refused, Say.empty) }
        guard Self.startsWithHeader(raw) else { throw end(Self.refused, Say.noHeader) }
        let mail = MailParser.parse(raw)
        if let sender = mail.from?.address, rules.refuses(sender) {
            throw end(Self.refused, Say.refusedSender(sender))
        }
        let intake: MailIntake
        do { intake = try env.database.takeMail(mail, raw: raw, rules: rules, env.context) } catch {
            // Busy, full, unreadable, a user not yet allowed: all mended on the desk's side.
            throw end(Self.tryLater, Say.tryLater(HelpDesk.describe(error, lang).0))
        }
        let said: LocalizedText
        if intake.duplicate {
            said = intake.itemID.map(Say.duplicateItem) ?? Say.duplicateRecord(intake.record)
        } else {
            switch intake.outcome {
            case .opened: said = Say.opened(intake.itemID!)
            case .added: said = Say.added(intake.itemID!)
            case .reopened: said = Say.reopened(intake.itemID!)
            case .followUp: said = Say.followUp(intake.itemID!, closed: intake.answered!)
            case .recorded: said = Say.recorded(intake.record)
            }
        }
        print(TerminalText.sanitize(said(lang)))
        if intake.toConfirm { Output.standardError("helpdesk: " + Say.toConfirmNote(lang) + "\n") }
    }

    /// Standard input, at most `limit + 1` bytes: one more than allowed says it is too large
    /// without reading the rest.
    static func readInput(limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count <= limit {
            let want = min(chunk.count, limit + 1 - bytes.count)
            let got = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, want) }
            if got < 0 {
                if errno == EINTR { continue }
                throw CocoaError(.fileReadUnknown)
            }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return bytes
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Whether the input begins as a message does: a header field (`Name: value`, the name
    /// printable ASCII) or an mbox `From ` line.
    static func startsWithHeader(_ raw: [UInt8]) -> Bool {
        let start = raw.drop { $0 == 0x0A || $0 == 0x0D }
        if start.starts(with: Array("From ".utf8)) { return true }
        let name = start.prefix { $0 != 0x3A && $0 != 0x0A }
        guard name.count < start.count, start[start.startIndex + name.count] == 0x3A, !name.isEmpty else { return false }
        return name.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}
