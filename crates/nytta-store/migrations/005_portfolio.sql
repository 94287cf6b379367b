-- Schema version 5: portfolio governance.
--
-- `demo` marks the demo portfolio (`nytta db demo`): made-up initiatives for trying the
-- overview, removable in one action. They stay on this machine: an outbox entry written for
-- one is removed at once, and the demo's decided versions may be removed with it (every
-- other decided version is still kept for good).
--
-- `portfolio_figures` keeps, per valuation version, what the portfolio overview needs
-- beyond the summary columns (costs and benefits year by year, freed time, dates of the
-- valuation and its follow-ups), computed by nytta-core from the document. It is derived
-- data: a version's row is dropped whenever its document, settings or status change and
-- is computed again when next needed.
--
-- `need_links` records what a person said about two initiatives found to have similar
-- needs: `not_similar` (do not suggest the pair again) or `coordinated` (one need,
-- coordinated across the departments). The pair is stored with the lower id first.

ALTER TABLE initiatives ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));

CREATE TABLE portfolio_figures (
    version_id INTEGER PRIMARY KEY REFERENCES valuation_versions (id) ON DELETE CASCADE,
    figures    TEXT    NOT NULL
);

CREATE TRIGGER portfolio_figures_stale AFTER UPDATE OF document, settings, status
ON valuation_versions
BEGIN
    DELETE FROM portfolio_figures WHERE version_id = NEW.id;
END;

CREATE TABLE need_links (
    a     INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    b     INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    kind  TEXT    NOT NULL CHECK (kind IN ('not_similar', 'coordinated')),
    at    TEXT    NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
);

CREATE TRIGGER demo_stays_local AFTER INSERT ON sync_outbox
WHEN (SELECT demo FROM initiatives WHERE id = NEW.initiative_id) = 1
BEGIN
    DELETE FROM sync_outbox WHERE seq = NEW.seq;
END;

DROP TRIGGER decided_versions_are_kept;
CREATE TRIGGER decided_versions_are_kept
BEFORE DELETE ON valuation_versions
WHEN OLD.status = 'decided'
    AND (SELECT demo FROM initiatives WHERE id = OLD.initiative_id) = 0
BEGIN
    SELECT RAISE(ABORT, 'decided_locked');
END;
