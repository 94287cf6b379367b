//! The key figures' explanations against hand-computed values, in both languages.
//!
//! The check flows of docs/domain.md, [−100, 39, 59, 55, 20] at r = 10 %: a one-off cost of
//! 100 kr in year 0 and one-off benefits of 39, 59, 55 and 20 kr in years 1–4. Discount
//! factors 1,1 · 1,21 · 1,331 · 1,4641, so the benefits' present values are 39 ÷ 1,1 = 35,45;
//! 59 ÷ 1,21 = 48,76; 55 ÷ 1,331 = 41,32; 20 ÷ 1,4641 = 13,66; sum 139,20 kr. NPV =
//! 139,20 − 100 = 39,20 kr; ROI 39,20 ÷ 100 = 39 %; benefit–cost ratio 1,39. Cumulative
//! net −100, −61, −2, 53, 73: payback 2 + 2 ÷ 55 = 2,04 years. Priority with levels effect 1
//! (no recurring benefit), feasibility 5, financing 3, resource need 1 (100 kr) and equal
//! weights: (1 + 5 + 3 + (6 − 1)) ÷ 4 = 3,5.
#![allow(clippy::unwrap_used)]

use nytta_core::{evaluate, read::read_document, Lang, Model};

const DOC: &str = r#"{
  "nytta": 1,
  "initiative": { "title": "Kontrollflöden" },
  "valuation": {
    "parameters": { "start_year": 2025, "years": 4, "discount_rate": 0.1 },
    "lines": [
      { "id": "c", "side": "cost", "name": "Inköp", "category": "financial", "amount": 100, "timing": { "once": 0 } },
      { "id": "b1", "side": "benefit", "name": "År 1", "category": "financial", "amount": 39, "timing": { "once": 1 } },
      { "id": "b2", "side": "benefit", "name": "År 2", "category": "financial", "amount": 59, "timing": { "once": 2 } },
      { "id": "b3", "side": "benefit", "name": "År 3", "category": "financial", "amount": 55, "timing": { "once": 3 } },
      { "id": "b4", "side": "benefit", "name": "År 4", "category": "financial", "amount": 20, "timing": { "once": 4 } }
    ],
    "scores": { "feasibility": { "level": 5, "reason": "Beprövad" }, "financing": { "level": 3, "reason": "Delvis" } }
  }
}"#;

fn explained(lang: Lang) -> nytta_core::explain::Explanations {
    let model = Model::from_document(read_document(DOC).unwrap()).unwrap();
    evaluate(&model, lang).unwrap().explanations
}

#[test]
fn present_values_are_explained_with_each_years_discounted_amount_and_factor() {
    let e = explained(Lang::Sv).economic;
    assert_eq!(
        e.pv_benefits,
        "Nyttorna varje år delade med diskonteringsfaktorn (1 + 10,0 %)^år och summerade: \
         år 0: 0 kr; år 1: 39 kr ÷ 1,1 = 35 kr; år 2: 59 kr ÷ 1,21 = 49 kr; \
         år 3: 55 kr ÷ 1,331 = 41 kr; år 4: 20 kr ÷ 1,4641 = 14 kr. Summa 139 kr"
    );
    assert!(
        e.pv_costs.ends_with("år 0: 100 kr; år 1: 0 kr ÷ 1,1 = 0 kr; år 2: 0 kr ÷ 1,21 = 0 kr; år 3: 0 kr ÷ 1,331 = 0 kr; år 4: 0 kr ÷ 1,4641 = 0 kr. Summa 100 kr"),
        "{}",
        e.pv_costs
    );
    assert!(
        e.npv
            .contains("år 0: \u{2212}100 kr; år 1: 39 kr ÷ 1,1 = 35 kr;")
            && e.npv.contains("Summa 39 kr")
            && e.npv.contains("=CF0 + NPV(r; CF1:CFn)"),
        "{}",
        e.npv
    );
    let en = explained(Lang::En).economic;
    assert!(
        en.pv_benefits.starts_with("The benefits of each year divided by the discount factor (1 + 10.0%)^year and summed: year 0: SEK 0; year 1: SEK 39 ÷ 1.1 = SEK 35;"),
        "{}",
        en.pv_benefits
    );
    assert!(
        en.pv_benefits.ends_with("Total SEK 139"),
        "{}",
        en.pv_benefits
    );
}

#[test]
fn roi_benefit_cost_ratio_and_payback_show_what_they_divide() {
    let e = explained(Lang::Sv).economic;
    assert_eq!(
        e.roi,
        "(nyttornas nuvärde − kostnadernas nuvärde) ÷ kostnadernas nuvärde = (139 kr − 100 kr) ÷ 100 kr = 39 %"
    );
    assert_eq!(
        e.benefit_cost_ratio,
        "nyttornas nuvärde ÷ kostnadernas nuvärde = 139 kr ÷ 100 kr = 1,39"
    );
    assert_eq!(
        e.payback,
        "Ackumulerat nettoflöde: år 0: \u{2212}100 kr; år 1: \u{2212}61 kr; år 2: \u{2212}2 kr; \
         år 3: 53 kr; år 4: 73 kr. Summan passerar 0 under år 3: 2 + 2 kr ÷ 55 kr = 2,0 år."
    );
    let en = explained(Lang::En).economic;
    assert_eq!(
        en.roi,
        "(PV of benefits − PV of costs) ÷ PV of costs = (SEK 139 − SEK 100) ÷ SEK 100 = 39%"
    );
    assert_eq!(
        en.benefit_cost_ratio,
        "PV of benefits ÷ PV of costs = SEK 139 ÷ SEK 100 = 1.39"
    );
    assert!(
        en.payback
            .ends_with("The sum passes 0 during year 3: 2 + SEK 2 ÷ SEK 55 = 2.0 years."),
        "{}",
        en.payback
    );
}

