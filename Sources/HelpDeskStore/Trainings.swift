import Foundation
import GRDB
import HelpDeskCore

/// Which training sessions a list shows: of one audience, held in one month, whose topic, place or
/// trainer contains a text; latest held first, a page at a time.
public struct TrainingFilter: Equatable, Sendable {
    public var type: TrainingType?
    /// Held in this month (Beijing): year and month.
    public var month: (year: Int, month: Int)?
    /// Contained in the topic, the place or the trainer (ASCII letters in any case).
    public var text: String?
    /// At most this many; `nil` for all.
    public var limit: Int?
    /// Skip this many first.
    public var offset: Int
    /// Start after this session in the list's order.
    public var after: Int64?

    public init(type: TrainingType? = nil, month: (year: Int, month: Int)? = nil, text: String? = nil, limit: Int? = nil,
                offset: Int = 0, after: Int64? = nil) {
        self.type = type
        self.month = month
        self.text = text
        self.limit = limit
        self.offset = offset
        self.after = after
    }

    public static func == (a: TrainingFilter, b: TrainingFilter) -> Bool {
        a.type == b.type && a.month?.year == b.month?.year && a.month?.month == b.month?.month && a.text == b.text
            && a.limit == b.limit && a.offset == b.offset && a.after == b.after
    }
}

/// A training session as lists show it: its work item (the topic is the title) and its detail.
public struct TrainingRecord: Equatable, Sendable {
    public var item: WorkItem
    public var detail: TrainingDetail

    public init(item: WorkItem, detail: TrainingDetail) {
        self.item = item
        self.detail = detail
    }
}

/// A page of training sessions: those of the page, how many the filter lets through, and the
/// `after` of the next page (`nil` on the last).
public struct TrainingPage: Equatable, Sendable {
    public var trainings: [TrainingRecord]
    public var total: Int
    public var nextAfter: Int64?
}

extension AppDatabase {
    // MARK: Training sessions

