//! The built `nytta` binary, driven as a user drives it: exit codes, the JSON keys of
//! docs/format.md, the readable summary in Swedish and English, and the published schema.
//!
//! These tests live in the CLI package because only there does Cargo build the binary first
//! and name it in `CARGO_BIN_EXE_nytta`, whatever the target directory.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sample(name: &str) -> PathBuf {
    root().join("samples").join(name)
}

const SAMPLES: [&str; 4] = [
    "digital-signering.nytta.json",
    "digitala-examinationer.nytta.json",
    "digitala-medicinskap.nytta.json",
    "lakemedelsrobotar.nytta.json",
];

fn nytta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nytta"))
        .args(args)
        .output()
        .expect("the nytta binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

/// Writes `content` to a file of its own under Cargo's scratch directory for tests.
fn scratch(name: &str, content: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, content).unwrap();
    path
}

/// Asserts that `v` is an object with exactly `keys` (the keys of docs/format.md; the engine
/// may add its own, listed in `extra`).
fn keys(what: &str, v: &Value, keys: &[&str], extra: &[&str]) {
    let obj = v
        .as_object()
        .unwrap_or_else(|| panic!("{what} should be an object: {v}"));
    for k in keys {
        assert!(
            obj.contains_key(*k),
            "{what} lacks the key \"{k}\" of docs/format.md: {v}"
        );
    }
    for k in obj.keys() {
        assert!(
            keys.contains(&k.as_str()) || extra.contains(&k.as_str()),
            "{what} has a key \"{k}\" that neither docs/format.md nor this test knows"
        );
    }
}

const FIGURES: [&str; 16] = [
    "npv",
    "pv_benefits",
    "pv_costs",
    "roi",
    "benefit_cost_ratio",
    "payback_years",
    "discounted_payback_years",
    "irr",
    "irr_undefined",
    "irr_roots",
    "mirr",
    "mirr_undefined",
    "total_benefits",
    "total_costs",
    "switching_benefits",
    "switching_costs",
];
const FLOWS: [&str; 5] = ["benefits", "costs", "net", "cumulative", "discounted_net"];

