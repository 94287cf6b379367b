//! An internal rate of return too large to say anything is printed as "> 1 000 %", never as
//! if none existed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{rows_of, save, scratch};
use nytta_core::Lang;
use nytta_report::{business_case_pdf, ReportOptions};

/// 275 400 kr in year 0, then 2 762 813 kr a year for six years: IRR 1 003.2 %.
const HUGE_IRR: &str = r#"{ "nytta": 1,
  "initiative": { "title": "Digital nattillsyn" },
  "valuation": {
    "parameters": { "start_year": 2025, "years": 6, "discount_rate": 0.03 },
    "lines": [
      { "id": "cameras", "side": "cost", "name": "Kameror", "category": "financial",
        "amount": 275400, "timing": { "once": 0 } },
      { "id": "visits", "side": "benefit", "name": "Färre nattbesök", "category": "financial",
        "amount": 2762813, "timing": { "yearly": { "from": 1 } } } ] } }"#;

#[test]
fn an_irr_above_1000_percent_was_printed_as_none() {
    for (lang, want) in [
        (Lang::Sv, "Internränta (IRR) > 1 000 % > 1 000 %"),
        (Lang::En, "Internal rate of return (IRR) > 1,000% > 1,000%"),
    ] {
        let (model, ev) = common::evaluate(HUGE_IRR, lang);
        let pdf = business_case_pdf(&model, &ev, &ReportOptions::new(lang, "2025-03-01")).unwrap();
        let path = save(&scratch("irr"), &format!("huge-irr-{lang:?}.pdf"), &pdf);
        let text = rows_of(&path)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains(want),
            "{lang:?}: the PDF lacks {want:?}: {text}"
        );
    }
}

/// −10 000 kr, +23 000 kr, −13 200 kr at 3 %: NPV is zero at 10 % and 20 %; MIRR 2.7 %
/// ((23 690 ÷ 22 442.27)^(1/2) − 1, by hand).
const TWO_ROOTS: &str = r#"{ "nytta": 1,
  "initiative": { "title": "Tillfällig lokal" },
  "valuation": {
    "parameters": { "start_year": 2025, "years": 2, "discount_rate": 0.03 },
    "lines": [
      { "id": "build", "side": "cost", "name": "Bygga", "category": "financial",
        "amount": 10000, "timing": { "once": 0 } },
      { "id": "rent", "side": "benefit", "name": "Hyra", "category": "financial",
        "amount": 23000, "timing": { "once": 1 } },
      { "id": "remove", "side": "cost", "name": "Riva", "category": "financial",
        "amount": 13200, "timing": { "once": 2 } } ] } }"#;

#[test]
fn several_irrs_and_the_mirr_are_printed() {
    for (lang, several, mirr) in [
        (
            Lang::Sv,
            "flera internräntor: 10,0 %; 20,0 %",
            "Modifierad internränta (MIRR) 2,7 % 2,7 %",
        ),
        (
            Lang::En,
            "several IRRs: 10.0%; 20.0%",
            "Modified internal rate of return (MIRR) 2.7% 2.7%",
        ),
    ] {
        let (model, ev) = common::evaluate(TWO_ROOTS, lang);
        let pdf = business_case_pdf(&model, &ev, &ReportOptions::new(lang, "2025-03-01")).unwrap();
        let path = save(&scratch("irr"), &format!("two-roots-{lang:?}.pdf"), &pdf);
        let text = rows_of(&path)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains(mirr),
            "{lang:?}: the PDF lacks {mirr:?}: {text}"
        );
        let words = several.split_whitespace().collect::<Vec<_>>().join(" ");
        let squeezed: String = text.split_whitespace().collect();
        assert!(
            squeezed.contains(&words.replace(' ', "")) || text.contains(&words),
            "{lang:?}: the PDF lacks {several:?}: {text}"
        );
    }
}

/// A budget view that never earns (−100 000 kr in year 0, a licence of `licence` kr a year)
/// beside an economic view with 80 000 kr of freed time a year from year 1: with a licence
/// of 20 000 kr the economic net is −100 000, +60 000, +60 000 at 3 %. IRR by hand: 60x² + 60x − 100 = 0 with x = 1 ÷ (1 + r),
/// x = (−60 + √27 600) ÷ 120 = 0,884437, r = 13,1 %; MIRR (60 000 × 1,03 + 60 000) ÷ 100 000
/// = 1,218, √1,218 − 1 = 10,4 %.
fn never_earning(licence: u32) -> String {
    format!(
        r#"{{ "nytta": 1,
  "initiative": {{ "title": "Digital signering" }},
  "valuation": {{
    "parameters": {{ "start_year": 2025, "years": 2, "discount_rate": 0.03 }},
    "lines": [
      {{ "id": "app", "side": "cost", "name": "Införande", "category": "financial",
        "amount": 100000, "timing": {{ "once": 0 }} }},
      {{ "id": "licence", "side": "cost", "name": "Licens", "category": "financial",
        "amount": {licence}, "timing": {{ "yearly": {{ "from": 1 }} }} }},
      {{ "id": "time", "side": "benefit", "name": "Frigjord tid", "category": "reallocation",
        "amount": 80000, "timing": {{ "yearly": {{ "from": 1 }} }} }} ] }} }}"#
    )
}

#[test]
fn an_undefined_irr_and_mirr_say_why() {
    // A licence of 20 000 kr: budget net −100 000, −20 000, −20 000 (negative every year).
    // No licence: −100 000, 0, 0 (never positive).
    for (licence, sv_why, en_why) in [
        (
            20_000,
            "ej definierad – nettot är negativt varje år",
            "not defined – the net is negative every year",
        ),
        (
            0,
            "ej definierad – nettot är aldrig positivt",
            "not defined – the net is never positive",
        ),
    ] {
        let doc = never_earning(licence);
        for (lang, irr, mirr, why) in [
            (
                Lang::Sv,
                "Internränta (IRR)",
                "Modifierad internränta (MIRR)",
                sv_why,
            ),
            (
                Lang::En,
                "Internal rate of return (IRR)",
                "Modified internal rate of return (MIRR)",
                en_why,
            ),
        ] {
            let (model, ev) = common::evaluate(&doc, lang);
            let pdf =
                business_case_pdf(&model, &ev, &ReportOptions::new(lang, "2025-03-01")).unwrap();
            let name = format!("undefined-{licence}-{lang:?}.pdf");
            let text = rows_of(&save(&scratch("irr"), &name, &pdf))
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let economic = if licence > 0 {
                ["13,1 %", "10,4 %"]
            } else {
                // Economic net −100 000, +80 000, +80 000: 80x² + 80x − 100 = 0,
                // x = (−80 + √38 400) ÷ 160 = 0,724745, r = 38,0 %; MIRR
                // √((80 000 × 1,03 + 80 000) ÷ 100 000) − 1 = √1,624 − 1 = 27,4 %.
                ["38,0 %", "27,4 %"]
            };
            let economic = economic.map(|f| match lang {
                Lang::Sv => f.to_string(),
                Lang::En => f.replace(',', ".").replace(" %", "%"),
            });
            for want in [
                format!("{irr} {} {why}", economic[0]),
                format!("{mirr} {} {why}", economic[1]),
            ] {
                assert!(
                    text.contains(&want),
                    "{lang:?}: the PDF lacks {want:?}: {text}"
                );
            }
        }
    }
}
