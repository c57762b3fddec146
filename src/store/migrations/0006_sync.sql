-- keepwarm schema: sync with a CardDAV/CalDAV server.
--
-- All of this is bookkeeping (never journaled, so `undo` leaves it alone). The
-- password is not here: it lives in the operating system's keyring.
--
-- Triggers on the user's tables record what changed locally once sync is set
-- up, whatever wrote it (a command, an import, a merge, an undo). They are off
-- (`sync_control.tracking` = 0) before setup and while a sync writes what it
-- brought from the server (tracking = 2).

CREATE TABLE sync_control (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    tracking INTEGER NOT NULL DEFAULT 0 CHECK (tracking IN (0, 1, 2))
);
INSERT INTO sync_control (id, tracking) VALUES (1, 0);

-- The one account synced with. principal/addressbook/calendar are URLs found
-- by discovery; the plan calendar receives the ping plan one way.
CREATE TABLE sync_account (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    server_url        TEXT    NOT NULL,
    username          TEXT    NOT NULL,
    principal_url     TEXT    NOT NULL,
    addressbook_url   TEXT    NOT NULL,
    calendar_url      TEXT,
    plan_calendar_url TEXT,
    plan_days         INTEGER NOT NULL DEFAULT 60,
    set_up_at         TEXT    NOT NULL,
    last_sync_at      TEXT,
    -- the last run's report (JSON), shown by `sync status`
    last_report       TEXT
);

-- Each collection's RFC 6578 sync token (NULL: read it whole next time).
CREATE TABLE sync_collections (
    url        TEXT PRIMARY KEY,
    sync_token TEXT
) WITHOUT ROWID;

-- One row per object keepwarm and the server agree on: where it is, its ETag,
-- and its fields as last agreed (the base of three-way merges, JSON).
-- entity_id NULL: the local row was deleted and the server copy must go
-- (deleted_id keeps the old id so that an undo can bring the link back).
CREATE TABLE sync_items (
    id         INTEGER PRIMARY KEY,
    collection TEXT    NOT NULL,
    href       TEXT    NOT NULL,
    uid        TEXT    NOT NULL,
    entity     TEXT    NOT NULL CHECK (entity IN ('contact', 'interaction', 'promise', 'ping')),
    entity_id  INTEGER,
    deleted_id INTEGER,
    etag       TEXT,
    base       TEXT    NOT NULL,
    -- the server's copy as last read or written (keeps what keepwarm does not manage)
    original   TEXT,
    UNIQUE (collection, href)
);
CREATE INDEX sync_items_entity ON sync_items (entity, entity_id);
CREATE INDEX sync_items_deleted ON sync_items (entity, deleted_id) WHERE deleted_id IS NOT NULL;
CREATE INDEX sync_items_uid ON sync_items (collection, uid);

-- Local changes not yet sent: version grows with each change, so a sync only
-- clears the mark when nothing changed while it was sending.
CREATE TABLE sync_dirty (
    entity     TEXT    NOT NULL,
    entity_id  INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    changed_at TEXT    NOT NULL,
    PRIMARY KEY (entity, entity_id)
) WITHOUT ROWID;

-- When each field of a contact last changed here (UTC): last writer wins per field.
CREATE TABLE sync_field_times (
    contact_id INTEGER NOT NULL,
    field      TEXT    NOT NULL,
    changed_at TEXT    NOT NULL,
    PRIMARY KEY (contact_id, field)
) WITHOUT ROWID;

-- Conflicts resolved by recent syncs, for the user to review.
CREATE TABLE sync_conflicts (
    id        INTEGER PRIMARY KEY,
    synced_at TEXT NOT NULL,
    record    TEXT NOT NULL,
    field     TEXT NOT NULL,
    kept      TEXT NOT NULL,
    dropped   TEXT NOT NULL,
    winner    TEXT NOT NULL
);

-- Contacts -------------------------------------------------------------------

