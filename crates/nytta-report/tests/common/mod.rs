//! Shared helpers of the report tests: samples, evaluation and poppler's command-line tools.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use nytta_core::{read::read_document, Evaluation, Lang, Model};

/// Every sample document's file name.
pub const SAMPLES: [&str; 4] = [
    "lakemedelsrobotar.nytta.json",
    "digital-signering.nytta.json",
    "digitala-examinationer.nytta.json",
    "digitala-medicinskap.nytta.json",
];

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A document's text checked and evaluated.
pub fn evaluate(text: &str, lang: Lang) -> (Model, Evaluation) {
    let doc = read_document(text).expect("document reads");
    let model = Model::from_document(doc).expect("document checks");
    let ev = nytta_core::evaluate(&model, lang).expect("document evaluates");
    (model, ev)
}

/// A sample checked and evaluated.
pub fn sample(name: &str, lang: Lang) -> (Model, Evaluation) {
    let text = std::fs::read_to_string(root().join("samples").join(name)).expect("sample exists");
    evaluate(&text, lang)
}

/// A scratch directory under the build's own `target/tmp`, so that test runs leave nothing
/// behind in the system's temporary folder.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("nytta-report-{name}"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs a poppler tool and returns its standard output.
pub fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} could not run ({e}); install poppler-utils (scripts/deps.sh)")
    });
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Writes `pdf` to `dir/name` and returns the path as text.
pub fn save(dir: &Path, name: &str, pdf: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, pdf).unwrap();
    path.display().to_string()
}

/// The PDF's text as `pdftotext` extracts it (reading order).
pub fn text_of(path: &str) -> String {
    poppler("pdftotext", &["-enc", "UTF-8", path, "-"])
}

/// The PDF's text with `pdftotext -layout`, which keeps a table row on one line.
pub fn rows_of(path: &str) -> String {
    poppler("pdftotext", &["-layout", "-enc", "UTF-8", path, "-"])
}

/// The PDF's page count from `pdfinfo`.
pub fn pages_of(path: &str) -> usize {
    poppler("pdfinfo", &[path])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports pages")
}
