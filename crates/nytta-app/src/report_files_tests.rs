//! Tests of [`super`]: PDFs of stored initiatives read back with `pdftotext` (poppler-utils),
//! the atomic write, and the chart set.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use rust_decimal::Decimal;

use super::*;
use crate::ctx::Ctx;

const ROBOTS_TITLE: &str = "Läkemedelsrobotar i boendestödet";
const EXAMS_TITLE: &str = "Digitala examinationer";
const ROBOTS: &str = include_str!("../../../samples/lakemedelsrobotar.nytta.json");

fn ctx(dir: &Path) -> Ctx {
    Ctx::open_with_clock(
        &dir.join("nytta.db"),
        Box::new(|| "2025-03-01T09:30:00Z".into()),
    )
    .unwrap()
}

/// The id of the seeded example whose title starts with `title`.
fn example(ctx: &Ctx, title: &str) -> i64 {
    portfolio::list(ctx)
        .unwrap()
        .into_iter()
        .find(|s| s.summary.title.starts_with(title))
        .unwrap()
        .id
}

fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    spaces(&String::from_utf8_lossy(&out.stdout))
}

/// Every kind of space as a plain one, so sv-SE digit grouping compares as typed.
fn spaces(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}', '\u{2009}'], " ")
}

/// The files in `dir` other than the store's own.
fn stray_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("nytta.db") && !n.contains("backup"))
        .collect()
}

#[test]
fn the_business_case_of_a_stored_initiative_shows_its_title_and_npv() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = ctx(dir.path());
    let id = example(&ctx, ROBOTS_TITLE);
    let target = dir.path().join("Läkemedelsrobotar.pdf");
    business_case_file(
        &ctx,
        id,
        &target,
        &ReportOptions::new(Lang::Sv, "2025-03-01"),
    )
    .unwrap();
    let text = pdf_text(&target);
    assert!(text.contains(ROBOTS_TITLE), "{text}");
    // Economic NPV from tests/reference (computed independently of the engine).
    let npv: Decimal = "2829229.77".parse().unwrap();
    let shown = spaces(&nytta_core::format::kronor(npv, Lang::Sv));
    assert_eq!(shown, "2 829 230 kr");
    assert!(text.contains(&shown), "{text}");
    assert!(text.contains("2025-03-01"), "the printing date: {text}");
    assert_eq!(stray_files(dir.path()), vec!["Läkemedelsrobotar.pdf"]);
}

#[test]
fn the_follow_up_report_of_a_stored_initiative_is_written_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = ctx(dir.path());
    let id = example(&ctx, ROBOTS_TITLE);
    let target = dir.path().join("follow-up.pdf");
    follow_up_file(
        &ctx,
        id,
        0,
        &target,
        &ReportOptions::new(Lang::En, "2025-03-01"),
    )
    .unwrap();
    let text = pdf_text(&target);
    assert!(text.contains("Follow-up report"), "{text}");
    assert!(text.contains(ROBOTS_TITLE), "{text}");
}

#[test]
fn a_failed_report_leaves_the_existing_file_untouched_and_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = ctx(dir.path());
    let id = example(&ctx, EXAMS_TITLE);
    let target = dir.path().join("rapport.pdf");
    std::fs::write(&target, b"earlier report").unwrap();
    let e = follow_up_file(
        &ctx,
        id,
        0,
        &target,
        &ReportOptions::new(Lang::Sv, "2025-03-01"),
    )
    .unwrap_err();
    assert_eq!(
        e.code(),
        "no_follow_up",
        "the exams example has no follow-up"
    );
    assert_eq!(std::fs::read(&target).unwrap(), b"earlier report");
    assert_eq!(stray_files(dir.path()), vec!["rapport.pdf"]);
}

#[test]
fn a_write_that_fails_names_the_file_and_removes_its_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the PDF should go: the rename fails after the bytes were written.
    let target = dir.path().join("case.pdf");
    std::fs::create_dir(&target).unwrap();
    let e = write_atomically(&target, b"%PDF-1.7").unwrap_err();
    assert_eq!(e.code(), "io");
    assert!(e.to_string().contains("case.pdf"), "{e}");
    assert_eq!(stray_files(dir.path()), vec!["case.pdf"]);
    assert!(target.is_dir());
}

#[test]
fn an_unknown_initiative_is_not_found_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = ctx(dir.path());
    let target = dir.path().join("x.pdf");
    let e = business_case_file(
        &ctx,
        9999,
        &target,
        &ReportOptions::new(Lang::Sv, "2025-03-01"),
    )
    .unwrap_err();
    assert_eq!(e.code(), "not_found");
    assert!(!target.exists());
}

#[test]
fn every_chart_of_a_followed_up_document_is_svg() {
    let set = chart_set(ROBOTS, Lang::Sv).unwrap();
    let doc: serde_json::Value = serde_json::from_str(ROBOTS).unwrap();
    let follow_ups = doc["follow_ups"].as_array().map_or(0, Vec::len);
    assert_eq!(set.follow_ups.len(), follow_ups);
    let tornado = set.tornado.clone().expect("the sample has low/high values");
    for svg in [
        &set.cash_flow,
        &set.per_year,
        &set.by_category,
        &set.by_stakeholder,
        &tornado,
    ]
    .into_iter()
    .chain(&set.follow_ups)
    {
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    }
    assert!(set.cash_flow.contains("Budgetvy"), "both views are drawn");
    let en = chart_set(ROBOTS, Lang::En).unwrap();
    assert!(
        en.cash_flow.contains("Budget view"),
        "labels follow the language"
    );
}

#[test]
fn a_new_initiative_has_charts_but_no_tornado_and_no_follow_up_chart() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = ctx(dir.path());
    let id = portfolio::create(&ctx, "Ny e-tjänst", "Kommunstyrelsen").unwrap();
    let text = portfolio::get(&ctx, id).unwrap().document_json;
    let set = chart_set(&text, Lang::Sv).unwrap();
    assert!(set.cash_flow.starts_with("<svg"));
    assert_eq!(set.tornado, None);
    assert!(set.follow_ups.is_empty());
}

#[test]
fn a_broken_document_gets_no_charts_but_its_error_code() {
    assert_eq!(chart_set("{", Lang::Sv).unwrap_err().code(), "json_syntax");
}
