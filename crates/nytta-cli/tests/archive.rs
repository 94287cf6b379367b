//! What `nytta report` and `nytta portfolio report` write is an archival, accessible PDF, as
//! poppler reads it (not the writer's own view): PDF/A-2a and PDF/UA-1 in the XMP, tagged,
//! every font embedded, subset (a name `ABCDEF+…`) and mapped to Unicode, not encrypted, in
//! the language asked for. nytta-report's `tests/conformance.rs` checks the rules one by one.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const SAMPLES: [&str; 4] = [
    "digital-signering.nytta.json",
    "digitala-examinationer.nytta.json",
    "digitala-medicinskap.nytta.json",
    "lakemedelsrobotar.nytta.json",
];

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs ({e}); poppler-utils: scripts/deps.sh"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Checks the PDF at `path` in language `lang` (`sv-SE`, `en-GB`).
fn archival(path: &Path, lang: &str) {
    let p = path.to_str().unwrap();
    let xmp = run("pdfinfo", &["-meta", p]);
    for want in [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>A</pdfaid:conformance>",
        "<pdfuaid:part>1</pdfuaid:part>",
        &format!("<rdf:li>{lang}</rdf:li>"),
    ] {
        assert!(xmp.contains(want), "{p}: the XMP lacks {want}");
    }
    let info = run("pdfinfo", &[p]);
    assert!(info.contains("Tagged:          yes"), "{p}: {info}");
    assert!(info.contains("Encrypted:       no"), "{p}: {info}");
    let fonts = run("pdffonts", &[p]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{p}: no fonts");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let name = cols[0];
        let prefix = name.split('+').next().unwrap_or_default();
        assert!(
            name.contains('+')
                && prefix.len() == 6
                && prefix.chars().all(|c| c.is_ascii_uppercase()),
            "{p}: font {name} is not subset"
        );
        // emb sub uni, before the object number.
        assert_eq!(
            cols[cols.len() - 5..cols.len() - 2],
            ["yes", "yes", "yes"],
            "{p}: {row}"
        );
    }
}

#[test]
fn nytta_report_writes_archival_accessible_pdfs_of_every_sample() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("archive");
    std::fs::create_dir_all(&dir).unwrap();
    for name in SAMPLES {
        let file = root().join("samples").join(name);
        for (lang, code) in [("sv", "sv-SE"), ("en", "en-GB")] {
            let pdf = dir.join(format!("{name}.{lang}.pdf"));
            let out = Command::new(env!("CARGO_BIN_EXE_nytta"))
                .args([
                    "report",
                    file.to_str().unwrap(),
                    "-o",
                    pdf.to_str().unwrap(),
                ])
                .args(["--lang", lang])
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            archival(&pdf, code);
        }
    }
    let pdf = dir.join("follow-up.pdf");
    let robots = root().join("samples/lakemedelsrobotar.nytta.json");
    let out = Command::new(env!("CARGO_BIN_EXE_nytta"))
        .args([
            "report",
            robots.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
        ])
        .arg("--follow-up")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    archival(&pdf, "sv-SE");
}

#[test]
fn the_portfolio_report_with_its_charts_is_archival_and_accessible() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("archive-portfolio");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("nytta.db");
    let db = db.to_str().unwrap();
    let nytta = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_nytta"))
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    nytta(&["db", "demo", "--db", db]);
    let pdf = dir.join("rapport.pdf");
    nytta(&[
        "portfolio",
        "report",
        "-o",
        pdf.to_str().unwrap(),
        "--db",
        db,
        "--lang",
        "en",
    ]);
    archival(&pdf, "en-GB");
}
