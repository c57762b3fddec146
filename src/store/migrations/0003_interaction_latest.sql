-- keepwarm schema, version 3: the latest interaction of each kind per contact,
-- kept current by triggers, so planning reads one small row per (contact, kind)
-- instead of scanning every interaction ever logged.

CREATE INDEX interactions_contact_kind_date ON interactions (contact_id, kind, date, id);
CREATE INDEX interactions_events ON interactions (date) WHERE event_name IS NOT NULL;

CREATE TABLE interaction_latest (
    contact_id     INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind           TEXT    NOT NULL,
    date           TEXT    NOT NULL,
    interaction_id INTEGER NOT NULL,
    event_name     TEXT,
    PRIMARY KEY (contact_id, kind)
) WITHOUT ROWID;

INSERT INTO interaction_latest (contact_id, kind, date, interaction_id, event_name)
SELECT contact_id, kind, date, id, event_name
FROM (SELECT *, row_number() OVER (PARTITION BY contact_id, kind ORDER BY date DESC, id DESC) AS rank
      FROM interactions)
WHERE rank = 1;

CREATE TRIGGER interaction_latest_after_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO interaction_latest (contact_id, kind, date, interaction_id, event_name)
    VALUES (new.contact_id, new.kind, new.date, new.id, new.event_name)
    ON CONFLICT (contact_id, kind) DO UPDATE
        SET date = excluded.date, interaction_id = excluded.interaction_id, event_name = excluded.event_name
        WHERE excluded.date > interaction_latest.date
           OR (excluded.date = interaction_latest.date AND excluded.interaction_id > interaction_latest.interaction_id);
END;

CREATE TRIGGER interaction_latest_after_delete AFTER DELETE ON interactions BEGIN
    DELETE FROM interaction_latest WHERE contact_id = old.contact_id AND kind = old.kind;
    INSERT INTO interaction_latest (contact_id, kind, date, interaction_id, event_name)
    SELECT contact_id, kind, date, id, event_name FROM interactions
    WHERE contact_id = old.contact_id AND kind = old.kind
    ORDER BY date DESC, id DESC LIMIT 1;
END;

CREATE TRIGGER interaction_latest_after_update AFTER UPDATE OF contact_id, kind, date, event_name ON interactions BEGIN
    DELETE FROM interaction_latest
    WHERE (contact_id = old.contact_id AND kind = old.kind) OR (contact_id = new.contact_id AND kind = new.kind);
    INSERT OR IGNORE INTO interaction_latest (contact_id, kind, date, interaction_id, event_name)
    SELECT contact_id, kind, date, id, event_name FROM interactions
    WHERE contact_id = old.contact_id AND kind = old.kind
    ORDER BY date DESC, id DESC LIMIT 1;
    INSERT OR IGNORE INTO interaction_latest (contact_id, kind, date, interaction_id, event_name)
    SELECT contact_id, kind, date, id, event_name FROM interactions
    WHERE contact_id = new.contact_id AND kind = new.kind
    ORDER BY date DESC, id DESC LIMIT 1;
END;
