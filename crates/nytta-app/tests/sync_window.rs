//! The sync as the desktop runs it: the server settings in the store (checked, never a
//! password), the state shown before syncing and while offline, "Synkronisera" against a
//! real PostgreSQL (see `pgtest`), its conflicts, and its errors with the local store still
//! working.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod pgtest;

use nytta_app::portfolio as pf;
use nytta_app::types::{ServerSettings, ServerTls};
use nytta_app::{server_settings, sync, AppError};
use pgtest::{client, edit, Pg, OMSORG};

/// The settings for `role` on the test server, checked against its certificate.
fn settings(pg: &Pg, role: &str) -> ServerSettings {
    ServerSettings {
        host: "localhost".into(),
        port: u32::from(pg.port),
        database: pg.db.clone(),
        user: role.into(),
        tls: ServerTls::VerifyFull,
        ca_file: Some(pg.ca.display().to_string()),
    }
}

#[test]
fn settings_are_checked_before_they_are_saved_and_hold_no_password() {
    let dir = tempfile::tempdir().unwrap();
    let a = client(dir.path(), "a");
    assert_eq!(server_settings::get(&a).unwrap(), None);
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, "-----BEGIN CERTIFICATE-----\n").unwrap();
    let good = ServerSettings {
        host: " nytta.kommun.se ".into(),
        port: 5432,
        database: "nytta".into(),
        user: "handlaggare_omsorg".into(),
        tls: ServerTls::VerifyFull,
        ca_file: Some(ca.display().to_string()),
    };
    server_settings::save(&a, &good).unwrap();
    let saved = server_settings::get(&a).unwrap().unwrap();
    assert_eq!(saved.host, "nytta.kommun.se", "spaces around are dropped");
    assert_eq!(
        sync::status(&a).unwrap().server.as_deref(),
        Some("handlaggare_omsorg@nytta.kommun.se:5432/nytta")
    );

    // A bad form is refused whole, each problem at its field; the saved settings stay.
    let bad = ServerSettings {
        port: 0,
        user: " ".into(),
        ca_file: None,
        ..good.clone()
    };
    let Err(AppError::InvalidDocument(problems)) = server_settings::save(&a, &bad) else {
        panic!("bad settings were saved");
    };
    let paths: Vec<_> = problems.iter().map(|p| p.path.clone().unwrap()).collect();
    assert_eq!(paths, ["server.user", "server.port", "server.ca_file"]);
    assert_eq!(server_settings::get(&a).unwrap(), Some(saved));

    // The store's file holds no password, whatever PGPASSWORD says.
    drop(a);
    let bytes = std::fs::read(dir.path().join("a.db")).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("handlaggare_omsorg"));
    assert!(!text.contains("password"), "a password key in the store");
}

#[test]
fn without_a_server_set_the_sync_says_where_to_set_it_and_the_state_is_still_shown() {
    let dir = tempfile::tempdir().unwrap();
    let a = client(dir.path(), "a");
    let x = pf::create(&a, "Digital tillsyn nattetid", OMSORG).unwrap();
    pf::create(&a, "Trygghetskamera i hemtjänsten", OMSORG).unwrap();
    edit(&a, x, "Sensorer i stället för tillsynsbesök nattetid.");
    let Err(e) = sync::sync_now(&a) else {
        panic!("synced without a server")
    };
    assert_eq!(e.code(), "server_not_set");
    // By the outbox's triggers: each new initiative's first version is one change, the
    // edit of X's draft another; the bundled examples stay local.
    let s = sync::status(&a).unwrap();
    assert_eq!((s.server, s.last_synced_at), (None, None));
    assert_eq!(s.changes_waiting, 3);
    let waiting: Vec<_> = s
        .waiting
        .iter()
        .map(|w| (w.title.as_str(), w.changes))
        .collect();
    assert_eq!(
        waiting,
        [
            ("Digital tillsyn nattetid", 2),
            ("Trygghetskamera i hemtjänsten", 1)
        ]
    );
}

