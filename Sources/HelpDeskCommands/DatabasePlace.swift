import Foundation

/// Why the database file named by --db, HELPDESK_DB or the default could not be opened or created,
/// said so a person can act on it: the path, what is in the way, what to do. Never the system's
/// raw error (an `NSCocoaErrorDomain Code=513` dump).
enum DatabasePlace {
    /// A path that cannot name a database file (`--db ""`, a folder), refused before anything is opened.
    static func refusal(_ path: String) -> UsageError? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return UsageError(en: "\(path) is a folder, not a database file; give the file's path, e.g. \(path)/helpdesk.sqlite",
                              zh: "\(path) 是文件夹而不是数据库文件；请给出文件的路径，例如 \(path)/helpdesk.sqlite")
        }
        guard path.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return UsageError(en: "--db: '\(path)' is not a path; accepted: the path of the database file, e.g. /srv/helpdesk/helpdesk.sqlite (or no --db, for $HELPDESK_DB or the default)",
                          zh: "--db：'\(path)' 不是路径；可接受：数据库文件的路径，例如 /srv/helpdesk/helpdesk.sqlite（或不给 --db，使用 $HELPDESK_DB 或默认位置）")
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
            return UsageError(en: "cannot open the database \(path): you may not enter the folder \(existing) (group \(group)). On a shared host, ask to be added to the group \(group) (then log in again); otherwise give --db a path in a folder of yours",
                              zh: "无法打开数据库 \(path)：您无权进入文件夹 \(existing)（属组 \(group)）。共享主机上请申请加入 \(group) 组（然后重新登录）；否则请用 --db 指定您自己文件夹中的路径")
        }
        if !fm.fileExists(atPath: path), access(existing, W_OK) != 0 {
            let made = existing == folder ? (en: "create the database file in", zh: "创建数据库文件") : (en: "create the folder \(folder) in", zh: "创建文件夹 \(folder)")
            return UsageError(en: "cannot create the database \(path): you may not \(made.en) \(existing). Give --db a path in a folder you may write, or ask the administrator to create it",
                              zh: "无法创建数据库 \(path)：您无权在 \(existing) 中\(made.zh)。请用 --db 指定您可写入的文件夹中的路径，或请管理员创建")
        }
        let reason = Self.reason(error)
        return UsageError(en: "cannot open the database \(path): \(reason.en)", zh: "无法打开数据库 \(path)：\(reason.zh)")
    }

    /// The operating system's reason under a Foundation error, in plain words.
    static func reason(_ error: Error) -> (en: String, zh: String) {
        var nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError { nsError = underlying }
        if nsError.domain == NSPOSIXErrorDomain {
            switch Int32(nsError.code) {
            case EACCES, EPERM: return ("permission denied", "没有权限")
            case ENOENT: return ("a folder on its path does not exist", "路径中的文件夹不存在")
            case ENOTDIR: return ("a part of its path is a file, not a folder", "路径中的某一段是文件而不是文件夹")
            case EROFS: return ("the file system is read-only", "文件系统只读")
            case ENOSPC: return ("the disk is full", "磁盘已满")
            default:
                let text = String(cString: strerror(Int32(nsError.code)))
                return (text, text)
            }
        }
        if nsError.domain == NSCocoaErrorDomain, let said = nsError.userInfo[NSLocalizedDescriptionKey] as? String, !said.isEmpty {
            // The system's own sentence (strerror) where the store put it.
            return (said, said)
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileWriteNoPermission, .fileReadNoPermission: return ("permission denied", "没有权限")
            case .fileNoSuchFile, .fileReadNoSuchFile: return ("a folder on its path does not exist", "路径中的文件夹不存在")
            case .fileWriteVolumeReadOnly: return ("the file system is read-only", "文件系统只读")
            case .fileWriteOutOfSpace: return ("the disk is full", "磁盘已满")
            default: break
            }
        }
        return ("the system refused it (\(nsError.domain) \(nsError.code))", "系统拒绝（\(nsError.domain) \(nsError.code)）")
    }
}
