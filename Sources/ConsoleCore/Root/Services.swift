import HelpDeskCore

/// The tasks, the changes and the trainings, as the root shows them: going to them and back to the desk, handing
/// them keys and what the store sends, and what they ask for.
extension ConsoleState {
    /// Shows `pane`; the tasks or the changes are read afresh. A screen beside the desk is gone
    /// into from the desk (`go(to:)`).
    mutating func show(_ pane: Pane) -> [Effect] {
        go(to: pane)
        if pane == .inspections { return [.loadInspections] }
        guard let kind = pane.serviceKind else { return [] }
        return apply(list(kind).load(around: list(kind).window.selection), kind)
    }

    /// The pane `step` places on in its group: the desk's three, or the tasks and the changes.
    func neighbour(_ step: Int) -> Pane {
        let group = focus.isDesk ? Pane.desk : Pane.services
        let i = group.firstIndex(of: focus) ?? 0
        return group[(i + step + group.count) % group.count]
    }

    /// The list of `kind`.
    func list(_ kind: ServiceKind) -> ServiceListScreen.State {
        switch kind {
        case .task: return tasks
        case .change: return changes
        case .training: return trainings
        }
    }

    /// Hands an action to the list of `kind` and carries out what it asks.
    mutating func reduceService(_ kind: ServiceKind, _ action: ServiceListScreen.Action) -> [Effect] {
        let effects: [ServiceListScreen.Effect]
        switch kind {
        case .task: effects = TasksScreen.reduce(&tasks, action)
        case .change: effects = ChangesScreen.reduce(&changes, action)
        case .training: effects = TrainingsScreen.reduce(&trainings, action)
        }
        return effects.flatMap { apply($0, kind) }
    }

    mutating func apply(_ effect: ServiceListScreen.Effect, _ kind: ServiceKind) -> [Effect] {
        switch effect {
        case let .load(filter, offset, limit):
            return [.loadServices(kind, filter, offset: offset, limit: limit)]
        case .open(let id):
            enter(.detail(Detail(id: id, item: list(kind).selected)))
            return [.loadDetail(id)]
        case .run(let command):
            return run(command)
        case .back:
            return back()
        case .notHere:
            switch kind {
            case .training:
                say(Catalog.Console.Refusal.trainingFilters(language), .error)
            case .task, .change:
                say(Catalog.Console.Refusal.serviceFilters(language), .error)
            }
            return [.bell]
        }
    }

    /// A change of filters from a key, the command line or the search: the focused list's. The
    /// service levels have none: said, and nothing changes.
    mutating func applyFilter(_ change: QueueFilter.Change) -> [Effect] {
        switch focus {
        case .service(let kind): return reduceService(kind, .filter(change))
        case .queue: return reduceQueue(.filter(change))
        case .faults:
            var refused = false
            let effects = filterBoard { refused = !$0.apply(change) }
            guard refused else { return effects }
            say(Catalog.ConsoleNavigation.boardFilters(language), .error)
            return [.bell]
        case .kpi, .inspections:
            say(Catalog.ConsoleNavigation.noFilters(paneName(focus))(language), .error)
            return [.bell]
        }
    }

    /// Changes the board's filters; the board is read again through them, its selection at the top.
    mutating func filterBoard(_ change: (inout BoardFilter) -> Void) -> [Effect] {
        var filter = board.filter
        change(&filter)
        guard filter != board.filter else { return [] }
        board.filter = filter
        board.selection = 0
        return [.loadFaults(filter)]
    }

    /// The search the `/` prompt opens with: the focused list's.
    var focusedSearch: String {
        switch focus {
        case .service(let kind): return list(kind).filter.search
        case .faults: return board.filter.search
        case .queue, .kpi, .inspections: return queue.filter.search
        }
    }

    /// What the item the action keys act on has beyond itself, when it is a task or a change: from
    /// its details when they are open, else from the list's window.
    var targetFacts: ServiceFacts? {
        if case .detail(let d) = mode { return d.facts }
        guard let kind = focus.serviceKind, let id = actionTarget?.id else { return nil }
        return list(kind).facts[id]
    }

    /// Shows the delivery of the released change the action keys act on, in place of its details.
    mutating func showDelivery() -> [Effect] {
        guard let item = actionTarget, let id = item.id, let delivery = targetFacts?.change?.deliveryId else {
            say(Catalog.Console.Refusal.noDelivery(language), .error)
            return [.bell]
        }
        if case .detail(var d) = mode {
            d.delivery = DeliveryScreen.State(id: delivery)
            mode = .detail(d)
            return [.loadDelivery(delivery)]
        }
        enter(.detail(Detail(id: id, item: item, delivery: DeliveryScreen.State(id: delivery))))
        return [.loadDetail(id), .loadDelivery(delivery)]
    }

    /// Opens the form for a defect of the delivery on screen, or of the released change's.
    mutating func openDefectForm() -> [Effect] {
        var delivery = targetFacts?.change?.deliveryId
        if case .detail(let d) = mode, let shown = d.delivery?.id { delivery = shown }
        guard let delivery else {
            say(Catalog.Console.Refusal.defectsOnDeliveries(language), .error)

            return [.bell]
        }
        openForm(.addDefect(delivery: delivery, language, formClock))
        return []
    }

    /// Changes the open details (or those behind a form): an item, its facts, its delivery arrived.
    mutating func updateDetail(_ change: (inout Detail) -> Void) {
        switch mode {
        case .detail(var d):
            change(&d)
            mode = .detail(d)
        case .form(let form, var back?):
            change(&back)
            mode = .form(form, returnTo: back)
        default:
            break
        }
    }
}