#[test]
fn synkronisera_sends_with_the_saved_settings_and_names_a_conflict() {
    let Some(pg) = Pg::new("window") else {
        return;
    };
    let (a_role, b_role) = (
        pg.user("handlaggare_a", &[OMSORG]),
        pg.user("handlaggare_b", &[OMSORG]),
    );
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (client(dir.path(), "a"), client(dir.path(), "b"));
    server_settings::save(&a, &settings(&pg, &a_role)).unwrap();
    server_settings::save(&b, &settings(&pg, &b_role)).unwrap();
    let x = pf::create(&a, "Digital tillsyn nattetid", OMSORG).unwrap();
    assert_eq!(sync::status(&a).unwrap().changes_waiting, 1);

    let ra = sync::sync_now(&a).unwrap();
    assert_eq!((ra.pushed, ra.pulled, ra.refused.len()), (1, 1, 0));
    assert_eq!(
        ra.server,
        format!("{a_role}@localhost:{}/{}", pg.port, pg.db)
    );
    let s = sync::status(&a).unwrap();
    assert_eq!(s.changes_waiting, 0);
    assert!(s.waiting.is_empty());
    assert_eq!(s.last_synced_at.as_deref(), Some(ra.synced_at.as_str()));
    assert!(s.last_synced_at.unwrap().ends_with('Z'), "ISO 8601 UTC");

    // Both change the same draft while apart: B is told which initiative and which version
    // now holds its own content.
    sync::sync_now(&b).unwrap();
    let xb = pgtest::id_of(&b, "Digital tillsyn nattetid");
    edit(&a, x, "A: sensorer i alla rum.");
    edit(&b, xb, "B: kamera endast i hallen.");
    sync::sync_now(&a).unwrap();
    let rb = sync::sync_now(&b).unwrap();
    assert_eq!(rb.new_conflicts.len(), 1, "{rb:?}");
    let c = &rb.new_conflicts[0];
    assert_eq!(
        (c.id, c.title.as_str(), c.version_number),
        (xb, "Digital tillsyn nattetid", 2)
    );
    let open = sync::status(&b).unwrap().conflicts;
    assert_eq!(open.len(), 1);
    assert_eq!(
        (open[0].id, open[0].version_number, open[0].other_number),
        (xb, 2, Some(1))
    );
}

#[test]
fn a_failed_sync_names_what_failed_and_the_store_keeps_working() {
    let Some(pg) = Pg::new("window_errors") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let a = client(dir.path(), "a");
    pf::create(&a, "Digital tillsyn nattetid", OMSORG).unwrap();

    // A role whose password is not the one in the password file: the sign-in is refused.
    let stranger = format!("{}_fel_losenord", pg.db);
    pgtest::admin("postgres")
        .batch_execute(&format!(
            "CREATE ROLE {stranger} LOGIN PASSWORD 'ett-annat-lösenord' IN ROLE nytta_reader"
        ))
        .unwrap();
    server_settings::save(&a, &settings(&pg, &stranger)).unwrap();
    let e = sync::sync_now(&a).unwrap_err();
    assert_eq!(e.code(), "server_sign_in", "{e}");
    let dto = nytta_app::dto::ErrorDto::from(&e);
    assert!(
        dto.message_sv.contains("Servern godtog inte inloggningen")
            && dto.message_en.contains("PGPASSWORD or .pgpass"),
        "{dto:?}"
    );

    // No server at that port: unreachable, and nothing is lost.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let role = pg.user("handlaggare", &[OMSORG]);
    server_settings::save(
        &a,
        &ServerSettings {
            port: u32::from(port),
            ..settings(&pg, &role)
        },
    )
    .unwrap();
    let e = sync::sync_now(&a).unwrap_err();
    assert_eq!(e.code(), "server_unreachable", "{e}");
    assert!(
        nytta_app::dto::ErrorDto::from(&e)
            .message_en
            .contains("Nothing is lost"),
        "{e}"
    );

    // The local store works on: a new initiative waits beside the first.
    pf::create(&a, "Trygghetskamera i hemtjänsten", OMSORG).unwrap();
    let s = sync::status(&a).unwrap();
    assert_eq!((s.changes_waiting, s.last_synced_at), (2, None));

    // Back on the right port, everything goes.
    server_settings::save(&a, &settings(&pg, &role)).unwrap();
    let r = sync::sync_now(&a).unwrap();
    assert_eq!((r.pushed, r.refused.len()), (2, 0));
    assert_eq!(sync::status(&a).unwrap().changes_waiting, 0);
}

