import HelpDeskCore

/// This month's and this week's figures.
public struct KPISnapshot: Equatable, Sendable {
    public var month: Period
    public var week: Period
    public var monthFigures: [KPIFigure]
    public var weekFigures: [KPIFigure]
    /// The figures of the twelve months up to this one, oldest first (empty when not read).
    public var lastMonths: [[KPIFigure]]
    /// The latest month a supervisor signed off (`:freeze`), if any among the twelve.
    public var frozenThrough: Period?

    public init(month: Period, week: Period, monthFigures: [KPIFigure], weekFigures: [KPIFigure], lastMonths: [[KPIFigure]] = [],
                frozenThrough: Period? = nil) {
        self.month = month
        self.week = week
        self.monthFigures = monthFigures
        self.weekFigures = weekFigures
        self.lastMonths = lastMonths
        self.frozenThrough = frozenThrough
    }

    /// One figure's months as a line of characters, oldest first, each with whether it missed:
    /// the figure's tenths (of the share without error for K4 and K5, where less is better), `#`
    /// for 100 %, `-` for a month with nothing to count. Digits rather than block characters: they
    /// are one column in every terminal and read in monochrome.
    public func trend(of id: KPI) -> [(mark: Character, missed: Bool)] {
        lastMonths.map { figures in
            guard let f = figures.first(where: { $0.id == id }), let good = f.goodShare else { return ("-", false) }
            let mark: Character = good >= 1 ? "#" : Character(String(min(9, max(0, Int((good * 10).rounded(.down))))))
            return (mark, f.met == false)
        }
    }
}

/// The service levels: this month's and this week's figures against their targets.
///
/// Shows one row a figure: its id and name, the target, the month's value with a mark and a bar,
/// and the week's value; a figure with nothing to count shows `—`. With the focus, `j`/`k` move the
/// marker over the figures and Enter lists what the figure counted this month (`FigureItemsScreen`). Where the pane is wide enough,
/// the last twelve months follow as a line of digits (`KPISnapshot.trend`), missed months in the
/// missed style (reversed in every theme, so seen without colour too). It takes no keys of its own
/// (the pane keys bring it into view) and asks for nothing: the figures come with every reload.
public enum ServiceLevelsScreen {
    public struct State: Equatable, Sendable {
        /// `nil` until the first figures arrive.
        public var snapshot: KPISnapshot?
        /// The figure under the marker (Enter lists what it counted).
        public var selection = 0

        public init() {}

        public var selectedFigure: KPI? {
            guard let figures = snapshot?.monthFigures, figures.indices.contains(selection) else { return nil }
            return figures[selection].id
        }
    }

    public enum Action: Equatable, Sendable {
        case loaded(KPISnapshot)
        case move(by: Int)
    }

    public static func reduce(_ state: inout State, _ action: Action) {
        switch action {
        case .loaded(let snapshot): state.snapshot = snapshot
        case .move(let delta):
            let last = max(0, (state.snapshot?.monthFigures.count ?? 1) - 1)
            state.selection = min(last, max(0, state.selection.addingReportingOverflow(delta).partialValue))
        }
    }

    static func title(_ context: ScreenContext) -> String { context.strings(.kpi) }

