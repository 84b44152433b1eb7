import ConsoleCore
import Foundation
import HelpDeskCore

/// The console hands a form's long text to `$VISUAL`/`$EDITOR` and takes back what was saved.
extension ConsoleRunner {
    /// Runs `$VISUAL`/`$EDITOR` (default `vi`) on a temporary file and returns what was saved.
    ///
    /// The editor gets the terminal: curses steps aside, the editor runs in the foreground process
    /// group (so it can read keys and `Ctrl-C` reaches it, not the console), and the console takes
    /// its modes back and repaints afterwards. A resize that happened meanwhile is read straight
    /// after, so the next frame has the right size. Why an edit was not taken is said in the
    /// console's language.
    func edit(_ initial: String) -> EditResult {
        defer {
            // Keys typed meanwhile were the editor's; a signal that came meanwhile still counts.
            for event in terminal.readEvents() {
                switch event {
                case let .resize(w, h): dispatch(.resize(width: w, height: h))
                case .terminate, .hangUp: handle([event])
                case .key, .suspend: break
                }
            }
        }
        let lang = state.language
        let say = Catalog.Screens.Console.self
        let editor = Self.editorCommand(ProcessInfo.processInfo.environment)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        guard FileManager.default.createFile(atPath: file.path, contents: Data(initial.utf8), attributes: [.posixPermissions: 0o600]) else {
            return .failed(editor: editor, status: say.cannotWrite(file.path)(lang))
        }
        terminal.suspend()
        // The editor command is a shell word list (`code --wait`, `vim -u NONE`); the file is "$1".
        let outcome = ChildProcess.interactive("\(editor) \"$1\"", arguments: [file.path])
        terminal.resume()
        switch outcome {
        case .exited(0):
            guard let data = try? Data(contentsOf: file) else { return .failed(editor: editor, status: say.cannotRead(file.path)(lang)) }
            // Never repaired: a file saved in another encoding is refused, the field left as it was.
            switch TextRules.decode(Array(data), field: .editedText) {
            case .success(let text): return .saved(text)
            case .failure(let problem): return .failed(editor: editor, status: problem.text.text(lang))
            }
        case .exited(126), .exited(127): return .notFound(editor: editor)
        case .exited(let code): return .failed(editor: editor, status: say.exitStatus(code)(lang))
        case .signalled(let number): return .failed(editor: editor, status: say.signal(number)(lang))
        case .timedOut: return .failed(editor: editor, status: say.timedOut(lang))
        case .notStarted(let why): return .failed(editor: editor, status: why)
        }
    }

    /// `$VISUAL`, else `$EDITOR`, else `vi`: the first that is set and not empty.
    static func editorCommand(_ environment: [String: String]) -> String {
        [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
    }
}
