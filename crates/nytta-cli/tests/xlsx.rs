//! `nytta export-xlsx`, `nytta import-xlsx` and `nytta db export-xlsx` as a user runs them.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn nytta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nytta"))
        .args(args)
        .output()
        .expect("the nytta binary runs")
}

/// A fresh folder of its own under Cargo's scratch directory for tests.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("xlsx-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn every_sample_goes_to_excel_and_back_with_the_same_figures() {
    let dir = scratch("samples");
    for name in [
        "digital-signering",
        "digitala-examinationer",
        "digitala-medicinskap",
        "lakemedelsrobotar",
    ] {
        let doc = root().join(format!("samples/{name}.nytta.json"));
        let book = dir.join(format!("{name}.xlsx"));
        let out = nytta(&["export-xlsx", s(&doc), "-o", s(&book)]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            &std::fs::read(&book).unwrap()[..2],
            b"PK",
            "an .xlsx is a zip file"
        );
        let back = dir.join(format!("{name}.nytta.json"));
        let out = nytta(&["import-xlsx", s(&book), "-o", s(&back)]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let before = nytta(&["evaluate", s(&doc), "--json"]);
        let after = nytta(&["evaluate", s(&back), "--json"]);
        assert!(after.status.success());
        assert_eq!(before.stdout, after.stdout, "{name}: the same figures");
    }
}

#[test]
fn a_file_that_is_no_workbook_exits_2_naming_it() {
    let dir = scratch("bad");
    let bad = dir.join("inte-excel.xlsx");
    std::fs::write(&bad, "hej").unwrap();
    let out = nytta(&["import-xlsx", s(&bad), "-o", s(&dir.join("x.nytta.json"))]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("inte-excel.xlsx") && err.contains("Excelarbetsbok"),
        "{err}"
    );
    let out = nytta(&[
        "import-xlsx",
        s(&bad),
        "-o",
        s(&dir.join("y.nytta.json")),
        "--lang",
        "en",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("Excel workbook"));
}

#[test]
fn the_portfolio_is_written_as_a_workbook() {
    let dir = scratch("portfolio");
    let db = dir.join("nytta.db");
    let book = dir.join("portfolj.xlsx");
    let out = nytta(&["db", "--db", s(&db), "export-xlsx", "-o", s(&book)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::metadata(&book).unwrap().len() > 1000);
}
