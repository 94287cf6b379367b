//! The follow-up report: realised figures beside the decided ones, attainment per effect
//! goal (computed by hand below), freed time and lessons learned.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{pages_of, rows_of, sample, save, scratch, text_of};
use nytta_core::format;
use nytta_core::Lang;
use nytta_report::{follow_up_pdf, ReportOptions};

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn medication_robots_follow_up() {
    let (model, ev) = sample("lakemedelsrobotar.nytta.json", Lang::Sv);
    let pdf = follow_up_pdf(&model, &ev, 0, &ReportOptions::new(Lang::Sv, "2024-05-02")).unwrap();
    let path = save(&scratch("fu"), "robots-fu.pdf", &pdf);
    let text = squash(&text_of(&path));
    let fu = &ev.follow_ups[0];
    // Decided and realised NPV side by side on one row.
    let row = format!(
        "Nuvärde (NPV) {} {}",
        format::kronor(ev.economic.npv, Lang::Sv),
        format::kronor(fu.realised.economic.npv, Lang::Sv)
    );
    assert!(
        squash(&rows_of(&path)).contains(&row),
        "the follow-up PDF lacks the row {row:?}"
    );
    let mut want = vec![
        // Attainment by hand: (93 − 78)/(95 − 78) = 88.2 %, (96 − 70)/(95 − 70) = 104.0 %,
        // (150 − 350)/(110 − 350) = 83.3 %.
        "88,2 %".into(),
        "104,0 %".into(),
        "83,3 %".into(),
        "omfördelad till annat arbete".into(),
        "Lärdomar".into(),
        "Måluppfyllelse för effektmålen".into(),
    ];
    // A lesson may run onto the next page, so its opening words stand for it.
    want.extend(
        model.doc.follow_ups[0]
            .lessons
            .iter()
            .map(|l| l.split_whitespace().take(8).collect::<Vec<_>>().join(" ")),
    );
    for w in want {
        assert!(text.contains(&w), "the follow-up PDF lacks {w:?}");
    }
    let pages = pages_of(&path);
    assert!((2..=8).contains(&pages), "{pages} pages");
}

#[test]
fn every_sample_with_a_follow_up_gets_a_report_and_others_an_error() {
    for name in common::SAMPLES {
        let (model, ev) = sample(name, Lang::En);
        let opts = ReportOptions::new(Lang::En, "2024-05-02");
        match ev.follow_ups.len() {
            0 => {
                let err = follow_up_pdf(&model, &ev, 0, &opts).unwrap_err();
                assert_eq!(err.code(), "no_follow_up", "{name}");
                assert_eq!(err.path().as_deref(), Some("follow_ups[0]"));
            }
            n => {
                let pdf = follow_up_pdf(&model, &ev, n - 1, &opts).unwrap();
                let path = save(&scratch("fu-en"), &format!("{name}.pdf"), &pdf);
                let text = squash(&text_of(&path));
                let realised = format::kronor(ev.follow_ups[n - 1].realised.economic.npv, Lang::En);
                assert!(text.contains(&realised), "{name}: realised NPV {realised}");
                assert!(text.contains("Effect-goal attainment"), "{name}");
            }
        }
    }
}

#[test]
fn cost_lines_show_overrun_and_one_basis_per_sentence() {
    for lang in [Lang::Sv, Lang::En] {
        let (model, ev) = sample("lakemedelsrobotar.nytta.json", lang);
        let pdf = follow_up_pdf(&model, &ev, 0, &ReportOptions::new(lang, "2024-05-02")).unwrap();
        let path = save(&scratch("fu-basis"), &format!("robots-{lang:?}.pdf"), &pdf);
        let rows = squash(&rows_of(&path));
        let text = squash(&text_of(&path));
        // The robots were bought for 14 × 22 000 = 308 000 kr in year 0 against
        // 10 × 22 000 = 220 000 kr expected: 88 000 kr or 40 % over.
        let (purchase, freed, old, stage) = match lang {
            Lang::Sv => (
                "220 000 kr 308 000 kr 88 000 kr överskriden 40,0 %",
                "vid full effekt: 2 290 h per helt år (1,3 årsarbetare). Värdet i kronor under kalkylår 1, med det årets upptrappning: 413 101 kr.",
                "per år (1,3 årsarbetare), värd",
                "Initiativets status i dag uppföljning",
            ),
            Lang::En => (
                "SEK 220,000 SEK 308,000 SEK 88,000 overrun 40.0%",
                "at full effect: 2,290 h a full year (1.3 FTE). Its value in kronor in analysis year 1, with that year's ramp-up: SEK 413,101.",
                "a year (1.3 FTE), worth",
                "The initiative's stage today follow-up",
            ),
        };
        assert!(rows.contains(purchase), "{lang:?}: {rows}");
        assert!(
            !rows.contains("140,0 %") && !rows.contains("140.0%"),
            "{rows}"
        );
        assert!(text.contains(freed), "{lang:?}: {text}");
        assert!(!text.contains(old), "{lang:?}: mixed bases in {text}");
        assert!(rows.contains(stage), "{lang:?}: {rows}");
    }
}

