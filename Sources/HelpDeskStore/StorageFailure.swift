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
    public func message(path: String, _ lang: Language) -> String { text(path: path)(lang) }

    /// The message in both languages.
    public func text(path: String) -> LocalizedText {
        switch self {
        case .notADatabase: return Catalog.StorageFile.notADatabase(path)
        case .damaged: return Catalog.StorageFile.damaged(path)
        case .full: return Catalog.StorageFile.full(path)
        case .cannotOpen: return Catalog.StorageFile.cannotOpen(path)
        case .readOnly: return Catalog.StorageFile.readOnly(path)
        case .busy: return Catalog.StorageFile.busy(path)
        case .ioError: return Catalog.StorageFile.ioError(path)
        }
    }
}
