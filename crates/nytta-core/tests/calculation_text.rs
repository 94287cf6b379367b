//! Calculation texts a reader can follow: values with their units, hourly costs to the öre
//! as the role table shows them, and `≈` where such a rounded cost stands in the sum.
#![allow(clippy::unwrap_used)]

use nytta_core::{evaluate, read::read_document, Evaluation, Lang, Model};

fn robots(lang: Lang) -> (Model, Evaluation) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../samples/lakemedelsrobotar.nytta.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let model = Model::from_document(read_document(&text).unwrap()).unwrap();
    let ev = evaluate(&model, lang).unwrap();
    (model, ev)
}

fn line<'a>(ev: &'a Evaluation, id: &str) -> &'a str {
    let l = ev.lines.iter().find(|l| l.id == id).unwrap();
    l.explain.as_deref().unwrap()
}

fn follow_up_line<'a>(ev: &'a Evaluation, id: &str) -> &'a str {
    let l = ev.follow_ups[0].lines.iter().find(|l| l.id == id).unwrap();
    l.explain.as_deref().unwrap()
}

#[test]
fn a_rounded_hourly_cost_is_shown_to_the_ore_and_the_result_marked_approximate() {
    // Project time: 150 h of a developer whose monthly salary gives 498,873239… kr/h.
    // 150 × 498,873239 = 74 830,99 kr, while 150 × 498,87 = 74 830,50 kr: the shown cost is
    // rounded, so the exact result follows "≈".
    let (_, sv) = robots(Lang::Sv);
    assert_eq!(
        line(&sv, "project"),
        "(150 h × 60) / 60 × 1 × 498,87 kr/h ≈ 74 830,99 kr"
    );
    // 359 kr/h is exact: (10 + 15) / 60 × 5 475 × 359 = 818 968,75 kr, with "=".
    assert_eq!(
        line(&sv, "time_usk"),
        "(10 min + 15 min) / 60 × 5 475 besök/år × 359 kr/h = 818 968,75 kr"
    );
    let (_, en) = robots(Lang::En);
    assert_eq!(
        line(&en, "project"),
        "(150 h × 60) / 60 × 1 × SEK 498.87/h ≈ SEK 74,830.99"
    );
}

#[test]
fn follow_up_calculations_keep_their_units() {
    // 22 minutes measured at the follow-up, 14 robots × 1,2 visits a day × 365 = 6 132 visits:
    // 22 / 60 × 6 132 × 359 = 807 175,60 kr. Support at 4 200 kr a robot: 14 × 4 200 = 58 800.
    let (_, sv) = robots(Lang::Sv);
    assert_eq!(
        follow_up_line(&sv, "time_usk"),
        "22 min / 60 × 6 132 besök/år × 359 kr/h = 807 175,60 kr"
    );
    assert_eq!(
        follow_up_line(&sv, "support"),
        "14 st × 4 200 kr/år = 58 800,00 kr"
    );
    assert_eq!(
        follow_up_line(&sv, "refill"),
        "25 min / 60 × (14 st × 52) × 359 kr/h = 108 896,67 kr"
    );
}

#[test]
fn a_derived_input_is_explained_with_values_and_units_not_code() {
    // Visits removed a year: robots × visits removed per day × 365 = 10 × 1,5 × 365 = 5 475.
    for (lang, want) in [
        (Lang::Sv, "10 st × 1,5 besök/dag × 365"),
        (Lang::En, "10 pcs × 1.5 visits/day × 365"),
    ] {
        let (model, _) = robots(lang);
        let values = nytta_core::amounts::input_values(&model, &[]).unwrap();
        let derived: Vec<String> = (0..model.inputs.len())
            .filter_map(|i| nytta_core::amounts::explain_input(&model, &values, i, lang))
            .collect();
        assert_eq!(derived, vec![want.to_string()]);
    }
}