    static func draw(_ buf: inout ScreenBuffer, _ rect: Rect, _ state: State, focused: Bool, _ context: ScreenContext, _ theme: Theme) {
        let lang = context.language
        let say = Catalog.Screens.ServiceLevels.self
        guard let k = state.snapshot else {
            buf.paneHeader(rect, title(context), note: "", focused: focused, theme)
            buf.put(Catalog.Screens.Common.loading(lang), x: rect.x + 2, y: rect.y + 2, style: theme[.dim])
            return
        }
        // The month and the frozen mark are never cut: the week goes short, then goes; the frozen
        // mark goes short before the month is left out.
        let fit = Catalog.ConsoleFit.self
        var parts = [TitleFit.Part("\(k.month)", priority: 3),
                     TitleFit.Part("\(k.week)", short: fit.weekShort(k.week)(lang), priority: 1, lead: " / ")]
        if let through = k.frozenThrough {
            parts.append(TitleFit.Part(say.frozenThrough(through)(lang), short: fit.frozenThroughShort(through)(lang), priority: 2))
        }
        let room = rect.width - TerminalText.width(" \(title(context)) ") - 1
        buf.paneHeader(rect, title(context), note: TitleFit.fit(parts, width: room), focused: focused, theme)
        let barWidth = rect.width >= 70 ? 20 : 8
        let showTarget = rect.width >= 60
        let showTrend = rect.width >= 76 && !k.lastMonths.isEmpty
        var fixed = [Column(title: "", width: 4)]
        var tail: [Column] = []
        if showTarget { tail.append(Column(title: say.target(lang), width: 6, alignRight: true)) }
        tail += [Column(title: say.month(lang), width: 6, alignRight: true), Column(title: "", width: 1),
                 Column(title: "", width: barWidth), Column(title: say.week(lang), width: 6, alignRight: true)]
        if showTrend { tail.append(Column(title: say.twelveMonths(lang), width: 12)) }
        fixed += tail
        let cols = Column.fit(fixed, flexibleAt: 1, flexTitle: say.figure(lang), total: rect.width)
        buf.columnHeaders(rect, cols, theme)
        for (i, figure) in k.monthFigures.enumerated() {
            let y = rect.y + 2 + i
            guard y < rect.y + rect.height else { break }
            let week = k.weekFigures.first { $0.id == figure.id }
            let markStyle: Style
            let mark: String
            switch figure.met {
            case true?: (mark, markStyle) = ("✓", theme[.kpiMet])
            case false?: (mark, markStyle) = ("✗", theme[.kpiMissed])
            case nil: (mark, markStyle) = (" ", theme[.kpiEmpty])
            }
            let valueStyle = figure.value == nil ? theme[.kpiEmpty] : markStyle
            var cells: [(String, Style)] = [(figure.id.rawValue, theme[.label]), (figure.name(lang), theme[.base])]
            if showTarget {
                let sign = figure.comparison == .atLeast ? "≥" : "≤"
                cells.append(("\(sign)\(Int((figure.target * 100).rounded()))%", theme[.dim]))
            }
            cells += [(figure.valueText, valueStyle), (mark, markStyle), ("", theme[.base]),
                      (week?.valueText ?? "—", week?.value == nil ? theme[.kpiEmpty] : (week?.met == false ? theme[.kpiMissed] : theme[.kpiMet]))]
            if showTrend { cells.append(("", theme[.base])) }
            buf.drawRow(x: rect.x, y: y, cols, cells, width: rect.width)
            if i == state.selection { buf.selectionMarker(x: rect.x, y: y, focused: focused, theme) }
            if showTrend {
                let trendX = rect.x + 1 + cols.dropLast().reduce(0) { $0 + $1.width + 1 }
                for (n, month) in k.trend(of: figure.id).enumerated() where trendX + n < rect.x + rect.width {
                    buf.put(String(month.mark), x: trendX + n, y: y, style: month.missed ? theme[.kpiMissed] : theme[.dim])
                }
            }
            // The bar: filled cells are reversed spaces (a block without East-Asian-width trouble),
            // as many as the share that counts toward the target (no errors: a full bar for K4).
            let barX = rect.x + 1 + cols.dropLast(showTrend ? 3 : 2).reduce(0) { $0 + $1.width + 1 }
            if let v = figure.goodShare, barX + barWidth <= rect.x + rect.width {
                let filled = Int((v * Double(barWidth)).rounded())
                for c in 0..<barWidth {
                    if c < filled {
                        buf.put(" ", x: barX + c, y: y, style: theme[.bar])
                    } else {
                        buf.put(".", x: barX + c, y: y, style: theme[.barEmpty])
                    }
                }
            }
        }
    }
}
