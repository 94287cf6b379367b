//! A real PostgreSQL for the sync tests: the server `scripts/pg-test-server.sh` starts
//! (`scripts/test.sh` always does) and names in `NYTTA_TEST_PG_URL`. Each test gets its own
//! database, initialised by `nytta server init` as its own owner role, with the departments
//! Omsorgsförvaltningen and Arbete och välfärd and login roles named after what they do.
//! Without the variable a test prints "skipped" and returns, so `cargo test` passes
//! without a server.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

use nytta_server::postgres::Client;

pub const OMSORG: &str = "Omsorgsförvaltningen";
pub const AVF: &str = "Arbete och välfärd";

/// Shared by every test of this binary; the test that kills the server takes it alone.
static SERVER: RwLock<()> = RwLock::new(());
/// Roles are per cluster: made one at a time.
static ROLES: Mutex<()> = Mutex::new(());

pub enum Guard {
    Shared(RwLockReadGuard<'static, ()>),
    Alone(RwLockWriteGuard<'static, ()>),
}

pub struct Pg {
    /// `127.0.0.1:port`.
    pub host: String,
    pub port: u16,
    /// The database of this test.
    pub db: String,
    /// The password every role of the test server signs in with (from the password file).
    password: String,
    /// The CA file (the server's self-signed certificate).
    pub ca: PathBuf,
    _guard: Guard,
}

fn admin_url(db: &str) -> String {
    let url = std::env::var("NYTTA_TEST_PG_URL").unwrap();
    let (base, query) = url.split_once('?').unwrap_or((&url, ""));
    let base = base.rsplit_once('/').map(|(b, _)| b).unwrap_or(base);
    format!("{base}/{db}?{query}")
}

/// Connects as the test server's administrator (a superuser: it bypasses row-level
/// security, so it is used to look, never to test rights).
pub fn admin(db: &str) -> Client {
    nytta_server::connect(&admin_url(db)).unwrap()
}

impl Pg {
    /// A fresh database for `name`, or `None` (and "skipped") without a test server.
    pub fn new(name: &str) -> Option<Pg> {
        Pg::with_guard(name, false)
    }

    /// As [`Pg::new`], with no other test of this binary running meanwhile.
    pub fn alone(name: &str) -> Option<Pg> {
        Pg::with_guard(name, true)
    }

    fn with_guard(name: &str, alone: bool) -> Option<Pg> {
        if std::env::var_os("NYTTA_TEST_PG_URL").is_none() {
            println!(
                "skipped: {name} needs NYTTA_TEST_PG_URL (scripts/test.sh starts a PostgreSQL)"
            );
            return None;
        }
        let guard = if alone {
            Guard::Alone(SERVER.write().unwrap_or_else(|p| p.into_inner()))
        } else {
            Guard::Shared(SERVER.read().unwrap_or_else(|p| p.into_inner()))
        };
        let target = nytta_server::connect::parse(
            &admin_url("postgres"),
            &nytta_server::connect::Env::from_process(),
        )
        .unwrap();
        let port = target.config.get_ports().first().copied().unwrap_or(5432);
        let password = String::from_utf8(target.config.get_password().unwrap().to_vec()).unwrap();
        let db = format!("t_{name}_{}", std::process::id());
        let mut a = admin("postgres");
        {
            let _roles = ROLES.lock().unwrap_or_else(|p| p.into_inner());
            a.batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
                .unwrap();
            a.batch_execute(&format!(
                "DO $$ BEGIN
                   IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nytta_reader') THEN
                     CREATE ROLE nytta_reader NOLOGIN; END IF;
                   IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nytta_portfolio_admin') THEN
                     CREATE ROLE nytta_portfolio_admin NOLOGIN IN ROLE nytta_reader; END IF;
                   IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{db}_owner') THEN
                     CREATE ROLE {db}_owner LOGIN PASSWORD '{password}'; END IF;
                 END $$"
            ))
            .unwrap();
            a.batch_execute(&format!("CREATE DATABASE {db} OWNER {db}_owner"))
                .unwrap();
        }
        let pg = Pg {
            host: "127.0.0.1".into(),
            port,
            db,
            password,
            ca: PathBuf::from(std::env::var("NYTTA_TEST_PG_CA").unwrap_or_default()),
            _guard: guard,
        };
        nytta_app::sync::server_init(&pg.url(&pg.owner())).unwrap();
        let mut owner = nytta_server::connect(&pg.url(&pg.owner())).unwrap();
        owner
            .execute(
                "INSERT INTO nytta.departments (name) VALUES ($1), ($2)",
                &[&OMSORG, &AVF],
            )
            .unwrap();
        Some(pg)
    }

    pub fn owner(&self) -> String {
        format!("{}_owner", self.db)
    }

    /// The URL for `role` (TLS required; the password comes from the password file).
    pub fn url(&self, role: &str) -> String {
        format!(
            "postgresql://{role}@{}:{}/{}?sslmode=require",
            self.host, self.port, self.db
        )
    }

    /// A login role `<db>_<name>` in the group (nytta_reader), a member of `departments`;
    /// returns its name.
    pub fn user(&self, name: &str, departments: &[&str]) -> String {
        let role = format!("{}_{name}", self.db);
        {
            let _roles = ROLES.lock().unwrap_or_else(|p| p.into_inner());
            admin("postgres")
                .batch_execute(&format!(
                    "CREATE ROLE {role} LOGIN PASSWORD '{}' IN ROLE nytta_reader",
                    self.password
                ))
                .unwrap();
        }
        let mut owner = nytta_server::connect(&self.url(&self.owner())).unwrap();
        for d in departments {
            owner
                .execute(
                    "INSERT INTO nytta.members (department, member) VALUES ($1, $2)",
                    &[d, &role],
                )
                .unwrap();
        }
        role
    }

    /// A portfolio administrator (the leadership), member of no department.
    pub fn portfolio_admin(&self, name: &str) -> String {
        let role = self.user(name, &[]);
        let _roles = ROLES.lock().unwrap_or_else(|p| p.into_inner());
        admin("postgres")
            .batch_execute(&format!("GRANT nytta_portfolio_admin TO {role}"))
            .unwrap();
        role
    }

    /// Looks at the server as its administrator.
    pub fn look(&self) -> Client {
        admin(&self.db)
    }

    /// Kills the server (SIGKILL, postmaster and backends) or starts it again.
    pub fn server_script(&self, what: &str) {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/pg-test-server.sh");
        let ok = std::process::Command::new("bash")
            .arg(script)
            .arg(what)
            .status()
            .unwrap()
            .success();
        assert!(ok, "pg-test-server.sh {what}");
    }
}

/// One initiative as a store holds it: title, department, versions as (number, status,
/// document).
pub type Held = (String, String, Vec<(i64, String, String)>);

/// A local store of its own, with the system clock.
pub fn client(dir: &Path, name: &str) -> nytta_app::ctx::Ctx {
    nytta_app::ctx::Ctx::open(&dir.join(format!("{name}.db"))).unwrap()
}

/// The live non-example initiatives of a store: (title, department, versions as
/// (number, status, document)), sorted by title.
pub fn portfolio(ctx: &nytta_app::ctx::Ctx) -> Vec<Held> {
    let mut out: Vec<_> = nytta_app::portfolio::list(ctx)
        .unwrap()
        .into_iter()
        .filter(|s| !s.example)
        .map(|s| {
            let got = nytta_app::portfolio::get(ctx, s.id).unwrap();
            let versions = got
                .versions
                .iter()
                .map(|v| {
                    let d = nytta_app::portfolio::get_version(ctx, v.id).unwrap();
                    let info = serde_json::to_value(v).unwrap();
                    let status = info["status"].as_str().unwrap().to_string();
                    (v.number, status, d.document_json)
                })
                .collect();
            (s.summary.title, s.summary.department, versions)
        })
        .collect();
    out.sort();
    out
}

/// Edits an initiative's description and saves it as its current draft.
pub fn edit(ctx: &nytta_app::ctx::Ctx, id: i64, description: &str) {
    let text = nytta_app::portfolio::export(ctx, id).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["initiative"]["description"] = serde_json::Value::String(description.into());
    let saved = nytta_app::portfolio::save_draft(ctx, id, &doc.to_string()).unwrap();
    assert!(saved.saved.is_some(), "{:?}", saved.problems);
}

/// The id of the live initiative titled `title`.
pub fn id_of(ctx: &nytta_app::ctx::Ctx, title: &str) -> i64 {
    nytta_app::portfolio::list(ctx)
        .unwrap()
        .into_iter()
        .find(|s| s.summary.title == title)
        .unwrap_or_else(|| panic!("{title} not in the store"))
        .id
}

/// The current document's description.
pub fn description(ctx: &nytta_app::ctx::Ctx, id: i64) -> String {
    let doc: serde_json::Value =
        serde_json::from_str(&nytta_app::portfolio::export(ctx, id).unwrap()).unwrap();
    doc["initiative"]["description"]
        .as_str()
        .unwrap_or("")
        .to_string()
}
