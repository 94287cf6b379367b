//! `nytta db demo` and `nytta portfolio`, driven as a user drives them: the demo portfolio
//! created and removed, the overview's JSON keys of docs/portfolio.md, the readable text.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::process::{Command, Output};

use serde_json::Value;

fn nytta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nytta"))
        .args(args)
        .output()
        .expect("the nytta binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

#[test]
fn the_overview_of_the_demo_portfolio_has_the_reports_mix_and_the_documented_keys() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("portfolio-overview");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("nytta.db");
    let db = db.to_str().unwrap();
    let out = nytta(&["db", "demo", "--db", db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("453 initiativ märkta som demodata"));

    let out = nytta(&["portfolio", "--db", db, "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "today",
            "stale_months",
            "total",
            "demo",
            "steps",
            "departments",
            "bases",
            "demand",
            "active",
            "hygiene"
        ]
    );
    // 453 demo initiatives and the four examples of a new store.
    assert_eq!(v["total"]["count"], 457);
    assert_eq!(v["demo"], 453);
    let stage = |code: &str| -> i64 {
        v["steps"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["stages"].as_array().unwrap())
            .find(|s| s["stage"] == code)
            .unwrap()["count"]
            .as_i64()
            .unwrap()
    };
    // The report's 73, 25 + 2 examples, 45, 10, 11, 98.
    assert_eq!(stage("development"), 73);
    assert_eq!(stage("valued"), 27);
    assert_eq!(stage("awaiting_decision"), 45);
    assert_eq!(stage("decided"), 10);
    assert_eq!(stage("planning"), 11);
    assert_eq!(stage("in_progress"), 98);
    let dept = |name: &str| {
        v["departments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["department"] == name)
            .unwrap()
            .clone()
    };
    // 53 demo + 2 examples of Arbete och välfärd; the ids behind the count are as many.
    let aov = dept("Arbete och välfärd");
    assert_eq!(aov["count"], 55);
    assert_eq!(aov["ids"].as_array().unwrap().len(), 55);
    // 55 ÷ 457 = 0,120350…
    assert_eq!(aov["share"], "0.120350");

    let out = nytta(&["portfolio", "--db", db, "--lang", "en"]);
    assert!(out.status.success());
    let t = text(&out.stdout);
    assert!(t.contains("Of which 453 demo data"), "{t}");
    assert!(t.contains("Explore and decide"), "{t}");

    let out = nytta(&["db", "demo", "--remove", "--db", db]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("453"));
    let out = nytta(&["portfolio", "--db", db, "--json"]);
    let v: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(v["total"]["count"], 4);
    assert_eq!(v["demo"], 0);
}

#[test]
fn the_puls_agenda_lists_the_demo_portfolios_decisions_and_support_and_refuses_a_bad_date() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("portfolio-agenda");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("nytta.db");
    let db = db.to_str().unwrap();
    let out = nytta(&["db", "demo", "--db", db]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    // Every demo initiative was written just now: since 2000-01-01 the agenda holds the
    // report's 45 awaiting decision and 73 in development, in the store's order.
    let out = nytta(&[
        "portfolio",
        "agenda",
        "--since",
        "2000-01-01",
        "--db",
        db,
        "--json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(v["since"], "2000-01-01");
    assert_eq!(v["decisions"], 45);
    assert_eq!(v["support"], 73);
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 118);
    let ids: Vec<i64> = items.iter().map(|i| i["id"].as_i64().unwrap()).collect();
    let out = nytta(&[
        "portfolio",
        "priorities",
        "--stage",
        "awaiting_decision",
        "--stage",
        "development",
        "--db",
        db,
        "--json",
    ]);
    let p: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    let ranked: Vec<i64> = p["ranked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, ranked);

    let out = nytta(&["portfolio", "agenda", "--since", "2000-01-01", "--db", db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(
        t.starts_with("PULS-agenda: ändrade 2000-01-01 eller senare, i prioriteringsordning — 45 för beslut, 73 för stöd"),
        "{t}"
    );

    let out = nytta(&[
        "portfolio",
        "agenda",
        "--since",
        "2999-01-01",
        "--db",
        db,
        "--json",
    ]);
    let v: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(v["items"].as_array().unwrap().len(), 0);

    let out = nytta(&[
        "portfolio",
        "agenda",
        "--since",
        "31/12",
        "--db",
        db,
        "--lang",
        "en",
    ]);
    assert!(!out.status.success());
    let e = text(&out.stderr);
    assert!(e.contains("since") && e.contains("YYYY-MM-DD"), "{e}");
}

#[test]
fn the_puls_agenda_as_a_pdf_file() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("portfolio-agenda-pdf");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("nytta.db");
    let db = db.to_str().unwrap();
    let out = nytta(&["db", "demo", "--db", db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pdf = dir.join("agenda.pdf");
    let out = nytta(&[
        "portfolio",
        "agenda",
        "--since",
        "2000-01-01",
        "-o",
        pdf.to_str().unwrap(),
        "--db",
        db,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pdftext = Command::new("pdftotext")
        .args(["-enc", "UTF-8", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs (poppler-utils)");
    let t = text(&pdftext.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(t.contains("PULS-agenda"), "{t}");
    assert!(t.contains("45 för beslut, 73 för stöd"), "{t}");
    assert!(t.contains("118. "), "{t}");
}

#[test]
fn the_portfolio_report_pdf_of_the_demo_portfolio() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("portfolio-report-pdf");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("nytta.db");
    let db = db.to_str().unwrap();
    let out = nytta(&["db", "demo", "--db", db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pdf = dir.join("rapport.pdf");
    let out = nytta(&[
        "portfolio",
        "report",
        "-o",
        pdf.to_str().unwrap(),
        "--db",
        db,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs (poppler-utils)");
    let t = text(&rows.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // 457 initiatives (453 demo and the four examples): 45 awaiting decision is
    // 45 ÷ 457 = 9,85 % → 9,8 %; 73 in development 15,97 % → 16,0 %; Arbete och välfärd's
    // 53 and the two examples it owns, 55 ÷ 457 = 12,04 % → 12,0 %.
    for w in [
        "Portföljrapport",
        "457 initiativ",
        "Utvecklingsprocessen",
        "för beslut 45 9,8 %",
        "utvecklingsfas 73 16,0 %",
        "Arbete och välfärd 55 12,0 %",
        "Prioriteringsgrund",
        "Prioriteringsordning: för beslut",
        "Liknande behov i olika förvaltningar",
        "Hygien",
        "Utskriven ",
    ] {
        assert!(t.contains(w), "the portfolio report lacks {w:?}");
    }
    let out = nytta(&[
        "portfolio",
        "report",
        "-o",
        pdf.to_str().unwrap(),
        "--db",
        db,
        "--lang",
        "en",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let t = text(&rows.stdout);
    assert!(t.contains("Portfolio report") && t.contains("Similar needs across departments"));
}

#[test]
fn the_capacity_line_by_staff_hours_keeps_every_year_within_the_hours_and_names_bad_hours() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("portfolio-hours");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("nytta.db");
    let db = db.to_str().unwrap();
    let out = nytta(&["db", "demo", "--db", db]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let args = ["portfolio", "priorities", "--hours", "2 000", "--db", db];
    let out = nytta(&[&args[..], &["--json"]].concat());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let p: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(p["filter"]["hours_per_year"], "2000");
    let ranked = p["ranked"].as_array().unwrap();
    let n = p["fit_count"].as_u64().unwrap() as usize;
    assert!(
        0 < n && n < ranked.len(),
        "the demo's project time draws a line: {n}"
    );
    // Those above the line, and only they, fit; their hours stay within 2 000 a year.
    for (i, r) in ranked.iter().enumerate() {
        assert_eq!(r["fits"], Value::Bool(i < n), "rank {}", i + 1);
    }
    for y in p["fit_hours"].as_array().unwrap() {
        let h: f64 = y["hours"].as_str().unwrap().parse().unwrap();
        assert!(h <= 2000.0, "{y}");
    }
    let t = text(&nytta(&args).stdout);
    assert!(
        t.contains("---- kapacitetsgräns: personalkapaciteten per år räcker hit ----"),
        "{t}"
    );
    assert!(
        t.contains(&format!("{n} av {} ryms i 2 000 h per år", ranked.len())),
        "{t}"
    );

    for (lang, words) in [
        ("sv", "personalkapaciteten per år ska vara ett antal timmar"),
        (
            "en",
            "the staff capacity per year must be a number of hours",
        ),
    ] {
        let out = nytta(&[
            "portfolio",
            "priorities",
            "--hours",
            "många",
            "--db",
            db,
            "--lang",
            lang,
        ]);
        assert!(!out.status.success());
        let e = text(&out.stderr);
        assert!(e.contains("hours_per_year") && e.contains(words), "{e}");
    }
}

#[test]
fn the_portfolio_report_draws_the_funnel_the_demand_per_year_and_the_bubble_chart() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("portfolio-report-charts");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("nytta.db");
    let db = db.to_str().unwrap();
    let out = nytta(&["db", "demo", "--db", db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pdf = dir.join("rapport.pdf");
    let pdf = pdf.to_str().unwrap();
    let read = |lang: &str| {
        let out = nytta(&["portfolio", "report", "-o", pdf, "--db", db, "--lang", lang]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let rows = Command::new("pdftotext")
            .args(["-layout", "-enc", "UTF-8", pdf, "-"])
            .output()
            .expect("pdftotext runs (poppler-utils)");
        text(&rows.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Each chart's title and legend (drawn as text), its caption, and the funnel's bars
    // labelled with the overview's counts: 45 of 457 awaiting decision, 9,8 %.
    let sv = read("sv");
    for w in [
        "Utvecklingsprocessen: initiativ per steg och status",
        "Utforska och besluta 268 (58,6 %)",
        "För beslut 45 (9,8 %)",
        "Figur: utvecklingsprocessen, antal initiativ per status",
        "Efterfrågan per år",
        "Beslutade och pågående initiativ: kostnader och nyttor per år",
        "Engångskostnader",
        "Löpande kostnader",
        "Nyttor, samhällsekonomiskt",
        "Nyttor, budget",
        "mnkr",
        "Figur: engångskostnader och löpande kostnader (staplade",
        "Potentiell effekt mot genomförbarhet (storlek: nuvärde, samhällsekonomiskt)",
        "Ring: negativt nuvärde.",
        "Figur: potentiell effekt mot genomförbarhet, samma diagram som i Prioritering.",
    ] {
        assert!(sv.contains(w), "the Swedish report lacks {w:?}");
    }
    let en = read("en");
    for w in [
        "Development process: initiatives per step and stage",
        "Awaiting decision 45 (9.8%)",
        "Demand per year",
        "Decided and ongoing initiatives: costs and benefits per year",
        "One-off costs",
        "Recurring costs",
        "Benefits, socio-economic",
        "Benefits, budget",
        "SEK million",
        "Potential effect against feasibility (size: NPV, socio-economic)",
        "Ring: negative NPV.",
        "Figure: potential effect against feasibility, the same chart as in Prioritisation.",
    ] {
        assert!(en.contains(w), "the English report lacks {w:?}");
    }
}
