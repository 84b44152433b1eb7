import Foundation
import GRDB
import HelpDeskCore

/// What recording an inspection did.
public struct InspectionOutcome: Equatable, Sendable {
    public var id: Int64
    /// The faults and tasks its readings opened, in reading order.
    public var opened: [Int64]
    /// The items still open for the same check and target that readings were linked to instead.
    public var linked: [Int64]
    /// The readings whose target is not in the inventory: their index and target.
    public var unknownTargets: [(index: Int, target: String)]
    /// The inspection whose file this one imported again (`ImportedFile.again`).
    public var againOf: Int64?
    /// The newest inspection of the same kind, when it was made after this one.
    public var newerOfKind: (id: Int64, at: Date)?

    public static func == (a: InspectionOutcome, b: InspectionOutcome) -> Bool {
        a.id == b.id && a.opened == b.opened && a.linked == b.linked
            && a.unknownTargets.map(\.index) == b.unknownTargets.map(\.index)
            && a.againOf == b.againOf && a.newerOfKind?.id == b.newerOfKind?.id
    }
}

/// The file an inspection is imported from: its bytes' SHA-256 (hex), and whether a file imported
/// before may be imported again.
public struct ImportedFile: Equatable, Sendable {
    public var sha256: String
    public var again: Bool

    public init(sha256: String, again: Bool = false) {
        self.sha256 = sha256
        self.again = again
    }
}

/// A file whose bytes were imported before, refused (without `again`): the inspection it became.
public struct ImportedBefore: Error, Equatable, CustomStringConvertible {
    public var inspection: Int64
    public var at: Date

    public var description: String { "imported before as inspection \(inspection)" }
}

extension InspectionFinding {
    /// How `inspection_reading.finding` stores it.
    var code: String {
        switch self {
        case .fault(let level): return "fault\(level.rawValue)"
        case .task: return "task"
        }
    }

    init?(code: String) {
        if code == "task" { self = .task; return }
        guard code.hasPrefix("fault"), let n = Int(code.dropFirst(5)), let level = FaultLevel(rawValue: n) else { return nil }
        self = .fault(level)
    }
}

extension AppDatabase {
    // MARK: Inspections