    /// Records a training session (培训) with its seven steps pending. The day it is held may lie
    /// ahead; `at` (when it is recorded) may not.
    @discardableResult
    public func addTraining(_ new: NewTraining, at: Date, _ ctx: Context) throws -> WorkItem {
        try checkNotFuture(at, ctx)
        let topic = try required(new.topic, "topic")
        let place = try required(new.place, "at-place")
        let trainer = try required(new.trainer, "trainer")
        try Self.checkText(place, .place)
        try Self.checkText(trainer, .trainer)
        return try writer.write { db in
            try Self.authorize(db, ctx, .write)
            var item = WorkItem(kind: .training, title: topic, takenBy: try Self.staffUsername(db, ctx.actor), receivedAt: at,
                                createdAt: ctx.now, createdBy: ctx.actor)
            try item.insert(db)
            let id = item.id!
            try db.execute(sql: "INSERT INTO training (item_id, type, place, trainer, held_on) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, new.type.rawValue, place, trainer, new.heldOn.description])
            try Self.record(db, id, at: at, ctx, event: .created, field: .trainingType, new: new.type.rawValue)
            try Self.record(db, id, at: at, ctx, event: .created, field: .heldOn, new: new.heldOn.description)
            try Self.record(db, id, at: at, ctx, event: .created, field: .place, new: place)
            try Self.record(db, id, at: at, ctx, event: .created, field: .trainer, new: trainer)
            return item
        }
    }

    /// Marks a step of a training done at `at`: in the tender's order, once, not before the step
    /// before it, the delivery not before the day the session is held, and not after the moment
    /// it is recorded (`TrainingRules`). A session is often entered days after it was held: its
    /// steps are dated when they happened, not checked against when the session was entered.
    @discardableResult
    public func markTrainingStep(_ id: Int64, _ step: TrainingStep, at: Date, expectedVersion: Int? = nil,
                                 _ ctx: Context) throws -> TrainingStepState {
        _ = try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .stepDone, entryWritten: true,
                       sinceEntry: false) { item, db in
            guard item.kind == .training else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aTraining) }
            let detail = try Self.trainingDetail(db, id)
            try Self.trainingRuled { () throws(TrainingRefusal) in
                try TrainingRules.checkStep(step, at: at, now: ctx.now, done: detail.done, heldOn: detail.heldOn)
            }
            try db.execute(sql: "INSERT INTO training_step (item_id, step, done_at, done_by) VALUES (?, ?, ?, ?)",
                           arguments: [id, step.rawValue, at.dbSeconds, ctx.actor])
            try Self.record(db, id, at: at, ctx, event: .stepDone, field: .step, new: step.rawValue)
        }
        return TrainingStepState(step: step, doneAt: at, doneBy: ctx.actor)
    }

    /// Records an attendee of a training, with the exam score when known. A name and office is
    /// recorded once a session (two of one name from two offices are two attendees).
    ///
    /// An attendee is a record of its own, added beside whatever was added meanwhile (two people
    /// entering one sign-in sheet), so no stale-edit check; a name and office once is checked in
    /// the write. Like the steps, the sign-in sheet is dated when the session was held.
    @discardableResult
    public func addAttendee(_ id: Int64, name: String, office: String, region: Region, score: Int? = nil, at: Date,
                            _ ctx: Context) throws -> Attendee {
        let attendee = try Self.trainingRuled { () throws(TrainingRefusal) in
            try TrainingRules.attendee(name: name, office: office, region: region, score: score)
        }
        _ = try change(id, at: at, expectedVersion: nil, ctx, event: .attended, entryWritten: true, sinceEntry: false) { item, db in
            guard item.kind == .training else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aTraining) }
            let present = try Self.trainingDetail(db, id).attendees
            try Self.trainingRuled { () throws(TrainingRefusal) in try TrainingRules.checkNewAttendee(attendee, among: present) }
            try Self.checkText(attendee.name, .attendeeName)
            try Self.checkText(attendee.office, .office)
            try db.execute(sql: "INSERT INTO training_attendee (item_id, name, office, region, score) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, attendee.name, attendee.office, attendee.region.rawValue, attendee.score])
            try Self.record(db, id, at: at, ctx, event: .attended, field: .attendee,
                            new: "\(attendee.name) (\(attendee.office), \(attendee.region.chineseName))")
            if let score = attendee.score {
                try Self.record(db, id, at: at, ctx, event: .scored, field: .score, new: "\(score)", note: attendee.name)
            }
        }
        return attendee
    }

    /// Records or corrects the exam score of an attendee of a training (history keeps the old one).
    /// The attendee is named, with the office when two share the name (`TrainingRules.attendee(named:…)`).
    @discardableResult
    public func setScore(_ id: Int64, name: String, office: String? = nil, score: Int, at: Date, expectedVersion: Int? = nil,
                         _ ctx: Context) throws -> Attendee {
        try Self.trainingRuled { () throws(TrainingRefusal) in try TrainingRules.checkScore(score) }
        var result: Attendee?
        _ = try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .scored, entryWritten: true, sinceEntry: false) { item, db in
            guard item.kind == .training else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aTraining) }
            let present = try Self.trainingDetail(db, id).attendees
            let old = try Self.trainingRuled { () throws(TrainingRefusal) in try TrainingRules.attendee(named: name, office: office, among: present) }
            try db.execute(sql: "UPDATE training_attendee SET score = ? WHERE item_id = ? AND name = ? AND office = ?",
                           arguments: [score, id, old.name, old.office])
            try Self.record(db, id, at: at, ctx, event: .scored, field: .score, old: old.score.map { "\($0)" }, new: "\(score)",
                            note: Self.attendeeNote(old, among: present))
            result = Attendee(name: old.name, office: old.office, region: old.region, score: score)
        }
        return result!
    }

    /// Corrects an attendee of a training: the name, office, region or score given replaces the old
    /// one, each change a history entry with its old and new value (the note names the attendee as
    /// they were). The attendee is named, with the office when two share the name; refused when
    /// nothing changes or the corrected name and office are another attendee's.
    @discardableResult
    public func editAttendee(_ id: Int64, name: String, office: String? = nil, _ correction: AttendeeCorrection, at: Date,
                             expectedVersion: Int? = nil, _ ctx: Context) throws -> Attendee {
        var result: Attendee?
        _ = try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .attendeeCorrected, entryWritten: true,
                       sinceEntry: false) { item, db in
            guard item.kind == .training else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aTraining) }
            let present = try Self.trainingDetail(db, id).attendees
            let (old, new) = try Self.trainingRuled { () throws(TrainingRefusal) in
                let old = try TrainingRules.attendee(named: name, office: office, among: present)
                return (old, try TrainingRules.corrected(old, by: correction, among: present))
            }
            try Self.checkText(new.name, .attendeeName)
            try Self.checkText(new.office, .office)
            try db.execute(sql: "UPDATE training_attendee SET name = ?, office = ?, region = ?, score = ? WHERE item_id = ? AND name = ? AND office = ?",
                           arguments: [new.name, new.office, new.region.rawValue, new.score, id, old.name, old.office])
            let note = Self.attendeeNote(old, among: present)
            let parts: [(HistoryField, String?, String?)] = [
                (.attendeeName, old.name, new.name), (.attendeeOffice, old.office, new.office),
                (.attendeeRegion, old.region.rawValue, new.region.rawValue),
                (.score, old.score.map { "\($0)" }, new.score.map { "\($0)" }),
            ]
            for (field, before, after) in parts where before != after {
                try Self.record(db, id, at: at, ctx, event: .attendeeCorrected, field: field, old: before, new: after, note: note)
            }
            result = new
        }
        return result!
    }

    /// How history names an attendee: the name, with the office when another attendee shares it.
    static func attendeeNote(_ attendee: Attendee, among: [Attendee]) -> String {
        among.filter({ $0.name == attendee.name }).count > 1 ? "\(attendee.name) (\(attendee.office))" : attendee.name
    }

    /// Records a material of a training: a file path or a link, each once.
    ///
    /// Like an attendee, a material is a record of its own: no stale-edit check.
    @discardableResult
    public func addMaterial(_ id: Int64, location: String, at: Date, _ ctx: Context) throws -> TrainingMaterial {
        let location = try Self.trainingRuled { () throws(TrainingRefusal) in try TrainingRules.material(location) }
        _ = try change(id, at: at, expectedVersion: nil, ctx, event: .materialAdded, entryWritten: true, sinceEntry: false) { item, db in
            guard item.kind == .training else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aTraining) }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM training_material WHERE item_id = ? AND location = ?)",
                                 arguments: [id, location]) == true {
                throw StoreError.invalid(TrainingRefusal.duplicateMaterial(location).said)
            }
            try Self.checkText(location, .location)
            try db.execute(sql: "INSERT INTO training_material (item_id, location, added_at, added_by) VALUES (?, ?, ?, ?)",
                           arguments: [id, location, at.dbSeconds, ctx.actor])
            try Self.record(db, id, at: at, ctx, event: .materialAdded, field: .material, new: location)
        }
        return TrainingMaterial(location: location, addedAt: at, addedBy: ctx.actor)
    }

    /// What the training rules give, or their refusal as invalid input.
    static func trainingRuled<T>(_ body: () throws(TrainingRefusal) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw StoreError.invalid(error.said)
        }
    }

    // MARK: Reads

    /// A training's audience, place, trainer, day, steps, attendees and materials.
    public func trainingDetail(_ id: Int64) throws -> TrainingDetail {
        try read { db in try Self.trainingDetail(db, id) }
    }

    static func trainingDetail(_ db: Database, _ id: Int64) throws -> TrainingDetail {
        guard let detail = try trainingDetails(db, [id])[id] else {
            if let item = try WorkItem.fetchOne(db, key: id) { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aTraining) }
            throw StoreError.notFound(id: id)
        }
        return detail
    }

    /// The details of several trainings at once (a page of the list), by item.
    public func trainingDetails(_ ids: [Int64]) throws -> [Int64: TrainingDetail] {
        try read { db in try Self.trainingDetails(db, ids) }
    }

    static func trainingDetails(_ db: Database, _ ids: [Int64]) throws -> [Int64: TrainingDetail] {
        guard !ids.isEmpty else { return [:] }
        let list = ids.map(String.init).joined(separator: ",")
        var steps: [Int64: [TrainingStep: (Date, String)]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM training_step WHERE item_id IN (\(list))") {
            let r = StoredRow(row, table: "training_step", key: "item_id")
            steps[try r.integer("item_id"), default: [:]][try r.code("step")] = (try r.instant("done_at"), try r.text("done_by"))
        }
        var attendees: [Int64: [Attendee]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM training_attendee WHERE item_id IN (\(list)) ORDER BY id") {
            let r = StoredRow(row, table: "training_attendee")
            let score = try r.optionalInteger("score")
            guard score.map({ (0...100).contains($0) }) ?? true else { throw r.unreadable("score", expected: "a score from 0 to 100") }
            attendees[try r.integer("item_id"), default: []].append(
                Attendee(name: try r.text("name"), office: try r.text("office"), region: try r.code("region"), score: score.map { Int($0) }))
        }
        var materials: [Int64: [TrainingMaterial]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM training_material WHERE item_id IN (\(list)) ORDER BY id") {
            let r = StoredRow(row, table: "training_material")
            materials[try r.integer("item_id"), default: []].append(
                TrainingMaterial(location: try r.text("location"), addedAt: try r.instant("added_at"), addedBy: try r.text("added_by")))
        }
        var details: [Int64: TrainingDetail] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM training WHERE item_id IN (\(list))") {
            let r = StoredRow(row, table: "training", key: "item_id")
            let id = try r.integer("item_id")
            guard let heldOn = CivilDate(isoAnyYear: try r.text("held_on")) else { throw r.unreadable("held_on", expected: "a date (2021-12-01)") }
            let done = steps[id] ?? [:]
            details[id] = TrainingDetail(
                itemId: id, type: try r.code("type"), place: try r.text("place"), trainer: try r.text("trainer"), heldOn: heldOn,
                steps: TrainingStep.allCases.map { TrainingStepState(step: $0, doneAt: done[$0]?.0, doneBy: done[$0]?.1) },
                attendees: attendees[id] ?? [], materials: materials[id] ?? [])
        }
        return details
    }

    /// Training sessions, latest held first (the latest recorded first on one day), with their
    /// details, a page at a time (`limit` with `offset` or `after`), and how many the filter lets through.
    public func trainings(_ filter: TrainingFilter) throws -> TrainingPage {
        try read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let type = filter.type {
                conditions.append("training.type = ?")
                arguments.append(type.rawValue)
            }
            if let (year, month) = filter.month {
                let prefix = String(format: "%04d-%02d-", year, month)
                conditions.append("training.held_on >= ? AND training.held_on < ?")
                arguments += [prefix + "00", prefix + "99"]
            }
            if let text = filter.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                conditions.append("(instr(lower(item.title), lower(?)) > 0 OR instr(lower(training.place), lower(?)) > 0 OR instr(lower(training.trainer), lower(?)) > 0)")
                arguments += [text, text, text]
            }
            let from = "FROM training JOIN item ON item.id = training.item_id"
            let filtered = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT count(*) \(from) \(filtered)", arguments: StatementArguments(arguments)) ?? 0
            var page = conditions
            var pageArguments = arguments
            if let after = filter.after {
                guard let heldOn = try String.fetchOne(db, sql: "SELECT held_on FROM training WHERE item_id = ?", arguments: [after]) else {
                    throw StoreError.invalid(Catalog.Store.Trainings.afterNotATraining(after))
                }
                page.append("(training.held_on < ? OR (training.held_on = ? AND training.item_id < ?))")
                pageArguments += [heldOn, heldOn, after]
            }
            let rows = try WorkItem.fetchAll(db, sql: """
                SELECT item.* \(from) \(page.isEmpty ? "" : "WHERE " + page.joined(separator: " AND "))
                ORDER BY training.held_on DESC, training.item_id DESC LIMIT ? OFFSET ?
                """, arguments: StatementArguments(pageArguments + [filter.limit.map { $0 + 1 } ?? -1, filter.offset]))
            // One more than the page, to know whether another page follows.
            let more = filter.limit.map { rows.count > $0 } ?? false
            let shown = filter.limit.map { Array(rows.prefix($0)) } ?? rows
            let details = try Self.trainingDetails(db, shown.compactMap(\.id))
            let records = shown.map { TrainingRecord(item: $0, detail: details[$0.id!]!) }
            return TrainingPage(trainings: records, total: total, nextAfter: more ? records.last?.item.id : nil)
        }
    }

    /// Where training `id` stands in the list `filter` makes (without its paging), or `nil` when
    /// the filter leaves it out.
    public func trainingPosition(of id: Int64, in filter: TrainingFilter) throws -> Int? {
        var all = filter
        (all.limit, all.offset, all.after) = (nil, 0, nil)
        return try trainings(all).trainings.firstIndex { $0.item.id == id }
    }
}

extension LocalizedText {
    public static let aTraining = Catalog.Store.aTraining
}
