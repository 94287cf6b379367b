-- Schema version 3: an initiative's working copy. An edit that does not pass the document
-- check yet (a negative hourly cost, a formula being typed) is kept here with its time, so
-- nothing typed is lost; the current version keeps the last document that passed, which is
-- what the portfolio, exports and reports show. A valid save clears it.

ALTER TABLE initiatives ADD COLUMN working_copy TEXT;
ALTER TABLE initiatives ADD COLUMN working_copy_at TEXT;
