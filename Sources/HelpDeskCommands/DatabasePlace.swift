import Foundation
import HelpDeskCore

/// Why the database file named by --db, HELPDESK_DB or the default could not be opened or created,
/// said so a person can act on it: the path, what is in the way, what to do. Never the system's
/// raw error (an `NSCocoaErrorDomain Code=513` dump).
enum DatabasePlace {
    /// A path that cannot name a database file (`--db ""`, a folder), refused before anything is opened.
    static func refusal(_ path: String) -> UsageError? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return UsageError(Catalog.Commands.DatabasePlace.folderNotFile(path))
        }
        guard path.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return UsageError(Catalog.Commands.DatabasePlace.notAPath(path))
    }

    /// What stopped `path` from being opened or created, found by looking at the file and its folders.
    static func failure(_ path: String, _ error: Error) -> UsageError {
        let fm = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        // The nearest folder on the way that exists: where the file, or its missing folders, would be made.
        var existing = folder
        while !fm.fileExists(atPath: existing), existing != "/", existing != "." {
            let parent = (existing as NSString).deletingLastPathComponent
            existing = parent.isEmpty ? "." : parent
        }
        if access(existing, X_OK) != 0 {
            var st = stat()
            let group = stat(existing, &st) == 0 ? getgrgid(st.st_gid).flatMap { $0.pointee.gr_name.map { String(cString: $0) } } ?? "\(st.st_gid)" : "?"
            return UsageError(Catalog.Commands.DatabasePlace.mayNotEnter(path, folder: existing, group: group))
        }
        if !fm.fileExists(atPath: path), access(existing, W_OK) != 0 {
            return UsageError(Catalog.Commands.DatabasePlace.mayNotCreate(path, in: existing, missingFolder: existing == folder ? nil : folder))
        }
        return UsageError(Catalog.Commands.DatabasePlace.cannotOpen(path, reason(error)))
    }

    /// The operating system's reason under a Foundation error, in plain words.
    static func reason(_ error: Error) -> LocalizedText {
        typealias Said = Catalog.Commands.DatabasePlace
        var nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError { nsError = underlying }
        if nsError.domain == NSPOSIXErrorDomain {
            switch Int32(nsError.code) {
            case EACCES, EPERM: return Said.permissionDenied
            case ENOENT: return Said.folderMissing
            case ENOTDIR: return Said.partIsAFile
            case EROFS: return Said.readOnly
            case ENOSPC: return Said.diskFull
            default:
                let text = String(cString: strerror(Int32(nsError.code)))
                return .verbatim(text)
            }
        }
        if nsError.domain == NSCocoaErrorDomain, let said = nsError.userInfo[NSLocalizedDescriptionKey] as? String, !said.isEmpty {
            // The system's own sentence (strerror) where the store put it.
            return .verbatim(said)
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileWriteNoPermission, .fileReadNoPermission: return Said.permissionDenied
            case .fileNoSuchFile, .fileReadNoSuchFile: return Said.folderMissing
            case .fileWriteVolumeReadOnly: return Said.readOnly
            case .fileWriteOutOfSpace: return Said.diskFull
            default: break
            }
        }
        return Said.systemRefused(nsError.domain, nsError.code)
    }
}
