import HelpDeskCore

/// Where the overlays meet their screens: which screen takes a key, draws over the panes, speaks on
/// the status line and fills the footer, for each mode. A new overlay is one case in each switch.
extension ConsoleState {
    /// Routes a key: quitting and redrawing work everywhere; the rest goes to the screen on top.
    mutating func handle(_ key: Key) -> [Effect] {
        if key == .ctrl("c") || key == .ctrl("q") {
            if case .form(let form, _) = mode, form.isDirty {
                mode = .confirmQuit(previous: mode)
                return []
            }
            return [.quit]
        }
        if Keymap.command(for: key) == .redraw { return [.redraw] }   // in every mode
        switch mode {
        case .normal:
            // Only the keys that act on the pane in view reach it; the others are refused here.
            guard let command = Keymap.bindings(on: focus).command(for: key) else { return refuse(key) }
            if let kind = focus.serviceKind { return reduceService(kind, .key(key)) }
            if focus == .inspections { return reduceInspections(key) }
            return run(command)
        case .detail(let d):
            // A key that scrolled down goes no further than the last line at the bottom of the
            // screen (laying the lines out again only then, not on every key).
            let (body, context) = (overlayBody, context)
            return drive(d, { next in
                var next = next
                if next.scroll > d.scroll { next.scroll = min(next.scroll, DetailScreen.lastScroll(next, body, context)) }
                return .detail(next)
            }) { DetailScreen.reduce(&$0, .key(key)) }
        case let .form(form, back): return reduceForm(form, back, .key(key))
        case .help(let scroll):
            // Scrolled no further than its last row at the bottom of the screen.
            let last = max(0, HelpScreen.rows(language, views: savedViews).count - (height - 4))
            return drive(scroll, { .help(scroll: min($0, last)) }) { HelpScreen.reduce(&$0, key) }
        case .commandLine(let field): return drive(field, Mode.commandLine) { CommandLineScreen.reduce(&$0, key) }
        case .search(let field): return drive(field, Mode.search) { SearchScreen.reduce(&$0, key) }
        case .figureItems(let list): return drive(list, Mode.figureItems) { FigureItemsScreen.reduce(&$0, key) }
        case .inspection(let shown): return drive(shown, Mode.inspection) { InspectionScreen.reduce(&$0, key) }
        case .requesterItems(let list): return drive(list, Mode.requesterItems) { RequesterItemsScreen.reduce(&$0, key) }
        case .attachmentText(let shown): return drive(shown, Mode.attachmentText) { AttachmentViewerScreen.reduce(&$0, key) }
        case .severalResults(let shown): return drive(shown, Mode.severalResults) { SeveralResultsScreen.reduce(&$0, key) }
        case .confirmQuit(let previous):
            if ConfirmQuitScreen.reduce(key) == [.quit] { return [.quit] }
            mode = previous
            return []
        case .confirmFreeze(let period):
            _ = back()
            if ConfirmFreezeScreen.reduce(key) == [.freeze] {
                say(Catalog.Console.Outcome.freezing("\(period)")(language), .notice)
                return [.write(.freeze(period))]
            }
            say(Catalog.ReportWeeks.freezeCancelled("\(period)")(language), .info)
            return []
        }
    }

    /// A key that does nothing on the pane in view: said on the status line when it acts elsewhere
    /// (what it does, where it is pressed); a key bound nowhere is let pass.
    mutating func refuse(_ key: Key) -> [Effect] {
        guard let binding = Keymap.everywhere.first(where: { $0.keys.contains(key) }) else { return [] }
        if binding.command == .search && focus == .inspections {
            say(Catalog.Console.Refusal.noInspectionSearch(language), .error)
        } else {
            say(Catalog.ConsoleNavigation.notHere(key: key.label, does: binding.helpText, pane: paneName(focus))(language), .error)
        }
        return [.bell]
    }

    /// Runs a screen's reducer on its state, puts the new state on screen with `show`, and carries
    /// out what the screen asks.
    mutating func drive<State, E: RootEffect>(_ state: State, _ show: (State) -> Mode, _ reduce: (inout State) -> [E]) -> [Effect] {
        var state = state
        let effects = reduce(&state)
        mode = show(state)
        return effects.flatMap { $0.apply(to: &self) }
    }

