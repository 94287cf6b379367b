-- Server schema version 1: the group's shared portfolio.
-- Append-only: a later change is a new file, never an edit of this one. Applied by
-- `nytta server init` in one transaction together with its row in nytta.schema_migrations.
--
-- Who may do what is decided here, by PostgreSQL, for every client alike (Nytta or psql):
--   nytta_reader           every user of the group: reads the whole portfolio;
--   department members     (rows of nytta.members) create and change their department's
--                          initiatives;
--   nytta_portfolio_admin  the leadership: may change the stage and priority basis of every
--                          initiative (a new version that differs from the previous one in
--                          nothing else);
--   the schema owner       (the role that ran `nytta server init`) manages departments,
--                          members and the group's settings rows through SQL.
-- Every table has row-level security, forced also for its owner.

DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nytta_reader') THEN
        CREATE ROLE nytta_reader NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nytta_portfolio_admin') THEN
        CREATE ROLE nytta_portfolio_admin NOLOGIN;
    END IF;
    IF NOT pg_has_role('nytta_portfolio_admin', 'nytta_reader', 'MEMBER') THEN
        GRANT nytta_reader TO nytta_portfolio_admin;
    END IF;
END
$roles$;

-- Which server this is: a client keeps its pull cursor per server id.
CREATE TABLE nytta.server (
    id         uuid        PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO nytta.server (id) VALUES (gen_random_uuid());

-- Every change gets the next number of this sequence (see nytta.stamp): a client pulls
-- "everything after S".
CREATE SEQUENCE nytta.change_seq;

CREATE TABLE nytta.departments (
    name       text        PRIMARY KEY CHECK (btrim(name) <> ''),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- A member is a login role or a group role (every role that is a member of it counts).
CREATE TABLE nytta.members (
    department text NOT NULL REFERENCES nytta.departments (name) ON UPDATE CASCADE,
    member     name NOT NULL,
    PRIMARY KEY (department, member)
);

-- One row per initiative. `head` is the snapshot the portfolio shows (the newest content of
-- the highest-numbered version); `rev` counts changes and guards every push
-- (compare-and-set). Never deleted: `deleted` is a soft delete that can be undone.
CREATE TABLE nytta.initiatives (
    id             uuid        PRIMARY KEY,
    department     text        NOT NULL REFERENCES nytta.departments (name) ON UPDATE CASCADE,
    rev            bigint      NOT NULL DEFAULT 0,
    head           uuid,
    title          text        NOT NULL DEFAULT '',
    stage          text        NOT NULL DEFAULT 'idea',
    priority_basis text,
    deleted        boolean     NOT NULL DEFAULT false,
    created_by     name        NOT NULL DEFAULT session_user,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     name        NOT NULL DEFAULT session_user,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    seq            bigint      NOT NULL
);
CREATE INDEX initiatives_seq ON nytta.initiatives (seq);

-- Snapshots of valuation versions: immutable rows, one per pushed content. `version_id` is
-- the version (the same for all its snapshots), `parent` the snapshot it was edited from.
-- Follow-ups live inside the document (the format keeps them there), so they have no table
-- of their own. `conflict_of` marks content kept beside another person's change of the
-- same version: the version it was in conflict with.
CREATE TABLE nytta.versions (
    id            uuid        PRIMARY KEY,
    version_id    uuid        NOT NULL,
    initiative_id uuid        NOT NULL REFERENCES nytta.initiatives (id),
    number        integer     NOT NULL CHECK (number > 0),
    status        text        NOT NULL CHECK (status IN ('draft', 'decided')),
    based_on      uuid,
    parent        uuid        REFERENCES nytta.versions (id),
    conflict_of   uuid,
    document      text        NOT NULL,
    settings      text        NOT NULL,
    created_at    text        NOT NULL,
    saved_at      text        NOT NULL,
    decided_at    text,
    created_by    name        NOT NULL DEFAULT session_user,
    pushed_at     timestamptz NOT NULL DEFAULT now(),
    seq           bigint      NOT NULL,
    CHECK (document::jsonb IS NOT NULL)
);
CREATE INDEX versions_seq ON nytta.versions (seq);
CREATE INDEX versions_initiative ON nytta.versions (initiative_id, version_id, seq);
ALTER TABLE nytta.initiatives
    ADD CONSTRAINT initiatives_head FOREIGN KEY (head) REFERENCES nytta.versions (id);

-- The group's shared settings (one JSON value per key), changed by portfolio
-- administrators; `rev` guards every change (compare-and-set).
CREATE TABLE nytta.settings (
    key        text        PRIMARY KEY,
    value      jsonb       NOT NULL,
    rev        bigint      NOT NULL DEFAULT 1,
    updated_by name        NOT NULL DEFAULT session_user,
    updated_at timestamptz NOT NULL DEFAULT now(),
    seq        bigint      NOT NULL
);

-- Append-only audit trail, written by triggers only.
CREATE TABLE nytta.audit (
    id       bigserial   PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    who      name        NOT NULL,
    tbl      text        NOT NULL,
    key      text        NOT NULL,
    op       text        NOT NULL,
    old_row  jsonb,
    new_row  jsonb
);

-- Who is who -------------------------------------------------------------------------

CREATE FUNCTION nytta.is_owner() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, n.nspowner, 'MEMBER')
    FROM pg_namespace n WHERE n.nspname = 'nytta'
$$;

CREATE FUNCTION nytta.is_admin() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, 'nytta_portfolio_admin', 'MEMBER')
$$;

