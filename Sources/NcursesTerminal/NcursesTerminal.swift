internal import CNcurses
internal import CTerminalGuard
import ConsoleCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the terminal could not be opened.
public struct NcursesTerminalError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// What terminfo says a terminal type can do, read without opening the terminal.
public struct TerminalAbilities: Equatable, Sendable {
    /// Terminfo knows the type (when it does not, the console tries `fallbackTerminals`).
    public var known: Bool
    /// It moves the cursor to any row and column (`cup`): without that no screen can be drawn.
    public var addressable: Bool
    /// It has an alternate screen the shell's is put back from on leaving (`smcup`/`rmcup`).
    public var alternateScreen: Bool
    /// It can clear the screen and home the cursor (`clear`).
    public var clears: Bool

    public init(known: Bool, addressable: Bool, alternateScreen: Bool, clears: Bool) {
        self.known = known
        self.addressable = addressable
        self.alternateScreen = alternateScreen
        self.clears = clears
    }

    /// A known type the console cannot draw on (no cursor addressing, as `dumb`).
    public var cannotDraw: Bool { known && !addressable }
}

/// The one place that talks to ncurses: paints a `ScreenBuffer` and reads keys.
///
/// ncurses is not thread-safe, so neither is this class: create it, use it and close it on one
/// thread (the run loop's). It is deliberately not `Sendable`.
///
/// Input never blocks: poll `inputDescriptor` and `signalDescriptor` for readiness (a terminal
/// resize interrupts `poll` with `EINTR`), then call `readEvents()` to drain every pending key
/// and signal before painting.
///
/// Signals: termination (SIGTERM, SIGINT, SIGHUP, SIGQUIT) and SIGTSTP are only noted by their
/// handlers and come out of `readEvents()` as events, so the run loop ends or suspends between two
/// pieces of work; a crash (SIGSEGV, SIGABRT, …) puts the terminal back at once, from the handler,
/// before the Swift runtime reports it. A terminal that hung up comes out as `.hangUp`.
///
/// ```swift
/// let terminal = try NcursesTerminal(options: .init(color: noColor == false))
/// defer { terminal.close() }
/// terminal.paint(frame)
/// for event in terminal.readEvents() { … }
/// ```
public final class NcursesTerminal {
    public struct Options: Sendable {
        /// Draw colours; `false` draws attributes only (the caller sets it from `NO_COLOR`).
        public var color: Bool

        public init(color: Bool) {
            self.color = color
        }
    }

    /// Terminal types tried, in order, when the user's `TERM` is unknown to terminfo.
    static let fallbackTerminals = ["xterm-256color", "xterm", "vt100"]

    private var screen: OpaquePointer?
    /// The terminal has no alternate screen: leaving clears the screen and homes the cursor instead,
    /// so the console's last picture does not stay under the shell's prompt.
    private var clearsOnLeaving = false
    private var suspended = false
    /// Whether colours are drawn: requested in the options and supported by the terminal.
    public let colorEnabled: Bool
    private let terminalColors: Int
    private let pairLimit: Int
    /// `use_default_colors()` worked: -1 means the terminal's own foreground or background.
    private let defaultColors: Bool
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair = 1

    /// The buffer last painted, to send only what changed.
    private var previous: ScreenBuffer?
    private var needsFullRepaint = true
    /// The cursor's visibility as last set, `nil` when unknown.
    private var cursorVisible: Bool?
    /// Events found outside `readEvents()` (a resize while suspended), returned by its next call.
    private var pendingEvents: [TerminalEvent] = []

    private struct PairKey: Hashable {
        let fg: Int
        let bg: Int
    }

