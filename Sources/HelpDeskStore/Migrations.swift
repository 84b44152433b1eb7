import GRDB
import HelpDeskCore

/// One step of the schema's history, recorded by its identifier in `grdb_migrations` (the table
/// GRDB's migrator used, so files made before keep their record).
struct Migration: Sendable {
    let identifier: String
    let migrate: @Sendable (Database) throws -> Void
}

extension AppDatabase {
    /// The schema's history, oldest first. A shipped migration never changes; new ones are appended.
    /// Tables and columns are named with strings, not app types. `prepare(founder:)` runs the missing
    /// ones in one transaction.
    static let migrations: [Migration] = [
        Migration(identifier: "v1: reference data, items, history") { db in
            try db.execute(sql: """
                CREATE TABLE region (
                    code TEXT PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE
                );
                CREATE TABLE channel (
                    code TEXT PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE
                );
                CREATE TABLE staff (
                    username TEXT PRIMARY KEY,
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    phone TEXT,
                    role TEXT NOT NULL CHECK (role IN ('onsite', 'expert', 'supervisor', 'viewer')),
                    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
                );
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                );
                CREATE TABLE calendar_year (
                    year INTEGER PRIMARY KEY,
                    days TEXT NOT NULL,
                    imported_at INTEGER NOT NULL,
                    imported_by TEXT NOT NULL
                );
                CREATE TABLE item (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('general', 'special', 'requirement', 'fault', 'task',
                                                       'change', 'delivery', 'training', 'inspection')),
                    status TEXT NOT NULL CHECK (status IN ('open', 'responded', 'assessed', 'closed')),
                    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                    description TEXT NOT NULL DEFAULT '',
                    region TEXT REFERENCES region(code),
                    channel TEXT REFERENCES channel(code),
                    requester_name TEXT,
                    requester_office TEXT,
                    requester_phone TEXT,
                    taken_by TEXT REFERENCES staff(username),
                    assignee TEXT REFERENCES staff(username),
                    level INTEGER CHECK (level IN (1, 2, 3)),
                    received_at INTEGER NOT NULL,
                    confirmed_at INTEGER,
                    first_response_at INTEGER,
                    due_at INTEGER,
                    calendar_version TEXT,
                    agreed_with TEXT,
                    agreed_at INTEGER,
                    size_estimate TEXT,
                    closed_at INTEGER,
                    cause TEXT,
                    solution TEXT,
                    created_at INTEGER NOT NULL,
                    created_by TEXT NOT NULL,
                    updated_at INTEGER NOT NULL,
                    version INTEGER NOT NULL DEFAULT 1,
                    CHECK (kind NOT IN ('general', 'special', 'requirement') OR (region IS NOT NULL AND channel IS NOT NULL)),
                    CHECK (kind <> 'fault' OR (level IS NOT NULL AND region IS NOT NULL AND due_at IS NOT NULL)),
                    CHECK (status <> 'closed' OR (closed_at IS NOT NULL
                        AND length(trim(coalesce(cause, ''))) > 0 AND length(trim(coalesce(solution, ''))) > 0))
                );
                -- The queue and the board: active items by deadline, per kind.
                CREATE INDEX item_active_kind_due ON item(kind, due_at) WHERE status <> 'closed';
                CREATE INDEX item_active_due ON item(due_at) WHERE status <> 'closed';
                -- The KPIs: items of a kind whose deadline, or closing, falls in a period.
                CREATE INDEX item_kind_due ON item(kind, due_at);
                CREATE INDEX item_kind_closed ON item(kind, closed_at);

                CREATE TABLE history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    item_id INTEGER NOT NULL REFERENCES item(id),
                    at INTEGER NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    event TEXT NOT NULL,
                    field TEXT,
                    old_value TEXT,
                    new_value TEXT,
                    note TEXT
                );
                CREATE INDEX history_item ON history(item_id, id);
                CREATE TRIGGER history_no_update BEFORE UPDATE ON history
                    BEGIN SELECT RAISE(ABORT, 'history is append-only: entries cannot be changed'); END;
                CREATE TRIGGER history_no_delete BEFORE DELETE ON history
                    BEGIN SELECT RAISE(ABORT, 'history is append-only: entries cannot be deleted'); END;
                """)
                        for (code, name) in Catalog.Store.NamesOfV1.regions {
                try db.execute(sql: "INSERT INTO region (code, name) VALUES (?, ?)", arguments: [code, name])
            }
            for (code, name) in Catalog.Store.NamesOfV1.channels {
                try db.execute(sql: "INSERT INTO channel (code, name) VALUES (?, ?)", arguments: [code, name])
            }
        },
        Migration(identifier: "v2: escalation steps, notification outbox, frozen KPI periods") { db in
            try db.execute(sql: """
                -- One row per step a fault has taken. UNIQUE (item_id, step): however many consoles
                -- and timer jobs race, a step is taken once.
                CREATE TABLE escalation (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    item_id INTEGER NOT NULL REFERENCES item(id),
                    step TEXT NOT NULL CHECK (step IN ('client', 'T0', 'T1', 'T2', 'supervisor')),
                    level INTEGER NOT NULL CHECK (level IN (1, 2, 3)),
                    due_at INTEGER NOT NULL,
                    taken_at INTEGER NOT NULL,
                    taken_by TEXT NOT NULL,
                    by_rule INTEGER NOT NULL CHECK (by_rule IN (0, 1)),
                    reason TEXT NOT NULL,
                    acknowledged_at INTEGER,
                    acknowledged_by TEXT REFERENCES staff(username),
                    UNIQUE (item_id, step),
                    CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
                );
                -- Steps are a record: only the acknowledgement may be filled in, once.
                CREATE TRIGGER escalation_no_delete BEFORE DELETE ON escalation
                    BEGIN SELECT RAISE(ABORT, 'escalation steps cannot be deleted'); END;
                CREATE TRIGGER escalation_ack_only BEFORE UPDATE ON escalation
                    WHEN OLD.acknowledged_at IS NOT NULL OR NEW.item_id IS NOT OLD.item_id OR NEW.step IS NOT OLD.step
                      OR NEW.level IS NOT OLD.level OR NEW.due_at IS NOT OLD.due_at OR NEW.taken_at IS NOT OLD.taken_at
                      OR NEW.taken_by IS NOT OLD.taken_by OR NEW.by_rule IS NOT OLD.by_rule OR NEW.reason IS NOT OLD.reason
                    BEGIN SELECT RAISE(ABORT, 'an escalation step can only be acknowledged, once'); END;

                -- The outbox: written in the step's transaction, delivered by the notify command.
                CREATE TABLE notification (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    escalation_id INTEGER NOT NULL REFERENCES escalation(id),
                    item_id INTEGER NOT NULL REFERENCES item(id),
                    created_at INTEGER NOT NULL,
                    payload TEXT NOT NULL,
                    text TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER NOT NULL,
                    claimed_until INTEGER,
                    delivered_at INTEGER,
                    last_error TEXT
                );
                CREATE INDEX notification_pending ON notification(next_attempt_at) WHERE delivered_at IS NULL;
                CREATE TRIGGER notification_delivered_once BEFORE UPDATE ON notification
                    WHEN OLD.delivered_at IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'a delivered notification is final'); END;
                CREATE TABLE notification_recipient (
                    notification_id INTEGER NOT NULL REFERENCES notification(id),
                    username TEXT NOT NULL,
                    PRIMARY KEY (notification_id, username)
                ) WITHOUT ROWID;
                CREATE INDEX notification_recipient_user ON notification_recipient(username, notification_id);

                -- Changes that are not to work items (staff, calendar, frozen periods): who, when, what.
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    what TEXT NOT NULL
                );
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

                -- A period signed off by a supervisor: its figures no longer change.
                CREATE TABLE kpi_period (
                    period TEXT PRIMARY KEY,
                    frozen_at INTEGER NOT NULL,
                    frozen_by TEXT NOT NULL REFERENCES staff(username),
                    figures TEXT NOT NULL
                );
                CREATE TRIGGER kpi_period_no_update BEFORE UPDATE ON kpi_period
                    BEGIN SELECT RAISE(ABORT, 'a frozen period cannot be changed'); END;
                CREATE TRIGGER kpi_period_no_delete BEFORE DELETE ON kpi_period
                    BEGIN SELECT RAISE(ABORT, 'a frozen period cannot be unfrozen'); END;
                """)
        },
        // Finding the notification of a step (the demo data marks past ones delivered) without a scan.
        Migration(identifier: "v3: notifications by step") { db in
            try db.execute(sql: "CREATE INDEX notification_by_step ON notification(escalation_id)")
        },
        // `--now` sets the program's clock for tests and demos: history keeps the machine's time of
        // writing beside it. (ADD COLUMN changes no row: the append-only triggers stay as they are.)
        Migration(identifier: "v4: history keeps the real time of recording") { db in
            try db.execute(sql: "ALTER TABLE history ADD COLUMN recorded_real_at INTEGER")
        },
        // What the system writes itself is kept as a code with its parameters (JSON), said in the
        // reader's language when read: history's own notes, and notifications (whose `text` column
        // stays empty for new rows).
        Migration(identifier: "v5: system texts as codes") { db in
            try db.execute(sql: """
                ALTER TABLE history ADD COLUMN note_code TEXT;
                ALTER TABLE notification ADD COLUMN message TEXT;
                """)
        },
        // The queue sorts active items by the deadline still held to, which depends on the rule
        // event's columns: with them in the partial indexes SQLite sorts from the index and reads
        // only the rows of the page (a million items, first page: 5.3 ms rather than 37 ms in helpdesk-bench).
        // These replace the indexes on (kind, due_at) and (due_at) of v1, which they extend.
        Migration(identifier: "v6: queue indexes hold the rule event") { db in
            try db.execute(sql: """
                CREATE INDEX item_active_kind_deadline ON item(kind, due_at, first_response_at, closed_at) WHERE status <> 'closed';
                CREATE INDEX item_active_deadline ON item(due_at, first_response_at, closed_at, kind) WHERE status <> 'closed';
                DROP INDEX item_active_kind_due;
                DROP INDEX item_active_due;
                """)
        },
        // Reads that stay fast at a million items (README, "Speed"):
        //
        // - The queue's order as stored keys. `queue_key` is the deadline still held to (the rule
        //   event not yet come, or come late) for an active item, 10^12 when there is none, and
        //   3·10^12 − closed_at for a closed one, so active items come first, overdue first, and
        //   closed ones after them, latest closed first; `deadline_key` breaks ties among closed
        //   items. ORDER BY queue_key, deadline_key, id is the queue's order, and the indexes below
        //   hold it, so a page reads only its own entries. The columns are computed by SQLite
        //   (virtual), so no write, however made, can leave them stale.
        // - `queue_tally`: how many items there are per week of queue_key and per kind, status,
        //   region, level and owner, kept by triggers. Counts and deep pages are read from it.
        // - `kpi_due_day`, `kpi_closed_day`: the service-level counts per Beijing day and kind, kept
        //   by triggers; a month sums at most 31 rows per kind.
        // - `item_text`: a trigram index of the searched text (title, requester, phone,
        //   description), each field followed by two U+0001 so that every one- and two-character
        //   substring begins an indexed trigram, with tags for kind, status, region, level and owner
        //   so that a search within a filter is narrowed by the index alone.
        Migration(identifier: "v7: stored queue order, tallies, KPI summaries, text index") { db in
            // What the text index holds for row `r`: the four searched fields, each followed by two
            // U+0001, and tags, each three characters of the Private Use Area (U+E0FF, a code,
            // U+E0FE), one trigram each: kind (U+E101…), status (U+E201…), active (U+E300), region
            // (U+E401…), level (U+E501…), owner (U+E600 + the staff row's rowid).
            func text(_ r: String) -> String { TextTags.indexedText(r, kinds: TextTags.kindsOfV7, phoneKey: false) }
            try db.execute(sql: """
                ALTER TABLE item ADD COLUMN rule_event_at INTEGER
                    GENERATED ALWAYS AS (CASE kind WHEN 'special' THEN first_response_at ELSE closed_at END) VIRTUAL;
                ALTER TABLE item ADD COLUMN deadline_key INTEGER
                    GENERATED ALWAYS AS (CASE WHEN due_at IS NULL OR rule_event_at <= due_at THEN 1000000000000 ELSE due_at END) VIRTUAL;
                ALTER TABLE item ADD COLUMN queue_key INTEGER
                    GENERATED ALWAYS AS (CASE WHEN status = 'closed' THEN 3000000000000 - closed_at ELSE deadline_key END) VIRTUAL;
                ALTER TABLE item ADD COLUMN owner TEXT GENERATED ALWAYS AS (coalesce(assignee, taken_by)) VIRTUAL;

                CREATE INDEX item_queue ON item(queue_key, deadline_key, id, kind, status, region, level, owner);
                CREATE INDEX item_queue_kind ON item(kind, queue_key, deadline_key, id, status, region, level, owner);
                CREATE INDEX item_queue_owner ON item(owner, queue_key, deadline_key, id, kind, status, region, level);
                DROP INDEX item_active_kind_deadline;
                DROP INDEX item_active_deadline;

                CREATE TABLE queue_tally (
                    bucket INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    status TEXT NOT NULL,
                    region TEXT NOT NULL,
                    level INTEGER NOT NULL,
                    owner TEXT NOT NULL,
                    n INTEGER NOT NULL,
                    PRIMARY KEY (bucket, kind, status, region, level, owner)
                ) WITHOUT ROWID;
                INSERT INTO queue_tally (bucket, kind, status, region, level, owner, n)
                    SELECT queue_key / 604800, kind, status, coalesce(region, ''), coalesce(level, 0), coalesce(owner, ''), count(*)
                    FROM item GROUP BY 1, 2, 3, 4, 5, 6;
                CREATE TRIGGER item_tally_insert AFTER INSERT ON item BEGIN
                    INSERT INTO queue_tally (bucket, kind, status, region, level, owner, n)
                    VALUES (NEW.queue_key / 604800, NEW.kind, NEW.status, coalesce(NEW.region, ''), coalesce(NEW.level, 0),
                            coalesce(NEW.owner, ''), 1)
                    ON CONFLICT DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER item_tally_update AFTER UPDATE ON item
                    WHEN OLD.queue_key / 604800 IS NOT NEW.queue_key / 604800 OR OLD.kind IS NOT NEW.kind
                      OR OLD.status IS NOT NEW.status OR OLD.region IS NOT NEW.region OR OLD.level IS NOT NEW.level
                      OR OLD.owner IS NOT NEW.owner
                BEGIN
                    UPDATE queue_tally SET n = n - 1
                    WHERE bucket = OLD.queue_key / 604800 AND kind = OLD.kind AND status = OLD.status
                      AND region = coalesce(OLD.region, '') AND level = coalesce(OLD.level, 0) AND owner = coalesce(OLD.owner, '');
                    DELETE FROM queue_tally
                    WHERE bucket = OLD.queue_key / 604800 AND kind = OLD.kind AND status = OLD.status
                      AND region = coalesce(OLD.region, '') AND level = coalesce(OLD.level, 0) AND owner = coalesce(OLD.owner, '')
                      AND n = 0;
                    INSERT INTO queue_tally (bucket, kind, status, region, level, owner, n)
                    VALUES (NEW.queue_key / 604800, NEW.kind, NEW.status, coalesce(NEW.region, ''), coalesce(NEW.level, 0),
                            coalesce(NEW.owner, ''), 1)
                    ON CONFLICT DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER item_tally_delete AFTER DELETE ON item BEGIN
                    UPDATE queue_tally SET n = n - 1
                    WHERE bucket = OLD.queue_key / 604800 AND kind = OLD.kind AND status = OLD.status
                      AND region = coalesce(OLD.region, '') AND level = coalesce(OLD.level, 0) AND owner = coalesce(OLD.owner, '');
                    DELETE FROM queue_tally
                    WHERE bucket = OLD.queue_key / 604800 AND kind = OLD.kind AND status = OLD.status
                      AND region = coalesce(OLD.region, '') AND level = coalesce(OLD.level, 0) AND owner = coalesce(OLD.owner, '')
                      AND n = 0;
                END;

                -- Items whose deadline falls on a Beijing day (day = (due_at + 28800) / 86400), per kind
                -- and fault level (0 for other kinds): how many, how many with the rule event, how
                -- many with it at or before the deadline.
                CREATE TABLE kpi_due_day (
                    day INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    level INTEGER NOT NULL,
                    due INTEGER NOT NULL,
                    event INTEGER NOT NULL,
                    met INTEGER NOT NULL,
                    PRIMARY KEY (day, kind, level)
                ) WITHOUT ROWID;
                INSERT INTO kpi_due_day (day, kind, level, due, event, met)
                    SELECT (due_at + 28800) / 86400, kind, coalesce(level, 0), count(*), count(rule_event_at),
                           coalesce(sum(rule_event_at <= due_at), 0)
                    FROM item WHERE due_at IS NOT NULL GROUP BY 1, 2, 3;
                -- Items closed on a Beijing day, per kind: how many, how many with cause and solution.
                CREATE TABLE kpi_closed_day (
                    day INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    closed INTEGER NOT NULL,
                    complete INTEGER NOT NULL,
                    PRIMARY KEY (day, kind)
                ) WITHOUT ROWID;
                INSERT INTO kpi_closed_day (day, kind, closed, complete)
                    SELECT (closed_at + 28800) / 86400, kind, count(*),
                           coalesce(sum(length(trim(coalesce(cause, ''))) > 0 AND length(trim(coalesce(solution, ''))) > 0), 0)
                    FROM item WHERE closed_at IS NOT NULL GROUP BY 1, 2;

                CREATE TRIGGER item_kpi_due_insert AFTER INSERT ON item WHEN NEW.due_at IS NOT NULL BEGIN
                    INSERT INTO kpi_due_day (day, kind, level, due, event, met)
                    VALUES ((NEW.due_at + 28800) / 86400, NEW.kind, coalesce(NEW.level, 0), 1, NEW.rule_event_at IS NOT NULL,
                            coalesce(NEW.rule_event_at <= NEW.due_at, 0))
                    ON CONFLICT DO UPDATE SET due = due + excluded.due, event = event + excluded.event, met = met + excluded.met;
                END;
                CREATE TRIGGER item_kpi_due_update AFTER UPDATE ON item
                    WHEN OLD.due_at IS NOT NEW.due_at OR OLD.kind IS NOT NEW.kind OR OLD.level IS NOT NEW.level
                      OR OLD.rule_event_at IS NOT NEW.rule_event_at
                BEGIN
                    UPDATE kpi_due_day SET due = due - 1, event = event - (OLD.rule_event_at IS NOT NULL),
                                           met = met - coalesce(OLD.rule_event_at <= OLD.due_at, 0)
                    WHERE OLD.due_at IS NOT NULL AND day = (OLD.due_at + 28800) / 86400 AND kind = OLD.kind
                      AND level = coalesce(OLD.level, 0);
                    DELETE FROM kpi_due_day
                    WHERE OLD.due_at IS NOT NULL AND day = (OLD.due_at + 28800) / 86400 AND kind = OLD.kind
                      AND level = coalesce(OLD.level, 0) AND due = 0;
                    INSERT INTO kpi_due_day (day, kind, level, due, event, met)
                    SELECT (NEW.due_at + 28800) / 86400, NEW.kind, coalesce(NEW.level, 0), 1, NEW.rule_event_at IS NOT NULL,
                           coalesce(NEW.rule_event_at <= NEW.due_at, 0)
                    WHERE NEW.due_at IS NOT NULL
                    ON CONFLICT DO UPDATE SET due = due + excluded.due, event = event + excluded.event, met = met + excluded.met;
                END;
                CREATE TRIGGER item_kpi_due_delete AFTER DELETE ON item WHEN OLD.due_at IS NOT NULL BEGIN
                    UPDATE kpi_due_day SET due = due - 1, event = event - (OLD.rule_event_at IS NOT NULL),
                                           met = met - coalesce(OLD.rule_event_at <= OLD.due_at, 0)
                    WHERE day = (OLD.due_at + 28800) / 86400 AND kind = OLD.kind AND level = coalesce(OLD.level, 0);
                    DELETE FROM kpi_due_day
                    WHERE day = (OLD.due_at + 28800) / 86400 AND kind = OLD.kind AND level = coalesce(OLD.level, 0) AND due = 0;
                END;
                CREATE TRIGGER item_kpi_closed_insert AFTER INSERT ON item WHEN NEW.closed_at IS NOT NULL BEGIN
                    INSERT INTO kpi_closed_day (day, kind, closed, complete)
                    VALUES ((NEW.closed_at + 28800) / 86400, NEW.kind, 1,
                            length(trim(coalesce(NEW.cause, ''))) > 0 AND length(trim(coalesce(NEW.solution, ''))) > 0)
                    ON CONFLICT DO UPDATE SET closed = closed + 1, complete = complete + excluded.complete;
                END;
                CREATE TRIGGER item_kpi_closed_update AFTER UPDATE ON item
                    WHEN OLD.closed_at IS NOT NEW.closed_at OR OLD.kind IS NOT NEW.kind OR OLD.cause IS NOT NEW.cause
                      OR OLD.solution IS NOT NEW.solution
                BEGIN
                    UPDATE kpi_closed_day SET closed = closed - 1,
                        complete = complete - (length(trim(coalesce(OLD.cause, ''))) > 0 AND length(trim(coalesce(OLD.solution, ''))) > 0)
                    WHERE OLD.closed_at IS NOT NULL AND day = (OLD.closed_at + 28800) / 86400 AND kind = OLD.kind;
                    DELETE FROM kpi_closed_day
                    WHERE OLD.closed_at IS NOT NULL AND day = (OLD.closed_at + 28800) / 86400 AND kind = OLD.kind AND closed = 0;
                    INSERT INTO kpi_closed_day (day, kind, closed, complete)
                    SELECT (NEW.closed_at + 28800) / 86400, NEW.kind, 1,
                           length(trim(coalesce(NEW.cause, ''))) > 0 AND length(trim(coalesce(NEW.solution, ''))) > 0
                    WHERE NEW.closed_at IS NOT NULL
                    ON CONFLICT DO UPDATE SET closed = closed + 1, complete = complete + excluded.complete;
                END;
                CREATE TRIGGER item_kpi_closed_delete AFTER DELETE ON item WHEN OLD.closed_at IS NOT NULL BEGIN
                    UPDATE kpi_closed_day SET closed = closed - 1,
                        complete = complete - (length(trim(coalesce(OLD.cause, ''))) > 0 AND length(trim(coalesce(OLD.solution, ''))) > 0)
                    WHERE day = (OLD.closed_at + 28800) / 86400 AND kind = OLD.kind;
                    DELETE FROM kpi_closed_day WHERE day = (OLD.closed_at + 28800) / 86400 AND kind = OLD.kind AND closed = 0;
                END;

                CREATE VIRTUAL TABLE item_text USING fts5(title, requester_name, requester_phone, description, tags,
                                                          content = '', tokenize = 'trigram');
                CREATE VIRTUAL TABLE item_text_terms USING fts5vocab(item_text, 'row');
                INSERT INTO item_text (rowid, title, requester_name, requester_phone, description, tags)
                    SELECT id, \(text("item"))
                    FROM item ORDER BY id;
                CREATE TRIGGER item_text_insert AFTER INSERT ON item BEGIN
                    INSERT INTO item_text (rowid, title, requester_name, requester_phone, description, tags)
                    VALUES (NEW.id, \(text("NEW")));
                END;
                CREATE TRIGGER item_text_update AFTER UPDATE ON item
                    WHEN OLD.title IS NOT NEW.title OR OLD.requester_name IS NOT NEW.requester_name
                      OR OLD.requester_phone IS NOT NEW.requester_phone OR OLD.description IS NOT NEW.description
                      OR OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status OR OLD.region IS NOT NEW.region
                      OR OLD.level IS NOT NEW.level OR OLD.owner IS NOT NEW.owner
                BEGIN
                    INSERT INTO item_text (item_text, rowid, title, requester_name, requester_phone, description, tags)
                    VALUES ('delete', OLD.id, \(text("OLD")));
                    INSERT INTO item_text (rowid, title, requester_name, requester_phone, description, tags)
                    VALUES (NEW.id, \(text("NEW")));
                END;
                CREATE TRIGGER item_text_delete AFTER DELETE ON item BEGIN
                    INSERT INTO item_text (item_text, rowid, title, requester_name, requester_phone, description, tags)
                    VALUES ('delete', OLD.id, \(text("OLD")));
                END;
                """)
        },
        // The contract's other services. Data-processing tasks and change requests are work items
        // (kinds 'task' and 'change': the queue's order, tallies, text index, KPI summaries and
        // history serve them as they are); what only they have lives beside them:
        //
        // - `item_link`: where an item came from — a task or change from a CASE ticket, the
        //   reprocessing task from the policy adjustment whose release opened it. Never changed.
        // - `change_request`: a change's type, stage, who signed the requirement, the policy's
        //   effective date, and the delivery that released it.
        // - `test_round`: a change's internal test rounds, each with its result. Append-only.
        // - `task_error`: a completed task found erroneous later: who, when, why. Once, append-only.
        // - `delivery`: a release to production, with the changes it carries (change_request.delivery_id).
        // - `defect`: a defect found in a delivery, and when. Append-only.
        Migration(identifier: "v8: tasks, change requests, deliveries, defects") { db in
            try db.execute(sql: """
                CREATE TABLE item_link (
                    item_id INTEGER PRIMARY KEY REFERENCES item(id),
                    source_id INTEGER NOT NULL REFERENCES item(id),
                    CHECK (source_id <> item_id)
                );
                CREATE INDEX item_link_source ON item_link(source_id);
                CREATE TRIGGER item_link_no_update BEFORE UPDATE ON item_link
                    BEGIN SELECT RAISE(ABORT, 'where an item came from cannot be changed'); END;
                CREATE TRIGGER item_link_no_delete BEFORE DELETE ON item_link
                    BEGIN SELECT RAISE(ABORT, 'where an item came from cannot be changed'); END;

                CREATE TABLE delivery (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    label TEXT NOT NULL CHECK (length(trim(label)) > 0),
                    delivered_at INTEGER NOT NULL,
                    delivered_by TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL
                );
                CREATE INDEX delivery_at ON delivery(delivered_at);
                CREATE TRIGGER delivery_no_delete BEFORE DELETE ON delivery
                    BEGIN SELECT RAISE(ABORT, 'a delivery cannot be deleted'); END;
                CREATE TRIGGER delivery_no_update BEFORE UPDATE ON delivery
                    BEGIN SELECT RAISE(ABORT, 'a delivery cannot be changed'); END;

                CREATE TABLE change_request (
                    item_id INTEGER PRIMARY KEY REFERENCES item(id),
                    type TEXT NOT NULL CHECK (type IN ('policy', 'optimisation', 'bugfix', 'requirement')),
                    stage TEXT NOT NULL CHECK (stage IN ('research', 'confirmed', 'development', 'internal-test',
                                                         'user-test', 'released')),
                    effective_on TEXT CHECK (effective_on IS NULL OR (type = 'policy' AND effective_on GLOB
                        '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
                    signed_by TEXT,
                    signed_at INTEGER,
                    delivery_id INTEGER REFERENCES delivery(id),
                    CHECK ((signed_by IS NULL) = (signed_at IS NULL)),
                    CHECK (stage = 'research' OR signed_by IS NOT NULL),
                    CHECK ((stage = 'released') = (delivery_id IS NOT NULL))
                );
                CREATE INDEX change_request_delivery ON change_request(delivery_id) WHERE delivery_id IS NOT NULL;
                CREATE TRIGGER change_request_no_delete BEFORE DELETE ON change_request
                    BEGIN SELECT RAISE(ABORT, 'a change request cannot be deleted'); END;
                CREATE TRIGGER change_request_released_final BEFORE UPDATE ON change_request
                    WHEN OLD.stage = 'released'
                    BEGIN SELECT RAISE(ABORT, 'a released change request is final'); END;

                CREATE TABLE test_round (
                    item_id INTEGER NOT NULL REFERENCES change_request(item_id),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    result TEXT NOT NULL CHECK (result IN ('pass', 'fail')),
                    note TEXT NOT NULL CHECK (length(trim(note)) > 0),
                    PRIMARY KEY (item_id, number)
                ) WITHOUT ROWID;
                CREATE TRIGGER test_round_no_update BEFORE UPDATE ON test_round
                    BEGIN SELECT RAISE(ABORT, 'test rounds are a record: they cannot be changed'); END;
                CREATE TRIGGER test_round_no_delete BEFORE DELETE ON test_round
                    BEGIN SELECT RAISE(ABORT, 'test rounds are a record: they cannot be deleted'); END;

                CREATE TABLE task_error (
                    item_id INTEGER PRIMARY KEY REFERENCES item(id),
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    note TEXT NOT NULL CHECK (length(trim(note)) > 0)
                );
                CREATE TRIGGER task_error_no_update BEFORE UPDATE ON task_error
                    BEGIN SELECT RAISE(ABORT, 'a task marked erroneous stays so'); END;
                CREATE TRIGGER task_error_no_delete BEFORE DELETE ON task_error
                    BEGIN SELECT RAISE(ABORT, 'a task marked erroneous stays so'); END;

                CREATE TABLE defect (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    delivery_id INTEGER NOT NULL REFERENCES delivery(id),
                    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                    description TEXT NOT NULL DEFAULT '',
                    found_at INTEGER NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    recorded_by TEXT NOT NULL
                );
                CREATE INDEX defect_delivery ON defect(delivery_id, found_at);
                CREATE TRIGGER defect_no_update BEFORE UPDATE ON defect
                    BEGIN SELECT RAISE(ABORT, 'defects are a record: they cannot be changed'); END;
                CREATE TRIGGER defect_no_delete BEFORE DELETE ON defect
                    BEGIN SELECT RAISE(ABORT, 'defects are a record: they cannot be deleted'); END;
                """)
        },
        // The drill-down of a figure (`kpi items`) finds the items that missed their deadline, those
        // still awaited and those met, a page of each, from the index alone: a month of a
        // million-item desk holds a quarter of a million tickets.
        Migration(identifier: "v9: deadlines with their rule events") { db in
            try db.execute(sql: "CREATE INDEX item_kind_due_event ON item(kind, due_at, rule_event_at, level)")
        },
        // The monthly report counts the faults reported in a month per level and region: a month of
        // a million-item desk reports tens of thousands. `fault_day` keeps them per Beijing day of
        // the report (day = (received_at + 28800) / 86400), level and region: how many, how many
        // restored, how many restored by the deadline. Kept by triggers like the KPI summaries.
        Migration(identifier: "v10: faults reported per day") { db in
            let row = { (r: String) in
                """
                (\(r).received_at + 28800) / 86400, \(r).level, coalesce(\(r).region, ''), 1,
                \(r).rule_event_at IS NOT NULL, coalesce(\(r).rule_event_at <= \(r).due_at, 0)
                """
            }
            let remove = """
                UPDATE fault_day SET reported = reported - 1, restored = restored - (OLD.rule_event_at IS NOT NULL),
                                     in_time = in_time - coalesce(OLD.rule_event_at <= OLD.due_at, 0)
                WHERE OLD.kind = 'fault' AND day = (OLD.received_at + 28800) / 86400 AND level = OLD.level
                  AND region = coalesce(OLD.region, '');
                DELETE FROM fault_day
                WHERE OLD.kind = 'fault' AND day = (OLD.received_at + 28800) / 86400 AND level = OLD.level
                  AND region = coalesce(OLD.region, '') AND reported = 0;
                """
            let add = """
                INSERT INTO fault_day (day, level, region, reported, restored, in_time)
                SELECT \(row("NEW")) WHERE NEW.kind = 'fault'
                ON CONFLICT DO UPDATE SET reported = reported + 1, restored = restored + excluded.restored,
                                          in_time = in_time + excluded.in_time;
                """
            try db.execute(sql: """
                CREATE TABLE fault_day (
                    day INTEGER NOT NULL,
                    level INTEGER NOT NULL,
                    region TEXT NOT NULL,
                    reported INTEGER NOT NULL,
                    restored INTEGER NOT NULL,
                    in_time INTEGER NOT NULL,
                    PRIMARY KEY (day, level, region)
                ) WITHOUT ROWID;
                INSERT INTO fault_day (day, level, region, reported, restored, in_time)
                    \(AppDatabase.faultDayRecount);
                CREATE TRIGGER item_fault_day_insert AFTER INSERT ON item WHEN NEW.kind = 'fault' BEGIN
                    \(add)
                END;
                CREATE TRIGGER item_fault_day_update AFTER UPDATE ON item
                    WHEN (OLD.kind = 'fault' OR NEW.kind = 'fault')
                     AND (OLD.kind IS NOT NEW.kind OR OLD.received_at IS NOT NEW.received_at OR OLD.level IS NOT NEW.level
                          OR OLD.region IS NOT NEW.region OR OLD.due_at IS NOT NEW.due_at
                          OR OLD.rule_event_at IS NOT NEW.rule_event_at)
                BEGIN
                    \(remove)
                    \(add)
                END;
                CREATE TRIGGER item_fault_day_delete AFTER DELETE ON item WHEN OLD.kind = 'fault' BEGIN
                    \(remove)
                END;
                """)
        },
        // Training sessions (培训) are work items of kind 'training' (the topic is the title; history
        // serves them as it is); what only they have lives beside them:
        //
        // - `training`: the audience, the place, the trainer and the day it is held.
        // - `training_step`: a row per step done, with when and by whom; a step without a row is
        //   pending. Once done, a step stays done: the row cannot change or go.
        // - `training_attendee`: who attended (one name once a session), from which office and
        //   region, and the exam score (0–100) once known; only the score may change.
        // - `training_material`: paths or links to its materials. Append-only.
        Migration(identifier: "v11: trainings") { db in
            try db.execute(sql: """
                CREATE TABLE training (
                    item_id INTEGER PRIMARY KEY REFERENCES item(id),
                    type TEXT NOT NULL CHECK (type IN ('admin', 'operator', 'sysadmin')),
                    place TEXT NOT NULL CHECK (length(trim(place)) > 0),
                    trainer TEXT NOT NULL CHECK (length(trim(trainer)) > 0),
                    held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
                );
                CREATE INDEX training_held_on ON training(held_on, item_id);
                CREATE TRIGGER training_no_delete BEFORE DELETE ON training
                    BEGIN SELECT RAISE(ABORT, 'a training cannot be deleted'); END;
                CREATE TRIGGER training_no_update BEFORE UPDATE ON training
                    BEGIN SELECT RAISE(ABORT, 'a training''s type, place, trainer and day cannot be changed'); END;

                CREATE TABLE training_step (
                    item_id INTEGER NOT NULL REFERENCES training(item_id),
                    step TEXT NOT NULL CHECK (step IN ('content', 'plan', 'materials', 'delivery', 'exam', 'qa', 'upload')),
                    done_at INTEGER NOT NULL,
                    done_by TEXT NOT NULL,
                    PRIMARY KEY (item_id, step)
                ) WITHOUT ROWID;
                CREATE TRIGGER training_step_no_update BEFORE UPDATE ON training_step
                    BEGIN SELECT RAISE(ABORT, 'a training step done stays done'); END;
                CREATE TRIGGER training_step_no_delete BEFORE DELETE ON training_step
                    BEGIN SELECT RAISE(ABORT, 'a training step done stays done'); END;

                CREATE TABLE training_attendee (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    item_id INTEGER NOT NULL REFERENCES training(item_id),
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    office TEXT NOT NULL CHECK (length(trim(office)) > 0),
                    region TEXT NOT NULL REFERENCES region(code),
                    score INTEGER CHECK (score IS NULL OR (typeof(score) = 'integer' AND score BETWEEN 0 AND 100)),
                    UNIQUE (item_id, name)
                );
                CREATE TRIGGER training_attendee_no_delete BEFORE DELETE ON training_attendee
                    BEGIN SELECT RAISE(ABORT, 'an attendee cannot be deleted'); END;
                CREATE TRIGGER training_attendee_score_only BEFORE UPDATE ON training_attendee
                    WHEN NEW.id IS NOT OLD.id OR NEW.item_id IS NOT OLD.item_id OR NEW.name IS NOT OLD.name
                      OR NEW.office IS NOT OLD.office OR NEW.region IS NOT OLD.region
                    BEGIN SELECT RAISE(ABORT, 'only an attendee''s score can be changed'); END;

                CREATE TABLE training_material (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    item_id INTEGER NOT NULL REFERENCES training(item_id),
                    location TEXT NOT NULL CHECK (length(trim(location)) > 0),
                    added_at INTEGER NOT NULL,
                    added_by TEXT NOT NULL,
                    UNIQUE (item_id, location)
                );
                CREATE TRIGGER training_material_no_update BEFORE UPDATE ON training_material
                    BEGIN SELECT RAISE(ABORT, 'training materials are a record: they cannot be changed'); END;
                CREATE TRIGGER training_material_no_delete BEFORE DELETE ON training_material
                    BEGIN SELECT RAISE(ABORT, 'training materials are a record: they cannot be deleted'); END;
                """)
        },
        // Inspections (巡检) and the inventory their targets are checked against.
        //
        // - `inventory`: the database instance, its core users (schemas) and their tablespaces, the
        //   application servers and the load-balanced addresses they sit behind (`parent`).
        //   Reference data, edited by supervisors (each change in the audit log).
        // - `inspection`: when, by whom, what kind, and whether imported or entered by hand. A record:
        //   never changed or deleted.
        // - `inspection_reading`: its readings in order (`number` from 0, as the file counts), each a
        //   number or a text; whether its target was in the inventory; what it was found over at the
        //   thresholds then in force (`finding`: 'fault1'…'fault3' or 'task'); and the item it opened
        //   (`opened` = 1) or was linked to while that item was open. A record too.
        Migration(identifier: "v12: inventory and inspections") { db in
            try db.execute(sql: """
                CREATE TABLE inventory (
                    kind TEXT NOT NULL CHECK (kind IN ('database', 'schema', 'tablespace', 'server', 'address')),
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    parent TEXT,
                    note TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (kind, name)
                ) WITHOUT ROWID;

                CREATE TABLE inspection (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at INTEGER NOT NULL,
                    inspector TEXT NOT NULL CHECK (length(trim(inspector)) > 0),
                    kind TEXT NOT NULL CHECK (kind IN ('database', 'application', 'business')),
                    source TEXT NOT NULL CHECK (source IN ('import', 'manual')),
                    recorded_at INTEGER NOT NULL,
                    recorded_by TEXT NOT NULL
                );
                CREATE INDEX inspection_at ON inspection(at, id);
                CREATE INDEX inspection_kind_at ON inspection(kind, at, id);
                CREATE TRIGGER inspection_no_update BEFORE UPDATE ON inspection
                    BEGIN SELECT RAISE(ABORT, 'inspections are a record: they cannot be changed'); END;
                CREATE TRIGGER inspection_no_delete BEFORE DELETE ON inspection
                    BEGIN SELECT RAISE(ABORT, 'inspections are a record: they cannot be deleted'); END;

                CREATE TABLE inspection_reading (
                    inspection_id INTEGER NOT NULL REFERENCES inspection(id),
                    number INTEGER NOT NULL CHECK (number >= 0),
                    check_name TEXT NOT NULL CHECK (check_name IN ('tablespace', 'service_down', 'locks_long', 'cpu', 'disk',
                                                                   'sessions', 'archive_log', 'service_log', 'visit')),
                    target TEXT NOT NULL CHECK (length(trim(target)) > 0),
                    number_value REAL,
                    text_value TEXT,
                    known INTEGER NOT NULL CHECK (known IN (0, 1)),
                    finding TEXT CHECK (finding IN ('fault1', 'fault2', 'fault3', 'task')),
                    threshold TEXT,
                    item_id INTEGER REFERENCES item(id),
                    opened INTEGER NOT NULL DEFAULT 0 CHECK (opened IN (0, 1)),
                    PRIMARY KEY (inspection_id, number),
                    CHECK ((number_value IS NULL) <> (text_value IS NULL)),
                    CHECK (item_id IS NULL OR finding IS NOT NULL),
                    CHECK (opened = 0 OR item_id IS NOT NULL)
                ) WITHOUT ROWID;
                CREATE INDEX inspection_reading_item ON inspection_reading(item_id) WHERE item_id IS NOT NULL;
                CREATE INDEX inspection_reading_opened ON inspection_reading(check_name, target, item_id) WHERE opened = 1;
                CREATE TRIGGER inspection_reading_no_update BEFORE UPDATE ON inspection_reading
                    BEGIN SELECT RAISE(ABORT, 'inspections are a record: they cannot be changed'); END;
                CREATE TRIGGER inspection_reading_no_delete BEFORE DELETE ON inspection_reading
                    BEGIN SELECT RAISE(ABORT, 'inspections are a record: they cannot be deleted'); END;
                """)
        },
        // Trainings are entered after the fact, and 玉树 has many of one name: an attendee is known
        // by name and office (two 才让 of two offices attend one session; the same name and office
        // once), and an attendee's name, office, region and score can be corrected (each change in
        // history). SQLite cannot drop a UNIQUE constraint: the table is made again, its rows and
        // their ids kept.
        Migration(identifier: "v13: attendees known by name and office, corrected") { db in
            try db.execute(sql: """
                CREATE TABLE training_attendee_by_office (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    item_id INTEGER NOT NULL REFERENCES training(item_id),
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    office TEXT NOT NULL CHECK (length(trim(office)) > 0),
                    region TEXT NOT NULL REFERENCES region(code),
                    score INTEGER CHECK (score IS NULL OR (typeof(score) = 'integer' AND score BETWEEN 0 AND 100)),
                    UNIQUE (item_id, name, office)
                );
                INSERT INTO training_attendee_by_office (id, item_id, name, office, region, score)
                    SELECT id, item_id, name, office, region, score FROM training_attendee ORDER BY id;
                DROP TABLE training_attendee;
                ALTER TABLE training_attendee_by_office RENAME TO training_attendee;
                CREATE TRIGGER training_attendee_no_delete BEFORE DELETE ON training_attendee
                    BEGIN SELECT RAISE(ABORT, 'an attendee cannot be deleted'); END;
                CREATE TRIGGER training_attendee_stays BEFORE UPDATE ON training_attendee
                    WHEN NEW.id IS NOT OLD.id OR NEW.item_id IS NOT OLD.item_id
                    BEGIN SELECT RAISE(ABORT, 'an attendee stays the attendee of their training'); END;
                """)
        },
        // Inspections say what they did, in the reader's language.
        //
        // - `item.text_code`: the title and description of an item the system opened (an
        //   inspection's reading over its threshold) as a code with its values (Codes.swift),
        //   said in the reader's language; `title` and `description` keep the Chinese words, for
        //   search. Items an import opened before are recognised when their title and description
        //   read as the import wrote them (the Chinese title; the English title, then "巡检
        //   inspection #N · inspector") and coded; any other is left as stored.
        // - `inspection.content_sha256`: the SHA-256 of an imported file's bytes, in hex, so that
        //   the same file is not imported twice by mistake; `again_of`: the inspection whose file
        //   an import repeated on purpose (`--again`). Inspections recorded before have neither.
        Migration(identifier: "v14: inspection texts as codes, imported files' hashes") { db in
            try db.execute(sql: """
                ALTER TABLE item ADD COLUMN text_code TEXT;
                ALTER TABLE inspection ADD COLUMN content_sha256 TEXT;
                ALTER TABLE inspection ADD COLUMN again_of INTEGER REFERENCES inspection(id);
                CREATE INDEX inspection_content ON inspection(content_sha256) WHERE content_sha256 IS NOT NULL;
                """)
            try AppDatabase.codeInspectionItems(db)
        },
        // Phones are kept as typed, with a key of their digits beside them (`PhoneNumber`:
        // `0971 6464897 转 8001` → `09716464897#8001`); the text index holds the key after the
        // phone, so a number is found however it was typed. Existing phones get their key (one
        // kept from before the rule: its digits), and the index is made again.
        //
        // The outbox serves notices of any kind: `kind` says which ('escalation', 'assignment'; a
        // kind this program does not know is refused when read), and only an escalation notice
        // names its step. SQLite cannot loosen `escalation_id`'s NOT NULL in place: the table is
        // made again with its rows (kind 'escalation'), ids and the ids handed out kept.
        Migration(identifier: "v15: phone keys, notices of any kind") { db in
            func text(_ r: String) -> String { TextTags.indexedText(r, kinds: TextTags.kindsOfV7) }
            try db.execute(sql: """
                ALTER TABLE item ADD COLUMN requester_phone_key TEXT;
                DROP TRIGGER item_text_insert;
                DROP TRIGGER item_text_update;
                DROP TRIGGER item_text_delete;
                """)
            let phones = try Row.fetchAll(db, sql: "SELECT id, requester_phone FROM item WHERE requester_phone IS NOT NULL")
            for row in phones {
                let id: Int64 = row[0]
                let phone: String? = row[1]
                try db.execute(sql: "UPDATE item SET requester_phone_key = ? WHERE id = ?",
                               arguments: [PhoneNumber.storedKey(phone), id])
            }
            try db.execute(sql: """
                INSERT INTO item_text (item_text) VALUES ('delete-all');
                INSERT INTO item_text (rowid, title, requester_name, requester_phone, description, tags)
                    SELECT id, \(text("item"))
                    FROM item ORDER BY id;
                INSERT INTO item_text (item_text) VALUES ('optimize');
                \(itemTextTriggers(text))
                """)
            let handedOut = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'notification'") ?? 0
            try db.execute(sql: """
                CREATE TABLE notification_v13 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (length(kind) > 0),
                    escalation_id INTEGER REFERENCES escalation(id),
                    item_id INTEGER NOT NULL REFERENCES item(id),
                    created_at INTEGER NOT NULL,
                    payload TEXT NOT NULL,
                    text TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER NOT NULL,
                    claimed_until INTEGER,
                    delivered_at INTEGER,
                    last_error TEXT,
                    message TEXT,
                    CHECK ((kind = 'escalation') = (escalation_id IS NOT NULL))
                );
                INSERT INTO notification_v13 (id, kind, escalation_id, item_id, created_at, payload, text, attempts,
                                              next_attempt_at, claimed_until, delivered_at, last_error, message)
                    SELECT id, 'escalation', escalation_id, item_id, created_at, payload, text, attempts,
                           next_attempt_at, claimed_until, delivered_at, last_error, message
                    FROM notification ORDER BY id;
                CREATE TABLE notification_recipient_v13 AS SELECT notification_id, username FROM notification_recipient;
                DROP TABLE notification_recipient;
                DROP TABLE notification;
                ALTER TABLE notification_v13 RENAME TO notification;
                CREATE INDEX notification_pending ON notification(next_attempt_at) WHERE delivered_at IS NULL;
                CREATE INDEX notification_by_step ON notification(escalation_id);
                CREATE TRIGGER notification_delivered_once BEFORE UPDATE ON notification
                    WHEN OLD.delivered_at IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'a delivered notification is final'); END;
                CREATE TABLE notification_recipient (
                    notification_id INTEGER NOT NULL REFERENCES notification(id),
                    username TEXT NOT NULL,
                    PRIMARY KEY (notification_id, username)
                ) WITHOUT ROWID;
                INSERT INTO notification_recipient (notification_id, username)
                    SELECT notification_id, username FROM notification_recipient_v13;
                DROP TABLE notification_recipient_v13;
                CREATE INDEX notification_recipient_user ON notification_recipient(username, notification_id);
                """)
            let kept = max(handedOut, try Int64.fetchOne(db, sql: "SELECT max(id) FROM notification") ?? 0)
            try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name IN ('notification', 'notification_v13')")
            if kept > 0 {
                try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('notification', ?)", arguments: [kept])
            }
        },
        // Files attached to an item or to an inspection (one of the two), kept whole in the
        // database so that backups carry them: the content last in the row, so that a list reads
        // the row's head only. Append-only: no DELETE, and the one UPDATE is a supervisor's erase of
        // the content, which keeps the name, size, hash and adds who, when and why.
        Migration(identifier: "v16: attachments") { db in
            try db.execute(sql: """
                CREATE TABLE attachment (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    item_id INTEGER REFERENCES item(id),
                    inspection_id INTEGER REFERENCES inspection(id),
                    name TEXT NOT NULL CHECK (length(name) > 0),
                    size INTEGER NOT NULL CHECK (size >= 0),
                    type TEXT NOT NULL CHECK (type IN ('pdf', 'png', 'jpeg', 'gif', 'zip', 'text', 'binary')),
                    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                    added_at INTEGER NOT NULL,
                    added_by TEXT NOT NULL,
                    erased_at INTEGER,
                    erased_by TEXT,
                    erased_reason TEXT,
                    content BLOB,
                    CHECK ((item_id IS NULL) <> (inspection_id IS NULL)),
                    CHECK ((content IS NULL) = (erased_at IS NOT NULL)),
                    CHECK ((erased_at IS NULL) = (erased_by IS NULL) AND (erased_at IS NULL) = (erased_reason IS NULL)),
                    CHECK (content IS NULL OR length(content) = size)
                );
                CREATE INDEX attachment_item ON attachment(item_id, id) WHERE item_id IS NOT NULL;
                CREATE INDEX attachment_inspection ON attachment(inspection_id, id) WHERE inspection_id IS NOT NULL;
                CREATE TRIGGER attachment_no_delete BEFORE DELETE ON attachment
                    BEGIN SELECT RAISE(ABORT, 'attachments are append-only: they cannot be deleted'); END;
                CREATE TRIGGER attachment_erase_only BEFORE UPDATE ON attachment
                    WHEN OLD.erased_at IS NOT NULL OR NEW.content IS NOT NULL OR NEW.erased_at IS NULL
                      OR NEW.id IS NOT OLD.id OR NEW.item_id IS NOT OLD.item_id OR NEW.inspection_id IS NOT OLD.inspection_id
                      OR NEW.name IS NOT OLD.name OR NEW.size IS NOT OLD.size OR NEW.type IS NOT OLD.type
                      OR NEW.sha256 IS NOT OLD.sha256 OR NEW.added_at IS NOT OLD.added_at OR NEW.added_by IS NOT OLD.added_by
                    BEGIN SELECT RAISE(ABORT, 'attachments are append-only: only the erase of the content changes one'); END;
                """)
        },
        // Waiting on the requester and merged duplicates: two statuses more. The item table's
        // CHECK on status is changed in place, as SQLite documents for a CHECK (ALTER TABLE, "making
        // other kinds of table schema changes"): its text in sqlite_schema rewritten, the schema
        // version bumped, the file checked. No row holds a new status yet, so nothing stored moves.
        // A merged item sorts with the closed ones (queue_key), so it leaves the working queue.
        Migration(identifier: "v17: waiting on the requester, links and merges") { db in
            try db.execute(sql: """
                ALTER TABLE item ADD COLUMN merged_into INTEGER REFERENCES item(id);
                CREATE INDEX item_merged_into ON item(merged_into) WHERE merged_into IS NOT NULL;
                CREATE TABLE item_pause (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    item_id INTEGER NOT NULL REFERENCES item(id),
                    paused_at INTEGER NOT NULL,
                    paused_by TEXT NOT NULL,
                    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                    status_before TEXT NOT NULL CHECK (status_before IN ('open', 'responded', 'assessed')),
                    due_before INTEGER NOT NULL,
                    remaining INTEGER NOT NULL CHECK (remaining >= 0),
                    resumed_at INTEGER,
                    resumed_by TEXT,
                    due_after INTEGER,
                    CHECK ((resumed_at IS NULL) = (due_after IS NULL) AND (resumed_at IS NULL) = (resumed_by IS NULL)),
                    CHECK (resumed_at IS NULL OR resumed_at >= paused_at)
                );
                CREATE UNIQUE INDEX item_pause_waiting ON item_pause(item_id) WHERE resumed_at IS NULL;
                CREATE INDEX item_pause_item ON item_pause(item_id, paused_at);
                CREATE INDEX item_pause_at ON item_pause(paused_at);
                CREATE TRIGGER item_pause_no_delete BEFORE DELETE ON item_pause
                    BEGIN SELECT RAISE(ABORT, 'pauses are kept: they cannot be deleted'); END;
                CREATE TABLE item_relation (
                    low INTEGER NOT NULL REFERENCES item(id),
                    high INTEGER NOT NULL REFERENCES item(id),
                    created_at INTEGER NOT NULL,
                    created_by TEXT NOT NULL,
                    PRIMARY KEY (low, high),
                    CHECK (low < high)
                ) WITHOUT ROWID;
                CREATE INDEX item_relation_high ON item_relation(high, low);
                """)
            let checks = [
                ("status TEXT NOT NULL CHECK (status IN ('open', 'responded', 'assessed', 'closed'))",
                 "status TEXT NOT NULL CHECK (status IN ('open', 'responded', 'assessed', 'closed', 'waiting', 'merged'))"),
                ("CASE WHEN status = 'closed' THEN 3000000000000 - closed_at ELSE deadline_key END",
                 "CASE WHEN status = 'closed' THEN 3000000000000 - closed_at "
                    + "WHEN status = 'merged' THEN 3000000000000 - coalesce(closed_at, updated_at) ELSE deadline_key END"),
            ]
            guard var table = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'item'") else {
                throw StoreError.invalid(Catalog.WaitingAndLinks.schemaUnexpected)
            }
            for (old, new) in checks {
                guard table.contains(old) else { throw StoreError.invalid(Catalog.WaitingAndLinks.schemaUnexpected) }
                table = table.replacingOccurrences(of: old, with: new)
            }
            let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'item'", arguments: [table])
            try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
            try db.execute(sql: "PRAGMA writable_schema = OFF")
            let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard check == ["ok"] else { throw StoreError.invalid(Catalog.WaitingAndLinks.schemaUnexpected) }
            // The text index tags an item's status: its triggers are made again to know the new ones.
            // The statuses as this migration knows them, named here so that a later status does not change it.
            func text(_ r: String) -> String {
                TextTags.indexedText(r, kinds: TextTags.kindsOfV7, statuses: [.open, .responded, .assessed, .closed, .waiting, .merged])
            }
            try db.execute(sql: """
                DROP TRIGGER item_text_insert;
                DROP TRIGGER item_text_update;
                DROP TRIGGER item_text_delete;
                \(itemTextTriggers(text))
                """)
        },
        // The conversation around an item: internal notes, replies to the requester and what the
        // requester said, each with its author and time. The responses recorded so far (history's
        // `responded` entries, whose note was the answer) become its first replies.
        Migration(identifier: "v18: the timeline of notes, replies and messages") { db in
            try db.execute(sql: """
                CREATE TABLE timeline_entry (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    item_id INTEGER NOT NULL REFERENCES item(id),
                    kind TEXT NOT NULL CHECK (kind IN ('note', 'reply', 'message')),
                    at INTEGER NOT NULL,
                    author TEXT NOT NULL,
                    text TEXT NOT NULL CHECK (length(text) > 0),
                    channel TEXT REFERENCES channel(code),
                    recorded_at INTEGER NOT NULL,
                    CHECK (channel IS NULL OR kind = 'message')
                );
                CREATE INDEX timeline_by_item ON timeline_entry(item_id, at, id);
                INSERT INTO timeline_entry (item_id, kind, at, author, text, recorded_at)
                    SELECT item_id, 'reply', at, actor, note, recorded_at FROM history
                    WHERE event = 'responded' AND field IS NULL AND note IS NOT NULL AND length(note) > 0
                    ORDER BY id;
                """)
        },
        // A directory of requesters, known by name and office (`requester`, UNIQUE (name, office)),
        // with their phones as typed and keyed (`requester_phone`), their history (append-only:
        // added, each field edited old → new) and the items they asked for (`item_requester`, so
        // an item may have several). Items taken in before keep their own copy of the requester's
        // text; the directory is filled from their distinct name and office (the latest item's
        // region, each distinct phone), and each item is linked to its entry.
        Migration(identifier: "v19: requester directory") { db in
            try db.execute(sql: """
                CREATE TABLE requester (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    office TEXT NOT NULL DEFAULT '',
                    region TEXT REFERENCES region(code),
                    email TEXT,
                    chat_id TEXT,
                    language TEXT CHECK (language IN ('zh', 'en')),
                    channel TEXT REFERENCES channel(code),
                    created_at INTEGER NOT NULL,
                    created_by TEXT NOT NULL,
                    version INTEGER NOT NULL DEFAULT 1,
                    UNIQUE (name, office)
                );
                CREATE TABLE requester_phone (
                    requester_id INTEGER NOT NULL REFERENCES requester(id),
                    position INTEGER NOT NULL,
                    phone TEXT NOT NULL,
                    phone_key TEXT NOT NULL,
                    PRIMARY KEY (requester_id, position)
                ) WITHOUT ROWID;
                CREATE INDEX requester_phone_by_key ON requester_phone(phone_key);
                CREATE TABLE item_requester (
                    item_id INTEGER NOT NULL REFERENCES item(id),
                    requester_id INTEGER NOT NULL REFERENCES requester(id),
                    linked_at INTEGER NOT NULL,
                    linked_by TEXT NOT NULL,
                    PRIMARY KEY (item_id, requester_id)
                ) WITHOUT ROWID;
                CREATE INDEX item_requester_by_requester ON item_requester(requester_id, item_id);
                CREATE TABLE requester_history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    requester_id INTEGER NOT NULL REFERENCES requester(id),
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    event TEXT NOT NULL CHECK (event IN ('added', 'edited')),
                    field TEXT,
                    old_value TEXT,
                    new_value TEXT
                );
                CREATE INDEX requester_history_by_requester ON requester_history(requester_id, id);
                CREATE TRIGGER requester_history_no_update BEFORE UPDATE ON requester_history
                    BEGIN SELECT RAISE(ABORT, 'history is append-only: entries cannot be changed'); END;
                CREATE TRIGGER requester_history_no_delete BEFORE DELETE ON requester_history
                    BEGIN SELECT RAISE(ABORT, 'history is append-only: entries cannot be deleted'); END;
                CREATE TRIGGER requester_no_delete BEFORE DELETE ON requester
                    BEGIN SELECT RAISE(ABORT, 'a requester cannot be deleted'); END;
                CREATE TRIGGER item_requester_no_delete BEFORE DELETE ON item_requester
                    BEGIN SELECT RAISE(ABORT, 'a ticket stays linked to its requester'); END;

                INSERT INTO requester (name, office, region, created_at, created_by)
                    SELECT name, office, region, created_at, created_by FROM (
                        SELECT trim(requester_name) AS name, coalesce(trim(requester_office), '') AS office,
                               region, created_at, created_by, max(id) AS latest
                        FROM item WHERE length(trim(coalesce(requester_name, ''))) > 0
                        GROUP BY 1, 2)
                    ORDER BY latest;
                INSERT INTO requester_phone (requester_id, position, phone, phone_key)
                    SELECT requester_id, row_number() OVER (PARTITION BY requester_id ORDER BY latest DESC) - 1, phone, phone_key
                    FROM (SELECT r.id AS requester_id, i.requester_phone AS phone, i.requester_phone_key AS phone_key,
                                 max(i.id) AS latest
                          FROM item i JOIN requester r
                            ON r.name = trim(i.requester_name) AND r.office = coalesce(trim(i.requester_office), '')
                          WHERE i.requester_phone_key IS NOT NULL AND length(i.requester_phone_key) > 0
                          GROUP BY r.id, i.requester_phone_key);
                INSERT INTO item_requester (item_id, requester_id, linked_at, linked_by)
                    SELECT i.id, r.id, i.created_at, i.created_by
                    FROM item i JOIN requester r
                      ON r.name = trim(i.requester_name) AND r.office = coalesce(trim(i.requester_office), '');
                """)
        },
        // A notice sent by e-mail carries a `Message-ID` of the desk's own, so that the requester's
        // answer (`In-Reply-To`, `References`) finds its ticket again; one id, one notice.
        Migration(identifier: "v20: notices' message ids") { db in
            try db.execute(sql: """
                ALTER TABLE notification ADD COLUMN message_id TEXT;
                CREATE UNIQUE INDEX notification_message_id ON notification(message_id) WHERE message_id IS NOT NULL;
                """)
        },
        // Notices to requesters: to whom one was written (`notification.requester_id`, found by
        // item for the timeline), and a ticket's or a requester's notices turned off. Existing
        // tickets and requesters keep hearing from the desk (off is 0).
        Migration(identifier: "v21: notices to requesters") { db in
            try db.execute(sql: """
                ALTER TABLE notification ADD COLUMN requester_id INTEGER REFERENCES requester(id);
                CREATE INDEX notification_by_item ON notification(item_id, id);
                ALTER TABLE item ADD COLUMN notices_off INTEGER NOT NULL DEFAULT 0 CHECK (notices_off IN (0, 1));
                ALTER TABLE requester ADD COLUMN notices_off INTEGER NOT NULL DEFAULT 0 CHECK (notices_off IN (0, 1));
                """)
        },
        // A notice's event id, by which a gateway drops a repeat, is 128 random bits rather than the
        // row's id: a database restored from a replica or a backup may hand a row id out again, a
        // random id never. The trigger gives every new row one, whichever way it is inserted; once
        // given it never changes (a delivered notice stays final otherwise).
        Migration(identifier: "v22: notices' event ids") { db in
            try db.execute(sql: """
                ALTER TABLE notification ADD COLUMN event_id TEXT;
                DROP TRIGGER notification_delivered_once;
                UPDATE notification SET event_id = lower(hex(randomblob(16)));
                CREATE UNIQUE INDEX notification_event_id ON notification(event_id);
                CREATE TRIGGER notification_delivered_once BEFORE UPDATE ON notification
                    WHEN OLD.delivered_at IS NOT NULL AND OLD.event_id IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'a delivered notification is final'); END;
                CREATE TRIGGER notification_event_id_kept BEFORE UPDATE OF event_id ON notification
                    WHEN OLD.event_id IS NOT NULL AND NEW.event_id IS NOT OLD.event_id
                    BEGIN SELECT RAISE(ABORT, 'a notification keeps its event id'); END;
                CREATE TRIGGER notification_event_id_given AFTER INSERT ON notification
                    WHEN NEW.event_id IS NULL
                    BEGIN UPDATE notification SET event_id = lower(hex(randomblob(16))) WHERE id = NEW.id; END;
                """)
        },
        // Every message `mail-in` took in, so that one delivered twice is known, and what was done
        // with it; and the tickets opened from a sender the directory did not know, to be confirmed.
        Migration(identifier: "v23: mail taken in, tickets to confirm") { db in
            try db.execute(sql: """
                CREATE TABLE mail_message (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    message_id TEXT,
                    sender TEXT,
                    subject TEXT NOT NULL,
                    received_at INTEGER NOT NULL,
                    received_from TEXT NOT NULL CHECK (received_from IN ('received', 'date', 'now')),
                    size INTEGER NOT NULL,
                    automatic INTEGER NOT NULL CHECK (automatic IN (0, 1)),
                    item_id INTEGER REFERENCES item(id),
                    outcome TEXT NOT NULL CHECK (outcome IN ('opened', 'added', 'reopened', 'follow_up', 'recorded')),
                    recorded_at INTEGER NOT NULL,
                    recorded_by TEXT NOT NULL
                );
                CREATE UNIQUE INDEX mail_message_id ON mail_message(message_id) WHERE message_id IS NOT NULL;
                CREATE INDEX mail_message_item ON mail_message(item_id, id) WHERE item_id IS NOT NULL;
                CREATE TABLE item_to_confirm (
                    item_id INTEGER PRIMARY KEY REFERENCES item(id),
                    since INTEGER NOT NULL
                );
                """)
        },
        // A person's views of the lists: filters and searches saved under a name (`saved_view`), and
        // each list's as it was last left (`last_view`); the settings are a small JSON object
        // with its version. A person's own state: nothing shared, no history.
        Migration(identifier: "v24: saved views") { db in
            try db.execute(sql: """
                CREATE TABLE saved_view (
                    username TEXT NOT NULL,
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    pane TEXT NOT NULL CHECK (pane IN ('queue', 'board', 'tasks', 'changes', 'trainings')),
                    settings TEXT NOT NULL,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (username, name)
                ) WITHOUT ROWID;
                CREATE TABLE last_view (
                    username TEXT NOT NULL,
                    pane TEXT NOT NULL CHECK (pane IN ('queue', 'board', 'tasks', 'changes', 'trainings')),
                    settings TEXT NOT NULL,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (username, pane)
                ) WITHOUT ROWID;
                """)
        },
        // The desk's canned answers: a title, a body in Chinese, English or both, what it is for;
        // supervisors add, edit and retire them (the audit log keeps each change).
        Migration(identifier: "v25: reply templates") { db in
            try db.execute(sql: """
                CREATE TABLE template (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                    body_zh TEXT,
                    body_en TEXT,
                    use TEXT NOT NULL CHECK (use IN ('reply', 'note')),
                    retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
                    version INTEGER NOT NULL DEFAULT 1,
                    created_at INTEGER NOT NULL,
                    created_by TEXT NOT NULL,
                    edited_at INTEGER,
                    edited_by TEXT,
                    CHECK (body_zh IS NOT NULL OR body_en IS NOT NULL)
                );
                CREATE INDEX template_active ON template(use, retired, title);
                """)
        },
    ]
}