CREATE TRIGGER sync_contact_insert AFTER INSERT ON contacts
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('contact', new.id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE
        SET version = version + 1, changed_at = excluded.changed_at;
    UPDATE sync_items SET entity_id = new.id, deleted_id = NULL
    WHERE entity = 'contact' AND entity_id IS NULL AND deleted_id = new.id;
END;

CREATE TRIGGER sync_contact_update AFTER UPDATE ON contacts
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('contact', new.id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE
        SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO sync_field_times (contact_id, field, changed_at)
    SELECT new.id, f, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
              SELECT 'name' AS f WHERE old.display_name IS NOT new.display_name
    UNION ALL SELECT 'given_name' WHERE old.given_name IS NOT new.given_name
    UNION ALL SELECT 'family_name' WHERE old.family_name IS NOT new.family_name
    UNION ALL SELECT 'company' WHERE old.company IS NOT new.company
    UNION ALL SELECT 'title' WHERE old.title IS NOT new.title
    UNION ALL SELECT 'birthday' WHERE old.birthday IS NOT new.birthday
    UNION ALL SELECT 'circle' WHERE old.circle IS NOT new.circle
    UNION ALL SELECT 'notes' WHERE old.notes IS NOT new.notes
    UNION ALL SELECT 'paused' WHERE old.paused IS NOT new.paused
    UNION ALL SELECT 'created_on' WHERE old.created_on IS NOT new.created_on
    UNION ALL SELECT 'source' WHERE old.source IS NOT new.source
    ) WHERE true
    ON CONFLICT (contact_id, field) DO UPDATE SET changed_at = excluded.changed_at;
END;

CREATE TRIGGER sync_contact_delete AFTER DELETE ON contacts
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    UPDATE sync_items SET entity_id = NULL, deleted_id = old.id
    WHERE entity = 'contact' AND entity_id = old.id;
    DELETE FROM sync_dirty WHERE entity = 'contact' AND entity_id = old.id;
    DELETE FROM sync_field_times WHERE contact_id = old.id;
END;

-- A contact's lists: any change marks the contact and stamps the list.
CREATE TRIGGER sync_email_insert AFTER INSERT ON contact_emails
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('contact', new.contact_id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO sync_field_times VALUES (new.contact_id, 'emails', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (contact_id, field) DO UPDATE SET changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_email_delete AFTER DELETE ON contact_emails
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('contact', old.contact_id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO sync_field_times VALUES (old.contact_id, 'emails', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (contact_id, field) DO UPDATE SET changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_email_update AFTER UPDATE ON contact_emails
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('contact', new.contact_id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO sync_field_times VALUES (new.contact_id, 'emails', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (contact_id, field) DO UPDATE SET changed_at = excluded.changed_at;
END;

CREATE TRIGGER sync_phone_insert AFTER INSERT ON contact_phones
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('contact', new.contact_id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO sync_field_times VALUES (new.contact_id, 'phones', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (contact_id, field) DO UPDATE SET changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_phone_delete AFTER DELETE ON contact_phones
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('contact', old.contact_id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO sync_field_times VALUES (old.contact_id, 'phones', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (contact_id, field) DO UPDATE SET changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_phone_update AFTER UPDATE ON contact_phones
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('contact', new.contact_id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO sync_field_times VALUES (new.contact_id, 'phones', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (contact_id, field) DO UPDATE SET changed_at = excluded.changed_at;
END;

CREATE TRIGGER sync_interest_insert AFTER INSERT ON contact_interests
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('contact', new.contact_id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO sync_field_times VALUES (new.contact_id, 'interests', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (contact_id, field) DO UPDATE SET changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_interest_delete AFTER DELETE ON contact_interests
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('contact', old.contact_id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO sync_field_times VALUES (old.contact_id, 'interests', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (contact_id, field) DO UPDATE SET changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_interest_update AFTER UPDATE ON contact_interests
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('contact', new.contact_id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO sync_field_times VALUES (new.contact_id, 'interests', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (contact_id, field) DO UPDATE SET changed_at = excluded.changed_at;
END;

CREATE TRIGGER sync_tag_insert AFTER INSERT ON contact_tags
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('contact', new.contact_id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO sync_field_times VALUES (new.contact_id, 'tags', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (contact_id, field) DO UPDATE SET changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_tag_delete AFTER DELETE ON contact_tags
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('contact', old.contact_id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO sync_field_times VALUES (old.contact_id, 'tags', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (contact_id, field) DO UPDATE SET changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_tag_update AFTER UPDATE ON contact_tags
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('contact', new.contact_id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    INSERT INTO sync_field_times VALUES (new.contact_id, 'tags', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (contact_id, field) DO UPDATE SET changed_at = excluded.changed_at;
END;

-- Interactions and promises ---------------------------------------------------

CREATE TRIGGER sync_interaction_insert AFTER INSERT ON interactions
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('interaction', new.id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    UPDATE sync_items SET entity_id = new.id, deleted_id = NULL
    WHERE entity = 'interaction' AND entity_id IS NULL AND deleted_id = new.id;
END;
CREATE TRIGGER sync_interaction_update AFTER UPDATE ON interactions
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('interaction', new.id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_interaction_delete AFTER DELETE ON interactions
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    UPDATE sync_items SET entity_id = NULL, deleted_id = old.id
    WHERE entity = 'interaction' AND entity_id = old.id;
    DELETE FROM sync_dirty WHERE entity = 'interaction' AND entity_id = old.id;
END;

CREATE TRIGGER sync_promise_insert AFTER INSERT ON promises
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('promise', new.id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
    UPDATE sync_items SET entity_id = new.id, deleted_id = NULL
    WHERE entity = 'promise' AND entity_id IS NULL AND deleted_id = new.id;
END;
CREATE TRIGGER sync_promise_update AFTER UPDATE ON promises
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    VALUES ('promise', new.id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_promise_delete AFTER DELETE ON promises
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    UPDATE sync_items SET entity_id = NULL, deleted_id = old.id
    WHERE entity = 'promise' AND entity_id = old.id;
    DELETE FROM sync_dirty WHERE entity = 'promise' AND entity_id = old.id;
END;