fn evaluate_json(name: &str) -> Value {
    let path = sample(name);
    let out = nytta(&["evaluate", path.to_str().unwrap(), "--json"]);
    assert!(
        out.status.success(),
        "{name}: exit {:?}, stderr {}",
        out.status.code(),
        text(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("--json prints JSON")
}

/// The UI showed a derived input's value and a role's monthly-salary cost from its own
/// arithmetic (a probe document, rounded to öre; a copy of ÷ 142 × 1,54); the evaluation
/// now carries both exactly as the engine used them.
#[test]
fn evaluate_json_carries_each_inputs_value_and_each_roles_hourly_cost() {
    let j = evaluate_json("lakemedelsrobotar.nytta.json");
    let input = |id: &str| {
        j["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()["value"]
            .clone()
    };
    // By hand: 10 robots × 1,5 visits a day × 365 days = 5 475 visits a year.
    assert_eq!(input("removed_visits"), "5475");
    assert_eq!(input("visits_removed_per_day"), "1.5");
    let vu = j["roles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "vu")
        .unwrap()["hourly_cost"]
        .as_str()
        .unwrap()
        .to_string();
    // By hand: 46 000 kr a month ÷ 142 h × 1,54 = 498,8732394366197… kr/h (28 digits kept).
    assert!(vu.starts_with("498.873239436619718309859"), "{vu}");
}

#[test]
fn evaluate_json_prints_every_format_md_key_for_every_sample() {
    for name in SAMPLES {
        let j = evaluate_json(name);
        keys(
            name,
            &j,
            &[
                "economic",
                "budget",
                "freed_hours_per_year",
                "fte",
                "scores",
                "years",
                "lines",
                "sensitivity",
                "follow_ups",
                "inputs",
                "roles",
                "options",
            ],
            &["explanations"],
        );
        for input in j["inputs"].as_array().unwrap() {
            keys("inputs[]", input, &["id", "value"], &[]);
        }
        for option in j["options"].as_array().unwrap() {
            keys("options[]", option, &["id", "npv", "payback_years"], &[]);
        }
        for role in j["roles"].as_array().unwrap() {
            keys("roles[]", role, &["id", "hourly_cost"], &[]);
        }
        keys("economic", &j["economic"], &FIGURES, &[]);
        keys("budget", &j["budget"], &FIGURES, &[]);
        keys(
            "scores",
            &j["scores"],
            &[
                "effect",
                "feasibility",
                "financing",
                "resource_need",
                "priority",
                "full_valuation_required",
            ],
            &["effect_money", "resource_money"],
        );
        let years = j["years"].as_array().unwrap();
        assert_eq!(years.len(), 7, "{name}: years 0..6 of a 6-year period");
        for y in years {
            keys(
                "years[]",
                y,
                &["year", "calendar_year", "economic", "budget"],
                &[],
            );
            keys("years[].economic", &y["economic"], &FLOWS, &[]);
            keys("years[].budget", &y["budget"], &FLOWS, &[]);
        }
        for l in j["lines"].as_array().unwrap() {
            keys(
                "lines[]",
                l,
                &[
                    "id",
                    "side",
                    "category",
                    "annual",
                    "hours_per_year",
                    "explain",
                ],
                &["stakeholder", "in_budget", "values"],
            );
            // A calculated money line is explained (formula with values and units = result,
            // or ≈ result where an hourly cost is shown rounded to the öre); a plain amount
            // is not explained as itself.
            if let Some(explain) = l["explain"].as_str() {
                assert!(
                    !l["annual"].is_null(),
                    "only money lines are explained: {l}"
                );
                assert!(
                    (explain.contains(" = ") || explain.contains(" ≈ "))
                        && explain.contains(['×', '/', '+', '−', '(']),
                    "explain shows a calculation and its result: {explain}"
                );
            }
        }
        let s = &j["sensitivity"];
        keys(
            "sensitivity",
            s,
            &["tornado", "pessimistic", "optimistic"],
            &[],
        );
        assert!(
            !s["tornado"].as_array().unwrap().is_empty(),
            "{name}: the samples' inputs have ranges"
        );
        for bar in s["tornado"].as_array().unwrap() {
            keys(
                "tornado[]",
                bar,
                &["input", "npv_at_low", "npv_at_high"],
                &[],
            );
        }
        keys(
            "pessimistic",
            &s["pessimistic"],
            &["npv", "payback_years"],
            &[],
        );
        keys(
            "optimistic",
            &s["optimistic"],
            &["npv", "payback_years"],
            &[],
        );
        for f in j["follow_ups"].as_array().unwrap() {
            keys(
                "follow_ups[]",
                f,
                &["date", "realised", "lines", "effect_goals"],
                &[
                    "year",
                    "planned",
                    "freed_time_use",
                    "freed_hours_per_year",
                    "freed_time_value",
                    "expected_freed_time_value",
                ],
            );
            keys("realised", &f["realised"], &["economic", "budget"], &[]);
            keys(
                "realised.economic",
                &f["realised"]["economic"],
                &FIGURES,
                &[],
            );
            for l in f["lines"].as_array().unwrap() {
                keys(
                    "follow_ups[].lines[]",
                    l,
                    &["id", "expected", "realised", "rate"],
                    &["year", "difference", "explain"],
                );
            }
            for p in f["planned"].as_array().unwrap() {
                keys(
                    "follow_ups[].planned[]",
                    p,
                    &["id", "year", "expected"],
                    &[],
                );
            }
            for g in f["effect_goals"].as_array().unwrap() {
                keys(
                    "follow_ups[].effect_goals[]",
                    g,
                    &["id", "baseline", "target", "actual", "attainment"],
                    &["direction"],
                );
            }
        }
    }
}

#[test]
fn the_robots_and_signing_samples_carry_follow_ups() {
    for name in [
        "lakemedelsrobotar.nytta.json",
        "digital-signering.nytta.json",
    ] {
        let j = evaluate_json(name);
        let f = &j["follow_ups"][0];
        assert!(
            f["date"].as_str().is_some_and(|d| d.len() == 10),
            "{name}: an ISO date: {}",
            f["date"]
        );
        assert!(
            !f["lines"].as_array().unwrap().is_empty(),
            "{name}: lines compared"
        );
        assert!(
            !f["effect_goals"].as_array().unwrap().is_empty(),
            "{name}: goals followed up"
        );
    }
    // Robots' adherence goal: baseline 78, target 95, actual 93 → (93 − 78)/(95 − 78) = 15/17.
    let j = evaluate_json("lakemedelsrobotar.nytta.json");
    let goal = &j["follow_ups"][0]["effect_goals"][0];
    assert_eq!(goal["id"], "adherence_rate");
    assert_eq!(goal["attainment"], "0.882353", "15/17 = 0.88235294…");
}

#[test]
fn json_money_is_rounded_to_ore_and_ratios_to_six_places() {
    let j = evaluate_json("lakemedelsrobotar.nytta.json");
    let npv = j["economic"]["npv"].as_str().unwrap();
    assert_eq!(
        npv.split_once('.').map(|(_, d)| d.len()),
        Some(2),
        "money has 2 decimals: {npv}"
    );
    let p = j["economic"]["payback_years"].as_str().unwrap();
    assert_eq!(
        p.split_once('.').map(|(_, d)| d.len()),
        Some(6),
        "years have 6 decimals: {p}"
    );
}

#[test]
fn summary_is_swedish_with_sv_se_numbers_by_default_and_english_on_request() {
    let path = sample("lakemedelsrobotar.nytta.json");
    let sv = nytta(&["evaluate", path.to_str().unwrap()]);
    assert!(sv.status.success());
    let sv = text(&sv.stdout);
    // Economic NPV 2 829 229.77 kr in whole kronor, sv-SE grouping.
    assert!(
        sv.contains("2 829 230 kr"),
        "sv-SE NPV in the summary:\n{sv}"
    );
    assert!(
        sv.contains("Nuvärde") && sv.contains("Återbetalningstid"),
        "Swedish labels:\n{sv}"
    );
    assert!(
        sv.contains("1,1 år"),
        "payback 1.071812 years shown with one decimal and a comma:\n{sv}"
    );

    let en = nytta(&["evaluate", path.to_str().unwrap(), "--lang", "en"]);
    assert!(en.status.success());
    let en = text(&en.stdout);
    assert!(en.contains("SEK 2,829,230"), "English number format:\n{en}");
    assert!(
        en.contains("Net present value") && en.contains("Payback period"),
        "English labels:\n{en}"
    );
    assert!(
        !en.contains("Återbetalningstid"),
        "no Swedish labels in English:\n{en}"
    );
}

/// The robots' budget view has a negative NPV: its switching values said "Nyttorna kan minska
/// med −2,5 %". NPV ÷ PV: economic 76,8 % and 331,3 %, budget −2,5 % and −2,4 % (the business
/// case's figures).
#[test]
fn switching_values_are_worded_by_the_npvs_sign() {
    let path = sample("lakemedelsrobotar.nytta.json");
    let sv = text(&nytta(&["evaluate", path.to_str().unwrap()]).stdout);
    let en = text(&nytta(&["evaluate", path.to_str().unwrap(), "--lang", "en"]).stdout);
    for (out, wants) in [
        (
            &sv,
            [
                "kan minska med 76,8 %",
                "behöver öka med 2,5 %",
                "kan öka med 331,3 %",
                "behöver minska med 2,4 %",
            ],
        ),
        (
            &en,
            [
                "may fall by 76.8%",
                "must rise by 2.5%",
                "may rise by 331.3%",
                "must fall by 2.4%",
            ],
        ),
    ] {
        for want in wants {
            assert!(out.contains(want), "{want:?}:\n{out}");
        }
        assert!(!out.contains("med -") && !out.contains("med −"), "{out}");
        assert!(!out.contains("by -") && !out.contains("by −"), "{out}");
    }
    assert!(en.contains("Socio-economic view"), "{en}");
}

#[test]
fn invalid_document_exits_2_naming_the_path() {
    let good = std::fs::read_to_string(sample("lakemedelsrobotar.nytta.json")).unwrap();
    let typo = good.replacen(
        "\"name\": \"Frigjord tid vid läkemedelsbesök\"",
        "\"nmae\": \"Frigjord tid vid läkemedelsbesök\"",
        1,
    );
    assert_ne!(
        typo, good,
        "the sample's first line name is what the test misspells"
    );
    let path = scratch("typo.nytta.json", &typo);
    for cmd in ["evaluate", "validate"] {
        let out = nytta(&[cmd, path.to_str().unwrap()]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{cmd}: an invalid document exits 2"
        );
        let err = text(&out.stderr);
        assert!(
            err.contains("valuation.lines[0].nmae"),
            "{cmd}: stderr names the path:\n{err}"
        );
        assert!(
            err.contains("okänt fält"),
            "{cmd}: Swedish by default:\n{err}"
        );
        assert!(
            out.stdout.is_empty(),
            "{cmd}: no figures for an invalid document"
        );
    }
    let out = nytta(&["evaluate", path.to_str().unwrap(), "--lang", "en"]);
    assert!(
        text(&out.stderr).contains("unknown field \"nmae\""),
        "English on request"
    );

    let newer = scratch(
        "newer.nytta.json",
        &good.replacen("\"nytta\": 1", "\"nytta\": 2", 1),
    );
    let out = nytta(&["evaluate", newer.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(2), "a newer document exits 2");
    assert!(
        text(&out.stderr).contains("nyare version av Nytta"),
        "{}",
        text(&out.stderr)
    );

    let broken = scratch("broken.nytta.json", "{ \"nytta\": 1, ");
    let out = nytta(&["validate", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "JSON syntax error exits 2");
}

/// 275 400 kr in year 0, then 2 762 813 kr a year for six years: IRR 1 003.2 % (by hand:
/// bisection in Python's decimal, 10.031995161…), which read "finns inte".
#[test]
fn an_irr_above_1000_percent_read_as_none() {
    let doc = r#"{ "nytta": 1, "initiative": { "title": "Digital nattillsyn" },
      "valuation": { "parameters": { "start_year": 2025, "years": 6, "discount_rate": 0.03 },
        "lines": [
          { "id": "cameras", "side": "cost", "name": "Kameror", "category": "financial",
            "amount": 275400, "timing": { "once": 0 } },
          { "id": "visits", "side": "benefit", "name": "Färre nattbesök",
            "category": "financial", "amount": 2762813, "timing": { "yearly": { "from": 1 } } }
        ] } }"#;
    let path = scratch("huge-irr.nytta.json", doc);
    let out = nytta(&["evaluate", path.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    for view in ["economic", "budget"] {
        assert_eq!(
            v[view]["irr"], "10.031995",
            "{view}: JSON carries the rate found"
        );
    }
    for (lang, want) in [("sv", "> 1 000 %"), ("en", "> 1,000%")] {
        let out = nytta(&["evaluate", path.to_str().unwrap(), "--lang", lang]);
        let summary = text(&out.stdout);
        let row = summary
            .lines()
            .find(|l| l.contains("IRR") || l.contains("Internränta"))
            .unwrap_or_else(|| panic!("{lang}: no IRR row in\n{summary}"));
        assert_eq!(row.matches(want).count(), 2, "{lang}: both views: {row}");
    }
}

/// A budget view of 100 000 kr in year 0 and 20 000 kr a year after, beside 80 000 kr of
/// freed time a year: the budget net is negative every year, so it has no IRR or MIRR, and the
/// summary says why where it read "saknas"/"none". JSON names the reason.
#[test]
fn an_undefined_irr_and_mirr_say_why_in_the_summary() {
    let doc = r#"{ "nytta": 1, "initiative": { "title": "Digital signering" },
      "valuation": { "parameters": { "start_year": 2025, "years": 2, "discount_rate": 0.03 },
        "lines": [
          { "id": "app", "side": "cost", "name": "Införande", "category": "financial",
            "amount": 100000, "timing": { "once": 0 } },
          { "id": "licence", "side": "cost", "name": "Licens", "category": "financial",
            "amount": 20000, "timing": { "yearly": { "from": 1 } } },
          { "id": "time", "side": "benefit", "name": "Frigjord tid",
            "category": "reallocation", "amount": 80000, "timing": { "yearly": { "from": 1 } } }
        ] } }"#;
    let path = scratch("never-earning.nytta.json", doc);
    let out = nytta(&["evaluate", path.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["budget"]["irr_undefined"], "negative_every_year");
    assert_eq!(v["budget"]["mirr_undefined"], "negative_every_year");
    assert_eq!(v["economic"]["irr_undefined"], Value::Null);
    for (lang, label, why) in [
        (
            "sv",
            "Internränta",
            "ej definierad – nettot är negativt varje år",
        ),
        (
            "en",
            "Internal rate",
            "not defined – the net is negative every year",
        ),
    ] {
        let out = nytta(&["evaluate", path.to_str().unwrap(), "--lang", lang]);
        let summary = text(&out.stdout);
        let row = |start: &str| {
            summary
                .lines()
                .find(|l| l.trim_start().starts_with(start))
                .unwrap_or_else(|| panic!("{lang}: no {start} row in\n{summary}"))
                .to_string()
        };
        assert!(row(label).contains(why), "{lang}: {}", row(label));
        assert!(row("Modifi").contains(why), "{lang}: {}", row("Modifi"));
    }
}

/// −10 000 kr, +23 000 kr, −13 200 kr: NPV is zero at 10 % and at 20 %. The summary said
/// "10,0 %" as if the IRR were one figure; it lists both and points to NPV and MIRR, and
/// shows the MIRR (at 3 %: 2,7 %, by hand in docs/domain.md's formula).
#[test]
fn several_irrs_are_named_with_their_values_and_the_mirr_is_shown() {
    let doc = r#"{ "nytta": 1, "initiative": { "title": "Tillfällig lokal" },
      "valuation": { "parameters": { "start_year": 2025, "years": 2, "discount_rate": 0.03 },
        "lines": [
          { "id": "build", "side": "cost", "name": "Bygga", "category": "financial",
            "amount": 10000, "timing": { "once": 0 } },
          { "id": "rent", "side": "benefit", "name": "Hyra", "category": "financial",
            "amount": 23000, "timing": { "once": 1 } },
          { "id": "remove", "side": "cost", "name": "Riva", "category": "financial",
            "amount": 13200, "timing": { "once": 2 } } ] } }"#;
    let path = scratch("several-irrs.nytta.json", doc);
    let out = nytta(&["evaluate", path.to_str().unwrap(), "--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["economic"]["irr_roots"],
        serde_json::json!(["0.100000", "0.200000"])
    );
    assert_eq!(v["economic"]["mirr"], "0.027423");
    for (lang, roots, note, mirr) in [
        (
            "sv",
            "flera internräntor: 10,0 %; 20,0 %",
            "läs nuvärdet och MIRR i stället",
            "Modifierad internränta (MIRR)",
        ),
        (
            "en",
            "several IRRs: 10.0%; 20.0%",
            "read the NPV and the MIRR instead",
            "Modified internal rate of return (MIRR)",
        ),
    ] {
        let out = nytta(&["evaluate", path.to_str().unwrap(), "--lang", lang]);
        let summary = text(&out.stdout);
        assert_eq!(
            summary.matches(roots).count(),
            2,
            "{lang}: both views:\n{summary}"
        );
        assert!(summary.contains(note), "{lang}:\n{summary}");
        let row = summary.lines().find(|l| l.starts_with(mirr)).unwrap();
        let pct = if lang == "sv" { "2,7 %" } else { "2.7%" };
        assert_eq!(row.matches(pct).count(), 2, "{lang}: {row}");
    }
}

#[test]
fn a_blank_title_was_a_valid_document() {
    let good = std::fs::read_to_string(sample("lakemedelsrobotar.nytta.json")).unwrap();
    let title = "\"title\": \"Läkemedelsrobotar i boendestödet\"";
    assert!(
        good.contains(title),
        "the sample's title is what the test blanks"
    );
    let path = scratch(
        "blank-title.nytta.json",
        &good.replacen(title, "\"title\": \"  \"", 1),
    );
    let out = nytta(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "a blank title exits 2");
    let err = text(&out.stderr);
    assert!(
        err.contains("initiative.title") && err.contains("behöver en titel"),
        "Swedish, naming the path:\n{err}"
    );
    let out = nytta(&["validate", path.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("initiative.title") && err.contains("needs a title"),
        "English on request:\n{err}"
    );
}

#[test]
fn missing_file_and_bad_arguments_exit_1() {
    let out = nytta(&["evaluate", "does-not-exist.nytta.json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a file that cannot be read exits 1"
    );
    assert!(
        text(&out.stderr).contains("does-not-exist.nytta.json"),
        "and names the file"
    );
    let path = sample("lakemedelsrobotar.nytta.json");
    let out = nytta(&["evaluate", path.to_str().unwrap(), "--lang", "fi"]);
    assert_eq!(out.status.code(), Some(1), "an unknown language exits 1");
}

/// `db import` of a document already in the store made a silent duplicate.
#[test]
fn db_import_of_an_initiative_already_in_the_store_is_refused_unless_a_flag_says_how() {
    let db = Path::new(env!("CARGO_TARGET_TMPDIR")).join("db-import-duplicate.db");
    for stale in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{stale}", db.display()));
    }
    let db = db.to_str().unwrap();
    let file = sample("digitala-medicinskap.nytta.json");
    let file = file.to_str().unwrap();
    let count = || {
        let out = nytta(&["db", "list", "--json", "--db", db]);
        serde_json::from_slice::<Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    assert!(nytta(&["db", "init", "--db", db]).status.success());
    let examples = count();

    let out = nytta(&["db", "import", file, "--db", db]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a refusal, not an invalid document"
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("\"Digitala medicinskåp\" (Omsorgsförvaltningen) finns redan")
            && err.contains("--copy")
            && err.contains("--new-version"),
        "names the initiative and the way on:\n{err}"
    );
    assert_eq!(count(), examples, "nothing was imported");

    let out = nytta(&["db", "import", file, "--copy", "--db", db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(count(), examples + 1);

    let out = nytta(&[
        "db",
        "import",
        file,
        "--new-version",
        "--db",
        db,
        "--lang",
        "en",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("imported as version 2 of"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(count(), examples + 1, "a new version adds no initiative");

    let out = nytta(&["db", "import", file, "--copy", "--new-version", "--db", db]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "both flags at once are a bad argument (exit 1; 2 is an invalid document)"
    );
}

#[test]
fn validate_accepts_every_sample() {
    for name in SAMPLES {
        let path = sample(name);
        let out = nytta(&["validate", path.to_str().unwrap()]);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("giltigt"),
            "Swedish confirmation"
        );
    }
}

#[test]
fn closed_stdout_panicked_the_cli() {
    // `nytta evaluate … --json | head -1`: the reader goes away after the first line. The
    // CLI must stop quietly, not panic with "failed printing to stdout" (exit 101). The
    // document has 600 lines so the output is far larger than a pipe's buffer.
    use std::io::{BufRead, BufReader};
    let lines: Vec<String> = (0..600)
        .map(|i| {
            format!(
                r#"{{"id":"l{i}","side":"benefit","name":"Rad {i}","category":"financial","amount":{i},"timing":{{"yearly":{{"from":1}}}}}}"#
            )
        })
        .collect();
    let doc = format!(
        r#"{{"nytta":1,"initiative":{{"title":"Stor"}},"valuation":{{"parameters":{{"start_year":2025,"years":6,"discount_rate":0.03}},"lines":[{}]}}}}"#,
        lines.join(",")
    );
    let file = scratch("many-lines.nytta.json", &doc);
    let mut child = Command::new(env!("CARGO_BIN_EXE_nytta"))
        .args(["evaluate", "--json"])
        .arg(&file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert_eq!(first.trim(), "{");
    let out = child.wait_with_output().unwrap();
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "the CLI panicked: {stderr}");
    assert_ne!(out.status.code(), Some(101));
}

#[test]
fn sync_with_an_unreachable_server_exits_1_and_keeps_the_changes_waiting() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sync-unreachable");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("nytta.db");
    let db_arg = db.to_str().unwrap();
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let doc = std::fs::read_to_string(sample("digitala-medicinskap.nytta.json"))
        .unwrap()
        .replace(
            "Digitala medicinskåp",
            "Digitala medicinskåp i norra distriktet",
        );
    let file = scratch("sync-unreachable.nytta.json", &doc);
    assert!(
        nytta(&["db", "import", file.to_str().unwrap(), "--db", db_arg])
            .status
            .success()
    );
    let url = format!("postgresql://handlaggare@127.0.0.1:{port}/nytta?sslmode=disable");
    let out = nytta(&["sync", "--server", &url, "--db", db_arg]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    // Swedish first, the count of what waits, then the driver's detail labelled as such
    // and without the user name.
    assert!(
        err.contains(&format!(
            "Servern går inte att nå. Inget är förlorat: 1 ändring väntar i den lokala \
             databasen och skickas vid nästa synkronisering. Teknisk detalj: \
             127.0.0.1:{port}/nytta: "
        )),
        "{err}"
    );
    assert!(!err.contains("handlaggare@"), "{err}");
    let out = nytta(&["sync", "--server", &url, "--db", db_arg, "--lang", "en"]);
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "The server cannot be reached. Nothing is lost: 1 change waits in the local \
             database and is sent by the next sync. Technical detail: 127.0.0.1:{port}/nytta: "
        )),
        "{err}"
    );
    // The store still works and still holds the change, waiting.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let waiting: i64 = conn
        .query_row("SELECT count(*) FROM sync_outbox", [], |r| r.get(0))
        .unwrap();
    assert_eq!(waiting, 1);
}

#[test]
fn a_server_address_that_cannot_be_used_is_named() {
    let out = nytta(&[
        "server",
        "init",
        "--url",
        "host=127.0.0.1 user=it sslmode=verify-full",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("Serveradressen går inte att använda"), "{err}");
    assert!(err.contains("sslrootcert"), "{err}");
}
