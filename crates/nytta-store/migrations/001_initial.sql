-- Schema version 1: initiatives with their portfolio summary, valuation versions, settings.
-- Append-only: a later change is a new file, never an edit of this one.

CREATE TABLE initiatives (
    id                      INTEGER PRIMARY KEY,
    example                 INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),
    created_at              TEXT    NOT NULL,
    updated_at              TEXT    NOT NULL,
    deleted_at              TEXT,
    current_version_id      INTEGER,
    -- Portfolio summary of the current version, written in the same transaction.
    title                   TEXT    NOT NULL,
    department              TEXT    NOT NULL,
    stage                   TEXT    NOT NULL,
    priority_basis          TEXT,
    tags                    TEXT    NOT NULL DEFAULT '[]',
    effect                  INTEGER,
    feasibility             INTEGER,
    financing               INTEGER,
    resource_need           INTEGER,
    priority                TEXT,
    full_valuation_required INTEGER,
    npv_economic            TEXT,
    npv_budget              TEXT,
    payback_economic        TEXT,
    payback_budget          TEXT
);

CREATE INDEX initiatives_live ON initiatives (deleted_at);

CREATE TABLE valuation_versions (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    number        INTEGER NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('draft', 'decided')),
    based_on      INTEGER REFERENCES valuation_versions (id),
    document      TEXT    NOT NULL,
    settings      TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    saved_at      TEXT    NOT NULL,
    decided_at    TEXT,
    UNIQUE (initiative_id, number)
);

-- A decided version is frozen: its valuation, settings and status never change again and
-- it is never deleted. The store checks this before writing; the triggers are the backstop.
CREATE TRIGGER decided_versions_keep_status
BEFORE UPDATE OF status, settings, decided_at, number, initiative_id ON valuation_versions
WHEN OLD.status = 'decided'
BEGIN
    SELECT RAISE(ABORT, 'decided_locked');
END;

CREATE TRIGGER decided_versions_are_kept
BEFORE DELETE ON valuation_versions
WHEN OLD.status = 'decided'
BEGIN
    SELECT RAISE(ABORT, 'decided_locked');
END;

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Bookkeeping: a counter bumped by every write, so backups know whether anything changed.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);

INSERT INTO meta (key, value) VALUES ('changes', 0);
