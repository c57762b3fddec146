-- keepwarm schema: a contact id is never handed out twice.
--
-- SQLite gives a new row the largest id in use plus one, so the id of a contact
-- merged away (its old id still resolves, through contact_redirects, to the
-- contact it joined) or undone could go to the next new contact, and
-- `log 66` would reach someone else. New contacts take the id after the highest
-- one ever used, kept here; the trigger keeps it whatever inserts the row (an
-- import, a sync, an undo that brings a contact back).

CREATE TABLE id_high_water (
    name    TEXT    PRIMARY KEY,
    last_id INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO id_high_water (name, last_id)
VALUES ('contacts', max((SELECT coalesce(max(id), 0) FROM contacts),
                        (SELECT coalesce(max(old_id), 0) FROM contact_redirects)));

CREATE TRIGGER contacts_id_high_water AFTER INSERT ON contacts
BEGIN
    UPDATE id_high_water SET last_id = NEW.id
    WHERE name = 'contacts' AND last_id < NEW.id;
END;
