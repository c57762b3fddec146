-- keepwarm schema, version 4: contacts you can manage and nothing lost —
-- labels apart from interests, a trash, merges that leave a forwarding address,
-- where each contact came from, and the journal behind `undo`.

-- The day a contact was moved to the trash; NULL for a live contact. A trashed
-- contact keeps its whole history so that `restore` brings it back as it was.
ALTER TABLE contacts ADD COLUMN deleted_on TEXT;
CREATE INDEX contacts_deleted_on ON contacts (deleted_on) WHERE deleted_on IS NOT NULL;

-- Where the contact came from: 'manual', 'vcard', 'linkedin', 'google', 'outlook',
-- 'conference' or 'demo'; NULL for contacts added before this was recorded.
ALTER TABLE contacts ADD COLUMN source TEXT;

-- Labels and groups (Google's "Clients", a vCard's CATEGORIES that are not
-- interests): shown and searchable, but suggestions use only interests.
CREATE TABLE contact_tags (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    tag        TEXT    NOT NULL,
    PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;

-- A contact merged into another leaves its old id behind: the old id resolves
-- to the contact it was merged into.
CREATE TABLE contact_redirects (
    old_id INTEGER PRIMARY KEY,
    new_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE
);

-- One row per change made through the library, newest last: what it was, in
-- words, and the SQLite session changeset that reverts it.
CREATE TABLE journal (
    id         INTEGER PRIMARY KEY,
    made_at    TEXT    NOT NULL,
    label      TEXT    NOT NULL,
    revert     BLOB    NOT NULL
);
