import ConsoleCore
import Foundation
import HelpDeskCore
import HelpDeskStore

/// Carries out what the console asks of the store, and answers with what came of it (`Outcome`):
/// the reads that fill the screens and the forms' writes. No terminal, no clock, no words of its
/// own: the run loop gives it the operator, the time and the context, and hands the outcome to the
/// reducer, which says it in the console's language. The same unit runs on the run loop's
/// connection and on the background queue's.
struct ConsoleInterpreter: Sendable {
    let database: AppDatabase
    /// The database file, named when the file itself fails.
    let databasePath: String
    /// The console's language: a reply written once for several tickets is filled, for a ticket
    /// whose requesters have no language of their own, in it (as the template picker chose).
    var language: Language = .zh

    /// A read the console asked for, as `operatorName` sees the lists at `now` (the console's
    /// clock). `nil` for an effect that is not a read: a write, or the terminal's own.
    func load(_ effect: Effect, operator operatorName: String, now: Date) -> Outcome? {
        let db = database
        do {
            switch effect {
            case let .loadQueue(filter, offset, limit):
                let f = filter.itemFilter(operator: operatorName, now: now, offset: offset, limit: limit)
                // One snapshot; a search's count goes only as far as the page needs (`1000+`).
                let page = try db.page(f, countCap: QueuePage.countCap(offset: offset, limit: limit))
                return .loaded([.queueLoaded(QueuePage(items: page.items, offset: offset, total: page.total.value,
                                                       totalIsLowerBound: page.total.isLowerBound, filter: filter,
                                                       toConfirm: page.toConfirm))])
            case .loadFaults(let filter):
                let faults = try db.items(filter.itemFilter)
                return .loaded([.faultsLoaded(faults)])
            case .loadKPI:
                return .loaded([.kpiLoaded(try figures(at: now))])
            case let .loadFigureItems(figure, period):
                // A page, read from the indexes: tens of milliseconds even at a million items.
                let (entries, total) = try db.kpiItems(figure, period, now: now, limit: FigureItemsScreen.limit)
                return .loaded([.figureItemsLoaded(figure, period, entries, total: total)])
            case let .locate(id, filter):
                // A fault is on the board (all open faults are loaded); a ticket stands where the
                // queue's order puts it.
                if try db.item(id).kind == .fault { return .loaded([.located(id: id, pane: .faults, index: nil)]) }
                var f = filter.itemFilter(operator: operatorName, now: now, offset: 0, limit: 0)
                f.limit = nil
                return .loaded([.located(id: id, pane: .queue, index: try db.position(of: id, in: f))])
            case .loadDetail(let id):
                let (item, history) = try db.itemWithHistory(id)
                // The item shows even when what it has beyond its work item cannot be read.
                var found: [Action] = [.detailLoaded(item, history)]
                do {
                    found.append(.factsLoaded(id: id, try db.facts(of: item)))
                    found.append(.requestersOfItem(id: id, try db.requestersOfItem(id)))
                    found.append(.relationsLoaded(id: id, try links(of: id)))
                } catch {
                    found.append(.failed(describe(error)))
                }
                do {
                    found.append(.attachmentsLoaded(id: id, try db.attachments(of: .item(id)).map(Self.line)))
                } catch {
                    found.append(.failed(describe(error)))
                }
                return .loaded(found)
            case .loadAttachmentText(let id):
                let (info, data) = try db.attachmentContent(id)
                guard info.type == .text, let text = AttachmentText.decode(data) else {
                    return .failed(Catalog.Attachments.notText)
                }
                return .loaded([.attachmentTextLoaded(id: id, text: text)])
            case let .loadServices(kind, filter, offset, limit):
                return .loaded([.servicesLoaded(try services(kind, filter, offset: offset, limit: limit, operator: operatorName, now: now))])
            case let .locateService(id, kind, filter):
                return .loaded([.located(id: id, pane: .service(kind),
                                         index: try position(of: id, kind, filter, operator: operatorName, now: now))])
            case .loadDelivery(let id):
                return .loaded([.deliveryLoaded(try db.deliveryRecord(id))])
            case .loadInspections:
                return .loaded([try inspections()])
            case .loadInspection(let id):
                return .loaded([.inspectionLoaded(try db.inspection(id))])
            case .loadRequesterItems(let id):
                return .loaded([.requesterItemsLoaded(requester: id, try db.itemsOfRequester(id))])
            case let .lookUpRequesters(field, typed):
                return .loaded([.requestersMatched(field: field, typed: typed,
                                                   try db.requesterMatches(typed, limit: RequesterCompletion.limit))])
            case .loadSimilar(let id):
                return .loaded([.similarLoaded(id: id, try db.similarResolved(to: id, limit: Self.similarLimit))])
            case let .loadTemplates(item, use, desk):
                return .loaded([.templatesLoaded(use: use, try templateChoices(item, use, desk: desk, now: now))])
            case .checkWrite(let request):
                return .loaded([try check(request)])
            case .write, .writeEach, .editText, .bell, .redraw, .quit, .saveAttachment, .views:
                return nil
            }
        } catch {
            return .failed(describe(error))
        }
    }