extension AppDatabase {
    /// The text index's triggers since the phone's key (v15), each row's indexed text made by
    /// `text` from `NEW` or `OLD`: an item's text follows its inserts, updates and deletes.
    static func itemTextTriggers(_ text: (String) -> String) -> String {
        """
                CREATE TRIGGER item_text_insert AFTER INSERT ON item BEGIN
                    INSERT INTO item_text (rowid, title, requester_name, requester_phone, description, tags)
                    VALUES (NEW.id, \(text("NEW")));
                END;
                CREATE TRIGGER item_text_update AFTER UPDATE ON item
                    WHEN OLD.title IS NOT NEW.title OR OLD.requester_name IS NOT NEW.requester_name
                      OR OLD.requester_phone IS NOT NEW.requester_phone OR OLD.requester_phone_key IS NOT NEW.requester_phone_key
                      OR OLD.description IS NOT NEW.description
                      OR OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status OR OLD.region IS NOT NEW.region
                      OR OLD.level IS NOT NEW.level OR OLD.owner IS NOT NEW.owner
                BEGIN
                    INSERT INTO item_text (item_text, rowid, title, requester_name, requester_phone, description, tags)
                    VALUES ('delete', OLD.id, \(text("OLD")));
                    INSERT INTO item_text (rowid, title, requester_name, requester_phone, description, tags)
                    VALUES (NEW.id, \(text("NEW")));
                END;
                CREATE TRIGGER item_text_delete AFTER DELETE ON item BEGIN
                    INSERT INTO item_text (item_text, rowid, title, requester_name, requester_phone, description, tags)
                    VALUES ('delete', OLD.id, \(text("OLD")));
                END;
                """
    }
}
