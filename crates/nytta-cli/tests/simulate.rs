//! `nytta evaluate` with `--simulate` and with several files or folders: the `simulation`
//! block and its sentences, one JSON line per document, the table, exit codes, and draws
//! refused in Swedish and English.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../samples")
        .join(name)
}

fn nytta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nytta"))
        .args(args)
        .output()
        .expect("the nytta binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn robots() -> String {
    sample("lakemedelsrobotar.nytta.json").display().to_string()
}

#[test]
fn simulate_adds_the_simulation_block_and_only_then() {
    let plain: Value =
        serde_json::from_str(&stdout(&nytta(&["evaluate", &robots(), "--json"]))).unwrap();
    assert!(plain.get("simulation").is_none());

    let out = nytta(&["evaluate", &robots(), "--json", "--simulate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let sim = &v["simulation"];
    assert_eq!(sim["draws"], 10_000);
    assert_eq!(sim["seed"], 1);
    for view in ["economic", "budget"] {
        for key in [
            "npv_mean",
            "npv_p10",
            "npv_p50",
            "npv_p90",
            "probability_positive",
            "payback_p10",
            "payback_p50",
            "payback_p90",
            "never_pays_back",
            "drivers",
        ] {
            assert!(sim[view].get(key).is_some(), "{view}.{key}: {sim}");
        }
    }
    // The rest of the object is the plain evaluation.
    assert_eq!(v["economic"], plain["economic"]);
    // The same document and seed give the same figures.
    let again: Value = serde_json::from_str(&stdout(&nytta(&[
        "evaluate",
        &robots(),
        "--json",
        "--simulate",
    ])))
    .unwrap();
    assert_eq!(again["simulation"], v["simulation"]);

    let fewer: Value = serde_json::from_str(&stdout(&nytta(&[
        "evaluate",
        &robots(),
        "--json",
        "--simulate",
        "500",
    ])))
    .unwrap();
    assert_eq!(fewer["simulation"]["draws"], 500);
}

/// The sentence's percentage is the JSON's share rounded to whole percent.
fn percent(share: &Value) -> i64 {
    (share.as_str().unwrap().parse::<f64>().unwrap() * 100.0).round() as i64
}

#[test]
fn the_summary_says_how_often_the_npv_is_positive() {
    let v: Value = serde_json::from_str(&stdout(&nytta(&[
        "evaluate",
        &robots(),
        "--json",
        "--simulate",
    ])))
    .unwrap();
    let budget = percent(&v["simulation"]["budget"]["probability_positive"]);
    let never = percent(&v["simulation"]["budget"]["never_pays_back"]);
    assert!(budget > 0 && budget < 100 && never > 0 && never < 100);

    let sv = stdout(&nytta(&["evaluate", &robots(), "--simulate"]));
    assert!(sv.contains("10 000 utfall, frö 1"), "{sv}");
    assert!(
        sv.contains("Samhällsekonomisk vy: nuvärdet är positivt i 100 % av utfallen."),
        "{sv}"
    );
    assert!(
        sv.contains(&format!(
            "Budgetvy: nuvärdet är positivt i {budget} % av utfallen."
        )),
        "{sv}"
    );
    assert!(
        sv.contains(&format!(
            "{never} % av utfallen betalar inte tillbaka inom kalkylperioden"
        )),
        "{sv}"
    );
    let en = stdout(&nytta(&[
        "evaluate",
        &robots(),
        "--simulate",
        "--lang",
        "en",
    ]));
    assert!(en.contains("10,000 outcomes, seed 1"), "{en}");
    assert!(
        en.contains("Socio-economic view: the NPV is positive in 100% of outcomes."),
        "{en}"
    );
    assert!(
        en.contains(&format!(
            "Budget view: the NPV is positive in {budget}% of outcomes."
        )),
        "{en}"
    );
    // Without --simulate the summary says nothing about a simulation.
    assert!(!stdout(&nytta(&["evaluate", &robots()])).contains("Simulering"));
}

#[test]
fn draws_out_of_range_are_refused_in_both_languages() {
    for (draws, shown) in [("0", "0"), ("-3", "-3"), ("100001", "100001")] {
        let out = nytta(&["evaluate", &robots(), "--simulate", draws]);
        assert_eq!(out.status.code(), Some(1), "{draws}");
        assert_eq!(
            stderr(&out).trim(),
            format!("--simulate: antalet dragningar ska vara 1–100 000, inte {shown}")
        );
        let out = nytta(&["evaluate", &robots(), "--simulate", draws, "--lang", "en"]);
        assert_eq!(
            stderr(&out).trim(),
            format!("--simulate: the number of draws must be 1–100,000, not {shown}")
        );
    }
}

#[test]
fn several_files_and_folders_give_one_json_line_each_in_order() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("evaluate-batch");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        sample("digital-signering.nytta.json"),
        dir.join("a.nytta.json"),
    )
    .unwrap();
    std::fs::write(dir.join("b.nytta.json"), r#"{"nytta": 1}"#).unwrap();
    std::fs::write(dir.join("c.txt"), "inte ett dokument").unwrap();
    let folder = dir.display().to_string();

    let out = nytta(&[
        "evaluate",
        &robots(),
        &folder,
        "--json",
        "--simulate",
        "300",
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an invalid document gives exit code 2"
    );
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0]["file"]
        .as_str()
        .unwrap()
        .ends_with("lakemedelsrobotar.nytta.json"));
    assert_eq!(lines[0]["evaluation"]["economic"]["npv"], "2829229.77");
    assert_eq!(lines[0]["evaluation"]["simulation"]["draws"], 300);
    assert!(lines[1]["file"].as_str().unwrap().ends_with("a.nytta.json"));
    assert_eq!(lines[1]["evaluation"]["economic"]["npv"], "3608684.10");
    assert!(lines[2]["file"].as_str().unwrap().ends_with("b.nytta.json"));
    assert_eq!(lines[2]["error"]["code"], "missing_field");

    // The table: one row per document that could be evaluated, the rest on stderr.
    let out = nytta(&["evaluate", &robots(), &folder]);
    assert_eq!(out.status.code(), Some(2));
    let table = stdout(&out);
    assert!(table.starts_with("Fil"), "{table}");
    assert!(
        table.contains("Läkemedelsrobotar i boendestödet"),
        "{table}"
    );
    assert!(table.contains("2 829 230 kr"), "{table}");
    assert!(
        table.contains("1 av 3 dokument kunde inte beräknas"),
        "{table}"
    );
    assert!(stderr(&out).contains("b.nytta.json: "), "{}", stderr(&out));

    // Only valid documents: exit code 0.
    let ok = nytta(&[
        "evaluate",
        &robots(),
        &sample("digital-signering.nytta.json").display().to_string(),
    ]);
    assert!(ok.status.success(), "{}", stderr(&ok));
}
