import Foundation
import HelpDeskCore

extension ConsoleState {
    /// The effects that fill a fresh console.
    public func startEffects() -> [Effect] {
        [Effect(queue.loadAround(queue.selection)), .loadFaults(board.filter), .loadKPI, .views(.load)]
    }

    /// Applies an action and returns the work to carry out. Keys go to the screen on top
    /// (`Overlays.swift`); what arrives from the store goes to the screen it belongs to.
    public mutating func reduce(_ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return act(key)
        case .tick(let t):
            now = t
            if let s = status, s.until <= t { status = nil }
            let kept = rememberChangedViews()
            if case let .form(form, back) = mode { return reduceForm(form, back, .tick(t)) + kept }
            return kept
        case let .resize(w, h):
            width = w
            height = h
            return []
        case .queueLoaded(let page):
            return reduceQueue(.pageLoaded(page))
        case .faultsLoaded(let items):
            BoardScreen.reduce(&board, .loaded(items, preferring: pendingSelection ?? followedSelection))
            if let id = pendingSelection, board.selected?.id == id { pendingSelection = nil }
            if let id = followedSelection, board.selected?.id == id { followedSelection = nil }
            return []
        case let .located(id, pane, index) where followedSelection == id && pendingSelection != id:
            // A changed item: selected where it now stands, or left as it is if it left the list.
            followedSelection = nil
            guard let index else { return [] }
            if let kind = pane.serviceKind { return reduceService(kind, .select(index)) }
            if pane == .faults {
                BoardScreen.reduce(&board, .select(id: id))
                return []
            }
            return pane == focus ? reduceQueue(.select(index)) : []
        case let .located(id, pane, index):
            if let kind = pane.serviceKind {
                guard pendingSelection == id else { return [] }
                pendingSelection = nil
                guard let index else { return hiddenByFilters(id) }
                return reduceService(kind, .select(index))
            }
            if pane == .faults {
                if mode == .normal { go(to: .faults) } else { focus = .faults }
                BoardScreen.reduce(&board, .select(id: id))
                if pendingSelection == id { pendingSelection = nil }
                return []
            }
            guard pendingSelection == id else { return [] }
            pendingSelection = nil
            guard let index else { return hiddenByFilters(id) }
            if focus != .queue { if mode == .normal { go(to: .queue) } else { focus = .queue } }
            return reduceQueue(.select(index))
        case .escalationsLoaded(let e):
            BoardScreen.reduce(&board, .escalationsLoaded(e))
            return []
        case .notice(let text):
            say(text, .notice, seconds: 60)
            return bellOnNotice ? [.bell] : []
        case .kpiLoaded(let k):
            ServiceLevelsScreen.reduce(&serviceLevels, .loaded(k))
            return []
        case let .figureItemsLoaded(figure, period, entries, total):
            // Dropped when the list on screen is another's, or closed.
            guard case .figureItems(var list) = mode, list.figure == figure, list.period == period else { return [] }
            (list.entries, list.total, list.loaded) = (entries, total, true)
            list.selection = min(list.selection, max(0, entries.count - 1))
            mode = .figureItems(list)
            return []
        case let .detailLoaded(item, history):
            var shown = false
            updateDetail {
                _ = DetailScreen.reduce(&$0, .loaded(item, history))
                shown = $0.id == item.id
            }
            // A ticket's closest resolved ones follow from the background, each time it is read.
            guard shown, let id = item.id, SimilarText.kinds.contains(item.kind) else { return [] }
            return [.loadSimilar(id)]
        case let .factsLoaded(id, facts):
            updateDetail { _ = DetailScreen.reduce(&$0, .factsLoaded(id: id, facts)) }
            return []
        case let .relationsLoaded(id, links):
            updateDetail { _ = DetailScreen.reduce(&$0, .relationsLoaded(id: id, links)) }
            return []
        case let .similarLoaded(id, found):
            updateDetail { _ = DetailScreen.reduce(&$0, .similarLoaded(id: id, found)) }
            return []
        case .deliveryLoaded(let record):
            updateDetail { _ = DetailScreen.reduce(&$0, .deliveryLoaded(record)) }
            return []
        case let .inspectionsLoaded(summaries, total):
            InspectionsScreen.loaded(&inspections, summaries, total: total)
            return []
        case .inspectionLoaded(let record):
            guard case .inspection(var shown) = mode else { return [] }
            InspectionScreen.loaded(&shown, record)
            mode = .inspection(shown)
            return []
        case .servicesLoaded(let page):
            return reduceService(page.kind, .loaded(page))
        case .staffLoaded(let s):
            staff = s
            return []
        case .calendarLoaded(let c):
            calendar = c
            return []
        case .dataChanged:
            return reloadAll()
        case let .viewsLoaded(saved, last):
            return viewsLoaded(saved, last: last)
        case .viewChanged(let change):
            viewChanged(change)
            return []
        case .saved(let outcome):
            var creates: ServiceKind?
            if case .form(let form, let back) = mode.underlying {
                creates = form.purpose.creates
                mode = back.map { .detail($0) } ?? .normal
            }
            say(outcome.text(language), .info)
            guard let id = outcome.id else { return reloadAll() }
            guard outcome.created else {
                // The changed item stays selected wherever the change moved it in the list shown.
                followedSelection = id
                if let kind = focus.serviceKind {
                    return reloadAll() + [.locateService(id: id, kind: kind, filter: list(kind).filter)]
                }
                return focus == .queue ? reloadAll() + [.locate(id: id, filter: queue.filter)] : reloadAll()
            }
            if let kind = creates {
                // A new task or change is selected in its own list, which comes into view.
                pendingSelection = id
                if focus != .service(kind) { _ = show(.service(kind)) }
                return reloadAll() + [.locateService(id: id, kind: kind, filter: list(kind).filter)]
            }
            // Select the new item: a fault on the board (found when the board reloads), a ticket
            // wherever the queue's order puts it.
            pendingSelection = id
            return reloadAll() + [.locate(id: id, filter: queue.filter)]
        case .refused(let refusal):
            let message = refusal.text(language)
            say(message, .error)
            guard case let .stale(id, _, current) = refusal else { return [.bell] }
            if case .form(var form, _) = mode, form.purpose.target?.id == id {
                // Keep what was typed; show the newer version behind the form; the next save builds on it.
                // A form whose meaning was the old state (a change's next stage) closes instead:
                // saving it again would do something the operator never saw.
                guard form.rebase(to: current) else {
                    say(message + WriteRefusal.formClosed(language), .error)
                    mode = .detail(Detail(id: id))
                    return [.bell, .loadDetail(id)] + reloadAll()
                }
                mode = .form(form, returnTo: Detail(id: id))
                return [.bell] + reloadAll()
            }
            return [.bell] + reloadAll()
        case let .edited(index, result):
            guard case let .form(form, back) = mode else { return [] }
            return reduceForm(form, back, .edited(field: index, result))
        case let .requestersMatched(field, typed, matches):
            guard case .form(var form, let back) = mode else { return [] }
            form.requestersMatched(field: field, typed: typed, matches)
            mode = .form(form, returnTo: back)
            return []
        case let .writeChecked(request, refusal, title):
            guard case .form(var form, let back) = mode, form.checking == request else { return [] }
            form.checking = nil
            defer { mode = .form(form, returnTo: back) }
            if let refusal {
                say(refusal(language), .error)
                return [.bell]
            }
            form.pendingSave = PendingSave.question(for: request, targets: form.targetCount, title: title)
                .map { PendingSave(request: request, question: $0) }
            return []
        case let .templatesLoaded(use, choices):
            guard case .form(var form, let back) = mode else { return [] }
            form.templatesLoaded(use: use, choices)
            mode = .form(form, returnTo: back)
            return []
        case let .requesterItemsLoaded(id, items):
            guard case .requesterItems(var list) = mode else { return [] }
            RequesterItemsScreen.loaded(&list, requester: id, items)
            mode = .requesterItems(list)
            return []
        case let .requestersOfItem(id, requesters):
            updateDetail { if $0.id == id { $0.requesters = requesters } }
            return []
        case let .attachmentsLoaded(id, lines):
            updateDetail { _ = DetailScreen.reduce(&$0, .attachmentsLoaded(id: id, lines)) }
            return []
        case let .attachmentTextLoaded(id, text):
            guard case .attachmentText(var shown) = mode, shown.id == id else { return [] }
            shown.text = text
            mode = .attachmentText(shown)
            return []
        case let .attachmentSaved(id, path):
            say(Catalog.Attachments.saved(id, to: path)(language), .info)
            return []
        case let .attachmentExists(id, path):
            updateDetail { _ = DetailScreen.reduce(&$0, .attachmentExists(id: id, path: path)) }
            return []
        case .severalDone(let results):
            return severalDone(results)
        case .failed(let reason):
            if case .attachmentText(let shown) = mode, shown.text == nil { _ = back() }
            if case .detail(let d) = mode, d.item == nil { _ = back() }
            say(reason.text(language), .error)
            return [.bell]
        }
    }

    /// Says that the item just saved is not in the list its filters make.
    mutating func hiddenByFilters(_ id: Int64) -> [Effect] {
        say(WriteOutcome.hiddenByFilters(id, language), .info)
        return []
    }

    mutating func say(_ text: String, _ kind: StatusMessage.Kind, seconds: Double = 6) {
        status = StatusMessage(text: text, kind: kind, until: now.addingTimeInterval(seconds))
        statusSaid += 1
    }

    /// A key's action. The status line keeps a message only until the next action: one that goes
    /// through (it changes what is shown or asks for work) without a message of its own clears
    /// it; one refused (a bell), or a key that does nothing, leaves it, so an error stays until
    /// something is done.
    mutating func act(_ key: Key) -> [Effect] {
        let before = self
        let effects = handle(key)
        if statusSaid == before.statusSaid, !effects.contains(.bell), !effects.isEmpty || self != before { status = nil }
        return effects
    }

    /// Hands an action to the queue and its requests to the run loop.
    mutating func reduceQueue(_ action: QueueScreen.Action) -> [Effect] {
        return QueueScreen.reduce(&queue, action).map(Effect.init)
    }

    /// Everything on screen, loaded again: the queue's page, the board, the figures, the list of tasks
    /// or changes in view, the open item and its delivery.
    func reloadAll() -> [Effect] {
        var effects: [Effect] = [Effect(queue.reload), .loadFaults(board.filter), .loadKPI]
        if let kind = focus.serviceKind, case let .load(filter, offset, limit) = list(kind).reload {
            effects.append(.loadServices(kind, filter, offset: offset, limit: limit))
        }
        if focus == .inspections { effects.append(.loadInspections) }
        if case .inspection(let shown) = mode { effects.append(.loadInspection(shown.id)) }
        if case .requesterItems(let list) = mode, let id = list.requester.id { effects.append(.loadRequesterItems(id)) }
        var detail: Detail?
        switch mode.underlying {
        case .detail(let d): detail = d
        case .form(_, let back?): detail = back
        default: break
        }
        if let detail { effects.append(.loadDetail(detail.id)) }
        if let delivery = detail?.delivery { effects.append(.loadDelivery(delivery.id)) }
        return effects
    }
}
