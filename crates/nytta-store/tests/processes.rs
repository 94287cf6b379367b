//! Real processes on one store: two writing at once lose nothing, and a writer killed
//! with SIGKILL at random moments (at least 200 times) never loses a save it reported, nor
//! leaves a store that fails the integrity check.
//!
//! The test binary runs itself as the child: with `NYTTA_STORE_CHILD=writer` it opens the
//! store and saves in a loop, printing one line per save only after the commit returned.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use nytta_store::clock::iso_from_unix;
use nytta_store::Store;
use serde_json::json;

const CHILD_ENV: &str = "NYTTA_STORE_CHILD";

fn now() -> String {
    iso_from_unix(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64,
    )
}

fn doc(title: &str, description: &str) -> String {
    json!({
        "nytta": 1,
        "initiative": { "title": title, "description": description, "department": "Arbete och välfärd" },
        "valuation": {
            "parameters": { "start_year": 2025, "years": 6, "discount_rate": "0.03" },
            "lines": [
                { "id": "tid", "side": "benefit", "name": "Frigjord tid", "category": "financial",
                  "amount": "125000.50", "timing": { "yearly": { "from": 1 } } },
                { "id": "inkop", "side": "cost", "name": "Inköp", "category": "financial",
                  "amount": "300000", "timing": { "once": 0 } }
            ]
        }
    })
    .to_string()
}

/// Child: `writer DB LABEL COUNT SHARED_ID`. Alternates importing a new initiative
/// `LABEL-k` and saving the shared initiative's draft with description `LABEL-k`.
fn child(args: &[String]) {
    let db = PathBuf::from(&args[0]);
    let label = &args[1];
    let count: usize = args[2].parse().unwrap();
    let shared: i64 = args[3].parse().unwrap();
    let mut store = Store::open(&db, &now()).unwrap();
    let mut out = std::io::stdout().lock();
    for k in 0..count {
        let name = format!("{label}-{k:05}");
        if k % 2 == 0 {
            store.import_text(&doc(&name, ""), &now()).unwrap();
            writeln!(out, "import {name}").unwrap();
        } else {
            store
                .save(shared, &doc("Delat initiativ", &name), &now())
                .unwrap();
            writeln!(out, "save {name}").unwrap();
        }
        out.flush().unwrap();
    }
}

fn spawn(exe: &Path, db: &Path, label: &str, count: usize, shared: i64) -> std::process::Child {
    Command::new(exe)
        .env(CHILD_ENV, "writer")
        .args([
            db.display().to_string(),
            label.into(),
            count.to_string(),
            shared.to_string(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn reported(child: &mut std::process::Child) -> (Vec<String>, Vec<String>) {
    let mut text = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    let mut imports = Vec::new();
    let mut saves = Vec::new();
    // A line cut off by the kill has no newline and was not reported.
    for line in text.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
        match line.trim_end().split_once(' ') {
            Some(("import", name)) => imports.push(name.to_string()),
            Some(("save", name)) => saves.push(name.to_string()),
            _ => panic!("unexpected child output {line:?}"),
        }
    }
    (imports, saves)
}

fn integrity_ok(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let r: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(r, "ok");
}

fn setup(dir: &Path) -> (PathBuf, i64) {
    let db = dir.join("nytta.db");
    let mut store = Store::open(&db, &now()).unwrap();
    let shared = store
        .import_text(&doc("Delat initiativ", "start"), &now())
        .unwrap()
        .id;
    (db, shared)
}

fn titles(store: &Store) -> std::collections::HashSet<String> {
    store
        .list()
        .unwrap()
        .into_iter()
        .map(|s| s.summary.title)
        .collect()
}

fn description(store: &Store, id: i64) -> String {
    let v: serde_json::Value = serde_json::from_str(&store.export(id).unwrap()).unwrap();
    v["initiative"]["description"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn two_processes_write_at_once(exe: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let (db, shared) = setup(dir.path());
    let mut a = spawn(exe, &db, "A", 60, shared);
    let mut b = spawn(exe, &db, "B", 60, shared);
    let (ia, sa) = reported(&mut a);
    let (ib, sb) = reported(&mut b);
    assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
    assert_eq!((ia.len(), sa.len(), ib.len(), sb.len()), (30, 30, 30, 30));
    integrity_ok(&db);
    let store = Store::open(&db, &now()).unwrap();
    let have = titles(&store);
    for t in ia.iter().chain(&ib) {
        assert!(have.contains(t), "{t} lost");
    }
    // Samples (4) + shared + 30 + 30 imports.
    assert_eq!(store.list().unwrap().len(), 65);
    let last = description(&store, shared);
    assert!(last == "A-00059" || last == "B-00059", "{last}");
    println!("two processes writing at once: ok (60 saves each)");
}

/// A small xorshift generator; the seed is printed so a failure can be replayed.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn killed_at_random_moments(exe: &Path, rounds: usize) {
    let seed = std::env::var("NYTTA_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    println!("crash test seed {seed} (replay with NYTTA_CRASH_SEED={seed})");
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let (db, shared) = setup(dir.path());
    let mut all_imports = Vec::new();
    let mut last_save: Option<String> = None;
    let mut killed_mid_run = 0;
    for round in 0..rounds {
        let mut child = spawn(exe, &db, &format!("r{round:03}"), 1000, shared);
        std::thread::sleep(Duration::from_micros(rng.below(60_000)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let (imports, saves) = reported(&mut child);
        if !imports.is_empty() || !saves.is_empty() {
            killed_mid_run += 1;
        }
        all_imports.extend(imports);
        if let Some(s) = saves.last() {
            last_save = Some(s.clone());
        }
        if round % 20 == 19 || round + 1 == rounds {
            integrity_ok(&db);
            let store = Store::open(&db, &now()).unwrap();
            let have = titles(&store);
            for t in &all_imports {
                assert!(
                    have.contains(t),
                    "round {round}: reported import {t} is missing"
                );
            }
            // The shared draft holds the last reported save, or a later one whose report
            // the kill cut off: never an older one.
            if let Some(s) = &last_save {
                let d = description(&store, shared);
                assert!(
                    d.as_str() >= s.as_str(),
                    "round {round}: {d} older than reported {s}"
                );
            }
        }
    }
    assert!(
        killed_mid_run >= rounds / 4,
        "only {killed_mid_run} kills landed after a save"
    );
    println!(
        "killed {rounds} writers with SIGKILL ({killed_mid_run} after at least one save, {} reported imports): ok",
        all_imports.len()
    );
}

fn main() {
    if std::env::var(CHILD_ENV).as_deref() == Ok("writer") {
        let args: Vec<String> = std::env::args().skip(1).collect();
        child(&args);
        return;
    }
    // `cargo test` passes harness flags (e.g. `--list`, filters); a listing run does nothing.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let exe = std::env::current_exe().unwrap();
    two_processes_write_at_once(&exe);
    killed_at_random_moments(&exe, 200);
}
