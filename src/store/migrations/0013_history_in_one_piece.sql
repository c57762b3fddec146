-- keepwarm schema, version 13: the history index in one piece.
--
-- Indexed in bulk by earlier versions (a first indexing, an import, the demo),
-- the history index was left in several pieces, and every search reads each
-- of them in turn. A bulk of interactions is now indexed as one piece; this
-- merges an index already in pieces into one, once. What a search finds is
-- unchanged.

INSERT INTO interaction_search (interaction_search) VALUES ('optimize');
