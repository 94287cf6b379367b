//! Speed of batch work (issue 11): 450 generated valuations — the four samples with every
//! ranged input moved within its range and a title of its own — evaluated from their files
//! in one process with one JSON line each, as `nytta evaluate FOLDER --json` does (limit
//! 100 ms wall on two cores), and imported into a new store in one transaction, as
//! `nytta db import FOLDER` does (limit 300 ms). Prints the median of several runs beside
//! each limit (speed is read from benchmarks, not asserted).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::Path;
use std::time::{Duration, Instant};

use nytta_app::batch;
use nytta_app::ctx::Ctx;
use nytta_app::portfolio::OnDuplicate;
use nytta_app::Lang;
use serde_json::Value;

const VALUATIONS: usize = 450;

const SAMPLES: [&str; 4] = [
    include_str!("../../../samples/lakemedelsrobotar.nytta.json"),
    include_str!("../../../samples/digital-signering.nytta.json"),
    include_str!("../../../samples/digitala-examinationer.nytta.json"),
    include_str!("../../../samples/digitala-medicinskap.nytta.json"),
];

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.to_string().parse().ok(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Valuation `k`: sample `k % 4` with each ranged input at a point of its range that
/// differs from valuation to valuation, and a title of its own.
fn generated(k: usize) -> String {
    let mut doc: Value = serde_json::from_str(SAMPLES[k % SAMPLES.len()]).unwrap();
    let title = format!("{} {k}", doc["initiative"]["title"].as_str().unwrap());
    doc["initiative"]["title"] = Value::String(title);
    for (i, input) in doc["valuation"]["inputs"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        let (Some(low), Some(high)) = (number(&input["low"]), number(&input["high"])) else {
            continue;
        };
        let step = ((k * 37 + i * 11) % 101) as f64 / 100.0;
        input["value"] = Value::String(format!("{:.4}", low + (high - low) * step));
    }
    doc.to_string()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn new_store(dir: &Path) -> Ctx {
    Ctx::open_with_clock(
        &dir.join("nytta.db"),
        Box::new(|| "2025-03-01T09:00:00Z".into()),
    )
    .unwrap()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("valuations");
    std::fs::create_dir(&folder).unwrap();
    for k in 0..VALUATIONS {
        std::fs::write(folder.join(format!("{k:03}.nytta.json")), generated(k)).unwrap();
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());

    let evaluate = || {
        let files = batch::expand(std::slice::from_ref(&folder)).unwrap();
        let outcomes = batch::evaluate_files(&files, Lang::Sv, None);
        let lines = batch::parallel_map(&outcomes, batch::json_line);
        assert_eq!(lines.len(), VALUATIONS);
        assert!(outcomes.iter().all(|o| o.result.is_ok()));
    };
    evaluate();
    let runs = (0..15)
        .map(|_| {
            let start = Instant::now();
            evaluate();
            start.elapsed()
        })
        .collect();
    let evaluated = median(runs);

    let runs = (0..7)
        .map(|_| {
            let store = tempfile::tempdir().unwrap();
            let ctx = new_store(store.path());
            let start = Instant::now();
            let out = nytta_app::batch::import_dir(&ctx, &folder, OnDuplicate::Refuse).unwrap();
            let took = start.elapsed();
            assert!(out.iter().all(|o| o.id.is_some()), "every file imported");
            took
        })
        .collect();
    let imported = median(runs);

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let rows = [
        (
            format!("{VALUATIONS} valuations evaluated to JSON lines, {cores} cores"),
            evaluated,
            100.0,
        ),
        (
            format!("{VALUATIONS} valuations imported into a new store"),
            imported,
            300.0,
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
