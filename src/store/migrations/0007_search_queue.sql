-- keepwarm schema, version 6: the search index written once per transaction.
--
-- FTS5 writes its pending changes to disk at every savepoint, and each statement
-- a trigger runs opens one: indexing rows one by one from triggers made every
-- row its own index segment (bulk inserts ran several times slower, and the
-- fragmented index searched slower). Now triggers only note *which* rows
-- changed, in two small queue tables, and the store indexes them with one
-- statement per table just before each transaction commits
-- (`search::flush_search_queue`). Undo fires the same triggers, so it is
-- covered the same way. The queues are empty between transactions.
--
-- Removing an indexed interaction needs its old text, which only the trigger
-- has: that one stays immediate (edits, merges and purges are few).
--
-- The indexes are rebuilt; the history's with prefix indexes up to six
-- characters, so that search-as-you-type stays fast while a word is typed.

DROP TRIGGER contact_search_after_insert;
DROP TRIGGER contact_search_after_update;
DROP TRIGGER contact_search_after_delete;
DROP TRIGGER contact_search_email_insert;
DROP TRIGGER contact_search_email_delete;
DROP TRIGGER contact_search_email_update;
DROP TRIGGER contact_search_interest_insert;
DROP TRIGGER contact_search_interest_delete;
DROP TRIGGER contact_search_interest_update;
DROP TRIGGER contact_search_tag_insert;
DROP TRIGGER contact_search_tag_delete;
DROP TRIGGER contact_search_tag_update;
DROP TRIGGER interaction_search_after_insert;
DROP TRIGGER interaction_search_after_delete;
DROP TRIGGER interaction_search_after_update;
DROP TABLE contact_search;
DROP TABLE interaction_search;

-- Contacts whose card must be indexed again.
CREATE TABLE search_queue_contacts (contact_id INTEGER PRIMARY KEY);
-- Interactions to add to the index (not indexed yet).
CREATE TABLE search_queue_interactions (interaction_id INTEGER PRIMARY KEY);

-- Cards are few: FTS5 merges the lists of the words starting with a longer
-- prefix quickly enough, so only two- and three-letter starts are indexed.
CREATE VIRTUAL TABLE contact_search USING fts5 (
    name, company, title, emails, interests, tags, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO contact_search (contact_search, rank) VALUES ('rank', 'bm25(10.0, 5.0, 2.0, 4.0, 3.0, 3.0, 1.0)');
INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source;

-- Only the text: which contact an interaction belongs to is read from
-- `interactions` (so moving interactions in a merge costs the index nothing).
CREATE VIRTUAL TABLE interaction_search USING fts5 (
    note, event_name,
    content = 'interactions', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6'
);
INSERT INTO interaction_search (interaction_search, rank) VALUES ('rank', 'bm25(1.0, 2.0)');
INSERT INTO interaction_search (interaction_search) VALUES ('rebuild');

-- Cards: any change to a contact or its emails, interests and tags.
CREATE TRIGGER contact_search_after_insert AFTER INSERT ON contacts BEGIN
    INSERT OR IGNORE INTO search_queue_contacts VALUES (new.id);
END;
CREATE TRIGGER contact_search_after_update
AFTER UPDATE OF display_name, company, title, notes, deleted_on ON contacts BEGIN
    INSERT OR IGNORE INTO search_queue_contacts VALUES (new.id);
END;
CREATE TRIGGER contact_search_after_delete AFTER DELETE ON contacts BEGIN
    INSERT OR IGNORE INTO search_queue_contacts VALUES (old.id);
END;
CREATE TRIGGER contact_search_email_insert AFTER INSERT ON contact_emails BEGIN
    INSERT OR IGNORE INTO search_queue_contacts VALUES (new.contact_id);
END;
CREATE TRIGGER contact_search_email_delete AFTER DELETE ON contact_emails BEGIN
    INSERT OR IGNORE INTO search_queue_contacts VALUES (old.contact_id);
END;
CREATE TRIGGER contact_search_email_update AFTER UPDATE ON contact_emails BEGIN
    INSERT OR IGNORE INTO search_queue_contacts VALUES (old.contact_id), (new.contact_id);
END;
CREATE TRIGGER contact_search_interest_insert AFTER INSERT ON contact_interests BEGIN
    INSERT OR IGNORE INTO search_queue_contacts VALUES (new.contact_id);
END;
CREATE TRIGGER contact_search_interest_delete AFTER DELETE ON contact_interests BEGIN
    INSERT OR IGNORE INTO search_queue_contacts VALUES (old.contact_id);
END;
CREATE TRIGGER contact_search_interest_update AFTER UPDATE ON contact_interests BEGIN
    INSERT OR IGNORE INTO search_queue_contacts VALUES (old.contact_id), (new.contact_id);
END;
CREATE TRIGGER contact_search_tag_insert AFTER INSERT ON contact_tags BEGIN
    INSERT OR IGNORE INTO search_queue_contacts VALUES (new.contact_id);
END;
CREATE TRIGGER contact_search_tag_delete AFTER DELETE ON contact_tags BEGIN
    INSERT OR IGNORE INTO search_queue_contacts VALUES (old.contact_id);
END;
CREATE TRIGGER contact_search_tag_update AFTER UPDATE ON contact_tags BEGIN
    INSERT OR IGNORE INTO search_queue_contacts VALUES (old.contact_id), (new.contact_id);
END;

-- History. A row still in the queue is not in the index: removing or changing
-- it only touches the queue.
CREATE TRIGGER interaction_search_after_insert AFTER INSERT ON interactions BEGIN
    INSERT OR IGNORE INTO search_queue_interactions VALUES (new.id);
END;

CREATE TRIGGER interaction_search_after_delete AFTER DELETE ON interactions BEGIN
    INSERT INTO interaction_search (interaction_search, rowid, note, event_name)
    SELECT 'delete', old.id, old.note, old.event_name
    WHERE NOT EXISTS (SELECT 1 FROM search_queue_interactions WHERE interaction_id = old.id);
    DELETE FROM search_queue_interactions WHERE interaction_id = old.id;
END;

CREATE TRIGGER interaction_search_after_update
AFTER UPDATE OF id, note, event_name ON interactions BEGIN
    INSERT INTO interaction_search (interaction_search, rowid, note, event_name)
    SELECT 'delete', old.id, old.note, old.event_name
    WHERE NOT EXISTS (SELECT 1 FROM search_queue_interactions WHERE interaction_id = old.id);
    DELETE FROM search_queue_interactions WHERE interaction_id = old.id;
    INSERT OR IGNORE INTO search_queue_interactions VALUES (new.id);
END;