    /// Opens the terminal on standard input and output.
    ///
    /// Sets a UTF-8 locale first (falling back to `C.UTF-8` when `LANG` names a locale the host
    /// lacks, so Chinese still draws), then starts ncurses with `newterm`, trying common terminal
    /// types when `TERM` is unknown. Throws when no terminal type works.
    public init(options: Options) throws {
        Self.setUpLocale()
        Self.unblockTerminalSignals()
        // The shell's modes, put back by a crash handler; endwin() puts them back otherwise.
        _ = tg_save_modes(hd_input_fd())
        var screen = hd_newterm(nil)
        if screen == nil {
            for name in Self.fallbackTerminals {
                screen = name.withCString { hd_newterm($0) }
                if screen != nil { break }
            }
        }
        guard let screen else {
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw NcursesTerminalError(message: "the terminal type '\(term.isEmpty ? "(unset)" : term)' is unknown "
                + "and none of \(Self.fallbackTerminals.joined(separator: ", ")) is installed (check TERM and terminfo)")
        }
        self.screen = screen
        _ = set_term(screen)
        hd_setup_input()

        if options.color, has_colors() {
            _ = start_color()
            defaultColors = use_default_colors() == OK
            terminalColors = Int(hd_colors())
            pairLimit = min(Int(hd_color_pairs()), Int(Int16.max) + 1)
            colorEnabled = true
        } else {
            defaultColors = true
            terminalColors = 0
            pairLimit = 0
            colorEnabled = false
        }
        setCursor(visible: false)
        // After newterm, which installs handlers of its own for SIGINT, SIGTERM and SIGTSTP (ending
        // the process from inside the handler): these replace them.
        clearsOnLeaving = hd_tigetstr("rmcup") == nil
        let leave = (["rmcup", "rmkx", "sgr0", "cnorm"] + (clearsOnLeaving ? ["clear"] : [])).compactMap { name in name.withCString { hd_tigetstr($0) } }
            .map { Self.withoutPadding(String(cString: $0)) }.joined()
        let bytes = Array(leave.utf8)
        tg_set_leave_sequence(STDOUT_FILENO, bytes, bytes.count)
        signalDescriptor = tg_install()
    }

    deinit {
        close()
    }

    /// The terminal's size in columns and rows.
    public var size: (width: Int, height: Int) {
        guard screen != nil else { return (0, 0) }
        var rows: Int32 = 0
        var cols: Int32 = 0
        hd_getmaxyx(&rows, &cols)
        return (Int(max(0, cols)), Int(max(0, rows)))
    }

    /// The descriptor to `poll()` for input: standard input.
    public var inputDescriptor: Int32 { hd_input_fd() }

    /// The descriptor to `poll()` beside `inputDescriptor`: readable when a termination signal or
    /// SIGTSTP arrived (-1 if its pipe could not be made).
    public private(set) var signalDescriptor: Int32 = -1

    /// Whether the terminal is still there: false once it hung up.
    public var isConnected: Bool { tg_terminal_alive(inputDescriptor) != 0 }

    /// Ends the process by `signal` with its default action, as if it had not been caught, so
    /// that the shell reports it (128 + its number). Call it after `close()` and after the
    /// database is closed.
    public static func exit(bySignal signal: Int32) -> Never {
        tg_die_by(signal)
        fatalError("signal \(signal) did not end the process")
    }

    // MARK: Input

    /// Every event pending now, oldest first; empty when there is none. Never blocks.
    ///
    /// Consecutive resizes collapse into the last one. Ctrl-Z comes as `.suspend` (in raw mode the terminal does not turn it into SIGTSTP), and so
    /// does SIGTSTP; a termination signal as `.terminate`, after the keys typed before it. When no
    /// key was pending, whether the terminal hung up is checked (`.hangUp`): a hung-up terminal
    /// reads as always ready with nothing in it.
    public func readEvents() -> [TerminalEvent] {
        guard screen != nil else { return [] }
        guard !suspended else { return readSignals() }
        var events = pendingEvents
        pendingEvents = []
        var code: Int32 = 0
        var keys = 0
        while true {
            let kind = hd_get_wch(&code)
            if kind < 0 { break }
            keys += 1
            let isKeyCode = kind == 1
            if isKeyCode, code == KeyCode.resize {
                needsFullRepaint = true
                if case .resize = events.last { events.removeLast() }
            }
            if !isKeyCode, code == 26 {
                events.append(.suspend)
            } else if let event = Self.decode(code: code, isKeyCode: isKeyCode, size: isKeyCode ? size : (0, 0)) {
                events.append(event)
            }
        }
        events += readSignals()
        if keys == 0, !isConnected { events.append(.hangUp) }
        return events
    }