    /// Hands an action to the form on screen (opened over `back`) and carries out what it asks.
    mutating func reduceForm(_ original: Form, _ back: Detail?, _ action: FormScreen.Action) -> [Effect] {
        var form = original
        let effects = FormScreen.reduce(&form, action, language)
        mode = .form(form, returnTo: back)
        return effects.flatMap { effect -> [Effect] in
            switch effect {
            case .close:
                mode = back.map { .detail($0) } ?? .normal
                formTargets = []
                return []
            case .save(let request):
                return saving(request)
            case .problem(let text):
                say(text, .error)
                return [.bell]
            case let .editText(field, initial):
                return [.editText(field: field, initial: initial)]
            case let .lookUpRequesters(field, typed):
                return [.lookUpRequesters(field: field, typed: typed)]
            case let .loadTemplates(item, use):
                return [.loadTemplates(item: item, use: use, desk: language)]
            case .check(let request):
                return [.checkWrite(request)]
            }
        }
    }

    /// The footer's hints for what is on screen.
    var hints: Hints {
        let lang = language
        switch mode {
        case .normal, .confirmQuit, .confirmFreeze:
            switch focus {
            case .service(.task): return TasksScreen.hints(lang)
            case .service(.change): return ChangesScreen.hints(lang)
            case .service(.training): return TrainingsScreen.hints(lang)
            case .inspections: return InspectionsScreen.hints(lang)
            case .queue, .faults, .kpi: return Keymap.footerHints(on: focus, lang)
            }
        case .detail(let d): return DetailScreen.hints(d, lang)
        case .form(let form, _): return FormScreen.hints(form, lang)
        case .help: return HelpScreen.hints(lang)
        case .figureItems: return FigureItemsScreen.hints(lang)
        case .inspection: return InspectionScreen.hints(lang)
        case .search: return SearchScreen.hints(lang, trainings: focus == .trainings)
        case .commandLine: return CommandLineScreen.hints(lang)
        case .requesterItems: return RequesterItemsScreen.hints(lang)
        case .attachmentText: return AttachmentViewerScreen.hints(lang)
        case .severalResults: return SeveralResultsScreen.hints(lang)
        }
    }

    /// Where a screen over the panes draws: between the top line and the footer and status lines.
    var overlayBody: Rect { Rect(x: 0, y: 1, width: width, height: height - 3) }

    /// Draws the screen over the panes, if one covers them: the detail, a form (over the detail it
    /// was opened from), the keys.
    func drawOverlay(_ buf: inout ScreenBuffer, _ theme: Theme) {
        let body = overlayBody
        switch drawnMode {
        case .detail(let d):
            DetailScreen.draw(&buf, body, d, context, theme)
        case let .form(form, back):
            if let back { DetailScreen.draw(&buf, body, back, context, theme) }
            FormScreen.draw(&buf, form, behind: back, rules: calendar.map(DeadlineRules.init), context, theme)
        case .help(let scroll):
            HelpScreen.draw(&buf, body, scroll, language, theme, views: savedViews)
        case .figureItems(let list):
            FigureItemsScreen.draw(&buf, body, list, context, theme)
        case .inspection(let shown):
            InspectionScreen.draw(&buf, body, shown, context, theme)
        case .requesterItems(let list):
            RequesterItemsScreen.draw(&buf, body, list, context, theme)
        case .attachmentText(let shown):
            AttachmentViewerScreen.draw(&buf, body, shown, context, theme)
        case .severalResults(let shown):
            SeveralResultsScreen.draw(&buf, body, shown, context, theme)
        case .normal, .commandLine, .search, .confirmQuit, .confirmFreeze:
            break
        }
    }

    /// Draws a screen that speaks on the status line (a prompt, a question); `false` when none does.
    func drawOnStatusLine(_ buf: inout ScreenBuffer, y: Int, _ theme: Theme) -> Bool {
        switch mode {
        case .search(let field): SearchScreen.drawStatus(&buf, field, y: y, language, theme)
        case .commandLine(let field): CommandLineScreen.drawStatus(&buf, field, y: y, theme)
        case .confirmQuit: ConfirmQuitScreen.drawStatus(&buf, y: y, language, theme)
        case .confirmFreeze(let period): ConfirmFreezeScreen.drawStatus(&buf, period, y: y, language, theme)
        case .detail(let d):
            if let other = d.confirmingUnlink {
                DetailScreen.drawUnlinkQuestion(&buf, d.id, other, y: y, language, theme)
                return true
            }
            guard let prompt = d.savePrompt else { return false }
            DetailScreen.drawSavePrompt(&buf, prompt, d, y: y, language, theme)
        case .normal, .form, .help, .figureItems, .inspection, .attachmentText, .requesterItems, .severalResults: return false
        }
        return true
    }
}

