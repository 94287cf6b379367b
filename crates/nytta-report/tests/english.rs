//! The English reports: freed time "tas hem" reads as a budget saving, not as something
//! withdrawn, and every amount in kronor puts the currency first ("SEK 22,000",
//! "SEK 3,600/year"), as the key figures do ("SEK 2,869,230").
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{root, sample, save, scratch, text_of};
use nytta_core::Lang;
use nytta_report::{business_case_pdf, follow_up_pdf, ReportOptions};

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn freed_time_taken_home_is_a_budget_saving_in_english() {
    let (model, ev) = sample("lakemedelsrobotar.nytta.json", Lang::En);
    let pdf = business_case_pdf(&model, &ev, &ReportOptions::new(Lang::En, "2024-05-02")).unwrap();
    let text = squash(&text_of(&save(&scratch("english"), "case.pdf", &pdf)));
    assert!(
        text.contains(
            "Freed time is not money in the budget until it is realised as a budget saving (taken out of the budget)."
        ),
        "{text}"
    );
    assert!(!text.to_lowercase().contains("withdrawn"), "{text}");

    // A follow-up whose freed time was taken home (withdrawn in the document).
    let doc = std::fs::read_to_string(root().join("samples/digital-signering.nytta.json"))
        .unwrap()
        .replace(
            r#""freed_time_use": "quality""#,
            r#""freed_time_use": "withdrawn""#,
        );
    let (model, ev) = common::evaluate(&doc, Lang::En);
    let pdf = follow_up_pdf(&model, &ev, 0, &ReportOptions::new(Lang::En, "2024-05-02")).unwrap();
    let text = squash(&text_of(&save(&scratch("english"), "fu.pdf", &pdf)));
    assert!(
        text.contains("realised as a budget saving (taken out of the budget)"),
        "{text}"
    );
    assert!(!text.to_lowercase().contains("withdrawn"), "{text}");
}

#[test]
fn english_amounts_put_the_currency_first_everywhere() {
    let (model, ev) = sample("lakemedelsrobotar.nytta.json", Lang::En);
    let pdf = business_case_pdf(&model, &ev, &ReportOptions::new(Lang::En, "2024-05-02")).unwrap();
    let text = squash(&text_of(&save(&scratch("english"), "amounts.pdf", &pdf)));
    // The freed-time line, 150 h × 60 / 60 × 1 at the role's hourly cost, 365 times over
    // 33.33… : SEK 818,968.75 a year, explained with the currency first on both sides; the
    // robot's price in the sensitivity table's Likely column.
    for want in ["= SEK 818,968.75", "SEK 22,000", "SEK 3,600/year"] {
        assert!(text.contains(want), "lacks {want:?}: {text}");
    }
    for old in ["818,968.75 SEK", "22,000 SEK", "SEK/h", "3,600 SEK/year"] {
        assert!(!text.contains(old), "still {old:?}: {text}");
    }
}
