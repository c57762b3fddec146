-- keepwarm schema: merges travel through sync.
--
-- When a contact the server knows is merged into another, the one that stays
-- remembers the merged-away UID, and its card carries it (X-KEEPWARM-MERGED),
-- so another machine folds its own copy in the same way instead of keeping a
-- duplicate or a stray card in the trash. Sync bookkeeping: never journaled.

CREATE TABLE sync_merged_uids (
    contact_id INTEGER NOT NULL,
    uid        TEXT    NOT NULL,
    PRIMARY KEY (contact_id, uid)
) WITHOUT ROWID;
CREATE INDEX sync_merged_uids_uid ON sync_merged_uids (uid);

-- A merge deletes OTHER (its synced card becomes a tombstone) and then adds the
-- redirect: KEEP takes OTHER's UID and whatever OTHER had absorbed before.
CREATE TRIGGER sync_redirect_insert AFTER INSERT ON contact_redirects
WHEN (SELECT tracking FROM sync_control) = 1 BEGIN
    INSERT OR IGNORE INTO sync_merged_uids (contact_id, uid)
    SELECT new.new_id, uid FROM sync_merged_uids WHERE contact_id = new.old_id;
    DELETE FROM sync_merged_uids WHERE contact_id = new.old_id;
    INSERT OR IGNORE INTO sync_merged_uids (contact_id, uid)
    SELECT new.new_id, uid FROM sync_items
    WHERE entity = 'contact' AND entity_id IS NULL AND deleted_id = new.old_id;
END;

-- A contact that exists again (a merge undone, a card sent again) is no longer
-- merged away; the contact that claimed it changes, so it is sent again.
CREATE TRIGGER sync_merged_contact_back AFTER INSERT ON contacts
WHEN EXISTS (SELECT 1 FROM sync_merged_uids WHERE uid = new.uid) BEGIN
    INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
    SELECT 'contact', contact_id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM sync_merged_uids WHERE uid = new.uid AND contact_id != new.id
    ON CONFLICT (entity, entity_id) DO UPDATE
        SET version = version + 1, changed_at = excluded.changed_at;
    DELETE FROM sync_merged_uids WHERE uid = new.uid;
END;
