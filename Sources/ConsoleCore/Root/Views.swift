import HelpDeskCore

/// What the console asks of a person's views: read them, save or remove one, keep how a list was
/// left. Carried out by the run loop through the store, like any write.
public enum ViewRequest: Equatable, Sendable {
    /// The operator's saved views and how they last left each list, answered by `.viewsLoaded`.
    case load
    case save(name: String, pane: ViewPane, ViewSettings)
    case remove(name: String)
    /// How a list is left now; answered by nothing unless refused.
    case remember(ViewPane, ViewSettings)
}

extension ViewPane {
    /// The console's pane of this list.
    public var pane: Pane {
        switch self {
        case .queue: .queue
        case .board: .faults
        case .tasks: .tasks
        case .changes: .changes
        case .trainings: .trainings
        }
    }

    /// The list a pane shows, `nil` for a pane without filters (the service levels, the inspections).
    public init?(_ pane: Pane) {
        switch pane {
        case .queue: self = .queue
        case .faults: self = .board
        case .service(.task): self = .tasks
        case .service(.change): self = .changes
        case .service(.training): self = .trainings
        case .kpi, .inspections: return nil
        }
    }
}

extension ViewSettings.Vanished {
    /// The part as the status line names it.
    public var said: LocalizedText {
        let say = Catalog.Views.self
        switch self {
        case .kind(let code): return say.vanishedKind(TerminalText.sanitize(code))
        case .status(let code): return say.vanishedStatus(TerminalText.sanitize(code))
        case .region(let code): return say.vanishedRegion(TerminalText.sanitize(code))
        case .level(let code): return say.vanishedLevel(TerminalText.sanitize(code))
        case .audience(let code): return say.vanishedAudience(TerminalText.sanitize(code))
        case .unreadable: return say.unreadable
        }
    }
}

extension QueueFilter {
    public var viewSettings: ViewSettings {
        var s = ViewSettings()
        s.kind = kind?.rawValue
        s.status = status?.rawValue
        s.showClosed = showClosed ? true : nil
        s.region = region?.rawValue
        s.mine = mine ? true : nil
        s.overdue = overdue ? true : nil
        s.search = search.isEmpty ? nil : search
        return s
    }

    /// The filters a view holds, without the parts that name what the program no longer knows.
    public init(_ s: ViewSettings, vanished: inout [ViewSettings.Vanished]) {
        self.init()
        if let code = s.kind { if let k = CaseKind(rawValue: code) { kind = k } else { vanished.append(.kind(code)) } }
        if let code = s.status { if let st = ItemStatus(rawValue: code) { status = st } else { vanished.append(.status(code)) } }
        if let code = s.region { if let r = Region(rawValue: code) { region = r } else { vanished.append(.region(code)) } }
        showClosed = s.showClosed ?? false
        mine = s.mine ?? false
        overdue = s.overdue ?? false
        search = s.search ?? ""
    }
}

extension BoardFilter {
    public var viewSettings: ViewSettings {
        var s = ViewSettings()
        s.region = region?.rawValue
        s.level = level.map { String($0.rawValue) }
        s.search = search.isEmpty ? nil : search
        return s
    }

    public init(_ s: ViewSettings, vanished: inout [ViewSettings.Vanished]) {
        self.init()
        if let code = s.region { if let r = Region(rawValue: code) { region = r } else { vanished.append(.region(code)) } }
        if let code = s.level {
            if let l = Int(code).flatMap(FaultLevel.init(rawValue:)) { level = l } else { vanished.append(.level(code)) }
        }
        search = s.search ?? ""
    }
}

extension ServiceFilter {
    public var viewSettings: ViewSettings {
        var s = ViewSettings()
        s.status = status == .active ? nil : status.rawValue
        s.audience = trainingType?.rawValue
        s.mine = mine ? true : nil
        s.overdue = overdue ? true : nil
        s.search = search.isEmpty ? nil : search
        return s
    }