    /// Records an inspection whole, or nothing: each reading is kept with whether its target is in
    /// the inventory; one over its threshold (`ctx.inspection`) opens a fault or a task through the
    /// same path as reporting or taking one in (deadline, history, escalation steps), unless an item
    /// opened for the same check and target is still open — then the reading is linked to it.
    ///
    /// Faults an inspection opens are of the province's own system: region 省直属. Tasks are due by
    /// the general-question rule from the inspection's time.
    ///
    /// An imported `file` whose bytes were imported before is refused (`ImportedBefore`, nothing
    /// stored) unless `file.again`: then the inspection and the history entries of its readings
    /// name the inspection it repeats. The outcome names the newest inspection of the same kind
    /// when it was made after this one.
    @discardableResult
    public func recordInspection(_ given: NewInspection, source: InspectionSource, file: ImportedFile? = nil,
                                 _ ctx: Context) throws -> InspectionOutcome {
        do { try InspectionRules.validate(given) } catch { throw StoreError.invalid(error.said) }
        // A visit's region is kept by its Chinese name, however it was given (`yushu`, `玉树`).
        var new = given
        for i in new.readings.indices where new.readings[i].check == .visit {
            if let region = Region.parse(new.readings[i].target) { new.readings[i].target = region.chineseName }
        }
        try Self.checkText(new.inspector, .inspector)
        for reading in new.readings {
            try Self.checkText(reading.target, .target)
            try Self.checkText(reading.value.text, .readingText)
        }
        if new.at > ctx.now {
            throw StoreError.invalid(Catalog.Store.Inspections.inTheFuture(new.at, now: ctx.now))
        }
        return try writer.write { db in
            try Self.authorize(db, ctx, .write)
            let inventory = try Self.inventory(db)
            var againOf: Int64?
            if let file, let first = try Row.fetchOne(db, sql: """
                SELECT id, at FROM inspection WHERE content_sha256 = ? ORDER BY id LIMIT 1
                """, arguments: [file.sha256]) {
                let r = StoredRow(first, table: "inspection")
                guard file.again else { throw ImportedBefore(inspection: try r.integer("id"), at: try r.instant("at")) }
                againOf = try r.integer("id")
            }
            let newer = try Row.fetchOne(db, sql: """
                SELECT id, at FROM inspection WHERE kind = ? AND at > ? ORDER BY at DESC, id DESC LIMIT 1
                """, arguments: [new.kind.rawValue, new.at.dbSeconds]).map { row in
                let r = StoredRow(row, table: "inspection")
                return (id: try r.integer("id"), at: try r.instant("at"))
            }
            try db.execute(sql: """
                INSERT INTO inspection (at, inspector, kind, source, recorded_at, recorded_by, content_sha256, again_of)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [new.at.dbSeconds, new.inspector, new.kind.rawValue, source.rawValue, ctx.now.dbSeconds, ctx.actor,
                                 file?.sha256, againOf])
            let id = db.lastInsertedRowID
            var outcome = InspectionOutcome(id: id, opened: [], linked: [], unknownTargets: [], againOf: againOf, newerOfKind: newer)
            let rules = DeadlineRules(calendar: try Self.calendar(db))
            for (number, reading) in new.readings.enumerated() {
                let known = InspectionRules.isKnown(reading, in: inventory)
                if !known { outcome.unknownTargets.append((number, reading.target)) }
                let finding = InspectionRules.finding(reading, ctx.inspection)
                var itemId: Int64?
                var opened = false
                let note = SystemNote.inspectionReading(check: reading.check, target: reading.target, value: reading.value.display,
                                                        again: againOf)
                if let finding {
                    if let open = try Self.openItem(db, for: reading) {
                        itemId = open
                        try Self.record(db, open, at: new.at, ctx, event: .inspectionLinked, field: .inspection, new: "\(id)", systemNote: note)
                        if !outcome.linked.contains(open) { outcome.linked.append(open) }
                    } else {
                        // Stored as what was found: said in the reader's language; the columns hold the Chinese words.
                        let text = SystemItemText.inspectionFinding(check: reading.check, target: reading.target,
                                                                    value: reading.value.display, inspection: id, inspector: new.inspector)
                        let title = text.title.zh, description = text.description.zh
                        let item: WorkItem
                        switch finding {
                        case .fault(let level):
                            item = try Self.insertFault(db, NewFault(level: level, region: .shengzhishu, title: title, description: description),
                                                        title: title, at: new.at, systemText: text, ctx)
                        case .task:
                            item = try Self.insertTask(db, title: title, description: description,
                                                       due: rules.general(receivedAt: new.at).due, assignee: nil, source: nil,
                                                       sourceMustBe: .aTask, at: new.at, systemText: text, ctx)
                        }
                        itemId = item.id
                        opened = true
                        try Self.record(db, item.id!, at: new.at, ctx, event: .inspected, field: .inspection, new: "\(id)", systemNote: note)
                        outcome.opened.append(item.id!)
                    }
                }
                try db.execute(sql: """
                    INSERT INTO inspection_reading (inspection_id, number, check_name, target, number_value, text_value, known,
                                                    finding, threshold, item_id, opened)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, number, reading.check.rawValue, reading.target, reading.value.number, reading.value.text,
                                     known, finding?.code, finding.flatMap { _ in InspectionRules.limitText(reading.check, ctx.inspection) },
                                     itemId, opened])
            }
            return outcome
        }
    }

    /// The item a reading opened earlier for the same check and target, if it is still open. Targets
    /// are compared as the inventory compares names, ignoring case (`InspectionRules.sameTarget`):
    /// `cpu APP04` is linked to the task `cpu app04` opened. The open items of one check are few.
    static func openItem(_ db: Database, for reading: InspectionReading) throws -> Int64? {
        let open = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT r.item_id, r.target FROM inspection_reading r JOIN item ON item.id = r.item_id
            WHERE r.opened = 1 AND r.check_name = ? AND item.status <> 'closed'
            ORDER BY r.item_id DESC
            """), arguments: [reading.check.rawValue])
        for row in open {
            let r = StoredRow(row, table: "inspection_reading", key: "item_id")
            if InspectionRules.sameTarget(reading.check, try r.text("target"), reading.target) { return try r.integer("item_id") }
        }
        return nil
    }

    /// For the migration that coded inspection texts (v13): an item a reading opened whose title and
    /// description read as imports wrote them until then — the Chinese title, and the English title
    /// followed by `巡检 inspection #N · inspector` — gets its code; any other is left as stored.
    static func codeInspectionItems(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.check_name, r.target, r.number_value, r.text_value, r.item_id, i.id AS inspection, i.inspector,
                   item.title, item.description
            FROM inspection_reading r JOIN inspection i ON i.id = r.inspection_id JOIN item ON item.id = r.item_id
            WHERE r.opened = 1 AND item.text_code IS NULL
            """)
        for row in rows {
            guard let check = InspectionCheck(rawValue: row["check_name"] as String? ?? "") else { continue }
            let value: ReadingValue
            if let text = row["text_value"] as String? { value = .text(text) } else if let n = row["number_value"] as Double? {
                value = .number(n)
            } else { continue }
            let inspection: Int64 = row["inspection"], inspector: String = row["inspector"]
            let text = SystemItemText.inspectionFinding(check: check, target: row["target"], value: value.display,
                                                        inspection: inspection, inspector: inspector)
            let legacyDescription = Catalog.Store.Inspections.openedDescription(text.title, inspection: inspection, inspector: inspector)
            guard row["title"] as String? == text.title.zh, row["description"] as String? == legacyDescription else { continue }
            try db.execute(sql: "UPDATE item SET text_code = ? WHERE id = ?", arguments: [text.code.json, row["item_id"] as Int64])
        }
    }

    // MARK: Reads

    /// Inspections, latest first, of one kind or all; `limit` nil for all.
    public func inspections(kind: InspectionKind? = nil, limit: Int? = nil, offset: Int = 0) throws -> [InspectionSummary] {
        try read { db in
            try Self.inspectionSummaries(db, where: kind == nil ? "" : "WHERE i.kind = ?", StatementArguments(kind.map { [$0.rawValue] } ?? []),
                                         limit: limit, offset: offset)
        }
    }

    /// The inspections made from `start` to before `end`, latest first (the monthly report's).
    static func inspections(_ db: Database, from start: Date, to end: Date) throws -> [InspectionSummary] {
        try inspectionSummaries(db, where: "WHERE i.at >= ? AND i.at < ?", [start.dbSeconds, end.dbSeconds], limit: nil, offset: 0)
    }

    static func inspectionSummaries(_ db: Database, where condition: String, _ arguments: StatementArguments, limit: Int?,
                                    offset: Int) throws -> [InspectionSummary] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT i.id, i.at, i.inspector, i.kind,
                   (SELECT count(*) FROM inspection_reading r WHERE r.inspection_id = i.id) AS readings,
                   (SELECT count(*) FROM inspection_reading r WHERE r.inspection_id = i.id AND r.finding IS NOT NULL) AS over,
                   (SELECT count(*) FROM inspection_reading r WHERE r.inspection_id = i.id AND r.opened = 1) AS opened,
                   (SELECT count(*) FROM inspection_reading r WHERE r.inspection_id = i.id AND r.opened = 0
                                                                   AND r.item_id IS NOT NULL) AS linked,
                   (SELECT count(*) FROM inspection_reading r WHERE r.inspection_id = i.id AND r.known = 0) AS unknown
            FROM inspection i \(condition)
            ORDER BY i.at DESC, i.id DESC LIMIT ? OFFSET ?
            """, arguments: arguments + [limit ?? -1, offset])
        return try rows.map { row in
            let r = StoredRow(row, table: "inspection")
            return InspectionSummary(id: try r.integer("id"), at: try r.instant("at"), inspector: try r.text("inspector"),
                                     kind: try r.code("kind"), readings: try r.int("readings"), over: try r.int("over"),
                                     opened: try r.int("opened"), linked: try r.int("linked"), unknown: try r.int("unknown"))
        }
    }

    /// How many inspections there are, of one kind or all.
    public func inspectionCount(kind: InspectionKind? = nil) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM inspection \(kind == nil ? "" : "WHERE kind = ?")",
                             arguments: StatementArguments(kind.map { [$0.rawValue] } ?? [])) ?? 0
        }
    }

    /// One inspection with its readings, each with the item it opened or was linked to as it stands now.
    public func inspection(_ id: Int64) throws -> InspectionRecord {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM inspection WHERE id = ?", arguments: [id]) else {
                throw StoreError.invalid(Catalog.Store.Inspections.noInspection(id))
            }
            let r = StoredRow(row, table: "inspection")
            var readings: [RecordedReading] = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM inspection_reading WHERE inspection_id = ? ORDER BY number", arguments: [id]) {
                let rr = StoredRow(row, table: "inspection_reading", key: "inspection_id")
                let value: ReadingValue
                if let text = try rr.optionalText("text_value") { value = .text(text) } else {
                    guard let n = row["number_value"] as Double? else { throw rr.unreadable("number_value", expected: "a number") }
                    value = .number(n)
                }
                let findingCode = try rr.optionalText("finding")
                let finding = findingCode.flatMap(InspectionFinding.init(code:))
                if findingCode != nil, finding == nil { throw rr.unreadable("finding", expected: "fault1, fault2, fault3 or task") }
                let itemId = try rr.optionalInteger("item_id")
                readings.append(RecordedReading(
                    number: try rr.int("number"),
                    reading: InspectionReading(check: try rr.code("check_name"), target: try rr.text("target"), value: value),
                    known: try rr.flag("known"), finding: finding, limit: try rr.optionalText("threshold"), itemId: itemId,
                    opened: try rr.flag("opened"), item: try itemId.flatMap { try WorkItem.fetchOne(db, key: $0) }))
            }
            return InspectionRecord(id: try r.integer("id"), at: try r.instant("at"), inspector: try r.text("inspector"),
                                    kind: try r.code("kind"), source: try r.code("source"), recordedAt: try r.instant("recorded_at"),
                                    recordedBy: try r.text("recorded_by"), readings: readings,
                                    contentSHA256: try r.optionalText("content_sha256"), againOf: try r.optionalInteger("again_of"))
        }
    }

    /// The inspections whose readings opened item `id` or were linked to it, oldest first.
    public func inspections(of item: Int64) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: "SELECT DISTINCT inspection_id FROM inspection_reading WHERE item_id = ? ORDER BY inspection_id",
                               arguments: [item])
        }
    }

    // MARK: Inventory

    /// The inventory, by kind (database, schemas, tablespaces, servers, addresses) then name.
    public func inventory() throws -> [InventoryEntry] {
        try read { db in try Self.inventory(db) }
    }

    static func inventory(_ db: Database) throws -> [InventoryEntry] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM inventory ORDER BY CASE kind WHEN 'database' THEN 0 WHEN 'schema' THEN 1 WHEN 'tablespace' THEN 2
                                                        WHEN 'server' THEN 3 ELSE 4 END, name
            """).map { row in
            let r = StoredRow(row, table: "inventory", key: "name")
            return InventoryEntry(kind: try r.code("kind"), name: try r.text("name"), parent: try r.optionalText("parent"),
                                  note: try r.text("note"))
        }
    }

    /// Adds an entry to the inventory (supervisors). Its parent, when given, must be in the
    /// inventory already, of the kind it belongs to (a server's address, a tablespace's schema, a
    /// schema's database).
    public func addInventory(_ entry: InventoryEntry, _ ctx: Context) throws {
        let name = try Self.inventoryName(entry.name)
        try Self.checkText(name, .inventoryName)
        try Self.checkText(entry.parent, .inventoryName)
        try Self.checkText(entry.note, .inventoryNote)
        try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.editInventory))
            if try Self.inventoryEntry(db, entry.kind, name) != nil {
                throw StoreError.invalid(Catalog.Store.Inspections.alreadyInInventory(entry.kind, name))
            }
            let parent = try Self.checkParent(db, entry, entry.parent)
            try db.execute(sql: "INSERT INTO inventory (kind, name, parent, note) VALUES (?, ?, ?, ?)",
                           arguments: [entry.kind.rawValue, name, parent, entry.note.trimmingCharacters(in: .whitespacesAndNewlines)])
            try Self.recordSetting(db, ctx, "inventory \(entry.kind.rawValue) \(name) added" + (parent.map { " behind \($0)" } ?? ""))
        }
    }

    /// Changes an entry's parent and/or note (supervisors); an empty parent clears it.
    public func setInventory(_ kind: InventoryKind, _ name: String, parent: String?, note: String?, _ ctx: Context) throws {
        try Self.checkText(parent, .inventoryName)
        try Self.checkText(note, .inventoryNote)
        try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.editInventory))
            guard var entry = try Self.inventoryEntry(db, kind, name) else { throw Self.notInInventory(kind, name) }
            if let parent { entry.parent = try Self.checkParent(db, entry, parent.isEmpty ? nil : parent) }
            if let note { entry.note = note.trimmingCharacters(in: .whitespacesAndNewlines) }
            try db.execute(sql: "UPDATE inventory SET parent = ?, note = ? WHERE kind = ? AND name = ?",
                           arguments: [entry.parent, entry.note, kind.rawValue, entry.name])
            try Self.recordSetting(db, ctx, "inventory \(kind.rawValue) \(entry.name) set parent=\(entry.parent ?? "") note=\(entry.note)")
        }
    }

    /// Removes an entry (supervisors); refused while other entries belong to it. Inspections that
    /// named it keep their readings.
    public func removeInventory(_ kind: InventoryKind, _ name: String, _ ctx: Context) throws {
        try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.editInventory))
            guard let entry = try Self.inventoryEntry(db, kind, name) else { throw Self.notInInventory(kind, name) }
            let children = try String.fetchAll(db, sql: "SELECT name FROM inventory WHERE parent = ? AND kind = ? ORDER BY name",
                                               arguments: [entry.name, InventoryKind.allCases.first { InventoryEntry(kind: $0, name: "").parentKind == kind }?.rawValue])
            if !children.isEmpty {
                throw StoreError.invalid(Catalog.Store.Inspections.stillHasChildren(kind, entry.name, children: children))
            }
            try db.execute(sql: "DELETE FROM inventory WHERE kind = ? AND name = ?", arguments: [kind.rawValue, entry.name])
            try Self.recordSetting(db, ctx, "inventory \(kind.rawValue) \(entry.name) removed")
        }
    }

    static func inventoryEntry(_ db: Database, _ kind: InventoryKind, _ name: String) throws -> InventoryEntry? {
        let name = name.trimmingCharacters(in: .whitespaces)
        return try inventory(db).first { $0.kind == kind && InventoryEntry.sameName($0.name, name) }
    }

    static func notInInventory(_ kind: InventoryKind, _ name: String) -> StoreError {
        StoreError.invalid(Catalog.Store.Inspections.notInInventory(kind, name))
    }

    /// Whether `inventory add` takes `name` as an entry's name (no spaces, no control characters,
    /// no longer than a name may be): advice to add a target names only what would be accepted.
    public static func isInventoryName(_ name: String) -> Bool {
        guard let name = try? inventoryName(name) else { return false }
        return (try? checkText(name, .inventoryName)) != nil
    }

    static func inventoryName(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == " " }) else {
            throw StoreError.invalid(Catalog.Store.Inspections.notAnInventoryName(text))
        }
        return name
    }

    /// The parent as stored (its stored spelling), after checking it exists and is of the kind the entry belongs to.
    static func checkParent(_ db: Database, _ entry: InventoryEntry, _ parent: String?) throws -> String? {
        guard let parent = parent?.trimmingCharacters(in: .whitespaces), !parent.isEmpty else { return nil }
        guard let kind = entry.parentKind else {
            throw StoreError.invalid(Catalog.Store.Inspections.noParent(entry.kind))
        }
        guard let found = try inventoryEntry(db, kind, parent) else {
            throw StoreError.invalid(Catalog.Store.Inspections.parentNotFound(parent, kind: entry.kind, parentKind: kind))
        }
        return found.name
    }
}