CREATE FUNCTION nytta.is_member(dep text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM nytta.members m JOIN pg_roles r ON r.rolname = m.member
        WHERE m.department = dep AND pg_has_role(current_user, r.oid, 'MEMBER'))
$$;

CREATE FUNCTION nytta.department_of(initiative uuid) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT department FROM nytta.initiatives WHERE id = initiative
$$;

-- A portfolio administrator's change: a new snapshot of the same version that differs from
-- its parent in nothing but the initiative's stage and priority basis.
CREATE FUNCTION nytta.only_stage_and_priority(p_parent uuid, p_version uuid, p_status text,
                                              p_document text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM nytta.versions v
        WHERE v.id = p_parent AND v.version_id = p_version AND v.status = p_status
          AND (v.document::jsonb #- '{initiative,stage}' #- '{initiative,priority_basis}')
            = (p_document::jsonb #- '{initiative,stage}' #- '{initiative,priority_basis}'))
$$;

-- Change numbers and guards -------------------------------------------------------------

-- Every write takes the next change number. The transaction-scoped advisory lock makes
-- numbers visible in the order they were taken (a later number never commits before an
-- earlier one), so "everything after S" never skips a row committed late.
CREATE FUNCTION nytta.stamp() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7346238);
    NEW.seq := nextval('nytta.change_seq');
    RETURN NEW;
END
$$;

CREATE TRIGGER initiatives_stamp BEFORE INSERT OR UPDATE ON nytta.initiatives
    FOR EACH ROW EXECUTE FUNCTION nytta.stamp();
CREATE TRIGGER versions_stamp BEFORE INSERT ON nytta.versions
    FOR EACH ROW EXECUTE FUNCTION nytta.stamp();
CREATE TRIGGER settings_stamp BEFORE INSERT OR UPDATE ON nytta.settings
    FOR EACH ROW EXECUTE FUNCTION nytta.stamp();

CREATE FUNCTION nytta.refuse() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'P0001';
END
$$;

-- Snapshots never change and are never deleted; initiatives are never deleted (soft only);
-- the audit trail is append-only.
CREATE TRIGGER versions_immutable BEFORE UPDATE OR DELETE ON nytta.versions
    FOR EACH ROW EXECUTE FUNCTION nytta.refuse('nytta_version_immutable');
CREATE TRIGGER initiatives_kept BEFORE DELETE ON nytta.initiatives
    FOR EACH ROW EXECUTE FUNCTION nytta.refuse('nytta_initiative_kept');
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON nytta.audit
    FOR EACH ROW EXECUTE FUNCTION nytta.refuse('nytta_audit_append_only');

-- A decided version is frozen: a later snapshot of it stays decided and keeps the
-- valuation and score settings (only what follows a decision, such as the stage and the
-- follow-ups, may change), and a snapshot continues its own version.
CREATE FUNCTION nytta.versions_check() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    p nytta.versions%ROWTYPE;
BEGIN
    NEW.created_by := session_user;
    NEW.pushed_at := now();
    IF NEW.parent IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT * INTO p FROM nytta.versions WHERE id = NEW.parent;
    IF p.version_id <> NEW.version_id OR p.initiative_id <> NEW.initiative_id THEN
        RAISE EXCEPTION 'nytta_parent_mismatch' USING ERRCODE = 'P0001';
    END IF;
    IF p.status = 'decided' AND (NEW.status <> 'decided'
        OR NEW.settings <> p.settings
        OR (NEW.document::jsonb -> 'valuation') <> (p.document::jsonb -> 'valuation')) THEN
        RAISE EXCEPTION 'nytta_decided_locked' USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER versions_check BEFORE INSERT ON nytta.versions
    FOR EACH ROW EXECUTE FUNCTION nytta.versions_check();

-- What a portfolio administrator who is not a member may change on an initiative row: the
-- head, the revision and the stage and priority columns; never its department, title or
-- deletion. Who wrote it is always the session's user.
CREATE FUNCTION nytta.initiatives_check() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_by := session_user;
    NEW.updated_at := now();
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := session_user;
        NEW.created_at := now();
        RETURN NEW;
    END IF;
    IF NOT nytta.is_member(OLD.department) AND (NEW.department <> OLD.department
        OR NEW.deleted <> OLD.deleted OR NEW.title <> OLD.title OR NEW.id <> OLD.id
        OR NEW.created_by <> OLD.created_by) THEN
        RAISE EXCEPTION 'nytta_not_member' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER initiatives_check BEFORE INSERT OR UPDATE ON nytta.initiatives
    FOR EACH ROW EXECUTE FUNCTION nytta.initiatives_check();

CREATE FUNCTION nytta.settings_check() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_by := session_user;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER settings_check BEFORE INSERT OR UPDATE ON nytta.settings
    FOR EACH ROW EXECUTE FUNCTION nytta.settings_check();

-- The audit trail: who (the signed-in role), when, which table and key, the old and the new
-- row. SECURITY DEFINER so that ordinary roles write it only through these triggers.
CREATE FUNCTION nytta.audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    o jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    n jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
    k text;
BEGIN
    k := COALESCE(n, o) ->> TG_ARGV[0];
    IF TG_ARGV[0] = 'department,member' THEN
        k := (COALESCE(n, o) ->> 'department') || '/' || (COALESCE(n, o) ->> 'member');
    END IF;
    INSERT INTO nytta.audit (who, tbl, key, op, old_row, new_row)
    VALUES (session_user, TG_TABLE_NAME, k, TG_OP, o, n);
    RETURN NULL;
END
$$;

CREATE TRIGGER departments_audit AFTER INSERT OR UPDATE OR DELETE ON nytta.departments
    FOR EACH ROW EXECUTE FUNCTION nytta.audit_row('name');
CREATE TRIGGER members_audit AFTER INSERT OR UPDATE OR DELETE ON nytta.members
    FOR EACH ROW EXECUTE FUNCTION nytta.audit_row('department,member');
CREATE TRIGGER initiatives_audit AFTER INSERT OR UPDATE OR DELETE ON nytta.initiatives
    FOR EACH ROW EXECUTE FUNCTION nytta.audit_row('id');
CREATE TRIGGER versions_audit AFTER INSERT OR UPDATE OR DELETE ON nytta.versions
    FOR EACH ROW EXECUTE FUNCTION nytta.audit_row('id');
CREATE TRIGGER settings_audit AFTER INSERT OR UPDATE OR DELETE ON nytta.settings
    FOR EACH ROW EXECUTE FUNCTION nytta.audit_row('key');

-- Rights ------------------------------------------------------------------------------

REVOKE ALL ON SCHEMA nytta FROM PUBLIC;
GRANT USAGE ON SCHEMA nytta TO nytta_reader, nytta_portfolio_admin;
GRANT SELECT ON ALL TABLES IN SCHEMA nytta TO nytta_reader;
GRANT INSERT, UPDATE ON nytta.initiatives TO nytta_reader;
GRANT INSERT ON nytta.versions TO nytta_reader;
GRANT INSERT, UPDATE ON nytta.settings TO nytta_portfolio_admin;
GRANT USAGE ON SEQUENCE nytta.change_seq TO nytta_reader;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA nytta FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nytta.is_owner(), nytta.is_admin(), nytta.is_member(text),
    nytta.department_of(uuid), nytta.only_stage_and_priority(uuid, uuid, text, text),
    nytta.stamp(), nytta.refuse(), nytta.versions_check(), nytta.initiatives_check(),
    nytta.settings_check(), nytta.audit_row()
    TO nytta_reader;

ALTER TABLE nytta.schema_migrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE nytta.schema_migrations FORCE ROW LEVEL SECURITY;
ALTER TABLE nytta.server      ENABLE ROW LEVEL SECURITY;
ALTER TABLE nytta.departments ENABLE ROW LEVEL SECURITY;
ALTER TABLE nytta.members     ENABLE ROW LEVEL SECURITY;
ALTER TABLE nytta.initiatives ENABLE ROW LEVEL SECURITY;
ALTER TABLE nytta.versions    ENABLE ROW LEVEL SECURITY;
ALTER TABLE nytta.settings    ENABLE ROW LEVEL SECURITY;
ALTER TABLE nytta.audit       ENABLE ROW LEVEL SECURITY;
ALTER TABLE nytta.server      FORCE ROW LEVEL SECURITY;
ALTER TABLE nytta.departments FORCE ROW LEVEL SECURITY;
ALTER TABLE nytta.members     FORCE ROW LEVEL SECURITY;
ALTER TABLE nytta.initiatives FORCE ROW LEVEL SECURITY;
ALTER TABLE nytta.versions    FORCE ROW LEVEL SECURITY;
ALTER TABLE nytta.settings    FORCE ROW LEVEL SECURITY;
ALTER TABLE nytta.audit       FORCE ROW LEVEL SECURITY;

-- Everyone in the group reads everything.
CREATE POLICY read_all ON nytta.schema_migrations FOR SELECT USING (true);
CREATE POLICY read_all ON nytta.server      FOR SELECT USING (true);
CREATE POLICY read_all ON nytta.departments FOR SELECT USING (true);
CREATE POLICY read_all ON nytta.members     FOR SELECT USING (true);
CREATE POLICY read_all ON nytta.initiatives FOR SELECT USING (true);
CREATE POLICY read_all ON nytta.versions    FOR SELECT USING (true);
CREATE POLICY read_all ON nytta.settings    FOR SELECT USING (true);
CREATE POLICY read_all ON nytta.audit       FOR SELECT USING (true);

-- The schema owner manages the group: departments, members, settings; the audit trail is
-- written through the owner's trigger function.
CREATE POLICY owner_manages ON nytta.schema_migrations FOR ALL
    USING (nytta.is_owner()) WITH CHECK (nytta.is_owner());
CREATE POLICY owner_manages ON nytta.server FOR ALL
    USING (nytta.is_owner()) WITH CHECK (nytta.is_owner());
CREATE POLICY owner_manages ON nytta.departments FOR ALL
    USING (nytta.is_owner()) WITH CHECK (nytta.is_owner());
CREATE POLICY owner_manages ON nytta.members FOR ALL
    USING (nytta.is_owner()) WITH CHECK (nytta.is_owner());
CREATE POLICY owner_manages ON nytta.settings FOR ALL
    USING (nytta.is_owner()) WITH CHECK (nytta.is_owner());
CREATE POLICY audit_written_by_trigger ON nytta.audit FOR INSERT
    WITH CHECK (nytta.is_owner());

-- Members create and change their department's initiatives (and may move one only to a
-- department they are also a member of); portfolio administrators change any initiative's
-- row, limited by nytta.initiatives_check.
CREATE POLICY member_creates ON nytta.initiatives FOR INSERT
    WITH CHECK (nytta.is_member(department));
CREATE POLICY member_or_admin_changes ON nytta.initiatives FOR UPDATE
    USING (nytta.is_member(department) OR nytta.is_admin())
    WITH CHECK (nytta.is_member(department) OR nytta.is_admin());

-- Members add snapshots to their department's initiatives; a portfolio administrator adds
-- a snapshot that changes only the stage and priority basis.
CREATE POLICY member_or_admin_adds ON nytta.versions FOR INSERT
    WITH CHECK (nytta.is_member(nytta.department_of(initiative_id))
        OR (nytta.is_admin()
            AND nytta.only_stage_and_priority(parent, version_id, status, document)));

-- Portfolio administrators change the group's settings.
CREATE POLICY admin_changes ON nytta.settings FOR INSERT WITH CHECK (nytta.is_admin());
CREATE POLICY admin_updates ON nytta.settings FOR UPDATE
    USING (nytta.is_admin()) WITH CHECK (nytta.is_admin());
