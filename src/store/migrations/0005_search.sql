-- keepwarm schema, version 5: full-text search over contacts and their history.
--
-- Two FTS5 indexes, both accent- and case-insensitive, with prefix indexes for
-- search-as-you-type:
--   contact_search      one row per live contact (rowid = contacts.id): the card.
--                       Trashed contacts have no row, so they are never found.
--   interaction_search  one row per interaction (rowid = interactions.id), reading
--                       its text from `interactions` (external content): logging
--                       an interaction indexes that note only, not the whole card.
-- Triggers keep both in the same transaction as every write, including undo
-- (which applies SQLite session changesets, and those fire triggers too).

-- The text of each live contact's card, as the index holds it.
CREATE VIEW contact_search_source AS
SELECT c.id AS id,
       c.display_name AS name,
       coalesce(c.company, '') AS company,
       coalesce(c.title, '') AS title,
       coalesce((SELECT group_concat(email, ' ') FROM contact_emails WHERE contact_id = c.id), '') AS emails,
       coalesce((SELECT group_concat(interest, ' ; ') FROM contact_interests WHERE contact_id = c.id), '') AS interests,
       coalesce((SELECT group_concat(tag, ' ; ') FROM contact_tags WHERE contact_id = c.id), '') AS tags,
       c.notes AS notes
FROM contacts c
WHERE c.deleted_on IS NULL;

CREATE VIRTUAL TABLE contact_search USING fts5 (
    name, company, title, emails, interests, tags, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
-- A name counts most, then company and email, interests and tags, title, notes.
INSERT INTO contact_search (contact_search, rank) VALUES ('rank', 'bm25(10.0, 5.0, 2.0, 4.0, 3.0, 3.0, 1.0)');

INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source;

CREATE VIRTUAL TABLE interaction_search USING fts5 (
    note, event_name, contact_id,
    content = 'interactions', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
-- contact_id is indexed only to narrow a search to some contacts' history; it
-- does not count towards relevance.
INSERT INTO interaction_search (interaction_search, rank) VALUES ('rank', 'bm25(1.0, 2.0, 0.0)');
INSERT INTO interaction_search (interaction_search) VALUES ('rebuild');

-- The card: the contact row itself.
CREATE TRIGGER contact_search_after_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
    SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source WHERE id = new.id;
END;

CREATE TRIGGER contact_search_after_update
AFTER UPDATE OF display_name, company, title, notes, deleted_on ON contacts BEGIN
    DELETE FROM contact_search WHERE rowid = old.id;
    INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
    SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source WHERE id = new.id;
END;

CREATE TRIGGER contact_search_after_delete AFTER DELETE ON contacts BEGIN
    DELETE FROM contact_search WHERE rowid = old.id;
END;

-- The card: emails, interests and tags rebuild their contact's row.
CREATE TRIGGER contact_search_email_insert AFTER INSERT ON contact_emails BEGIN
    DELETE FROM contact_search WHERE rowid = new.contact_id;
    INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
    SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source WHERE id = new.contact_id;
END;
CREATE TRIGGER contact_search_email_delete AFTER DELETE ON contact_emails BEGIN
    DELETE FROM contact_search WHERE rowid = old.contact_id;
    INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
    SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source WHERE id = old.contact_id;
END;
CREATE TRIGGER contact_search_email_update AFTER UPDATE ON contact_emails BEGIN
    DELETE FROM contact_search WHERE rowid IN (old.contact_id, new.contact_id);
    INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
    SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source
    WHERE id IN (old.contact_id, new.contact_id);
END;

CREATE TRIGGER contact_search_interest_insert AFTER INSERT ON contact_interests BEGIN
    DELETE FROM contact_search WHERE rowid = new.contact_id;
    INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
    SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source WHERE id = new.contact_id;
END;
CREATE TRIGGER contact_search_interest_delete AFTER DELETE ON contact_interests BEGIN
    DELETE FROM contact_search WHERE rowid = old.contact_id;
    INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
    SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source WHERE id = old.contact_id;
END;
CREATE TRIGGER contact_search_interest_update AFTER UPDATE ON contact_interests BEGIN
    DELETE FROM contact_search WHERE rowid IN (old.contact_id, new.contact_id);
    INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
    SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source
    WHERE id IN (old.contact_id, new.contact_id);
END;

CREATE TRIGGER contact_search_tag_insert AFTER INSERT ON contact_tags BEGIN
    DELETE FROM contact_search WHERE rowid = new.contact_id;
    INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
    SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source WHERE id = new.contact_id;
END;
CREATE TRIGGER contact_search_tag_delete AFTER DELETE ON contact_tags BEGIN
    DELETE FROM contact_search WHERE rowid = old.contact_id;
    INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
    SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source WHERE id = old.contact_id;
END;
CREATE TRIGGER contact_search_tag_update AFTER UPDATE ON contact_tags BEGIN
    DELETE FROM contact_search WHERE rowid IN (old.contact_id, new.contact_id);
    INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
    SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source
    WHERE id IN (old.contact_id, new.contact_id);
END;

-- The history: one index row per interaction.
CREATE TRIGGER interaction_search_after_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO interaction_search (rowid, note, event_name, contact_id)
    VALUES (new.id, new.note, new.event_name, new.contact_id);
END;

CREATE TRIGGER interaction_search_after_delete AFTER DELETE ON interactions BEGIN
    INSERT INTO interaction_search (interaction_search, rowid, note, event_name, contact_id)
    VALUES ('delete', old.id, old.note, old.event_name, old.contact_id);
END;

CREATE TRIGGER interaction_search_after_update
AFTER UPDATE OF id, note, event_name, contact_id ON interactions BEGIN
    INSERT INTO interaction_search (interaction_search, rowid, note, event_name, contact_id)
    VALUES ('delete', old.id, old.note, old.event_name, old.contact_id);
    INSERT INTO interaction_search (rowid, note, event_name, contact_id)
    VALUES (new.id, new.note, new.event_name, new.contact_id);
END;
