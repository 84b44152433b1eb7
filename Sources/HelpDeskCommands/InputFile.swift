import Foundation
import HelpDeskCore

/// A file named on the command line to be read whole (an inspection, a holiday calendar): when it
/// cannot be, the message says why (no such file, a folder, no permission) and what is accepted,
/// never the system's raw error.
enum InputFile {
    /// `expected`: what to give instead, e.g. "the JSON file a monitoring script wrote".
    static func data(_ path: String, expected: (en: String, zh: String)) throws -> Data {
        try data(path, expected: LocalizedText(zh: expected.zh, en: expected.en))
    }

    /// `expected`: what to give instead, a text of the catalog.
    static func data(_ path: String, expected: LocalizedText) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // A folder on the way that may not be entered hides the file as well as its absence.
            let hidden = access((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent, X_OK) != 0
                && errno == EACCES
            throw UsageError(Catalog.Commands.Typed.noSuchFile(path, hidden: hidden, expected: expected))
        }
        guard !isDirectory.boolValue else {
            throw UsageError(Catalog.Commands.Typed.isAFolder(path, expected: expected))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(Catalog.Commands.Typed.unreadable(path, denied: access(path, R_OK) != 0, expected: expected))
        }
        return data
    }
}
