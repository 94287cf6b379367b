//! Speed of the engine (issue 2: well under 1 ms per valuation).
//!
//! - `sample/*`: the medication-robots sample, from text (read, check, evaluate) and from a
//!   checked model (evaluate only).
//! - `portfolio_450/*`: 450 valuations generated from the four samples with every input moved
//!   within its low–high range, as the report's portfolio holds about 450 initiatives.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use nytta_core::{evaluate, read::read_document, Lang, Model};
use rust_decimal::Decimal;
use serde_json::Value;

const SAMPLES: [&str; 4] = [
    include_str!("../../../samples/lakemedelsrobotar.nytta.json"),
    include_str!("../../../samples/digital-signering.nytta.json"),
    include_str!("../../../samples/digitala-examinationer.nytta.json"),
    include_str!("../../../samples/digitala-medicinskap.nytta.json"),
];

fn decimal(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => n.to_string().parse().ok(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Valuation `k` of the generated portfolio: sample `k % 4` with each ranged input at a
/// point of its range that differs from valuation to valuation and from input to input.
fn generated(k: usize) -> String {
    let mut doc: Value = serde_json::from_str(SAMPLES[k % SAMPLES.len()]).unwrap();
    let inputs = doc["valuation"]["inputs"].as_array_mut().unwrap();
    for (i, input) in inputs.iter_mut().enumerate() {
        let (Some(low), Some(high)) = (decimal(&input["low"]), decimal(&input["high"])) else {
            continue;
        };
        let step = Decimal::from(((k * 37 + i * 11) % 101) as u32) / Decimal::from(100);
        let value = (low + (high - low) * step).round_dp(4);
        input["value"] = Value::String(value.to_string());
    }
    doc.to_string()
}

fn checked(text: &str) -> Model {
    Model::from_document(read_document(text).unwrap()).unwrap()
}

fn bench(c: &mut Criterion) {
    let robots = SAMPLES[0];
    let model = checked(robots);
    let mut g = c.benchmark_group("sample");
    g.bench_function("robots_from_text", |b| {
        b.iter(|| nytta_core::evaluate_text(black_box(robots), Lang::Sv).unwrap())
    });
    g.bench_function("robots_evaluate_only", |b| {
        b.iter(|| evaluate(black_box(&model), Lang::Sv).unwrap())
    });
    g.finish();

    let texts: Vec<String> = (0..450).map(generated).collect();
    let models: Vec<Model> = texts.iter().map(|t| checked(t)).collect();
    let mut g = c.benchmark_group("portfolio_450");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("from_text", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(nytta_core::evaluate_text(black_box(t), Lang::Sv).unwrap());
            }
        })
    });
    g.bench_function("evaluate_only", |b| {
        b.iter(|| {
            for m in &models {
                black_box(evaluate(black_box(m), Lang::Sv).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
