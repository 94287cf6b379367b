//! Speed of the Excel export (issue 14: the largest sample in well under 100 ms).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use nytta_core::{evaluate, read::read_document, Lang, Model};

fn bench(c: &mut Criterion) {
    let text = include_str!("../../../samples/digital-signering.nytta.json");
    let model = Model::from_document(read_document(text).unwrap()).unwrap();
    let ev = evaluate(&model, Lang::Sv).unwrap();
    c.bench_function("export_xlsx/largest_sample", |b| {
        b.iter(|| nytta_xlsx::export_valuation(black_box(&model), black_box(&ev)).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