    /// The signals noted since the last call, as events.
    private func readSignals() -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        while case let signal = tg_next_signal(), signal != 0 {
            events.append(signal == SIGTSTP ? .suspend : .terminate(signal: signal))
        }
        return events
    }

    // MARK: Output

    /// Draws `buffer`, sending only the cells that changed since the last paint; or the whole
    /// screen, cleared first (`clearok`), after a resize, a size change, `resume()` or `redraw()`.
    /// Shows the cursor only where `buffer.cursor` is.
    public func paint(_ buffer: ScreenBuffer) {
        guard screen != nil, !suspended else { return }
        let (cols, rows) = size
        let height = min(buffer.height, rows)
        let width = min(buffer.width, cols)
        let full = needsFullRepaint || previous?.width != buffer.width || previous?.height != buffer.height
        if full {
            // The terminal's contents are unknown (it reflowed, or something else wrote to it): erase
            // ncurses' picture, draw every cell, and have the next refresh clear the terminal and
            // send it all. One erase per full repaint, never per frame.
            _ = hd_erase()
            for y in 0..<height {
                draw(buffer, row: y, columns: 0..<width, limit: width, skipBlanks: true)
            }
            _ = hd_clearok()
        } else if let previous {
            for y in 0..<height {
                // The terminal may have shrunk before its resize was read: draw only what fits.
                guard let span = PaintPlan.dirtySpan(previous: previous, next: buffer, row: y),
                      span.lowerBound < width else { continue }
                draw(buffer, row: y, columns: span.lowerBound..<min(span.upperBound + 1, width), limit: width, skipBlanks: false)
            }
        }
        if let cursor = buffer.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < cols, cursor.y < rows {
            setCursor(visible: true)
            _ = hd_move(Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursor(visible: false)
        }
        _ = hd_update()
        previous = buffer
        needsFullRepaint = false
    }

    /// Makes the next `paint` redraw the whole screen, clearing the terminal first: for Ctrl-L, and
    /// when an overlay opens or closes.
    public func redraw() {
        needsFullRepaint = true
    }

    /// Whether the next `paint` must happen even with the same buffer as the last one: after
    /// `redraw()`, a resize or `resume()`.
    public var needsRepaint: Bool {
        needsFullRepaint
    }

    /// Rings the terminal's bell (or flashes it).
    public func bell() {
        guard screen != nil, !suspended else { return }
        _ = beep()
    }

    /// Gives the terminal back (e.g. to run `$EDITOR`): saves the program's modes and leaves curses.
    public func suspend() {
        guard screen != nil, !suspended else { return }
        _ = def_prog_mode()
        _ = endwin()
        suspended = true
    }

    /// Takes the terminal again after `suspend()`; the next `paint` redraws the whole screen.
    ///
    /// If the terminal changed size meanwhile, the next `readEvents()` starts with a `.resize`
    /// (ncurses itself does not report it), so call it before painting again.
    public func resume() {
        guard screen != nil, suspended else { return }
        suspended = false
        _ = reset_prog_mode()
        // A job stopped in the background gets no SIGWINCH: ask the terminal for its size.
        var rows: Int32 = 0, cols: Int32 = 0
        let known = size
        if hd_terminal_size(&rows, &cols) == 0, Int(rows) != known.height || Int(cols) != known.width {
            _ = hd_resizeterm(rows, cols)
        }
        _ = hd_clearok()
        _ = refresh()
        needsFullRepaint = true
        cursorVisible = nil
        let now = size
        if let previous, previous.width != now.width || previous.height != now.height {
            pendingEvents.append(.resize(width: now.width, height: now.height))
        }
    }

    /// Gives the terminal back to the shell and stops the process group, as Ctrl-Z does for a
    /// program in cooked mode; returns when the shell continues it (`fg`), with the terminal taken
    /// again. The next `readEvents()` starts with a `.resize` if the size changed meanwhile, and
    /// the next `paint` redraws the whole screen.
    public func suspendToShell() {
        guard screen != nil else { return }
        suspend()
        // Not continued in the foreground: a signal is ending the program; leave the terminal be.
        if tg_stop_process_group(inputDescriptor) != 0 { resume() }
    }

    /// What terminfo says of the terminal type `type` (`nil`: `TERM`), without touching the terminal.
    public static func abilities(of type: String? = nil) -> TerminalAbilities {
        var known: Int32 = 0, addressable: Int32 = 0, alternate: Int32 = 0, clears: Int32 = 0
        if let type {
            type.withCString { hd_probe_terminal($0, &known, &addressable, &alternate, &clears) }
        } else {
            hd_probe_terminal(nil, &known, &addressable, &alternate, &clears)
        }
        return TerminalAbilities(known: known == 1, addressable: addressable == 1, alternateScreen: alternate == 1, clears: clears == 1)
    }

    /// A terminfo string without its padding (`$<50>`), which only `tputs` reads: the crash
    /// handler writes the bytes as they are.
    static func withoutPadding(_ value: String) -> String {
        var out = ""
        var rest = Substring(value)
        while let start = rest.range(of: "$<") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { rest = rest[start.lowerBound...]; break }
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    /// Leaves curses and frees the screen. Safe to call more than once. On a terminal without an
    /// alternate screen the screen is cleared and the cursor homed, so the shell starts on a clean
    /// screen rather than over the console's last picture.
    public func close() {
        guard let screen else { return }
        if !suspended {
            _ = endwin()
            if clearsOnLeaving, let clear = hd_tigetstr("clear") {
                hd_put_capability(clear)
            }
        }
        delscreen(screen)
        self.screen = nil
        previous = nil
    }

    // MARK: Private

    /// Draws the cells of row `y` that start in `columns` (which never starts on the right half of
    /// a wide character), each as wide as ncurses measures it (`PaintPlan.glyphs`). What would
    /// reach past column `limit` (the terminal shrank before its resize was read) is not drawn.
    private func draw(_ buffer: ScreenBuffer, row y: Int, columns: Range<Int>, limit: Int, skipBlanks: Bool) {
        let normal = hd_a_normal()
        for x in columns {
            guard let cell = PaintPlan.cell(buffer, x, y) else { continue }
            let (attrs, pair) = attributes(for: cell.style)
            if skipBlanks, cell.text == " ", attrs == normal, pair == 0 { continue }
            var col = x
            for glyph in PaintPlan.glyphs(of: cell, maxChars: Self.cellCharacters, columnsOf: Self.columns) {
                guard col + glyph.columns <= limit else { break }
                let chars = glyph.chars + [0]
                _ = chars.withUnsafeBufferPointer { hd_mvadd_wch(Int32(y), Int32(col), $0.baseAddress, attrs, pair) }
                col += glyph.columns
            }
        }
    }

    /// How many wide characters an ncurses cell holds (CCHARW_MAX).
    private static let cellCharacters = Int(hd_ccharw_max())

    /// The columns ncurses gives a character: the C library's `wcwidth` under the locale set up at
    /// start (-1 when it cannot print it).
    static func columns(_ scalar: UInt32) -> Int {
        Int(hd_wcwidth(Int32(bitPattern: scalar)))
    }

    private func attributes(for style: Style) -> (attr_t, Int16) {
        let style = colorEnabled ? style : style.monochrome
        var pair: Int16 = 0
        var bold = style.bold
        if colorEnabled {
            let c = PaintPlan.colors(for: style, terminalColors: terminalColors)
            bold = c.bold
            pair = colorPair(fg: c.fg, bg: c.bg)
        }
        var attrs = hd_a_normal()
        if bold { attrs |= hd_a_bold() }
        if style.underline { attrs |= hd_a_underline() }
        if style.reverse { attrs |= hd_a_reverse() }
        if style.dim { attrs |= hd_a_dim() }
        if style.blink { attrs |= hd_a_blink() }
        return (attrs, pair)
    }

    /// The colour pair for (fg, bg), allocated on first use; pair 0 (the terminal's colours) when
    /// both are default or the terminal has no pairs left.
    private func colorPair(fg: Int, bg: Int) -> Int16 {
        var fg = fg, bg = bg
        if fg < 0, bg < 0 { return 0 }
        if !defaultColors {
            if fg < 0 { fg = 7 }
            if bg < 0 { bg = 0 }
        }
        let key = PairKey(fg: fg, bg: bg)
        if let pair = pairs[key] { return pair }
        guard nextPair < pairLimit else { return 0 }
        let pair = Int16(nextPair)
        guard init_pair(pair, Int16(fg), Int16(bg)) == OK else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }

    private func setCursor(visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        _ = hd_curs_set(visible ? 1 : 0)
        _ = hd_leaveok(visible ? 0 : 1)
    }

    /// Makes the character type UTF-8: the user's locale when the host has it, else `C.UTF-8`.
    /// A process may start with signals blocked that it inherited (a job runner, a test harness, a
    /// daemon's children). Without SIGWINCH a resize is never seen; without SIGHUP a console whose
    /// terminal went away lives on. Unblocks them on this thread, before ncurses installs handlers.
    private static func unblockTerminalSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGWINCH, SIGHUP, SIGINT, SIGTERM, SIGQUIT, SIGTSTP, SIGCONT] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    private static func setUpLocale() {
        let chosen = hd_setlocale_all("")
        if chosen != nil, isUTF8(hd_codeset()) { return }
        if hd_setlocale_ctype("C.UTF-8") == nil { _ = hd_setlocale_ctype("C.utf8") }
    }

    private static func isUTF8(_ codeset: UnsafePointer<CChar>?) -> Bool {
        guard let codeset else { return false }
        let name = String(cString: codeset).uppercased().filter { $0 != "-" && $0 != "_" }
        return name == "UTF8"
    }
}

@available(*, unavailable, message: "ncurses is not thread-safe: use NcursesTerminal from one thread")
extension NcursesTerminal: Sendable {}
