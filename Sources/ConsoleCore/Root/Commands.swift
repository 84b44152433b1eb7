import HelpDeskCore

/// What a main-screen command does: the root keeps the focus and the overlays, and hands the rest
/// to the screen that owns it (moves to the focused pane, filters to the queue, action keys to the
/// forms).
extension ConsoleState {
    mutating func run(_ command: Command) -> [Effect] {
        let lang = language
        switch command {
        case .nextPane: return show(neighbour(1))
        case .previousPane: return show(neighbour(-1))
        case .paneQueue: go(to: .queue)
        case .paneFaults: go(to: .faults)
        case .paneKPI: go(to: .kpi)
        case .tasks: return show(.tasks)
        case .changes: return show(.changes)
        case .trainings: return show(.trainings)
        case .inspections: return show(.inspections)
        case .newInspection:
            let name = staff.first { $0.username == operatorName }?.name ?? operatorName
            openForm(.newInspection(lang, formClock, inspector: name))
        case .up: return move(by: -1)
        case .down: return move(by: 1)
        case .pageUp: return move(by: -pageSize)
        case .pageDown: return move(by: pageSize)
        case .top: return move(by: -Int.max / 2)
        case .bottom: return move(by: Int.max / 2)
        case .open:
            if focus == .kpi, let figure = serviceLevels.selectedFigure, let month = serviceLevels.snapshot?.month {
                enter(.figureItems(FigureItemsScreen.State(figure: figure, period: month)))
                return [.loadFigureItems(figure, month)]
            }
            guard let item = actionTarget, let id = item.id else { return [] }
            enter(.detail(Detail(id: id, item: item)))
            return [.loadDetail(id)]
        case .newCase:
            mode = .form(.newCase(lang, formClock), returnTo: nil)
        case .newFault:
            mode = .form(.newFault(lang, formClock), returnTo: nil)
        case .newTask:
            openForm(.newTask(lang, formClock, staff: staff))
        case .newChange:
            openForm(.newChange(lang, formClock))
        case .newTraining:
            openForm(.newTraining(lang, formClock))
        case .trainingStep, .addAttendee, .scoreAttendee, .addMaterial, .correctAttendee:
            return openForm(command)
        case .complete, .markErroneous, .advance, .testRound:
            return openForm(command)
        case .delivery:
            return showDelivery()
        case .addDefect:
            return openDefectForm()
        case .take, .acknowledge:
            return act(command)
        case .assign, .respond, .resolve, .assess, .reopen, .lower, .raise, .escalate:
            return openForm(command)
        case .addNote, .addMessage:
            return openForm(command)
        case .correctCase:
            return openForm(command)
        case .wait, .link, .merge:
            return openForm(command)
        case .resume:
            return act(command)
        case .filterKind: return applyFilter(.cycleKind)
        case .filterStatus: return applyFilter(.cycleStatus)
        case .filterRegion: return applyFilter(.cycleRegion)
        case .filterLevel: return filterBoard { $0.cycleLevel() }
        case .toggleMine: return applyFilter(.toggleMine)
        case .toggleOverdue: return applyFilter(.toggleOverdue)
        case .search:
            // The inspections list has no search: said, rather than a prompt whose text goes nowhere.
            guard focus != .inspections else {
                say(Catalog.Console.Refusal.noInspectionSearch(language), .error)
                return [.bell]
            }
            enter(.search(TextField(focusedSearch)))
        case .clearFilters: return applyFilter(.clear)
        case .help:
            enter(.help(scroll: 0))
        case .commandLine:
            enter(.commandLine(TextField()))
        case .redraw:
            return [.redraw]
        case .quit:
            return backOrQuit()
        case .back:
            return back()
        case .nextAttachment, .saveAttachment, .viewAttachment, .unlink:
            // Keys of an item's details, taken there (DetailAttachments.swift, DetailChoosers.swift).
            return []
        case .nextSimilar, .replyWithSimilar:
            // Keys of a ticket's details, taken there (DetailSimilar.swift).
            return []
        case .mark: return toggleMark()
        case .clearMarks: return clearMarks()
        }
        return []
    }

    /// Carries out a `:` command.
    mutating func execute(_ request: CommandLineScreen.Request) -> [Effect] {
        switch request {
        case .quit:
            return [.quit]
        case .help:
            enter(.help(scroll: 0))
            return []
        case .command(let command):
            return run(command)
        case .language(let l):
            language = l
            return []
        case .filter(let change):
            return applyFilter(change)
        case .open(let id):
            return openDetail(id)
        case .freeze(let period):
            // A freeze cannot be undone: asked first, naming the period (ConfirmFreezeScreen),
            // over the place it was typed on, which the answer returns to.
            enter(.confirmFreeze(period))
            return []
        case .saveView(let name):
            return saveView(name)
        case .openView(let name):
            return openView(name)
        case .listViews:
            // The views are the last rows of the `?` screen: it opens at its end.
            enter(.help(scroll: max(0, HelpScreen.rows(language, views: savedViews).count - (height - 4))))
            return []
        case .removeView(let name):
            return removeView(name)
        case let .badArgument(command, given):
            say(CommandLineScreen.badArgumentText(command, given: given, language), .error)
            return [.bell]
        case .unknown(let line):
            say(CommandLineScreen.unknownText(line, language), .error)
            return [.bell]
        }
    }
}
