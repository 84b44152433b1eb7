import HelpDeskCore

/// A terminal colour: the eight ANSI colours, their bright variants, or the terminal's default.
public enum TermColor: Hashable, Sendable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

    /// The ANSI index 0–15, or -1 for the terminal's default colour.
    public var index: Int {
        switch self {
        case .default: return -1
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .brightBlack: return 8
        case .brightRed: return 9
        case .brightGreen: return 10
        case .brightYellow: return 11
        case .brightBlue: return 12
        case .brightMagenta: return 13
        case .brightCyan: return 14
        case .brightWhite: return 15
        }
    }

    public static let byName: [String: TermColor] = [
        "default": .default, "black": .black, "red": .red, "green": .green, "yellow": .yellow, "blue": .blue,
        "magenta": .magenta, "cyan": .cyan, "white": .white, "bright-black": .brightBlack, "gray": .brightBlack,
        "grey": .brightBlack, "bright-red": .brightRed, "bright-green": .brightGreen, "bright-yellow": .brightYellow,
        "bright-blue": .brightBlue, "bright-magenta": .brightMagenta, "bright-cyan": .brightCyan,
        "bright-white": .brightWhite,
    ]
}

/// How a cell is drawn: colours and attributes. Attributes alone must tell states apart when colour
/// is off (`NO_COLOR`, a monochrome terminal).
public struct Style: Hashable, Sendable {
    public var fg: TermColor
    public var bg: TermColor
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool
    public var blink: Bool

    public init(fg: TermColor = .default, bg: TermColor = .default, bold: Bool = false, underline: Bool = false,
                reverse: Bool = false, dim: Bool = false, blink: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
        self.blink = blink
    }

    public static let plain = Style()

    /// The same attributes without colour.
    public var monochrome: Style {
        Style(bold: bold, underline: underline, reverse: reverse, dim: dim, blink: blink)
    }
}

/// One cell of the screen: one grapheme cluster (a base character with its combining marks, an
/// emoji sequence) and its display width from `TerminalText.width`. A wide character occupies its
/// cell and the next one; the next one is a continuation cell with empty text and width 0.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: Int
    public var style: Style

    public init(text: String = " ", width: Int = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
}

/// What the views draw into: a grid of cells that a terminal backend paints and tests read.
///
/// Text is sanitized and measured in display columns as it is put; a wide character that would be
/// cut by the right edge of its area is replaced by a space, never split. `put` and `fill` keep the
/// invariant a terminal backend relies on: a cell of width 2 is always followed by its
/// continuation, and a continuation always follows one (the subscript setter does not check it).
public struct ScreenBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should stand (for text fields), or `nil` to hide it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set {
            cursorX = newValue?.x
            cursorY = newValue?.y ?? 0
        }
    }
    private var cursorX: Int?
    private var cursorY = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: ScreenBuffer, b: ScreenBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorX == b.cursorX && a.cursorY == b.cursorY
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Fills a rectangle with blanks of `style`. A wide character that the rectangle's left or right
    /// edge cuts in two (an overlay's border over a row of Chinese) is blanked whole, never split.
    public mutating func fill(x: Int = 0, y: Int, width w: Int, height h: Int = 1, style: Style = .plain) {
        let columns = max(0, x)..<min(width, x + w)
        guard !columns.isEmpty else { return }
        for row in max(0, y)..<min(height, y + h) {
            clearOverlap(columns.lowerBound, row)
            clearOverlap(columns.upperBound - 1, row)
            for col in columns { self[col, row] = Cell(text: " ", width: 1, style: style) }
        }
    }

    /// Writes `text` at (x, y), clipped to `maxWidth` columns (and the screen). Returns the columns used.
    /// The text is sanitized first: controls and escape sequences become visible placeholders.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var col = x
        for ch in TerminalText.sanitize(text) {
            let w = TerminalText.width(ch)
            if w == 0 {
                // A cluster of marks alone (the text began with one) joins the cell before it.
                if col > x, col - 1 >= 0, col - 1 < width {
                    let lead = self[col - 1, y].isContinuation ? col - 2 : col - 1
                    if lead >= 0 { self[lead, y].text.append(ch) }
                }
                continue
            }
            if col + w > limit {
                // A wide character that does not fit is replaced by a space, never split.
                if w == 2, col < limit, col >= 0 {
                    clearOverlap(col, y)
                    self[col, y] = Cell(text: " ", width: 1, style: style)
                    col += 1
                }
                break
            }
            if col >= 0 {
                clearOverlap(col, y)
                self[col, y] = Cell(text: String(ch), width: w, style: style)
                if w == 2 {
                    if col + 1 < width { clearOverlap(col + 1, y) }
                    self[col + 1, y] = Cell(text: "", width: 0, style: style)
                }
            }
            col += w
        }
        return col - x
    }

    /// Writes `text` padded with spaces (or cut with `…`) to exactly `columns`.
    public mutating func put(_ text: String, x: Int, y: Int, columns: Int, style: Style = .plain, alignRight: Bool = false) {
        let fitted = TerminalText.fit(TerminalText.sanitize(text), columns, alignRight: alignRight)
        put(fitted, x: x, y: y, style: style, maxWidth: columns)
    }

    /// Overwriting half of a wide character blanks its other half.
    private mutating func clearOverlap(_ col: Int, _ y: Int) {
        let cell = self[col, y]
        if cell.isContinuation, col > 0 {
            self[col - 1, y] = Cell(text: " ", width: 1, style: self[col - 1, y].style)
        } else if cell.width == 2, col + 1 < width {
            self[col + 1, y] = Cell(text: " ", width: 1, style: cell.style)
        }
    }

    /// The text of row `y`, wide characters once, trailing spaces kept.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { s += self[x, y].text }
        return s
    }

    /// Every row, trailing spaces removed: what a test compares with expected lines.
    public var lines: [String] {
        (0..<height).map { y in
            var l = line(y)
            while l.hasSuffix(" ") { l.removeLast() }
            return l
        }
    }

    /// The style of the first cell in row `y` whose text starts `needle`, for tests.
    public func style(of needle: String, inRow y: Int) -> Style? {
        var text = ""
        var starts: [Int] = []
        for x in 0..<width {
            starts.append(text.count)
            text += self[x, y].text
        }
        guard let range = text.range(of: needle) else { return nil }
        let offset = text.distance(from: text.startIndex, to: range.lowerBound)
        guard let x = starts.firstIndex(where: { $0 >= offset }) else { return nil }
        return self[x, y].style
    }

    /// Finds the first row containing `needle`.
    public func row(containing needle: String) -> Int? {
        (0..<height).first { line($0).contains(needle) }
    }
}

/// A key the console understands, decoded by the terminal backend.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    case unknown

    /// `k`, `Enter`, `Ctrl-S`, `Shift-Tab`, `↑` — how a binding is written in the help.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let n): return "F\(n)"
        case .unknown: return "?"
        }
    }
}
