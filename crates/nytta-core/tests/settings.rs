//! Score settings stored with a valuation are checked like the rest of the document.
#![allow(clippy::unwrap_used)]

use nytta_core::{read::read_document, Model};

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
