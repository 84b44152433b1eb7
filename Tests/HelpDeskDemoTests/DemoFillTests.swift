import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore
import HelpDeskDemo

// The demo fill writes its rows directly, in their final state, with the indexes and triggers set
// aside while it loads. These tests hold what it writes to what the operations write.

private let now = t("2026-11-20T10:00:00+08:00")
/// Client-office contacts, one with characters JSON escapes.
private let escalation = EscalationSettings(policy: .standard, client: [
    NotificationContact(name: "省社保局 \"信息中心\"/值班", phone: "0971-5550100"), NotificationContact(name: "值班室"),
])
private func context(_ actor: String, _ at: Date) -> Context { Context(actor: actor, now: at, escalation: escalation) }

/// The schema as `sqlite_master` lists it: every table, index and trigger with its SQL.
private func schema(_ db: AppDatabase) throws -> [Row] {
    try db.read { try Row.fetchAll($0, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name") }
}

/// Every row of the tables the fill writes, in id order; history without the machine's time of
/// writing, which no two runs share.
/// With `bulkOnly`, only the tickets and faults the bulk load wrote and their own history (not what
/// the tasks, changes and trainings told after them added: those items themselves, links to them).
private func contents(_ db: AppDatabase, bulkOnly: Bool = false, excluding story: [Int64] = []) throws -> [String: [Row]] {
    // The trainings and the faults the demo's inspections opened are told through the operations too.
    // The conversation's tickets (the only ones linked to the directory) too; the relation it
    // gives a fault is in the fault's history.
    let items = bulkOnly ? """
        WHERE kind NOT IN ('task', 'change', 'training') AND id NOT IN (SELECT item_id FROM inspection_reading WHERE opened)
          AND id NOT IN (\(story.map(String.init).joined(separator: ", ")))
        """ : ""
    let entries = bulkOnly ? "WHERE event NOT IN ('linked', 'related') AND item_id IN (SELECT id FROM item \(items))" : ""
    let steps = bulkOnly ? "WHERE item_id IN (SELECT id FROM item \(items))" : ""
    // A notice's event id is random by design, so it is left out. The bulk load tells the
    // escalation notices; the requesters' notices (on intake, for a ticket whose requester the
    // operations put in the directory) belong to the directory, which the bulk load does not fill:
    // compared bulk-only, the escalation notices are compared by their step, not their row id.
    let notices = bulkOnly ? "\(steps) AND kind = 'escalation'" : ""
    let columns = """
        kind, escalation_id, item_id, created_at, payload, text, attempts, next_attempt_at, claimed_until, delivered_at,
        last_error, message, message_id, requester_id
        """
    return try db.read { db in
        [
            "item": try Row.fetchAll(db, sql: "SELECT * FROM item \(items) ORDER BY id"),
            "history": try Row.fetchAll(db, sql: """
                SELECT id, item_id, at, recorded_at, actor, event, field, old_value, new_value, note, note_code
                FROM history \(entries) ORDER BY id
                """),
            "escalation": try Row.fetchAll(db, sql: "SELECT * FROM escalation \(steps) ORDER BY id"),
            "notification": try Row.fetchAll(db, sql: bulkOnly
                ? "SELECT \(columns) FROM notification \(notices) ORDER BY escalation_id, id"
                : "SELECT id, \(columns) FROM notification ORDER BY id"),
            "notification_recipient": try Row.fetchAll(db, sql: bulkOnly ? """
                SELECT n.escalation_id, r.username FROM notification_recipient r JOIN notification n ON n.id = r.notification_id
                WHERE n.id IN (SELECT id FROM notification \(notices)) ORDER BY n.escalation_id, r.username
                """ : "SELECT * FROM notification_recipient ORDER BY notification_id, username"),
            "sqlite_sequence": try Row.fetchAll(db, sql: bulkOnly ? """
                SELECT 'escalation', max(id) FROM escalation \(steps) UNION ALL SELECT 'notification', count(*) FROM notification \(notices)
                """ : "SELECT * FROM sqlite_sequence WHERE name <> 'audit' ORDER BY name"),
        ]
    }
}

/// The tickets and faults of the bulk load (and the faults the demo's inspections opened: `inspectionFaults`).
private let bulk = ItemFilter(kinds: [.general, .special, .requirement, .fault])

/// How many faults the demo's inspections opened.
private func inspectionFaults(_ db: AppDatabase) throws -> Int {
    try db.read {
        try Int.fetchOne($0, sql: """
            SELECT count(*) FROM inspection_reading JOIN item ON item.id = item_id WHERE opened AND item.kind = 'fault'
            """) ?? 0
    }
}

@Suite("Demo fill")
struct DemoFillTests {
    @Test func aFilledDatabaseKeepsTheInvariantsOfTheOperations() throws {
        // Given a new database
        let (db, _) = try makeDatabase()
        let before = try schema(db)

        // When 3,000 items are filled in (indexes and triggers dropped and made again)
        try db.fillDemo(DemoData(seed: 11), items: 3000, days: 120, context("zhaolei", now))

        // Then the schema is as it was, the file sound, and every item as the rules have it
        #expect(try schema(db) == before)
        try expectSound(db)
        #expect(try db.count(bulk) - inspectionFaults(db) == 3007 + DemoConversation.ticketCount)
        #expect(try db.inspectionCount() > 5 && inspectionFaults(db) >= 3)
        #expect(try db.count(ItemFilter(kinds: [.task, .change])) > 100)

        // When a smaller fill follows (into the same demo database, indexes kept up row by row)
        try db.fillDemo(DemoData(seed: 12), items: 500, days: 30, context("zhaolei", now))

        // Then the same holds
        #expect(try schema(db) == before)
        try expectSound(db)
        #expect(try db.count(bulk) - inspectionFaults(db) == 3514 + DemoConversation.ticketCount)
    }

    /// A bulk load into a file leaves the write-ahead log for a rollback journal while it runs, when
    /// no other connection has the file open, and comes back to it; the text index's build buffer
    /// is set back to SQLite's default.
    @Test func aBulkLoadIntoAFileReturnsToTheWriteAheadLog() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func settings(_ db: AppDatabase) throws -> [String?] {
            try db.read { db in
                [try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                 try String.fetchOne(db, sql: "SELECT v FROM item_text_config WHERE k = 'hashsize'")]
            }
        }

        // Alone on the file: the journal changes for the load, and back
        let alone = try AppDatabase.open(path: dir.appendingPathComponent("alone.sqlite").path)
        try alone.ensureFounder(username: "zhaolei", name: "赵磊")
        try alone.fillDemo(DemoData(seed: 2), items: 300, days: 30, context("zhaolei", now))
        #expect(try settings(alone) == ["wal", "1048576"])
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("alone.sqlite-journal").path))
        try expectSound(alone)

        // With a reader holding the file open: the load stays in the log and still succeeds
        let path = dir.appendingPathComponent("shared.sqlite").path
        let writer = try AppDatabase.open(path: path)
        try writer.ensureFounder(username: "zhaolei", name: "赵磊")
        let reader = try AppDatabase.open(path: path)
        #expect(try reader.count(ItemFilter()) == 0)
        try writer.fillDemo(DemoData(seed: 2), items: 300, days: 30, context("zhaolei", now))
        #expect(try settings(writer) == ["wal", "1048576"])
        #expect(try reader.count(bulk) - inspectionFaults(reader) == 307 + DemoConversation.ticketCount)
        #expect(try contents(writer) == contents(alone))
    }

    @Test func aFilledDatabaseSaysItIsADemoOne() throws {
        let (db, _) = try makeDatabase()
        #expect(try db.isDemoDatabase() == false)
        try db.fillDemo(DemoData(seed: 5), items: 20, days: 10, context("zhaolei", now))
        #expect(try db.isDemoDatabase())
    }

    @Test func theSameSeedFillsTheSameRows() throws {
        let (a, _) = try makeDatabase()
        let (b, _) = try makeDatabase()
        try a.fillDemo(DemoData(seed: 3), items: 400, days: 60, context("zhaolei", now))
        try b.fillDemo(DemoData(seed: 3), items: 400, days: 60, context("zhaolei", now))
        let (first, second) = (try contents(a), try contents(b))
        #expect(first == second)
    }

    /// Each item's story, told again through the public operations on a second database (taking in,
    /// assessing, answering, resolving, reporting, the timer's steps and deliveries, acknowledging,
    /// restoring, each at its time), writes the very rows the fill wrote.
    @Test func everyStoryToldThroughTheOperationsWritesTheSameRows() throws {
        // Given a demo database
        let (demo, _) = try makeDatabase()
        try demo.fillDemo(DemoData(seed: 5), items: 600, days: 60, context("zhaolei", now))

        // When its stories are told again through the operations, item by item
        let (replay, _) = try makeDatabase()
        for member in DemoData.staff where member.username != "zhaolei" { try replay.addStaff(member, context("zhaolei", now)) }
        // (Tasks, changes, trainings and the faults of inspections are told through the operations in the first place.)
        let items = try demo.read {
            try WorkItem.fetchAll($0, sql: """
                SELECT * FROM item WHERE kind NOT IN ('task', 'change', 'training')
                  AND id NOT IN (SELECT item_id FROM inspection_reading WHERE opened)
                  AND id NOT IN (SELECT item_id FROM item_requester)
                ORDER BY id
                """)
        }
        let history = Dictionary(grouping: try demo.read { try HistoryEntry.fetchAll($0, sql: "SELECT * FROM history ORDER BY id") },
                                 by: \.itemId)
        /// The timer delivers what it took at `at`, five seconds later.
        func deliver(_ at: Date) throws {
            guard at.addingTimeInterval(5) <= now else { return }
            for notification in try replay.claimNotifications(now: at, lease: 60, context("zhaolei", at)) {
                try replay.markDelivered(notification.id, at: at.addingTimeInterval(5), context("zhaolei", at))
            }
        }
        for item in items {
            let id = item.id!
            if item.kind == .fault {
                let added = try replay.addFault(NewFault(level: item.level!, region: item.region!, title: item.title, description: item.description),
                                                at: item.receivedAt, context(item.createdBy, item.receivedAt))
                #expect(added.id == id)
                try deliver(item.receivedAt)
            } else {
                let new = NewCase(kind: CaseKind(rawValue: item.kind.rawValue)!, channel: item.channel!, region: item.region!,
                                  title: item.title, description: item.description, requesterName: item.requesterName,
                                  requesterOffice: item.requesterOffice, requesterPhone: item.requesterPhone)
                let added = try replay.addCase(new, at: item.receivedAt, context(item.createdBy, item.receivedAt))
                #expect(added.id == id)
            }
            var stepsTakenAt: Set<Date> = [item.receivedAt]
            for entry in history[id]!.dropFirst() {
                let (at, by) = (entry.at, context(entry.actor, entry.at))
                switch (entry.event, entry.field) {
                case (.assessed, nil):
                    try replay.assess(id, due: item.dueAt!, agreedWith: item.agreedWith!, size: item.sizeEstimate, at: at, by)
                case (.responded, nil):
                    try replay.respond(id, note: entry.note!, at: at, by)
                case (.resolved, nil):
                    try replay.resolve(id, cause: item.cause!, solution: item.solution!, at: at, by)
                case (.restored, nil):
                    try replay.restore(id, cause: item.cause!, solution: item.solution!, at: at, by)
                case (.escalated, _):
                    // The timer's run at that time takes every step then due.
                    guard stepsTakenAt.insert(at).inserted else { break }
                    try replay.escalateDue(context("zhaolei", at))
                    try deliver(at)
                case (.acknowledged, _):
                    try replay.acknowledge(id, at: at, by)
                default:
                    break  // the fields of an event, and the other steps taken with the first at a time
                }
            }
        }

        // Then both databases hold the same rows
        let story = try demo.read { try Int64.fetchAll($0, sql: "SELECT item_id FROM item_requester") }
        let (expected, filled) = (try contents(replay, bulkOnly: true, excluding: story), try contents(demo, bulkOnly: true, excluding: story))
        #expect(filled["escalation"]!.count > 100 && filled["escalation"]!.contains { $0["acknowledged_at"] != nil })
        for table in expected.keys.sorted() {
            let (a, b) = (expected[table]!, filled[table]!)
            #expect(a.count == b.count, "\(table): \(b.count) rows filled, \(a.count) by the operations")
            if let i = zip(a, b).map({ $0 != $1 }).firstIndex(of: true) {
                Issue.record("\(table), row \(i): the operations wrote \(a[i]), the fill \(b[i])")
            }
        }
    }
}

