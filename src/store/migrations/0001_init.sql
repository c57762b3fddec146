-- keepwarm schema, version 1. Dates are local calendar dates as 'YYYY-MM-DD' text.

CREATE TABLE contacts (
    id           INTEGER PRIMARY KEY,
    uid          TEXT    NOT NULL UNIQUE,
    display_name TEXT    NOT NULL,
    given_name   TEXT    NOT NULL DEFAULT '',
    family_name  TEXT    NOT NULL DEFAULT '',
    company      TEXT,
    title        TEXT,
    -- 'YYYY-MM-DD', or '--MM-DD' when the year is unknown
    birthday     TEXT,
    circle       TEXT    NOT NULL DEFAULT 'network'
                 CHECK (circle IN ('inner', 'core', 'network', 'acquaintance')),
    notes        TEXT    NOT NULL DEFAULT '',
    paused       INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    created_on   TEXT    NOT NULL
);
CREATE INDEX contacts_display_name ON contacts (display_name COLLATE NOCASE);

CREATE TABLE contact_emails (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    email      TEXT    NOT NULL,
    PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
CREATE INDEX contact_emails_email ON contact_emails (email COLLATE NOCASE);

CREATE TABLE contact_phones (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    phone      TEXT    NOT NULL,
    -- the phone's digits only, for matching '+1 (555) 010-2000' with '15550102000'
    digits     TEXT    NOT NULL,
    PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
CREATE INDEX contact_phones_digits ON contact_phones (digits);

CREATE TABLE contact_interests (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    interest   TEXT    NOT NULL,
    PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;

CREATE TABLE interactions (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL
               CHECK (kind IN ('meeting', 'call', 'message', 'email', 'social', 'gift', 'event')),
    date       TEXT    NOT NULL,
    note       TEXT    NOT NULL DEFAULT '',
    event_name TEXT
);
CREATE INDEX interactions_contact_date ON interactions (contact_id, date);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
