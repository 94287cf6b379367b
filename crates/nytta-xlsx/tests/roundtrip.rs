//! Export → import gives back the same document, for every sample and generated document.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use common::*;
use nytta_core::read::read_document;

#[test]
fn every_sample_comes_back_the_same() {
    for (name, text) in SAMPLES {
        let (model, ev) = evaluated(text);
        let bytes = nytta_xlsx::export_valuation(&model, &ev).unwrap();
        let back = nytta_xlsx::import_workbook(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back, read_document(text).unwrap(), "{name}");
    }
}

#[test]
fn generated_documents_come_back_the_same() {
    for k in 0..60 {
        let text = generated(k);
        let (model, ev) = evaluated(&text);
        let bytes = nytta_xlsx::export_valuation(&model, &ev).unwrap();
        let back = nytta_xlsx::import_workbook(&bytes)
            .unwrap_or_else(|e| panic!("generated {k}: {e}\n{text}"));
        assert_eq!(back, read_document(&text).unwrap(), "generated {k}");
    }
}
