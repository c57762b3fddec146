-- keepwarm schema: what the last sync attempt said.
--
-- A sync that fails keeps its message for the status (`keepwarm sync status`,
-- the desktop app's Settings and its status indicator), and counts failures in
-- a row, from which the desktop app's background sync backs off. A sync that
-- succeeds clears both.

ALTER TABLE sync_account ADD COLUMN last_attempt_at TEXT;
ALTER TABLE sync_account ADD COLUMN last_error TEXT;
ALTER TABLE sync_account ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