/// What a screen over the main screen asks for, as the root carries it out.
protocol RootEffect {
    func apply(to console: inout ConsoleState) -> [Effect]
}

extension DetailScreen.Effect: RootEffect {
    func apply(to console: inout ConsoleState) -> [Effect] {
        switch self {
        case .run(let command): return console.run(command)
        case .close: return console.back()
        case .requesterItems(let requester):
            guard let id = requester.id else { return [.bell] }
            console.enter(.requesterItems(RequesterItemsScreen.State(requester: requester)))
            return [.loadRequesterItems(id)]
        case let .saveAttachment(id, path, overwrite): return [.saveAttachment(id: id, path: path, overwrite: overwrite)]
        case let .unlink(id, other):
            console.say(WriteOutcome.saving(console.language), .notice)
            return [.write(.unlink(id: id, other: other))]
        case let .viewAttachment(id, name):
            console.enter(.attachmentText(AttachmentViewerScreen.State(id: id, name: name)))
            return [.loadAttachmentText(id)]
        case .refused(let text), .problem(let text):
            console.say(text(console.language), .error)
            return [.bell]
        case .reply(let text): return console.openReply(with: text)
        }
    }
}

extension RequesterItemsScreen.Effect: RootEffect {
    func apply(to console: inout ConsoleState) -> [Effect] {
        switch self {
        case .close: return console.back()
        case .bell: return [.bell]
        case .open(let id): return console.openDetail(id)
        }
    }
}

extension AttachmentViewerScreen.Effect: RootEffect {
    func apply(to console: inout ConsoleState) -> [Effect] {
        console.back()
    }
}

extension SeveralResultsScreen.Effect: RootEffect {
    func apply(to console: inout ConsoleState) -> [Effect] {
        switch self {
        case .close: return console.back()
        case .open(let id): return console.openDetail(id)
        }
    }
}

extension FigureItemsScreen.Effect: RootEffect {
    func apply(to console: inout ConsoleState) -> [Effect] {
        switch self {
        case .close: return console.back()
        case .bell: return [.bell]
        case .open(let id): return console.openDetail(id)
        }
    }
}

extension InspectionScreen.Effect: RootEffect {
    func apply(to console: inout ConsoleState) -> [Effect] {
        switch self {
        case .close: return console.back()
        case .bell: return [.bell]
        case .open(let id): return console.openDetail(id)
        }
    }
}

extension ConsoleState {
    /// An item's details, by id: from `:` and an id, or a list that names it (a figure's items, an
    /// inspection's readings). Going back returns to that list.
    mutating func openDetail(_ id: Int64) -> [Effect] {
        enter(.detail(Detail(id: id)))
        return [.loadDetail(id)]
    }
}

extension ConsoleState {
    /// Hands a key to the inspections screen and carries out what it asks.
    mutating func reduceInspections(_ key: Key) -> [Effect] {
        InspectionsScreen.reduce(&inspections, key).flatMap { effect -> [Effect] in
            switch effect {
            case .open(let id):
                enter(.inspection(InspectionScreen.State(id: id)))
                return [.loadInspection(id)]
            case .run(let command):
                return run(command)
            case .back:
                return back()
            }
        }
    }
}

extension HelpScreen.Effect: RootEffect {
    func apply(to console: inout ConsoleState) -> [Effect] {
        console.back()
    }
}

extension CommandLineScreen.Effect: RootEffect {
    func apply(to console: inout ConsoleState) -> [Effect] {
        if case .run(let request) = self { console.execute(request) } else { console.back() }
    }
}

extension SearchScreen.Effect: RootEffect {
    func apply(to console: inout ConsoleState) -> [Effect] {
        if case .search(let text) = self { console.applyFilter(.search(text)) } else { console.back() }
    }
}