#[test]
fn a_one_off_after_the_follow_up_year_is_listed_as_planned_not_as_an_outcome() {
    // Digital signing, followed up in year 1 (2022): the phones bought in year 0 (2021) are
    // compared in their year, the reinvestment of 280 000 kr in year 4 (2025) has not
    // happened and is listed as planned.
    for (lang, heading, year0, planned, compared) in [
        (
            Lang::Sv,
            "Löpande rader: värden för kalkylår 1 (2022). Engångsposter: värdet det år posten faller, kalkylår 1 eller tidigare.",
            "Kompletterande mobiltelefoner (kostnad) (engångs, år 0 (2021))",
            "Återinvestering i mobiltelefoner (kostnad): 280 000 kr, planerad år 4 (2025) – inte utfallen ännu",
            "(engångs, år 4",
        ),
        (
            Lang::En,
            "Recurring lines: values for analysis year 1 (2022). One-off items: the value in the year the item falls, analysis year 1 or earlier.",
            "(one-off, year 0 (2021))",
            "planned for year 4 (2025) – not yet realised",
            "(one-off, year 4",
        ),
    ] {
        let (model, ev) = sample("digital-signering.nytta.json", lang);
        let pdf = follow_up_pdf(&model, &ev, 0, &ReportOptions::new(lang, "2024-05-02")).unwrap();
        let path = save(&scratch("fu-planned"), &format!("{lang:?}.pdf"), &pdf);
        let text = squash(&text_of(&path));
        for w in [heading, year0, planned] {
            assert!(text.contains(w), "{lang:?}: lacks {w:?} in {text}");
        }
        assert!(!text.contains(compared), "{lang:?}: year 4 compared in {text}");
    }
}

#[test]
fn the_first_page_names_the_case_number() {
    // Läkemedelsrobotar is registered as AoV 2021/0042 (valuation.case.decision.case_number).
    for (lang, row) in [
        (Lang::Sv, "Diarienummer AoV 2021/0042"),
        (Lang::En, "Registration number AoV 2021/0042"),
    ] {
        let (model, ev) = sample("lakemedelsrobotar.nytta.json", lang);
        let pdf = follow_up_pdf(&model, &ev, 0, &ReportOptions::new(lang, "2024-05-02")).unwrap();
        let path = save(&scratch("fu-case-number"), &format!("{lang:?}.pdf"), &pdf);
        let first = squash(&common::poppler(
            "pdftotext",
            &["-layout", "-enc", "UTF-8", "-f", "1", "-l", "1", &path, "-"],
        ));
        assert!(
            first.contains(row),
            "{lang:?}: page 1 lacks {row:?}: {first}"
        );
    }
}

#[test]
fn calculation_texts_show_units_values_and_rounded_costs_as_a_reader_reads_them() {
    // The business case's factor table derives visits removed a year from 10 robots × 1,5
    // visits a day × 365 = 5 475; project time is 150 h at 498,873239… kr/h, shown to the öre,
    // so its result (150 × 498,873239 = 74 830,99 kr) follows "≈". The follow-up's
    // calculations keep their units: 22 min measured, 14 robots at 4 200 kr a year.
    let (model, ev) = sample("lakemedelsrobotar.nytta.json", Lang::Sv);
    let opts = ReportOptions::new(Lang::Sv, "2024-05-02");
    let case = nytta_report::business_case_pdf(&model, &ev, &opts).unwrap();
    let case = squash(&text_of(&save(&scratch("calc-text"), "case.pdf", &case)));
    for want in [
        "= 10 st × 1,5 besök/dag × 365",
        "(150 h × 60) / 60 × 1 × 498,87 kr/h ≈ 74 830,99 kr",
    ] {
        assert!(
            case.contains(want),
            "the business case lacks {want:?}: {case}"
        );
    }
    for old in ["robots * visits_removed_per_day", "498,873239"] {
        assert!(!case.contains(old), "the business case still has {old:?}");
    }
    let fu = follow_up_pdf(&model, &ev, 0, &opts).unwrap();
    let fu = squash(&text_of(&save(&scratch("calc-text"), "fu.pdf", &fu)));
    for want in [
        "22 min / 60 × 6 132 besök/år × 359 kr/h = 807 175,60 kr",
        "14 st × 4 200 kr/år = 58 800,00 kr",
        "25 min / 60 × (14 st × 52) × 359 kr/h",
    ] {
        assert!(fu.contains(want), "the follow-up lacks {want:?}: {fu}");
    }
}