/// "Synkronisera" pressed again while the first sync of the same store still runs (from the
/// view opened anew): the second waits for the first, so each change is sent once, by one of
/// them, and neither reports anything refused.
#[test]
fn two_syncs_of_one_store_at_once_send_each_change_once() {
    let Some(pg) = Pg::new("window_twice") else {
        return;
    };
    let role = pg.user("handlaggare", &[OMSORG]);
    let dir = tempfile::tempdir().unwrap();
    let a = client(dir.path(), "a");
    server_settings::save(&a, &settings(&pg, &role)).unwrap();
    for n in 1..=6 {
        pf::create(&a, &format!("Initiativ {n}"), OMSORG).unwrap();
    }
    let reports: Vec<_> = std::thread::scope(|s| {
        let runs: Vec<_> = (0..2).map(|_| s.spawn(|| sync::sync_now(&a))).collect();
        runs.into_iter()
            .map(|r| r.join().unwrap().unwrap())
            .collect()
    });
    let sent: usize = reports.iter().map(|r| r.pushed).sum();
    assert_eq!(sent, 6, "each initiative sent by one sync: {reports:?}");
    assert!(reports.iter().all(|r| r.refused.is_empty()), "{reports:?}");
    let on_server: i64 = pg
        .look()
        .query_one("SELECT count(*) FROM nytta.versions", &[])
        .unwrap()
        .get(0);
    assert_eq!(on_server, 6);
    assert_eq!(sync::status(&a).unwrap().changes_waiting, 0);
}

#[test]
fn demo_data_and_examples_are_counted_as_kept_local_and_an_unreachable_server_says_nothing_waits() {
    let dir = tempfile::tempdir().unwrap();
    let a = client(dir.path(), "a");
    let added = nytta_app::demo::add(&a).unwrap().count;
    assert!(added > 0);
    let status = sync::status(&a).unwrap();
    // A new store holds the four bundled samples as examples; neither they nor the demo
    // portfolio are ever sent, so nothing waits.
    assert_eq!(status.examples_kept_local, 4);
    assert_eq!(status.demo_kept_local, added);
    assert_eq!(status.changes_waiting, 0);

    // Editing a demo initiative still leaves nothing waiting.
    let demo_id = pf::list(&a)
        .unwrap()
        .into_iter()
        .find(|s| !s.example)
        .unwrap()
        .id;
    edit(&a, demo_id, "Ändrad beskrivning i demodata.");
    assert_eq!(sync::status(&a).unwrap().changes_waiting, 0);

    // A port nothing listens on: the message says nothing waits, and names the host
    // without the user name.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("postgresql://handlaggare@127.0.0.1:{port}/nytta?sslmode=disable");
    let Err(AppError::Store {
        code,
        message_sv,
        message_en,
    }) = sync::sync(&a, &url)
    else {
        panic!("an unreachable server synced");
    };
    assert_eq!(code, "server_unreachable");
    assert!(
        message_sv.starts_with(&format!(
            "Servern går inte att nå. Inget väntar på att skickas. Teknisk detalj: \
             127.0.0.1:{port}/nytta: "
        )),
        "{message_sv}"
    );
    assert!(
        message_en.starts_with(&format!(
            "The server cannot be reached. Nothing waits to be sent. Technical detail: \
             127.0.0.1:{port}/nytta: "
        )),
        "{message_en}"
    );
    assert!(!message_sv.contains("handlaggare@"), "{message_sv}");
}
