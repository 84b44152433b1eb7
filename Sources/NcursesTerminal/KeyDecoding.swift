internal import CNcurses
import ConsoleCore

/// What the terminal reports to the run loop.
public enum TerminalEvent: Equatable, Sendable {
    /// A key was pressed.
    case key(Key)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// Ctrl-Z, or SIGTSTP from outside: give the terminal back to the shell and stop
    /// (`NcursesTerminal.suspendToShell()`).
    case suspend
    /// SIGTERM, SIGINT, SIGHUP or SIGQUIT arrived: end the session (and then the process, by
    /// `NcursesTerminal.exit(bySignal:)`).
    case terminate(signal: Int32)
    /// The terminal hung up (an SSH connection dropped, the window closed): nobody is left to see
    /// the screen or type.
    case hangUp
}

/// The ncurses `KEY_*` codes the console understands, read once from the shim (they are macros).
enum KeyCode {
    static let up = hd_key_up()
    static let down = hd_key_down()
    static let left = hd_key_left()
    static let right = hd_key_right()
    static let home = hd_key_home()
    static let end = hd_key_end()
    static let pageDown = hd_key_npage()
    static let pageUp = hd_key_ppage()
    static let backspace = hd_key_backspace()
    static let delete = hd_key_dc()
    static let enter = hd_key_enter()
    static let backTab = hd_key_btab()
    static let resize = hd_key_resize()
    /// `Find` and `Select`: what some terminals (xterm's `\e[1~` and `\e[4~`, PuTTY) send for Home and End.
    static let find = hd_key_find()
    static let select = hd_key_select()
    /// `KEY_F(0)`; `KEY_F(n)` is this plus `n`.
    static let f0 = hd_key_f(0)
    /// ncurses reserves 64 function keys.
    static let maxFunction: Int32 = 63
}

extension NcursesTerminal {
    /// Turns what `wget_wch` returned into an event: a character (`isKeyCode == false`) or a `KEY_*`
    /// code (`isKeyCode == true`).
    ///
    /// Enter arrives as `\r` (the terminal runs in `nonl` mode), `\n` or `KEY_ENTER`; Backspace as
    /// DEL, `^H` or `KEY_BACKSPACE`; the other control bytes 1–26 as `.ctrl` with a lower-case
    /// letter. `size` is what a `KEY_RESIZE` reports. NUL (Ctrl-Space) yields `nil`; anything else
    /// the console has no name for is `.unknown`.
    ///
    /// ```swift
    /// NcursesTerminal.decode(code: 0x4E2D, isKeyCode: false)  // .key(.char("中"))
    /// NcursesTerminal.decode(code: 19, isKeyCode: false)      // .key(.ctrl("s"))
    /// ```
    static func decode(code: Int32, isKeyCode: Bool, size: (width: Int, height: Int) = (0, 0)) -> TerminalEvent? {
        if isKeyCode { return decodeKeyCode(code, size: size) }
        switch code {
        case 0: return nil
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(UInt8(0x60 + code)))))
        case 28...31, 0x80...0x9F: return .key(.unknown)
        default:
            guard code > 0, let scalar = Unicode.Scalar(UInt32(code)) else { return .key(.unknown) }
            return .key(.char(Character(scalar)))
        }
    }

    private static func decodeKeyCode(_ code: Int32, size: (width: Int, height: Int)) -> TerminalEvent? {
        switch code {
        case KeyCode.resize: return .resize(width: size.width, height: size.height)
        case KeyCode.up: return .key(.up)
        case KeyCode.down: return .key(.down)
        case KeyCode.left: return .key(.left)
        case KeyCode.right: return .key(.right)
        case KeyCode.home, KeyCode.find: return .key(.home)
        case KeyCode.end, KeyCode.select: return .key(.end)
        case KeyCode.pageUp: return .key(.pageUp)
        case KeyCode.pageDown: return .key(.pageDown)
        case KeyCode.backspace: return .key(.backspace)
        case KeyCode.delete: return .key(.delete)
        case KeyCode.enter: return .key(.enter)
        case KeyCode.backTab: return .key(.backTab)
        case (KeyCode.f0 + 1)...(KeyCode.f0 + KeyCode.maxFunction): return .key(.function(Int(code - KeyCode.f0)))
        default: return .key(.unknown)
        }
    }
}