/// What the operations guarantee of any database, checked over a filled one.
private func expectSound(_ database: AppDatabase) throws {
    let (integrity, brokenKeys) = try database.read { db in
        (try String.fetchAll(db, sql: "PRAGMA integrity_check"), try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"))
    }
    #expect(integrity == ["ok"])
    #expect(brokenKeys.isEmpty)
    let rules = DeadlineRules(calendar: try database.calendar())
    let roles = Dictionary(uniqueKeysWithValues: try database.staff().map { ($0.username, $0.role) })
    let (items, history, steps, notifications, recipients) = try database.read { db in
        (try WorkItem.fetchAll(db, sql: "SELECT * FROM item ORDER BY id"),
         Dictionary(grouping: try HistoryEntry.fetchAll(db, sql: "SELECT * FROM history ORDER BY id"), by: \.itemId),
         Dictionary(grouping: try EscalationRecord.fetchAll(db, sql: "SELECT * FROM escalation ORDER BY id"), by: \.itemId),
         Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT * FROM notification WHERE escalation_id IS NOT NULL ORDER BY id"), by: { $0["escalation_id"] as Int64 }),
         Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT * FROM notification_recipient ORDER BY username"),
                    by: { $0["notification_id"] as Int64 }))
    }
    // The conversation's tickets (the only ones linked to the directory) are told through the operations.
    let story = Set(try database.read { try Int64.fetchAll($0, sql: "SELECT item_id FROM item_requester") })
    for item in items where !story.contains(item.id!) {
        let id = item.id!
        // A task made from a ticket later notes the link in the ticket's history, at the task's time
        // (and the conversation relates a fault to one of its tickets).
        let entries = (history[id] ?? []).filter { $0.event != .linked && $0.event != .related }

        // The stored deadline is the rules' for the kind and the time.
        switch item.kind {
        case .general:
            #expect(item.dueAt == rules.general(receivedAt: item.receivedAt).due, "#\(id)")
        case .special:
            #expect(item.confirmedAt == item.receivedAt && item.dueAt == rules.special(confirmedAt: item.receivedAt).due, "#\(id)")
        case .requirement:
            let agreed = entries.first { $0.event == .assessed && $0.field == .dueAt }?.newValue
            #expect(item.dueAt.map(BeijingTime.iso) == agreed, "#\(id): due only once assessed, when agreed")
        case .fault:
            #expect(item.dueAt == rules.fault(level: item.level!, reportedAt: item.receivedAt).due, "#\(id)")
        case .task, .change:
            // Told through the operations, which have tests of their own: their deadline is
            // stored, and a closed one carries cause and solution.
            #expect(item.dueAt != nil && item.calendarVersion == nil, "#\(id)")
            if item.status == .closed { #expect(item.cause?.nonBlank != nil && item.solution?.nonBlank != nil, "#\(id)") }
            continue
        case .training:
            // Told through the operations too: no deadline, and a training is never closed.
            #expect(item.dueAt == nil && item.status == .open, "#\(id)")
            continue
        default:
            Issue.record("#\(id): demo data makes no \(item.kind.rawValue) items")
        }
        if item.dueAt != nil && item.kind != .requirement { #expect(item.calendarVersion == rules.calendar.version) }
        if item.status == .closed {
            #expect(item.closedAt != nil && item.cause?.nonBlank != nil && item.solution?.nonBlank != nil, "#\(id)")
        }

        // History: taken in first, then one entry per status change, in the order they happened.
        #expect(entries.first?.event == (item.kind == .fault ? .reported : .created), "#\(id)")
        #expect(entries.first?.at == item.receivedAt && entries.filter { $0.event == entries.first?.event }.count == 1)
        #expect(entries.allSatisfy { $0.recordedAt == $0.at && $0.recordedRealAt != nil })
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.at <= $1.at }, "#\(id): history in time order")
        var status = ItemStatus.open.rawValue
        for entry in entries where entry.field == .status {
            #expect(entry.oldValue == status, "#\(id)")
            status = entry.newValue ?? ""
        }
        #expect(status == item.status.rawValue, "#\(id)")
        let changes = entries.filter { $0.field == nil && ![.created, .reported].contains($0.event) }
        #expect(item.version == 1 + changes.count && item.updatedAt == (changes.last?.at ?? item.createdAt), "#\(id)")

        // A fault's steps are exactly those the engine takes at their times, until it is restored.
        let taken = steps[id] ?? []
        guard item.kind == .fault else {
            #expect(taken.isEmpty)
            continue
        }
        let until = item.closedAt ?? now
        let policy = EscalationPolicy.standard[item.level!]
        var expected: [(EscalationStep, Date)] = []
        var subject = EscalationSubject(level: item.level!, reportedAt: item.receivedAt, dueAt: item.dueAt!, restored: false, taken: [])
        for time in Set(policy.rules.map { $0.time(reported: item.receivedAt, due: item.dueAt!) }).sorted() where time <= until {
            for step in EscalationEngine.due(subject, policy: .standard, now: time) {
                subject.taken.insert(step.step)
                expected.append((step.step, time))
            }
        }
        #expect(taken.map(\.step) == expected.map(\.0), "#\(id)")
        #expect(taken.map(\.takenAt) == expected.map(\.1) && taken.allSatisfy { $0.dueAt == $0.takenAt && $0.byRule })
        #expect(entries.filter { $0.event == .escalated }.map(\.at) == taken.map(\.takenAt), "#\(id)")
        for step in taken {
            // Acknowledged by the tier's people, as `acknowledge` allows: no higher tier waiting.
            if let at = step.acknowledgedAt {
                #expect(step.step.isTier && roles[step.acknowledgedBy!] == step.step.role && at > step.takenAt && at < until)
                #expect(!taken.contains { $0.step.isTier && $0.step > step.step && $0.takenAt <= at && !($0.acknowledgedAt.map { $0 < at } ?? false) },
                        "#\(id): \(step.step.rawValue) acknowledged while a higher tier waited")
                #expect(entries.contains { $0.event == .acknowledged && $0.at == at && $0.newValue == step.step.rawValue && $0.actor == step.acknowledgedBy })
            }
            // One notification a step, delivered five seconds later unless that is still to come,
            // addressed to the tier's people.
            let sent = notifications[step.id!] ?? []
            #expect(sent.count == 1, "#\(id) \(step.step.rawValue)")
            guard let notification = sent.first else { continue }
            let delivered = step.takenAt.addingTimeInterval(5) <= now
            #expect((notification["delivered_at"] as Int64?) == (delivered ? step.takenAt.dbSeconds + 5 : nil))
            #expect((notification["attempts"] as Int) == (delivered ? 1 : 0))
            let addressed = (recipients[notification["id"]] ?? []).map { $0["username"] as String }
            #expect(addressed == roles.filter { $0.value == step.step.role }.keys.sorted())
            let event = try JSONDecoder().decode(StoredEvent.self, from: Data((notification["payload"] as String).utf8))
            #expect(event.step_id == step.id && event.fault.id == id && event.at == BeijingTime.iso(step.takenAt))
        }
    }
}
