//! Speed of sync against the test PostgreSQL on loopback (`NYTTA_TEST_PG_URL`, see
//! `tests/pgtest`): the first pull of a 450-initiative portfolio with three versions each
//! (limit 2 s), a sync with nothing to do over an open connection (limit 100 ms; with a new
//! connection the sign-in is printed beside it) and the push of one changed
//! initiative (limit 200 ms). Prints each figure beside its limit (ok / OVER): a benchmark
//! to read, not a timed test. Without a test server it prints "skipped".
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../tests/pgtest/mod.rs"]
mod pgtest;

use std::time::{Duration, Instant};

use nytta_app::portfolio as pf;
use nytta_app::sync;
use pgtest::{client, edit, Pg, AVF, OMSORG};

const INITIATIVES: usize = 450;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let Some(pg) = Pg::new("bench") else { return };
    let role = pg.user("handlaggare", &[OMSORG, AVF]);
    let url = pg.url(&role);
    let dir = tempfile::tempdir().unwrap();

    // The portfolio: the four samples' documents, renamed, each with three versions.
    let seed = client(dir.path(), "seed");
    let samples: Vec<String> = pf::list(&seed)
        .unwrap()
        .iter()
        .map(|s| pf::export(&seed, s.id).unwrap())
        .collect();
    let made = Instant::now();
    for i in 0..INITIATIVES {
        let mut doc: serde_json::Value = serde_json::from_str(&samples[i % samples.len()]).unwrap();
        doc["initiative"]["title"] = serde_json::Value::String(format!("Initiativ {i:03}"));
        doc["initiative"]["department"] =
            serde_json::Value::String(if i % 2 == 0 { OMSORG } else { AVF }.into());
        let id = pf::import_text(&seed, &doc.to_string(), pf::OnDuplicate::Copy)
            .unwrap()
            .id;
        for v in 0..2 {
            pf::new_version(&seed, id).unwrap();
            edit(&seed, id, &format!("version {}", v + 2));
        }
    }
    sync::sync(&seed, &url).unwrap();
    println!(
        "setup: {INITIATIVES} initiatives × 3 versions made and sent in {:.1} s",
        made.elapsed().as_secs_f64()
    );

    let fresh = client(dir.path(), "fresh");
    let t = Instant::now();
    let r = sync::sync(&fresh, &url).unwrap();
    let first_pull = t.elapsed();
    assert_eq!(r.pulled, INITIATIVES);

    // With a new connection each time (sign-in included, as `nytta sync` does) and over an
    // open connection (the sync's own work).
    let idle_signed_in = median(
        (0..15)
            .map(|_| {
                let t = Instant::now();
                let r = sync::sync(&fresh, &url).unwrap();
                assert_eq!((r.pushed, r.pulled), (0, 0));
                t.elapsed()
            })
            .collect(),
    );
    let sign_in = median(
        (0..15)
            .map(|_| {
                let t = Instant::now();
                drop(nytta_server::connect(&url).unwrap());
                t.elapsed()
            })
            .collect(),
    );
    let mut open = nytta_server::connect(&url).unwrap();
    let idle = median(
        (0..15)
            .map(|_| {
                let t = Instant::now();
                let r = sync::sync_with(&fresh, &mut open, "bench").unwrap();
                assert_eq!((r.pushed, r.pulled), (0, 0));
                t.elapsed()
            })
            .collect(),
    );

    let one = pf::list(&fresh)
        .unwrap()
        .into_iter()
        .find(|s| !s.example)
        .unwrap()
        .id;
    let push_one = median(
        (0..15)
            .map(|i| {
                edit(&fresh, one, &format!("ändring {i}"));
                let t = Instant::now();
                let r = sync::sync(&fresh, &url).unwrap();
                assert_eq!(r.pushed, 1);
                t.elapsed()
            })
            .collect(),
    );

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{:<48} {:>8.1} ms   (of which signing in {:.1} ms: the server's, as for psql)",
        "sync with nothing to do, new connection",
        ms(idle_signed_in),
        ms(sign_in)
    );
    let rows = [
        (
            "first pull, 450 initiatives × 3 versions",
            first_pull,
            2000.0,
        ),
        ("sync with nothing to do, open connection", idle, 100.0),
        (
            "push of one changed initiative (median of 15)",
            push_one,
            200.0,
        ),
    ];
    for (what, d, limit) in rows {
        let ok = ms(d) < limit;
        println!(
            "{what:<48} {:>8.1} ms   (limit {limit:.0} ms) {}",
            ms(d),
            if ok { "ok" } else { "OVER" }
        );
    }
}