    public init(_ s: ViewSettings, vanished: inout [ViewSettings.Vanished]) {
        self.init()
        if let code = s.status { if let st = Status(rawValue: code) { status = st } else { vanished.append(.status(code)) } }
        if let code = s.audience { if let t = TrainingType(rawValue: code) { trainingType = t } else { vanished.append(.audience(code)) } }
        mine = s.mine ?? false
        overdue = s.overdue ?? false
        search = s.search ?? ""
    }
}

extension ConsoleState {
    /// How `pane`'s list is filtered now.
    public func viewSettings(_ pane: ViewPane) -> ViewSettings {
        switch pane {
        case .queue: queue.filter.viewSettings
        case .board: board.filter.viewSettings
        case .tasks: tasks.filter.viewSettings
        case .changes: changes.filter.viewSettings
        case .trainings: trainings.filter.viewSettings
        }
    }

    /// Filters `pane`'s list as `json` says, leaving out what names something gone; the parts
    /// left out (every part, for settings that cannot be read) and the reads it asks for.
    mutating func applyView(_ pane: ViewPane, json: String) -> (vanished: [ViewSettings.Vanished], effects: [Effect]) {
        var vanished: [ViewSettings.Vanished] = []
        let settings = ViewSettings(json: json) ?? { vanished.append(.unreadable); return ViewSettings() }()
        var effects: [Effect] = []
        switch pane {
        case .queue:
            let filter = QueueFilter(settings, vanished: &vanished)
            queue.filter = filter
            queue.selection = 0
            effects = [.loadQueue(filter, offset: 0, limit: QueueScreen.window)]
        case .board:
            board.filter = BoardFilter(settings, vanished: &vanished)
            board.selection = 0
            effects = [.loadFaults(board.filter)]
        case .tasks, .changes, .trainings:
            let kind = pane.pane.serviceKind!
            let filter = ServiceFilter(settings, vanished: &vanished)
            var list = list(kind)
            list.window.refilter { $0 = filter }
            switch kind {
            case .task: tasks = list
            case .change: changes = list
            case .training: trainings = list
            }
            if focus == pane.pane { effects = apply(list.load(around: 0), kind) }
        }
        return (vanished, effects)
    }

    /// `:save NAME`: the focused list's filters and search under NAME.
    mutating func saveView(_ name: String) -> [Effect] {
        guard let pane = ViewPane(focus) else {
            say(Catalog.ConsoleNavigation.noFilters(paneName(focus))(language), .error)
            return [.bell]
        }
        if case .failure(let problem) = SavedView.checkName(name) {
            say(problem.said(language), .error)
            return [.bell]
        }
        return [.views(.save(name: name, pane: pane, viewSettings(pane)))]
    }

    /// `:view NAME`: the list it was saved from, filtered as it says.
    mutating func openView(_ name: String) -> [Effect] {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard let view = savedViews.first(where: { $0.name == name }) else {
            say(Catalog.Views.notFound(TerminalText.sanitize(name))(language), .error)
            return [.bell]
        }
        // Gone to without reading the list through its old filters: it is read once, through the view's.
        var effects: [Effect] = []
        if focus != view.pane.pane { go(to: view.pane.pane) }
        let (vanished, loads) = applyView(view.pane, json: view.json)
        effects += loads
        let shown = TerminalText.sanitize(view.name)
        if vanished.isEmpty {
            say(Catalog.Views.applied(shown)(language), .info)
        } else {
            say(Catalog.Views.openedWithout(shown, parts: vanished.map { $0.said(language) })(language), .error)
        }
        return effects
    }

    /// `:unsave NAME`.
    mutating func removeView(_ name: String) -> [Effect] {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard savedViews.contains(where: { $0.name == name }) else {
            say(Catalog.Views.notFound(TerminalText.sanitize(name))(language), .error)
            return [.bell]
        }
        return [.views(.remove(name: name))]
    }

