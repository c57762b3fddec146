-- keepwarm schema: interactions and promises travel through sync, as VJOURNAL
-- and VTODO entries in a CalDAV calendar of keepwarm's own.
--
-- Each interaction and promise gets a UID that every machine shares (the
-- calendar entry's UID). Rows written without one get a random one.

ALTER TABLE interactions ADD COLUMN uid TEXT;
UPDATE interactions SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX interactions_uid ON interactions (uid);

CREATE TRIGGER interaction_uid AFTER INSERT ON interactions WHEN new.uid IS NULL BEGIN
    UPDATE interactions SET uid = lower(hex(randomblob(16))) WHERE id = new.id;
END;

ALTER TABLE promises ADD COLUMN uid TEXT;
UPDATE promises SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX promises_uid ON promises (uid);

CREATE TRIGGER promise_uid AFTER INSERT ON promises WHEN new.uid IS NULL BEGIN
    UPDATE promises SET uid = lower(hex(randomblob(16))) WHERE id = new.id;
END;

-- Calendar entries keepwarm cannot place yet (their contact is not here: deleted
-- before this machine joined, or not synced yet) or cannot read. They stay on
-- the server untouched and are tried again on every sync. Sync bookkeeping.
CREATE TABLE sync_parked (
    collection  TEXT NOT NULL,
    href        TEXT NOT NULL,
    etag        TEXT,
    data        TEXT NOT NULL,
    PRIMARY KEY (collection, href)
) WITHOUT ROWID;
