//! The business case PDF of the medication-robots sample (the largest sample, in Swedish and
//! English), end to end: read, check and evaluate the document, draw the charts and write
//! the tagged, packed PDF/A. Aim: under 300 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use nytta_core::{read::read_document, Lang, Model};
use nytta_report::{business_case_pdf, ReportOptions};

const SAMPLE: &str = include_str!("../../../samples/lakemedelsrobotar.nytta.json");

fn case_pdf(c: &mut Criterion) {
    for (name, lang) in [
        ("lakemedelsrobotar", Lang::Sv),
        ("lakemedelsrobotar en", Lang::En),
    ] {
        let opts = ReportOptions::new(lang, "2024-05-02");
        c.bench_function(&format!("business_case_pdf {name}"), |b| {
            b.iter(|| {
                let doc = read_document(SAMPLE).map_err(|e| e.to_string());
                let model = doc.and_then(|d| Model::from_document(d).map_err(|e| e.to_string()));
                let pdf = model.and_then(|m| {
                    let ev = nytta_core::evaluate(&m, lang).map_err(|e| e.to_string())?;
                    business_case_pdf(&m, &ev, &opts).map_err(|e| e.to_string())
                });
                assert!(pdf.is_ok_and(|p| p.len() > 10_000), "the PDF is written");
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = case_pdf
}
criterion_main!(benches);
