-- keepwarm schema, version 2: commitments to contacts and what the user did with pings.

CREATE TABLE promises (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    text       TEXT    NOT NULL,
    due_date   TEXT    NOT NULL,
    done_date  TEXT,
    created_on TEXT    NOT NULL
);
CREATE INDEX promises_contact ON promises (contact_id);

CREATE TABLE ping_actions (
    id            INTEGER PRIMARY KEY,
    ping_id       TEXT    NOT NULL,
    contact_id    INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    action        TEXT    NOT NULL CHECK (action IN ('done', 'snoozed', 'skipped')),
    planned_date  TEXT    NOT NULL,
    acted_on      TEXT    NOT NULL,
    snoozed_until TEXT
);
CREATE INDEX ping_actions_contact ON ping_actions (contact_id);