    /// Whether a write that asks first may be done, by the same rules the store applies, and the
    /// title of what it goes into.
    func check(_ request: WriteRequest) throws -> Action {
        guard case let .merge(id, into, _) = request else { return .writeChecked(request, refusal: nil, title: "") }
        let item = try database.item(id), target = try database.item(into)
        return .writeChecked(request, refusal: MergeRules.refusal(item, into: target), title: target.title(in: language))
    }

    /// How many similar resolved tickets a ticket's details show.
    static let similarLimit = 5

    /// An attachment as the details list it.
    static func line(_ info: AttachmentInfo) -> AttachmentLine {
        AttachmentLine(id: info.id, name: info.name, size: info.size, type: info.type, addedBy: info.addedBy,
                       addedAt: info.addedAt, erased: info.erased != nil)
    }

    /// Writes an attachment's content to `path` (relative to `folder`; a folder: under the
    /// attachment's name), the same way `attach get` does: never over a file that exists unless
    /// `overwrite` (then it answers `.attachmentExists`, so the console asks), whole or not at all.
    func saveAttachment(_ id: Int64, to path: String, overwrite: Bool, in folder: String) -> Outcome {
        do {
            let (info, data) = try database.attachmentContent(id)
            var target = (path as NSString).expandingTildeInPath
            if !target.hasPrefix("/") { target = (folder as NSString).appendingPathComponent(target) }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue {
                target = (target as NSString).appendingPathComponent(info.name)
            }
            isFolder = false
            let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isFolder)
                || (try? FileManager.default.destinationOfSymbolicLink(atPath: target)) != nil
            if exists, !overwrite, !isFolder.boolValue { return .loaded([.attachmentExists(id: id, path: target)]) }
            let written = try AttachCommand.save(data, name: info.name, to: target, force: overwrite)
            return .loaded([.attachmentSaved(id: id, path: written)])
        } catch let error as UsageError {
            return .failed(error.text)
        } catch {
            return .failed(describe(error))
        }
    }

    /// The items related to `id`, the duplicates merged into it and its pauses, for its details.
    func links(of id: Int64) throws -> ItemRelations {
        let linked = { (r: RelatedItem) in RelatedEntry(id: r.id, kind: r.kind, status: r.status, title: r.title) }
        return ItemRelations(related: try database.relatedItems(of: id).map(linked), merged: try database.mergedItems(into: id).map(linked),
                         pauses: try database.pauses(of: id).map {
                             ItemRelations.Pause(from: $0.pausedAt, to: $0.resumedAt, reason: $0.reason, dueBefore: $0.dueBefore, dueAfter: $0.dueAfter)
                         })
    }

    /// This month's and this week's figures at `at`, with the twelve months up to this one.
    func figures(at: Date) throws -> KPISnapshot {
        let month = Period.month(containing: at), week = Period.week(containing: at)
        // The twelve months up to this one, oldest first, for the pane's trend.
        let months: [Period] = (0..<12).reversed().map { month.months(after: -$0) }
        let reports = try months.map { try database.kpiReport($0, now: at) }
        let lastMonths = reports.map(\.figures)
        return KPISnapshot(month: month, week: week, monthFigures: lastMonths.last ?? [],
                           weekFigures: try database.kpiReport(week, now: at).figures, lastMonths: lastMonths,
                           frozenThrough: reports.last(where: \.frozen)?.period)
    }

    /// Where each fault of the board stands on its escalation path.
    func standing(of faults: [WorkItem], policy: EscalationPolicy) -> Outcome {
        do {
            return .loaded([.escalationsLoaded(try database.escalationStanding(faults, policy: policy))])
        } catch {
            return .failed(describe(error))
        }
    }

    /// Carries out a write in `ctx` (the operator at the keyboard, the console's clock). The store
    /// refuses an edit made from a stale copy (`version`) and what the rules do not allow; SQLite
    /// undoes a write the file could not take.
    func write(_ request: WriteRequest, _ ctx: Context) -> Outcome {
        do {
            return .saved(try carryOut(request, ctx))
        } catch let error as StoreError {
            if case let .staleEdit(id, expected, current) = error {
                return .refused(.stale(id: id, expected: expected, current: current))
            }
            return .refused(.rule(LocalizedText(en: error.message(.en), zh: error.message(.zh))))
        } catch {
            // A full disk, a read-only or damaged file: said as the command line says it.
            guard let failure = StorageFailure(error) else { return .refused(.failed(.verbatim("\(error)"))) }
            return .refused(.failed(LocalizedText(en: failure.message(path: databasePath, .en),
                                                  zh: failure.message(path: databasePath, .zh))))
        }
    }

    /// The same write on several marked items, one transaction each, in order: a refused one
    /// changes nothing and the others go on. Answers what came of each.
    func writeEach(_ requests: [WriteRequest], _ ctx: Context) -> Outcome {
        var results: [SeveralResult] = []
        for request in requests {
            guard let id = request.targetID else { continue }
            switch write(request, ctx) {
            case .refused(let refusal): results.append(SeveralResult(id: id, refusal: refusal))
            case .failed(let text): results.append(SeveralResult(id: id, refusal: .failed(text)))
            case .saved, .loaded: results.append(SeveralResult(id: id))
            }
        }
        return .loaded([.severalDone(results)])
    }

    func carryOut(_ request: WriteRequest, _ ctx: Context) throws -> WriteOutcome {
        let db = database
        switch request {
        case .freeze(let period):
            let report = try db.freeze(period, ctx)
            return .frozen(period, missed: report.figures.filter { $0.met == false }.map(\.id))
        case let .addCase(new, at):
            return .created(id: try db.addCase(new, at: at, ctx).id ?? 0)
        case let .addFault(new, at):
            return .created(id: try db.addFault(new, at: at, ctx).id ?? 0)
        case let .addNote(id, text, template):
            return .saved(id: try db.addNote(id, text: text, template: template, at: ctx.now, ctx).itemId)
        case let .addMessage(id, text, channel):
            return .saved(id: try db.addMessage(id, text: text, channel: channel, at: ctx.now, ctx).itemId)
        case let .respond(id, note, version, template):
            // A reply written once for several tickets holds its template's placeholders: each
            // ticket's own are filled in, in its requester's language.
            let filled = try db.fillText(note, for: id, language: try db.preferredLanguage(ofItem: id, desk: language), now: ctx.now)
            return .saved(id: try db.respond(id, note: filled, template: template, at: ctx.now, expectedVersion: version, ctx).id ?? 0)
        case let .resolve(id, cause, solution, version):
            return .saved(id: try db.resolve(id, cause: cause, solution: solution, at: ctx.now, expectedVersion: version, ctx).id ?? 0)
        case let .restore(id, cause, solution, mode, version):
            return .saved(id: try db.restore(id, cause: cause, solution: solution, mode: mode, at: ctx.now,
                                             expectedVersion: version, ctx).id ?? 0)
        case let .raise(id, level, reason, version):
            return .saved(id: try db.raise(id, to: level, reason: reason, at: ctx.now, expectedVersion: version, ctx).id ?? 0)
        case let .assign(id, to, version):
            return .saved(id: try db.assign(id, to: to, at: ctx.now, expectedVersion: version, ctx).id ?? 0)
        case .acknowledge(let id):
            return .acknowledged(id: id, step: try db.acknowledge(id, at: ctx.now, ctx).step)
        case let .escalate(id, reason):
            return .escalated(id: id, step: try db.escalateManually(id, reason: reason, at: ctx.now, ctx).step)
        case let .assess(id, due, agreedWith, size, version):
            return .saved(id: try db.assess(id, due: due, agreedWith: agreedWith, size: size, at: ctx.now,
                                            expectedVersion: version, ctx).id ?? 0)
        case let .reopen(id, reason, version):
            return .saved(id: try db.reopen(id, reason: reason, at: ctx.now, expectedVersion: version, ctx).id ?? 0)
        case let .lower(id, level, reason, version):
            return .saved(id: try db.lower(id, to: level, reason: reason, at: ctx.now, expectedVersion: version, ctx).id ?? 0)
        case let .addTask(new, at):
            return .created(id: try db.addTask(new, at: at, ctx).id ?? 0)
        case let .completeTask(id, cause, solution, version):
            try db.completeTask(id, cause: cause, solution: solution, at: ctx.now, expectedVersion: version, ctx)
            return .completed(id: id)
        case let .markErroneous(id, note, version):
            try db.markTaskErroneous(id, note: note, at: ctx.now, expectedVersion: version, ctx)
            return .markedErroneous(id: id)
        case let .addChange(new, at):
            return .created(id: try db.addChange(new, at: at, ctx).id ?? 0)
        case let .advance(id, to, signedBy, release, version):
            let advance = try db.advanceChange(id, signedBy: signedBy, release: release, to: to, at: ctx.now,
                                               expectedVersion: version, ctx)
            return .advanced(id: id, stage: advance.stage, delivery: advance.deliveryId, reprocessingTask: advance.reprocessingTask)
        case let .testRound(id, result, note, version):
            let round = try db.recordTestRound(id, result: result, note: note, at: ctx.now, expectedVersion: version, ctx)
            return .testRound(id: id, number: round.number, result: round.result)
        case let .addDefect(delivery, title, description, at):
            return .defectRecorded(defect: try db.addDefect(delivery: delivery, title: title, description: description, at: at, ctx),
                                   delivery: delivery)
        case let .addTraining(new, at):
            return .created(id: try db.addTraining(new, at: at, ctx).id ?? 0)
        case let .trainingStep(id, step, at, version):
            try db.markTrainingStep(id, step, at: at, expectedVersion: version, ctx)
            return .trainingStepDone(id: id, step: step)
        case let .addAttendee(id, name, office, region, score, _):
            // No stale-edit check: an attendee (and a material) is a record of its own (the store's rule).
            let attendee = try db.addAttendee(id, name: name, office: office, region: region, score: score, at: ctx.now, ctx)
            return .attendeeRecorded(id: id, name: attendee.name)
        case let .setScore(id, attendee, score, version):
            let name = attendee.name
            try db.setScore(id, name: name, office: attendee.office, score: score, at: ctx.now, expectedVersion: version, ctx)
            return .scored(id: id, name: name, score: score)
        case let .editAttendee(id, chosen, correction, version):
            let attendee = try db.editAttendee(id, name: chosen.name, office: chosen.office, correction, at: ctx.now, expectedVersion: version, ctx)
            return .attendeeCorrected(id: id, name: attendee.name)
        case let .addMaterial(id, location, _):
            try db.addMaterial(id, location: location, at: ctx.now, ctx)
            return .materialRecorded(id: id)
        case .addInspection(let new):
            return try recordInspection(new, ctx)
        case let .correctCase(id, correction, version):
            let corrected = try db.correctCase(id, correction, at: ctx.now, expectedVersion: version, ctx)
            return .corrected(id: id, due: corrected.deadline?.due)
        case let .pause(id, reason, version):
            return .saved(id: try db.pause(id, reason: reason, at: ctx.now, expectedVersion: version, ctx).id ?? 0)
        case let .resume(id, version):
            return .saved(id: try db.resume(id, at: ctx.now, expectedVersion: version, ctx).id ?? 0)
        case let .link(id, other):
            try db.relate(id, other, at: ctx.now, ctx)
            return .saved(id: id)
        case let .merge(id, into, version):
            try db.merge(id, into: into, at: ctx.now, expectedVersion: version, ctx)
            return .merged(id: id, into: into)
        case let .unlink(id, other):
            try db.unrelate(id, other, at: ctx.now, ctx)
            return .saved(id: id)
        }
    }

    /// Carries out what the console asks of the operator's views in `ctx`: a read, or a write of
    /// their own state (refused to someone not on the staff list). A saved or removed view answers
    /// with the views as they now are; a list's state kept answers with nothing.
    func views(_ request: ViewRequest, _ ctx: Context) -> Outcome {
        let db = database
        do {
            switch request {
            case .load:
                return .loaded([.viewsLoaded(try db.views(of: ctx.actor), last: try db.lastViews(of: ctx.actor))])
            case let .save(name, pane, settings):
                let kept = try db.saveView(name, pane: pane, settings, ctx)
                return .loaded([.viewsLoaded(try db.views(of: ctx.actor), last: nil), .viewChanged(.saved(name: kept, pane: pane))])
            case .remove(let name):
                try db.removeView(name, ctx)
                return .loaded([.viewsLoaded(try db.views(of: ctx.actor), last: nil), .viewChanged(.removed(name))])
            case let .remember(pane, settings):
                try db.rememberView(pane, settings, ctx)
                return .loaded([])
            }
        } catch let error as StoreError {
            return .refused(.rule(LocalizedText(en: error.message(.en), zh: error.message(.zh))))
        } catch {
            return .failed(describe(error))
        }
    }

    /// An error of a read, in both languages: the store's reason, or the file's failure naming it.
    func describe(_ error: any Error) -> LocalizedText {
        if let failure = StorageFailure(error) {
            return LocalizedText(en: failure.message(path: databasePath, .en), zh: failure.message(path: databasePath, .zh))
        }
        return LocalizedText(en: HelpDesk.describe(error, .en).0, zh: HelpDesk.describe(error, .zh).0)
    }
}

extension ConsoleInterpreter {
    /// The active templates of `use` filled for `item`: those with a text in the requester's
    /// language (the directory's, else `desk`) first, each in that language when it has it.
    func templateChoices(_ item: Int64, _ use: TemplateUse, desk: Language, now: Date) throws -> [TemplateChoice] {
        let db = database
        let lang = try db.preferredLanguage(ofItem: item, desk: desk)
        let all = try db.templates(use: use)
        let ordered = all.filter { $0.body(in: lang) != nil } + all.filter { $0.body(in: lang) == nil }
        return try ordered.map { t in
            let filled = try db.fillTemplate(t.id!, for: item, use: use, language: lang, now: now)
            return TemplateChoice(id: t.id!, title: t.title, text: filled.text, body: t.body(preferring: lang)?.0,
                                  unfilled: filled.unfilled, language: filled.language)
        }
    }
}
