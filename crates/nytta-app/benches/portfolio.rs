//! Portfolio governance timings on the demo portfolio, printed (`cargo bench -p nytta-app
//! --bench portfolio`): the overview of the demo portfolio read from the store and
//! computed, the overview of 10 000 initiatives (the demo repeated) computed in memory and
//! read from a store of about 10 000, and similar needs over the demo. Each is the median of several runs after a warm-up; the targets of issue 12
//! are printed beside them.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::time::{Duration, Instant};

use nytta_app::ctx::Ctx;
use nytta_app::{demo, overview, similar};
use nytta_store::PortfolioSettings;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(n: usize, mut f: impl FnMut() -> T) -> Duration {
    f();
    median(
        (0..n)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn report(what: &str, took: Duration, target: Duration) {
    let verdict = if took < target {
        "ok"
    } else {
        "SLOWER THAN TARGET"
    };
    println!(
        "{what:<58} {:>9.2} ms   (target < {} ms) {verdict}",
        took.as_secs_f64() * 1e3,
        target.as_millis()
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = Ctx::open_with_clock(
        &dir.path().join("nytta.db"),
        Box::new(|| "2025-06-01T09:00:00Z".into()),
    )
    .unwrap();
    demo::add(&ctx).unwrap();
    let n = nytta_app::portfolio::list(&ctx).unwrap().len();

    let took = time(15, || overview::overview(&ctx, "2025-06-01").unwrap());
    report(
        &format!("overview of {n} initiatives (store read + compute)"),
        took,
        Duration::from_millis(50),
    );

    let dir2 = tempfile::tempdir().unwrap();
    let mut store =
        nytta_store::Store::open(&dir2.path().join("nytta.db"), "2025-06-01T09:00:00Z").unwrap();
    store
        .add_demo(demo::documents().unwrap(), "2025-06-01T09:00:00Z")
        .unwrap();
    let rows = store.portfolio().unwrap();
    let mut big = Vec::with_capacity(10_000);
    while big.len() < 10_000 {
        for r in &rows {
            if big.len() == 10_000 {
                break;
            }
            let mut r = r.clone();
            r.summary.id = big.len() as i64 + 1;
            big.push(r);
        }
    }
    let settings = PortfolioSettings::default();
    let took = time(7, || overview::compute(&big, &settings, "2025-06-01"));
    report(
        "overview of 10 000 initiatives (compute)",
        took,
        Duration::from_millis(1000),
    );

    // The same from a store of about 10 000 initiatives (the demo added 22 times).
    for _ in 1..22 {
        store
            .add_demo(demo::documents().unwrap(), "2025-06-01T09:00:00Z")
            .unwrap();
    }
    drop(store);
    let big_ctx = Ctx::open_with_clock(
        &dir2.path().join("nytta.db"),
        Box::new(|| "2025-06-01T09:00:00Z".into()),
    )
    .unwrap();
    let n_big = nytta_app::portfolio::list(&big_ctx).unwrap().len();
    let took = time(5, || overview::overview(&big_ctx, "2025-06-01").unwrap());
    report(
        &format!("overview of {n_big} initiatives (store read + compute)"),
        took,
        Duration::from_millis(1000),
    );

    let took = time(7, || similar::similar_needs(&ctx, None).unwrap());
    report(
        &format!("similar needs over {n} initiatives (store read + compute)"),
        took,
        Duration::from_millis(200),
    );
}
