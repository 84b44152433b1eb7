import Foundation
import GRDB
import HelpDeskCore

/// What went wrong with the database file itself, as a person can act on it: said in the reader's
/// language by the command line (exit status 2) and the console, never a raw SQLite error. SQLite
/// undoes the transaction that failed, so nothing is ever half-written.
public enum StorageFailure: Error, Equatable, Sendable {
    /// Not an SQLite database (or encrypted, or another program's format).
    case notADatabase
    /// SQLite found the file damaged.
    case damaged
    /// The disk (or the file's quota) is full.
    case full
    /// The file, or its folder, cannot be opened.
    case cannotOpen
    /// The file is read-only for this user (or on a read-only file system).
    case readOnly
    /// Another program held the database longer than the busy timeout.
    case busy
    /// The operating system reported an input/output error.
    case ioError

    /// The failure `error` reports, if it is one of the file's; `nil` for any other error.
    public init?(_ error: any Error) {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_NOTADB: self = .notADatabase
        case .SQLITE_CORRUPT: self = .damaged
        case .SQLITE_FULL: self = .full
        case .SQLITE_CANTOPEN: self = .cannotOpen
        case .SQLITE_READONLY: self = .readOnly
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy
        case .SQLITE_IOERR: self = .ioError
        default: return nil
        }
    }

    /// The message for the database at `path`: what happened, that nothing was changed, what to do.
    public func message(path: String, _ lang: Language) -> String {
        let zh = lang == .zh
        switch self {
        case .notADatabase:
            return zh ? "\(path) 不是 helpdesk 数据库（不是 SQLite 文件）；未作任何改动。请检查 --db / HELPDESK_DB"
                : "\(path) is not a helpdesk database (not an SQLite file); nothing was changed. Check --db / HELPDESK_DB"
        case .damaged:
            return zh ? "数据库 \(path) 已损坏；未作任何改动。请运行 helpdesk doctor，并从最近的备份恢复（helpdesk restore FILE）"
                : "the database \(path) is damaged; nothing was changed. Run helpdesk doctor, and restore the last good backup (helpdesk restore FILE)"
        case .full:
            return zh ? "存放 \(path) 的磁盘已满；本次操作未写入任何内容。请腾出空间后重试"
                : "the disk holding \(path) is full; nothing of this change was written. Free some space and try again"
        case .cannotOpen:
            return zh ? "无法打开数据库 \(path)：请确认所在目录存在且您可以访问（共享主机上需属于 helpdesk 组）"
                : "cannot open the database \(path): check that its folder exists and that you may use it (on a shared host, be in the desk's group)"
        case .readOnly:
            return zh ? "数据库 \(path) 对您只读；未作任何改动。如需写入，请加入其属组并确认文件组可写（chmod 660）"
                : "the database \(path) is read-only for you; nothing was changed. To write, join its group and make it group-writable (chmod 660)"
        case .busy:
            return zh ? "数据库 \(path) 正被其他程序长时间占用；未作任何改动。请稍后重试"
                : "the database \(path) was held by another program for too long; nothing was changed. Try again in a moment"
        case .ioError:
            return zh ? "读写 \(path) 时发生输入/输出错误；未作任何改动。请检查磁盘，并运行 helpdesk doctor"
                : "an input/output error occurred on \(path); nothing was changed. Check the disk, and run helpdesk doctor"
        }
    }
}
