-- Schema version 2: the current version's number and status kept on the initiative, so the
-- portfolio list reads one table and never the (large) version rows.

ALTER TABLE initiatives ADD COLUMN current_version_number INTEGER NOT NULL DEFAULT 1;
ALTER TABLE initiatives ADD COLUMN current_status TEXT NOT NULL DEFAULT 'draft'
    CHECK (current_status IN ('draft', 'decided'));

UPDATE initiatives SET
    current_version_number = (SELECT number FROM valuation_versions v WHERE v.id = initiatives.current_version_id),
    current_status = (SELECT status FROM valuation_versions v WHERE v.id = initiatives.current_version_id)
WHERE current_version_id IS NOT NULL;
