//! The PULS agenda PDF: the items in the order given, each with its figures written as the
//! app writes them (the expected texts below are worked out by hand), in Swedish and English.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{pages_of, rows_of, save, scratch, text_of};
use nytta_core::document::{NeedsField, NeedsPart, PriorityBasis, Stage};
use nytta_core::Lang;
use nytta_report::{agenda_pdf, AgendaDoc, AgendaEntry, ReportOptions};
use rust_decimal::Decimal;

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn doc() -> AgendaDoc {
    AgendaDoc {
        since: "2025-05-01".into(),
        items: vec![
            AgendaEntry {
                number: 1,
                id: 12,
                title: "Digitala medicinskåp".into(),
                department: "Omsorgsförvaltningen".into(),
                owner: "Verksamhetsutvecklare".into(),
                stage: Stage::AwaitingDecision,
                decision: true,
                basis: Some(PriorityBasis::Critical),
                priority: Some(Decimal::new(3_000_000, 6)),
                npv_economic: Decimal::new(56_383_196, 2),
                npv_budget: Decimal::new(-155_522_762, 2),
                payback_economic: Some(Decimal::new(4_066_481, 6)),
                payback_budget: None,
                one_off_costs: Decimal::new(147_158_775, 2),
                changed: "2025-05-12".into(),
                description: "Medicinskåpen låses med digitala lås.".into(),
                needs: vec![
                    NeedsPart {
                        field: NeedsField::Problem,
                        text: "Nycklar tappas bort och kvitteras för hand.".into(),
                    },
                    NeedsPart {
                        field: NeedsField::TargetGroups,
                        text: "Personal i hemtjänsten.".into(),
                    },
                ],
            },
            AgendaEntry {
                number: 2,
                id: 7,
                title: "Digitala examinationer".into(),
                department: "Arbete och välfärd".into(),
                owner: String::new(),
                stage: Stage::Development,
                decision: false,
                basis: None,
                priority: None,
                npv_economic: Decimal::new(29_742_950, 2),
                npv_budget: Decimal::ZERO,
                payback_economic: None,
                payback_budget: None,
                one_off_costs: Decimal::new(49_729_296, 2),
                changed: "2025-05-02".into(),
                description: String::new(),
                needs: vec![],
            },
        ],
    }
}

#[test]
fn the_agenda_pdf_lists_the_items_in_order_with_their_figures() {
    let pdf = agenda_pdf(&doc(), &ReportOptions::new(Lang::Sv, "2025-05-14")).unwrap();
    let path = save(&scratch("agenda"), "agenda-sv.pdf", &pdf);
    let text = squash(&text_of(&path));
    let rows = squash(&rows_of(&path));
    for w in [
        "PULS-agenda",
        "Initiativ som begär beslut eller stöd, ändrade 2025-05-01 eller senare",
        "1 för beslut, 1 för stöd",
        "Utskriven 2025-05-14",
        "Behov: Problem Nycklar tappas bort och kvitteras för hand.",
        "Behov: Målgrupper Personal i hemtjänsten.",
    ] {
        assert!(text.contains(w), "the agenda PDF lacks {w:?}:\n{text}");
    }
    // 563 831,96 → 563 832 kr; −1 555 227,62 → −1 555 228 kr; 1 471 587,75 → 1 471 588 kr;
    // 4,066481 years → 4,1 år; score 3,000000 → 3,0; 297 429,50 → 297 430 kr (midpoint away
    // from zero).
    for w in [
        "Begär beslut",
        "Prioriteringsgrund samhällsviktig verksamhet",
        "Prioritetspoäng 3,0",
        "Nuvärde, samhällsekonomiskt 563 832 kr",
        "Nuvärde, budget −1 555 228 kr",
        "Återbetalning, samhällsekonomiskt 4,1 år",
        "Återbetalning, budget inte inom kalkylperioden",
        "Engångskostnader 1 471 588 kr",
        "Begär stöd",
        "Prioriteringsgrund ej angiven",
        "Nuvärde, samhällsekonomiskt 297 430 kr",
        "Engångskostnader 497 293 kr",
    ] {
        assert!(
            rows.contains(w),
            "the agenda PDF lacks the row {w:?}:\n{rows}"
        );
    }
    let first = text.find("1. Digitala medicinskåp (id 12)").unwrap();
    let second = text.find("2. Digitala examinationer (id 7)").unwrap();
    assert!(first < second);
    assert_eq!(pages_of(&path), 1);
}

#[test]
fn the_agenda_pdf_in_english_and_empty() {
    let mut a = doc();
    let pdf = agenda_pdf(&a, &ReportOptions::new(Lang::En, "2025-05-14")).unwrap();
    let path = save(&scratch("agenda"), "agenda-en.pdf", &pdf);
    let rows = squash(&rows_of(&path));
    let text = squash(&text_of(&path));
    assert!(
        text.contains("Needs: Target groups Personal i hemtjänsten."),
        "{text}"
    );
    for w in [
        "Asks for a decision",
        "NPV, budget −SEK 1,555,228",
        "Payback, socio-economic 4.1 years",
        "Priority basis critical societal function",
        "Asks for support",
    ] {
        assert!(
            rows.contains(w),
            "the English agenda PDF lacks {w:?}:\n{rows}"
        );
    }
    a.items.clear();
    let pdf = agenda_pdf(&a, &ReportOptions::new(Lang::Sv, "2025-05-14")).unwrap();
    let path = save(&scratch("agenda"), "agenda-empty.pdf", &pdf);
    assert!(
        squash(&text_of(&path)).contains("Inga initiativ begär beslut eller stöd sedan datumet.")
    );
    let e = agenda_pdf(&a, &ReportOptions::new(Lang::Sv, "i morgon")).unwrap_err();
    assert!(
        e.message(Lang::En).contains("printed"),
        "{}",
        e.message(Lang::En)
    );
}
