-- Schema version 4: synchronising with the group server (nytta-server, PostgreSQL).
--
-- Every initiative and every version gets a stable UUID, the same on every machine and on
-- the server. A version's content gets a new `snapshot` UUID whenever its document or status
-- changes; `synced_snapshot` is the content last known to be on the server, so a version
-- whose two differ is waiting to be sent. `server_rev` is the server's revision of the
-- initiative when it was last synced (NULL: never). `conflict_of` marks content that was
-- kept beside someone else's change of the same version (the UUID of that version), until
-- the version is saved again.
--
-- The outbox lists local changes, written by triggers in the same transaction as the change
-- itself; a sync deletes entries only after the server has committed them. Changes applied
-- from the server are made with meta.pulling = 1 and write no outbox entries. The bundled
-- examples stay local.

ALTER TABLE initiatives ADD COLUMN uuid TEXT;
ALTER TABLE initiatives ADD COLUMN server_rev INTEGER;
ALTER TABLE valuation_versions ADD COLUMN uuid TEXT;
ALTER TABLE valuation_versions ADD COLUMN snapshot TEXT;
ALTER TABLE valuation_versions ADD COLUMN synced_snapshot TEXT;
ALTER TABLE valuation_versions ADD COLUMN conflict_of TEXT;
ALTER TABLE valuation_versions ADD COLUMN pushed_by TEXT;

INSERT INTO meta (key, value) VALUES ('pulling', 0);

-- A random (version 4) UUID, written the same way in every statement below.
UPDATE initiatives SET uuid = lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)),
    hex(randomblob(2)), substr(hex(randomblob(2)), 2), substr('89ab', 1 + (random() & 3), 1),
    substr(hex(randomblob(2)), 2), hex(randomblob(6))));
UPDATE valuation_versions SET
    uuid = lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)), hex(randomblob(2)),
        substr(hex(randomblob(2)), 2), substr('89ab', 1 + (random() & 3), 1),
        substr(hex(randomblob(2)), 2), hex(randomblob(6)))),
    snapshot = lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)), hex(randomblob(2)),
        substr(hex(randomblob(2)), 2), substr('89ab', 1 + (random() & 3), 1),
        substr(hex(randomblob(2)), 2), hex(randomblob(6))));

CREATE UNIQUE INDEX initiatives_uuid ON initiatives (uuid);
CREATE UNIQUE INDEX valuation_versions_uuid ON valuation_versions (uuid);

CREATE TRIGGER initiatives_get_uuid AFTER INSERT ON initiatives
WHEN NEW.uuid IS NULL
BEGIN
    UPDATE initiatives SET uuid = lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)),
        hex(randomblob(2)), substr(hex(randomblob(2)), 2),
        substr('89ab', 1 + (random() & 3), 1), substr(hex(randomblob(2)), 2),
        hex(randomblob(6))))
    WHERE id = NEW.id;
END;

CREATE TRIGGER versions_get_uuid AFTER INSERT ON valuation_versions
WHEN NEW.uuid IS NULL
BEGIN
    UPDATE valuation_versions SET
        uuid = lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)), hex(randomblob(2)),
            substr(hex(randomblob(2)), 2), substr('89ab', 1 + (random() & 3), 1),
            substr(hex(randomblob(2)), 2), hex(randomblob(6)))),
        snapshot = lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)), hex(randomblob(2)),
            substr(hex(randomblob(2)), 2), substr('89ab', 1 + (random() & 3), 1),
            substr(hex(randomblob(2)), 2), hex(randomblob(6))))
    WHERE id = NEW.id;
END;

-- New content, new snapshot; saving a conflict version after looking at it clears the mark.
CREATE TRIGGER versions_new_snapshot AFTER UPDATE OF document, status ON valuation_versions
WHEN (NEW.document IS NOT OLD.document OR NEW.status IS NOT OLD.status)
    AND NEW.snapshot IS OLD.snapshot
BEGIN
    UPDATE valuation_versions SET
        snapshot = lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)), hex(randomblob(2)),
            substr(hex(randomblob(2)), 2), substr('89ab', 1 + (random() & 3), 1),
            substr(hex(randomblob(2)), 2), hex(randomblob(6)))),
        conflict_of = NULL
    WHERE id = NEW.id;
END;

CREATE TABLE sync_outbox (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    change        TEXT    NOT NULL CHECK (change IN ('version', 'deleted', 'restored')),
    at            TEXT    NOT NULL
);
CREATE INDEX sync_outbox_initiative ON sync_outbox (initiative_id, seq);

CREATE TRIGGER outbox_new_version AFTER INSERT ON valuation_versions
WHEN (SELECT value FROM meta WHERE key = 'pulling') = 0
    AND (SELECT example FROM initiatives WHERE id = NEW.initiative_id) = 0
BEGIN
    INSERT INTO sync_outbox (initiative_id, change, at)
    VALUES (NEW.initiative_id, 'version', NEW.saved_at);
END;

CREATE TRIGGER outbox_changed_version AFTER UPDATE OF snapshot ON valuation_versions
WHEN OLD.snapshot IS NOT NULL AND NEW.snapshot IS NOT OLD.snapshot
    AND (SELECT value FROM meta WHERE key = 'pulling') = 0
    AND (SELECT example FROM initiatives WHERE id = NEW.initiative_id) = 0
BEGIN
    INSERT INTO sync_outbox (initiative_id, change, at)
    VALUES (NEW.initiative_id, 'version', NEW.saved_at);
END;

CREATE TRIGGER outbox_deleted AFTER UPDATE OF deleted_at ON initiatives
WHEN NEW.deleted_at IS NOT OLD.deleted_at AND NEW.example = 0
    AND (SELECT value FROM meta WHERE key = 'pulling') = 0
BEGIN
    INSERT INTO sync_outbox (initiative_id, change, at)
    VALUES (NEW.id, CASE WHEN NEW.deleted_at IS NULL THEN 'restored' ELSE 'deleted' END,
            COALESCE(NEW.deleted_at, NEW.updated_at));
END;

-- What this store has brought from the server: which server, up to which change number,
-- when; initiatives whose newer server state waits until their own changes are sent.
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE sync_pull_later (
    uuid TEXT PRIMARY KEY
);

-- The store's own initiatives (not the examples) are sent by the first sync.
INSERT INTO sync_outbox (initiative_id, change, at)
SELECT id, 'version', updated_at FROM initiatives WHERE example = 0 ORDER BY id;

-- A decided version stays frozen; the one thing a sync may change is its number, when the
-- group's numbering differs (two people added a version at the same time).
DROP TRIGGER decided_versions_keep_status;
CREATE TRIGGER decided_versions_keep_status
BEFORE UPDATE OF status, settings, decided_at, number, initiative_id ON valuation_versions
WHEN OLD.status = 'decided' AND NOT (
    (SELECT value FROM meta WHERE key = 'pulling') = 1
    AND NEW.status IS OLD.status AND NEW.settings IS OLD.settings
    AND NEW.decided_at IS OLD.decided_at AND NEW.initiative_id IS OLD.initiative_id)
BEGIN
    SELECT RAISE(ABORT, 'decided_locked');
END;
