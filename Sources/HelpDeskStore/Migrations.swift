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
            try db.execute(sql: """
                INSERT INTO region (code, name) VALUES
                    ('xining', '西宁市'), ('haidong', '海东市'), ('hainan', '海南州'), ('huangnan', '黄南州'),
                    ('yushu', '玉树州'), ('guoluo', '果洛州'), ('haixi', '海西州'), ('haibei', '海北州'),
                    ('shengzhishu', '省直属');
                INSERT INTO channel (code, name) VALUES
                    ('phone', '电话'), ('wechat', '微信'), ('qq', 'QQ'), ('email', '电子邮件'), ('fax', '传真'),
                    ('case', '需求管理平台CASE');
                """)
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
    ]
}
