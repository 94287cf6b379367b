//! Speed of the Monte Carlo simulation (issue 11: the robot sample, 10 000 draws, under
//! 50 ms on one core): the whole simulation (compile, draw, evaluate, summarise) and the
//! compiled evaluation alone.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use nytta_core::read::read_document;
use nytta_core::simulation::{self, compiled::Compiled};
use nytta_core::Model;

const ROBOTS: &str = include_str!("../../../samples/lakemedelsrobotar.nytta.json");

fn bench(c: &mut Criterion) {
    let model = Model::from_document(read_document(ROBOTS).unwrap()).unwrap();
    let mut g = c.benchmark_group("simulation");
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("robots_10000_draws", |b| {
        b.iter(|| simulation::simulate(black_box(&model), 10_000, 1).unwrap())
    });
    let compiled = Compiled::new(&model);
    let mut scratch = compiled.scratch();
    g.bench_function("robots_one_compiled_evaluation", |b| {
        b.iter(|| compiled.run(black_box(&mut scratch)).unwrap())
    });
    g.finish();

    // The figure the issue asks for, as one line: the best of 20 runs.
    let best = (0..20)
        .map(|_| {
            let start = Instant::now();
            black_box(simulation::simulate(&model, 10_000, 1).unwrap());
            start.elapsed()
        })
        .min()
        .unwrap();
    println!(
        "robot sample, 10 000 draws on one core: {:.1} ms (limit 50 ms)",
        best.as_secs_f64() * 1e3
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
