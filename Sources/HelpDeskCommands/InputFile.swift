import Foundation

/// A file named on the command line to be read whole (an inspection, a holiday calendar): when it
/// cannot be, the message says why (no such file, a folder, no permission) and what is accepted,
/// never the system's raw error.
enum InputFile {
    /// `expected`: what to give instead, e.g. "the JSON file a monitoring script wrote".
    static func data(_ path: String, expected: (en: String, zh: String)) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // A folder on the way that may not be entered hides the file as well as its absence.
            let hidden = access((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent, X_OK) != 0
                && errno == EACCES
            throw UsageError(en: "\(path): \(hidden ? "cannot be reached (no permission to enter its folder)" : "no such file"); give \(expected.en)",
                             zh: "\(path)：\(hidden ? "无法访问（没有进入其所在文件夹的权限）" : "文件不存在")；请给出\(expected.zh)")
        }
        guard !isDirectory.boolValue else {
            throw UsageError(en: "\(path): is a folder, not a file; give \(expected.en)",
                             zh: "\(path)：是文件夹而不是文件；请给出\(expected.zh)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let denied = access(path, R_OK) != 0
            throw UsageError(en: "\(path): cannot be read\(denied ? " (you have no permission to read it)" : ""); give \(expected.en)",
                             zh: "\(path)：无法读取\(denied ? "（没有读取权限）" : "")；请给出\(expected.zh)")
        }
        return data
    }
}
