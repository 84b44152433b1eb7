import HelpDeskCore

/// The action keys, on the selected item or the one in the detail: two write at once (take,
/// acknowledge); the others open the form each is defined with, or say why not.
extension ConsoleState {
    /// Takes the item, or acknowledges the fault's waiting step.
    mutating func act(_ command: Command) -> [Effect] {
        switch command {
        case .take:
            if mode == .normal, let all = takeMarked() { return all }
            guard let item = activeTarget() else { return [.bell] }
            return [.write(.assign(id: item.id!, to: operatorName, version: item.version))]
        case .acknowledge:
            guard let item = actionTarget, item.kind == .fault, let id = item.id else {
                say(Catalog.Console.Refusal.selectFault(language), .error)
                return [.bell]
            }
            guard board.escalations[id]?.unacknowledged ?? true else {
                say(Catalog.Console.Refusal.nothingToAcknowledge(id)(language), .error)

                return [.bell]
            }
            return [.write(.acknowledge(id: id))]
        case .resume:
            // The store says why not when it does not wait.
            guard let item = actionTarget, let id = item.id else { return nothingSelected() }
            return [.write(.resume(id: id, version: item.version))]
        default:
            return []
        }
    }

    /// Opens the form `command` stands for on the action target, or says why it does not open.
    mutating func openForm(_ command: Command) -> [Effect] {
        if mode == .normal, let all = openFormOnMarked(command) { return all }
        guard let item = actionTarget else { return nothingSelected() }
        switch Form.opening(command, on: item, formContext) {
        case .open(let form)?:
            openForm(form)
            return []
        case .refused(let why)?:
            say(why, .error)
            return [.bell]
        case nil:
            return []
        }
    }

    /// Opens the reply (`r`) on the item with `text` in its note, to be edited before it is sent;
    /// refused as `r` would be.
    mutating func openReply(with text: String) -> [Effect] {
        guard let item = actionTarget else { return nothingSelected() }
        switch Form.opening(.respond, on: item, formContext) {
        case .open(var form)?:
            form.prefill(.note, text)
            openForm(form)
            return []
        case .refused(let why)?:
            say(why, .error)
            return [.bell]
        case nil:
            return []
        }
    }

    /// Shows `form`, over the detail when one is open (it returns there).
    mutating func openForm(_ form: Form) {
        if case .detail(let d) = mode {
            mode = .form(form, returnTo: d)
        } else {
            mode = .form(form, returnTo: nil)
        }
    }

    /// An action key on an empty list: said.
    mutating func nothingSelected() -> [Effect] {
        say(Catalog.ConsoleNavigation.nothingSelected(language), .error)
        return [.bell]
    }

    /// Now and the business hours, for a form that reads times.
    var formClock: Form.Clock {
        Form.Clock(now: now, closing: calendar?.hours.closing ?? 18 * 3600)
    }

    var formContext: FormContext {
        FormContext(language: language, clock: formClock, role: operatorRole, staff: staff, escalations: board.escalations,
                    facts: targetFacts)
    }

    /// The action target when it is still open; otherwise says why not.
    mutating func activeTarget() -> WorkItem? {
        guard let item = actionTarget else {
            _ = nothingSelected()
            return nil
        }
        guard item.status != .closed else {
            say(Form.closedText(item, language), .error)
            return nil
        }
        return item
    }
}
