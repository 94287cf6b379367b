//! Score settings stored with a valuation are checked like the rest of the document.
#![allow(clippy::unwrap_used)]

use nytta_core::{read::read_document, Lang, Model};

fn doc(full_effect: u8, weight_effect: &str) -> String {
    format!(
        r#"{{"nytta": 1, "initiative": {{"title": "T"}},
  "valuation": {{"parameters": {{"start_year": 2025, "years": 6, "discount_rate": 0.03}},
    "settings": {{"effect_money_5": 1000000, "effect_money_3": 250000, "effect_hours_5": 2000,
      "effect_hours_3": 500, "resource_5": 2000000, "resource_3": 500000,
      "weight_effect": {weight_effect}, "weight_feasibility": 1, "weight_financing": 1, "weight_resource": 1,
      "full_valuation_effect": {full_effect}, "full_valuation_resource": 3}}}}}}"#
    )
}

fn paths(text: &str) -> Vec<String> {
    match Model::from_document(read_document(text).unwrap()) {
        Ok(_) => vec![],
        Err(e) => e.0.into_iter().map(|e| e.path).collect(),
    }
}

#[test]
fn the_full_valuation_rule_takes_a_level_of_the_matrix() {
    assert_eq!(paths(&doc(3, "1")), Vec::<String>::new());
    assert_eq!(
        paths(&doc(4, "1")),
        vec!["valuation.settings.full_valuation_effect"],
        "4 is not a level of the 1/3/5 matrix"
    );
}

#[test]
fn negative_weights_are_refused() {
    assert_eq!(paths(&doc(3, "-1")), vec!["valuation.settings"]);
}

/// English writes a percentage without a space ("3%"), Swedish with one ("3 %"); the English
/// messages for a fraction entered as a percentage read "3 %".
#[test]
fn fractions_entered_as_percentages_are_explained_with_english_percentages() {
    let text = r#"{"nytta": 1, "initiative": {"title": "T"},
      "valuation": {"parameters": {"start_year": 2025, "years": 2, "discount_rate": 3, "optimism_bias": -0.1},
        "lines": [{"id": "b", "side": "benefit", "name": "Nytta", "category": "financial",
                   "amount": 100, "confidence": 80, "timing": {"once": 0}}]}}"#;
    let errors = Model::from_document(read_document(text).unwrap())
        .unwrap_err()
        .0;
    let en: Vec<String> = errors.iter().map(|e| e.message(Lang::En)).collect();
    let sv: Vec<String> = errors.iter().map(|e| e.message(Lang::Sv)).collect();
    for (want_en, want_sv) in [
        ("e.g. 0.03 for 3%, not 3", "t.ex. 0.03 för 3 %, inte 3"),
        (
            "e.g. 0.1 for +10%, and must",
            "t.ex. 0.1 för +10 %, och får",
        ),
        (
            "(e.g. 0.8 for 80%), not 80",
            "(t.ex. 0.8 för 80 %), inte 80",
        ),
    ] {
        assert!(
            en.iter().any(|m| m.contains(want_en)),
            "{want_en:?}: {en:?}"
        );
        assert!(
            sv.iter().any(|m| m.contains(want_sv)),
            "{want_sv:?}: {sv:?}"
        );
    }
}
