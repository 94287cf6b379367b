//! Sync against a real PostgreSQL (see `pgtest`): two clients both ways, the same draft
//! changed on both kept twice, row-level security through Nytta and through plain SQL, the
//! server killed during a push, the same push sent twice, TLS, and twenty clients at once.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod pgtest;

use nytta_app::portfolio as pf;
use nytta_app::sync;
use pgtest::{client, description, edit, id_of, portfolio, Pg, AVF, OMSORG};

/// The code serde writes for a value (`"development"`), whichever type carries it.
fn code<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v).unwrap() {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    }
}

fn count(pg: &Pg, sql: &str) -> i64 {
    pg.look().query_one(sql, &[]).unwrap().get(0)
}

#[test]
fn two_clients_sync_both_ways() {
    let Some(pg) = Pg::new("both_ways") else {
        return;
    };
    let (a_role, b_role) = (
        pg.user("handlaggare_a", &[OMSORG]),
        pg.user("handlaggare_b", &[OMSORG]),
    );
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (client(dir.path(), "a"), client(dir.path(), "b"));

    let x = pf::create(&a, "Digital tillsyn nattetid", OMSORG).unwrap();
    let y = pf::create(&b, "Trygghetskamera i hemtjänsten", OMSORG).unwrap();
    let ra = sync::sync(&a, &pg.url(&a_role)).unwrap();
    assert_eq!((ra.pushed, ra.refused.len()), (1, 0));
    let rb = sync::sync(&b, &pg.url(&b_role)).unwrap();
    assert_eq!(
        (rb.pushed, rb.pulled),
        (1, 2),
        "B sends Y and brings in X (and Y)"
    );
    sync::sync(&a, &pg.url(&a_role)).unwrap();
    assert_eq!(portfolio(&a), portfolio(&b));
    assert_eq!(portfolio(&a).len(), 2);

    // B changes A's initiative and deletes its own; A sees both.
    let x_in_b = id_of(&b, "Digital tillsyn nattetid");
    edit(&b, x_in_b, "Sensorer i stället för tillsynsbesök nattetid.");
    pf::delete(&b, id_of(&b, "Trygghetskamera i hemtjänsten")).unwrap();
    let before = sync::status(&b).unwrap();
    assert_eq!(before.waiting.len(), 2, "two initiatives wait: {before:?}");
    sync::sync(&b, &pg.url(&b_role)).unwrap();
    assert!(sync::status(&b).unwrap().waiting.is_empty());
    sync::sync(&a, &pg.url(&a_role)).unwrap();
    assert_eq!(
        description(&a, x),
        "Sensorer i stället för tillsynsbesök nattetid."
    );
    let deleted: Vec<String> = pf::list_deleted(&a)
        .unwrap()
        .into_iter()
        .map(|s| s.summary.title)
        .collect();
    assert_eq!(deleted, ["Trygghetskamera i hemtjänsten"]);
    assert!(pf::get(&b, y).unwrap().deleted);
    assert_eq!(portfolio(&a), portfolio(&b));

    // Everything on the server is attributed: who sent which version.
    let by: Vec<String> = pg
        .look()
        .query(
            "SELECT DISTINCT who::text FROM nytta.audit WHERE tbl = 'versions' ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(by, [a_role.clone(), b_role.clone()]);
    // A sync with nothing to do sends and brings nothing.
    let again = sync::sync(&a, &pg.url(&a_role)).unwrap();
    assert_eq!((again.pushed, again.pulled), (0, 0));
}

#[test]
fn the_same_draft_changed_on_both_keeps_both_versions() {
    let Some(pg) = Pg::new("conflict") else {
        return;
    };
    let (a_role, b_role) = (
        pg.user("handlaggare_a", &[OMSORG]),
        pg.user("handlaggare_b", &[OMSORG]),
    );
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (client(dir.path(), "a"), client(dir.path(), "b"));
    let x = pf::create(&a, "Digital tillsyn nattetid", OMSORG).unwrap();
    sync::sync(&a, &pg.url(&a_role)).unwrap();
    sync::sync(&b, &pg.url(&b_role)).unwrap();
    let xb = id_of(&b, "Digital tillsyn nattetid");

    // Both change the same draft while apart.
    edit(&a, x, "A: sensorer i alla rum.");
    edit(&b, xb, "B: kamera endast i hallen.");
    let ra = sync::sync(&a, &pg.url(&a_role)).unwrap();
    assert!(ra.new_conflicts.is_empty());
    let rb = sync::sync(&b, &pg.url(&b_role)).unwrap();
    // B is told which initiative and where its content is now.
    assert_eq!(rb.new_conflicts.len(), 1, "{rb:?}");
    assert_eq!(rb.new_conflicts[0].title, "Digital tillsyn nattetid");
    assert_eq!(rb.new_conflicts[0].version_number, 2);
    assert_eq!(rb.conflicts.len(), 1);
    assert_eq!(
        (rb.conflicts[0].version_number, rb.conflicts[0].other_number),
        (2, Some(1))
    );
    // B's store: version 1 holds A's change, version 2 (current) B's own, marked.
    let got = pf::get(&b, xb).unwrap();
    assert_eq!(got.versions.len(), 2);
    let v1 = pf::get_version(&b, got.versions[0].id).unwrap();
    assert!(v1.document_json.contains("A: sensorer i alla rum."));
    assert_eq!(description(&b, xb), "B: kamera endast i hallen.");

    // A's next sync shows the same two versions and the conflict.
    let ra = sync::sync(&a, &pg.url(&a_role)).unwrap();
    assert_eq!(ra.conflicts.len(), 1);
    assert_eq!(portfolio(&a), portfolio(&b));
    assert_eq!(description(&a, x), "B: kamera endast i hallen.");
    assert_eq!(
        count(&pg, "SELECT count(DISTINCT version_id) FROM nytta.versions"),
        2
    );

    // Saving the conflict version after looking at it resolves it, for both.
    edit(&a, x, "Sensorer i rummen, kamera i hallen.");
    assert!(sync::sync(&a, &pg.url(&a_role))
        .unwrap()
        .conflicts
        .is_empty());
    assert!(sync::sync(&b, &pg.url(&b_role))
        .unwrap()
        .conflicts
        .is_empty());
    assert_eq!(description(&b, xb), "Sensorer i rummen, kamera i hallen.");
}

#[test]
fn a_stage_changed_on_both_is_not_overwritten_either() {
    let Some(pg) = Pg::new("stage") else { return };
    let a_role = pg.user("handlaggare", &[OMSORG]);
    let lead = pg.portfolio_admin("ledning");
    let dir = tempfile::tempdir().unwrap();
    let (a, l) = (client(dir.path(), "a"), client(dir.path(), "lead"));
    let x = pf::create(&a, "Digital tillsyn nattetid", OMSORG).unwrap();
    sync::sync(&a, &pg.url(&a_role)).unwrap();
    sync::sync(&l, &pg.url(&lead)).unwrap();
    let xl = id_of(&l, "Digital tillsyn nattetid");
    let set_stage = |ctx: &nytta_app::ctx::Ctx, id: i64, stage: &str| {
        let mut doc: serde_json::Value =
            serde_json::from_str(&pf::export(ctx, id).unwrap()).unwrap();
        doc["initiative"]["stage"] = serde_json::Value::String(stage.into());
        assert!(pf::save_draft(ctx, id, &doc.to_string())
            .unwrap()
            .saved
            .is_some());
    };
    // The leadership may change the stage of any initiative …
    set_stage(&l, xl, "development");
    let r = sync::sync(&l, &pg.url(&lead)).unwrap();
    assert!(r.refused.is_empty(), "{r:?}");
    sync::sync(&a, &pg.url(&a_role)).unwrap();
    let stage = |ctx: &nytta_app::ctx::Ctx, id: i64| {
        let s = pf::list(ctx)
            .unwrap()
            .into_iter()
            .find(|s| s.id == id)
            .unwrap();
        code(&s.summary.stage)
    };
    assert_eq!(stage(&a, x), "development");
    // … and when the department changes it at the same time, both stay.
    set_stage(&l, xl, "rejected");
    set_stage(&a, x, "in_progress");
    sync::sync(&a, &pg.url(&a_role)).unwrap();
    let r = sync::sync(&l, &pg.url(&lead)).unwrap();
    // The leadership is no member: its conflicting content cannot become a new version of
    // the department's initiative, so it is refused and waits, named; nothing is overwritten.
    assert_eq!(r.refused.len(), 1, "{r:?}");
    assert_eq!(
        stage(&l, xl),
        "rejected",
        "the leadership's change is kept locally"
    );
    sync::sync(&a, &pg.url(&a_role)).unwrap();
    assert_eq!(stage(&a, x), "in_progress");
}

#[test]
fn row_level_security_refuses_another_departments_initiative_through_nytta_and_sql() {
    let Some(pg) = Pg::new("rls") else { return };
    let avf = pg.user("handlaggare_avf", &[AVF]);
    let omsorg = pg.user("handlaggare_omsorg", &[OMSORG]);
    let lead = pg.portfolio_admin("ledning");
    let dir = tempfile::tempdir().unwrap();
    let (a, o, l) = (
        client(dir.path(), "avf"),
        client(dir.path(), "omsorg"),
        client(dir.path(), "lead"),
    );
    let z = pf::create(&a, "Digitalt försörjningsstöd", AVF).unwrap();
    sync::sync(&a, &pg.url(&avf)).unwrap();
    let rev_before = count(&pg, "SELECT rev FROM nytta.initiatives");

    // Through Nytta: the Omsorg member brings it in, changes it, and the server refuses.
    sync::sync(&o, &pg.url(&omsorg)).unwrap();
    let zo = id_of(&o, "Digitalt försörjningsstöd");
    edit(&o, zo, "Ändrat av fel förvaltning.");
    let r = sync::sync(&o, &pg.url(&omsorg)).unwrap();
    assert_eq!(r.refused.len(), 1, "{r:?}");
    assert_eq!(r.refused[0].code, "server_refused");
    assert!(r.refused[0]
        .message_sv
        .contains("Digitalt försörjningsstöd"));
    assert!(r.refused[0].message_en.contains("Arbete och välfärd"));
    assert_eq!(r.waiting.len(), 1, "the change waits, nothing is lost");
    assert_eq!(description(&o, zo), "Ändrat av fel förvaltning.");
    assert_eq!(count(&pg, "SELECT rev FROM nytta.initiatives"), rev_before);
    assert_eq!(count(&pg, "SELECT count(*) FROM nytta.versions"), 1);
    // Creating an initiative in another department is refused too.
    pf::create(&o, "Ny handläggning", AVF).unwrap();
    let r = sync::sync(&o, &pg.url(&omsorg)).unwrap();
    assert_eq!(r.refused.len(), 2, "{r:?}");
    assert_eq!(count(&pg, "SELECT count(*) FROM nytta.initiatives"), 1);

    // Through plain SQL, signed in as the same role: the same rights.
    let mut sql = nytta_server::connect(&pg.url(&omsorg)).unwrap();
    let n = sql
        .execute(
            "UPDATE nytta.initiatives SET title = 'Kapad', rev = rev + 1",
            &[],
        )
        .unwrap();
    assert_eq!(n, 0, "no row of another department can be updated");
    let head: uuid::Uuid = sql
        .query_one("SELECT head FROM nytta.initiatives", &[])
        .unwrap()
        .get(0);
    let e = sql
        .execute(
            "INSERT INTO nytta.versions (id, version_id, initiative_id, number, status, parent,
                 document, settings, created_at, saved_at)
             SELECT gen_random_uuid(), version_id, initiative_id, number, status, id,
                 replace(document, 'Digitalt', 'Kapat'), settings, created_at, saved_at
             FROM nytta.versions WHERE id = $1",
            &[&head],
        )
        .unwrap_err();
    assert_eq!(
        e.code(),
        Some(&nytta_server::postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
        "{e}"
    );
    for attack in [
        "DELETE FROM nytta.audit",
        "UPDATE nytta.versions SET status = 'draft'",
        "INSERT INTO nytta.members VALUES ('Arbete och välfärd', current_user)",
        "INSERT INTO nytta.departments VALUES ('Egen')",
    ] {
        let e = sql.execute(attack, &[]).unwrap_err();
        assert_eq!(
            e.code(),
            Some(&nytta_server::postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
            "{attack}: {e}"
        );
    }
    // Everyone reads everything.
    let titles: i64 = sql
        .query_one("SELECT count(*) FROM nytta.initiatives", &[])
        .unwrap()
        .get(0);
    assert_eq!(titles, 1);

    // The leadership changes the stage of any initiative, but nothing else.
    sync::sync(&l, &pg.url(&lead)).unwrap();
    let zl = id_of(&l, "Digitalt försörjningsstöd");
    let mut doc: serde_json::Value = serde_json::from_str(&pf::export(&l, zl).unwrap()).unwrap();
    doc["initiative"]["stage"] = serde_json::Value::String("development".into());
    doc["initiative"]["priority_basis"] = serde_json::Value::String("legal".into());
    pf::save_draft(&l, zl, &doc.to_string()).unwrap();
    let r = sync::sync(&l, &pg.url(&lead)).unwrap();
    assert!(r.refused.is_empty(), "{r:?}");
    edit(&l, zl, "Ledningen skriver om beskrivningen.");
    let r = sync::sync(&l, &pg.url(&lead)).unwrap();
    assert_eq!(r.refused.len(), 1, "{r:?}");
    sync::sync(&a, &pg.url(&avf)).unwrap();
    let s = pf::list(&a)
        .unwrap()
        .into_iter()
        .find(|s| s.id == z)
        .unwrap();
    assert_eq!(code(&s.summary.stage), "development");
    assert_eq!(code(&s.summary.priority_basis), "legal");
    assert_eq!(description(&a, z), "");
}

#[test]
fn a_push_sent_twice_is_stored_once() {
    let Some(pg) = Pg::new("twice") else { return };
    let role = pg.user("handlaggare", &[OMSORG]);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let a = nytta_app::ctx::Ctx::open(&db).unwrap();
    pf::create(&a, "Digital tillsyn nattetid", OMSORG).unwrap();
    pf::create(&a, "Trygghetskamera i hemtjänsten", OMSORG).unwrap();
    // The store as it was before the sync: as if the server's commit had never been
    // recorded locally (the connection cut right after it).
    let copy = dir.path().join("before.db");
    pf::create_backup(&a).unwrap();
    drop(a);
    std::fs::copy(&db, &copy).unwrap();
    let a = nytta_app::ctx::Ctx::open(&db).unwrap();
    sync::sync(&a, &pg.url(&role)).unwrap();
    let after_first = portfolio(&a);
    drop(a);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    std::fs::copy(&copy, &db).unwrap();
    let a = nytta_app::ctx::Ctx::open(&db).unwrap();
    assert_eq!(sync::status(&a).unwrap().waiting.len(), 2);
    let r = sync::sync(&a, &pg.url(&role)).unwrap();
    assert!(r.new_conflicts.is_empty() && r.refused.is_empty(), "{r:?}");
    assert!(r.waiting.is_empty());
    assert_eq!(count(&pg, "SELECT count(*) FROM nytta.initiatives"), 2);
    assert_eq!(count(&pg, "SELECT count(*) FROM nytta.versions"), 2);
    assert_eq!(portfolio(&a), after_first);
}

#[test]
fn the_server_killed_during_a_push_loses_and_duplicates_nothing() {
    let Some(pg) = Pg::alone("killed") else {
        return;
    };
    let role = pg.user("handlaggare", &[OMSORG]);
    let dir = tempfile::tempdir().unwrap();
    let a = client(dir.path(), "a");
    const N: usize = 150;
    for i in 0..N {
        pf::create(&a, &format!("Initiativ {i:03}"), OMSORG).unwrap();
    }
    let url = pg.url(&role);
    // Kill the server once part of the push is in: the sync fails, nothing half-done.
    let failed = std::thread::scope(|s| {
        let sync = s.spawn(|| sync::sync(&a, &url));
        let mut look = pg.look();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let n: i64 = look
                .query_one("SELECT count(*) FROM nytta.initiatives", &[])
                .unwrap()
                .get(0);
            if n >= 20 || std::time::Instant::now() > deadline {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        pg.server_script("kill");
        sync.join().unwrap()
    });
    let e = failed.expect_err("the sync was cut");
    assert_eq!(e.code(), "server_unreachable", "{e:?}");
    // Offline the store keeps working.
    pf::create(&a, "Skapat medan servern låg nere", OMSORG).unwrap();
    let waiting = sync::status(&a).unwrap().waiting.len();
    assert!(waiting > 1 && waiting <= N + 1, "{waiting}");
    pg.server_script("restart");
    let sent: i64 = count(&pg, "SELECT count(*) FROM nytta.initiatives");
    assert!(
        sent >= 20 && sent < N as i64 + 1,
        "part of the push was committed: {sent}"
    );
    assert_eq!(
        count(
            &pg,
            "SELECT count(*) FROM nytta.initiatives WHERE head IS NULL"
        ),
        0,
        "no initiative half-sent"
    );

    let r = sync::sync(&a, &pg.url(&role)).unwrap();
    assert!(r.refused.is_empty() && r.new_conflicts.is_empty(), "{r:?}");
    assert!(r.waiting.is_empty());
    assert_eq!(
        count(&pg, "SELECT count(*) FROM nytta.initiatives"),
        N as i64 + 1
    );
    assert_eq!(
        count(&pg, "SELECT count(*) FROM nytta.versions"),
        N as i64 + 1
    );
    assert_eq!(
        count(&pg, "SELECT count(DISTINCT title) FROM nytta.initiatives"),
        N as i64 + 1
    );
    // A second client brings in exactly the same portfolio.
    let b = client(dir.path(), "b");
    sync::sync(&b, &pg.url(&role)).unwrap();
    assert_eq!(portfolio(&a), portfolio(&b));
}

#[test]
fn tls_is_on_and_verify_full_checks_the_server() {
    let Some(pg) = Pg::new("tls") else { return };
    let role = pg.user("handlaggare", &[OMSORG]);
    let ca = pg.ca.display().to_string();
    for url in [
        format!(
            "postgresql://{role}@localhost:{}/{}?sslmode=verify-full&sslrootcert={ca}",
            pg.port, pg.db
        ),
        format!(
            "host=127.0.0.1 port={} dbname={} user={role} sslmode=verify-full sslrootcert='{ca}'",
            pg.port, pg.db
        ),
        pg.url(&role),
    ] {
        let mut c = nytta_server::connect(&url).unwrap();
        let ssl: bool = c
            .query_one(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                &[],
            )
            .unwrap()
            .get(0);
        assert!(ssl, "{url}");
    }
    // A server whose certificate the CA file does not vouch for is refused.
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other-ca.pem");
    let made = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
        ])
        .arg("-keyout")
        .arg(dir.path().join("k.pem"))
        .arg("-out")
        .arg(&other)
        .output()
        .unwrap();
    assert!(made.status.success());
    let refused = nytta_server::connect(&format!(
        "postgresql://{role}@localhost:{}/{}?sslmode=verify-full&sslrootcert={}",
        pg.port,
        pg.db,
        other.display()
    ));
    let Err(e) = refused else {
        panic!("a certificate the CA file does not vouch for was accepted")
    };
    assert_eq!(e.code(), "server_tls", "{e}");
    // verify-full also checks the name: the certificate names localhost and 127.0.0.1 only.
    let a = client(dir.path(), "a");
    pf::create(&a, "Digital tillsyn nattetid", OMSORG).unwrap();
    let r = sync::sync(
        &a,
        &format!(
            "postgresql://{role}@localhost:{}/{}?sslmode=verify-full&sslrootcert={ca}",
            pg.port, pg.db
        ),
    )
    .unwrap();
    assert_eq!(r.pushed, 1);
}

#[test]
fn twenty_clients_at_once_end_with_every_change() {
    let Some(pg) = Pg::new("twenty") else { return };
    const CLIENTS: usize = 20;
    const ROUNDS: usize = 3;
    let dir = tempfile::tempdir().unwrap();
    let roles: Vec<String> = (0..CLIENTS)
        .map(|i| {
            let dep = if i % 2 == 0 { OMSORG } else { AVF };
            pg.user(&format!("handlaggare_{i:02}"), &[dep])
        })
        .collect();
    let ctxs: Vec<nytta_app::ctx::Ctx> = (0..CLIENTS)
        .map(|i| client(dir.path(), &format!("c{i:02}")))
        .collect();
    std::thread::scope(|s| {
        for (i, ctx) in ctxs.iter().enumerate() {
            let url = pg.url(&roles[i]);
            let dep = if i % 2 == 0 { OMSORG } else { AVF };
            s.spawn(move || {
                let id = pf::create(ctx, &format!("Initiativ från klient {i:02}"), dep).unwrap();
                for round in 0..ROUNDS {
                    edit(ctx, id, &format!("klient {i:02}, runda {round}"));
                    let r = sync::sync(ctx, &url).unwrap();
                    assert!(r.refused.is_empty(), "{r:?}");
                }
            });
        }
    });
    for (i, ctx) in ctxs.iter().enumerate() {
        let r = sync::sync(ctx, &pg.url(&roles[i])).unwrap();
        assert!(r.waiting.is_empty() && r.conflicts.is_empty(), "{r:?}");
    }
    let first = portfolio(&ctxs[0]);
    assert_eq!(first.len(), CLIENTS);
    for (i, (title, _, versions)) in first.iter().enumerate() {
        assert_eq!(title, &format!("Initiativ från klient {i:02}"));
        assert_eq!(versions.len(), 1);
        assert!(versions[0]
            .2
            .contains(&format!("klient {i:02}, runda {}", ROUNDS - 1)));
    }
    for ctx in &ctxs[1..] {
        assert_eq!(portfolio(ctx), first);
    }
    assert_eq!(
        count(&pg, "SELECT count(*) FROM nytta.initiatives"),
        CLIENTS as i64
    );
}

#[test]
fn an_edit_elsewhere_does_not_undo_a_deletion() {
    let Some(pg) = Pg::new("deletion") else {
        return;
    };
    let (a_role, b_role) = (
        pg.user("handlaggare_a", &[OMSORG]),
        pg.user("handlaggare_b", &[OMSORG]),
    );
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (client(dir.path(), "a"), client(dir.path(), "b"));
    let x = pf::create(&a, "Digital tillsyn nattetid", OMSORG).unwrap();
    sync::sync(&a, &pg.url(&a_role)).unwrap();
    sync::sync(&b, &pg.url(&b_role)).unwrap();
    let xb = id_of(&b, "Digital tillsyn nattetid");
    pf::delete(&a, x).unwrap();
    edit(&b, xb, "Ändrat medan det togs bort.");
    sync::sync(&a, &pg.url(&a_role)).unwrap();
    let r = sync::sync(&b, &pg.url(&b_role)).unwrap();
    assert!(r.refused.is_empty() && r.waiting.is_empty(), "{r:?}");
    assert_eq!(
        count(&pg, "SELECT count(*) FROM nytta.initiatives WHERE deleted"),
        1
    );
    assert!(pf::get(&b, xb).unwrap().deleted);
    // The edit is kept: restoring the initiative shows it.
    pf::undelete(&b, xb).unwrap();
    assert_eq!(description(&b, xb), "Ändrat medan det togs bort.");
    sync::sync(&b, &pg.url(&b_role)).unwrap();
    sync::sync(&a, &pg.url(&a_role)).unwrap();
    assert!(!pf::get(&a, x).unwrap().deleted);
    assert_eq!(description(&a, x), "Ändrat medan det togs bort.");
}