    /// The views arrived: with `last`, at start, each list is filtered as it was left (the
    /// parts that name something gone left out, and said).
    mutating func viewsLoaded(_ saved: [SavedView], last: [ViewPane: String]?) -> [Effect] {
        savedViews = saved
        guard let last else { return [] }
        var effects: [Effect] = []
        var said: [String] = []
        for pane in ViewPane.allCases {
            guard let json = last[pane] else { continue }
            let (vanished, loads) = applyView(pane, json: json)
            effects += loads
            if !vanished.isEmpty {
                said.append(Catalog.Views.restoredWithout(paneName(pane.pane)(language), parts: vanished.map { $0.said(language) })(language))
            }
        }
        // What is remembered now is what was restored: nothing to write until it changes.
        for pane in ViewPane.allCases { rememberedViews[pane] = viewSettings(pane) }
        viewsRestored = true
        if !said.isEmpty { say(said.joined(separator: "; "), .error) }
        return effects
    }

    /// On the clock's tick, off the key path: each list whose filters changed since they were
    /// last kept is kept again, one write a list however many keys changed it. Someone not on
    /// the staff list keeps nothing, nor does a database file that cannot be written.
    public mutating func rememberChangedViews() -> [Effect] {
        guard viewsRestored, operatorRole != nil, !isReadOnly else { return [] }
        var effects: [Effect] = []
        for pane in ViewPane.allCases {
            let now = viewSettings(pane)
            guard rememberedViews[pane] != now else { continue }
            rememberedViews[pane] = now
            effects.append(.views(.remember(pane, now)))
        }
        return effects
    }

    /// A view saved or removed: said, with the views as they now are.
    mutating func viewChanged(_ change: ViewChange) {
        switch change {
        case let .saved(name, pane):
            say(Catalog.Views.saved(TerminalText.sanitize(name), pane: paneName(pane.pane)(language))(language), .info)
        case .removed(let name):
            say(Catalog.Views.removed(TerminalText.sanitize(name))(language), .info)
        }
    }

}

/// A view saved or removed, as the store answered it.
public enum ViewChange: Equatable, Sendable {
    case saved(name: String, pane: ViewPane)
    case removed(String)
}

extension HelpScreen {
    /// The views under their heading: name, then the list and its filters (or that it has none).
    static func viewRows(_ views: [SavedView], _ lang: Language) -> [Hint] {
        let say = Catalog.Views.self
        let rows: [Hint] = views.map { view in
            var ignored: [ViewSettings.Vanished] = []
            let settings = view.settings ?? ViewSettings()
            let summary: String
            switch view.pane {
            case .queue: summary = QueueScreen.filterSummary(QueueFilter(settings, vanished: &ignored), lang)
            case .board: summary = BoardFilter(settings, vanished: &ignored).summary(lang)
            case .tasks, .changes, .trainings:
                summary = ServiceFilter(settings, vanished: &ignored).summary(lang, kind: view.pane.pane.serviceKind!)
            }
            let pane = paneLabel(view.pane.pane)(lang)
            return (TerminalText.sanitize(view.name), "\(pane) · \(summary.isEmpty ? say.noFilters(lang) : TerminalText.sanitize(summary))")
        }
        return [("", ""), ("", say.heading(lang))] + (rows.isEmpty ? [("", say.none(lang))] : rows)
    }

    static func paneLabel(_ pane: Pane) -> LocalizedText {
        switch pane {
        case .queue: Strings.Key.caseQueue.text
        case .faults: Strings.Key.faultBoard.text
        case .kpi: Strings.Key.kpi.text
        case .service(.task): Strings.Key.tasks.text
        case .service(.change): Strings.Key.changes.text
        case .service(.training): Strings.Key.trainings.text
        case .inspections: Catalog.Screens.Inspections.title
        }
    }
}