#[test]
fn the_priority_score_is_explained_as_its_weighted_levels() {
    assert_eq!(
        explained(Lang::Sv).priority,
        "Viktat medelvärde (vikt × nivå): (effekt 1 × 1 + genomförbarhet 1 × 5 + finansiering 1 × 3 \
         + resursbehov 1 × (6 − 1)) ÷ (1 + 1 + 1 + 1 = 4) = 3,50"
    );
    assert_eq!(
        explained(Lang::En).priority,
        "Weighted mean (weight × level): (effect 1 × 1 + feasibility 1 × 5 + financing 1 × 3 \
         + resource need 1 × (6 − 1)) ÷ (1 + 1 + 1 + 1 = 4) = 3.50"
    );
}

#[test]
fn a_valuation_without_costs_says_why_roi_is_not_defined() {
    let text = DOC.replace(
        r#""amount": 100, "timing": { "once": 0 }"#,
        r#""amount": 0, "timing": { "once": 0 }"#,
    );
    let model = Model::from_document(read_document(&text).unwrap()).unwrap();
    let e = evaluate(&model, Lang::Sv).unwrap().explanations.economic;
    assert_eq!(e.roi, "Inte definierad: kostnadernas nuvärde är 0 kr.");
    assert_eq!(
        e.benefit_cost_ratio,
        "Inte definierad: kostnadernas nuvärde är 0 kr."
    );
}

/// A new valuation without lines: its net is 0 every year, so it has no payback in either
/// view (it was 0 years, "0.000000" in JSON and in the store) and the explanation says why.
#[test]
fn an_empty_valuation_has_no_payback_and_says_there_is_nothing_to_pay_back() {
    let text = r#"{
      "nytta": 1,
      "initiative": { "title": "Ny idé" },
      "valuation": { "parameters": { "start_year": 2025, "years": 6, "discount_rate": 0.03 } }
    }"#;
    let model = Model::from_document(read_document(text).unwrap()).unwrap();
    let e = evaluate(&model, Lang::Sv).unwrap();
    for f in [&e.economic, &e.budget] {
        assert_eq!(f.payback_years, None);
        assert_eq!(f.discounted_payback_years, None);
    }
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["economic"]["payback_years"], serde_json::Value::Null);
    assert!(
        e.explanations
            .economic
            .payback
            .ends_with("Nettoflödet är 0 varje år: det finns inget att betala tillbaka."),
        "{}",
        e.explanations.economic.payback
    );
    let en = evaluate(&model, Lang::En)
        .unwrap()
        .explanations
        .economic
        .payback;
    assert!(
        en.ends_with("The net flow is 0 every year: there is nothing to pay back."),
        "{en}"
    );
}

/// One time benefit and no costs: the key figure said "cannot be computed: no costs" while
/// the engine gave payback 0 years, which the cash-flow chart marked ("återbetald 0,0 år")
/// and the scenarios showed. Nothing is spent, so no case has a payback, and the explanation
/// says why.
#[test]
fn a_valuation_without_costs_has_no_payback_in_any_case() {
    let text = r#"{
      "nytta": 1,
      "initiative": { "title": "Ny idé" },
      "valuation": {
        "parameters": { "start_year": 2025, "years": 3, "discount_rate": 0.03 },
        "inputs": [ { "id": "n", "name": "Ärenden", "value": 10, "low": 5, "high": 20 } ],
        "lines": [ { "id": "b", "side": "benefit", "name": "Engångsnytta", "category": "financial",
                     "amount": "n * 100", "timing": { "once": 0 } } ]
      }
    }"#;
    let model = Model::from_document(read_document(text).unwrap()).unwrap();
    let e = evaluate(&model, Lang::Sv).unwrap();
    for f in [&e.economic, &e.budget] {
        assert_eq!(f.total_costs, rust_decimal::Decimal::ZERO);
        assert_eq!(f.payback_years, None);
        assert_eq!(f.discounted_payback_years, None);
    }
    assert_eq!(
        e.sensitivity.tornado.len(),
        1,
        "the input's range is a scenario"
    );
    assert_eq!(e.sensitivity.pessimistic.payback_years, None);
    assert_eq!(e.sensitivity.optimistic.payback_years, None);
    let sv = &e.explanations.economic.payback;
    assert!(
        sv.ends_with("Det finns inga kostnader: det finns inget att betala tillbaka."),
        "{sv}"
    );
    let en = evaluate(&model, Lang::En)
        .unwrap()
        .explanations
        .economic
        .payback;
    assert!(
        en.ends_with("There are no costs: there is nothing to pay back."),
        "{en}"
    );
}
