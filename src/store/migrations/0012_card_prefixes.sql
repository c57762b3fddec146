-- keepwarm schema, version 12: the card index answers word starts of up to
-- twelve characters from its own prefix indexes.
--
-- Without a prefix index for its length, FTS5 answers a word start ("logist",
-- "northwind" as typed) by merging the lists of every word so starting into a
-- new one, on every statement: on 50,000 cards that cost more than the rest of
-- a search put together. Cards are few, so the extra indexes cost little room
-- (about twice the index) and little time when cards are written. What a
-- search finds is unchanged.
--
-- The index is rebuilt from the cards, as one piece (the `hashsize` of the
-- store's bulk writes, then FTS5's default again).

DROP TABLE contact_search;

CREATE VIRTUAL TABLE contact_search USING fts5 (
    name, company, title, emails, interests, tags, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6 7 8 9 10 11 12'
);
INSERT INTO contact_search (contact_search, rank) VALUES ('rank', 'bm25(10.0, 5.0, 2.0, 4.0, 3.0, 3.0, 1.0)');
INSERT INTO contact_search (contact_search, rank) VALUES ('hashsize', 268435456);
INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source ORDER BY id;
INSERT INTO contact_search (contact_search, rank) VALUES ('hashsize', 1048576);
