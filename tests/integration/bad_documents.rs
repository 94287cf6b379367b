//! Documents a user could get wrong, each refused with the path of the field, a stable
//! code, and a message in Swedish and in English. None may panic or yield figures.

use nytta_core::{DocErrors, Lang};
use serde_json::{json, Value};

use crate::check::doc;

/// A valid document to break: one input, one role, a money line, an effect goal with a
/// baseline and a follow-up.
pub(crate) fn base() -> Value {
    let mut d = doc(json!({
        "roles": [{ "id": "usk", "name": "Undersköterska", "hourly_cost": 359 }],
        "inputs": [{ "id": "robots", "name": "Robotar", "value": 10, "low": 8, "high": 14 }],
        "lines": [{ "id": "buy", "side": "cost", "name": "Inköp", "category": "financial",
                    "amount": "robots * 28000", "timing": { "once": 0 } }],
        "effect_goals": [{ "id": "adherence", "indicator": "Följsamhet", "direction": "increase",
                           "baseline": 78, "target": 95 }]
    }));
    d["follow_ups"] = json!([{ "date": "2025-06-01", "year": 1, "inputs": { "robots": 14 },
                                "effect_goals": { "adherence": 93 } }]);
    d
}

/// `base()` changed by `edit`.
fn broken(edit: impl FnOnce(&mut Value)) -> String {
    let mut d = base();
    edit(&mut d);
    d.to_string()
}

fn line0(d: &mut Value) -> &mut Value {
    &mut d["valuation"]["lines"][0]
}

/// Reads, checks and evaluates `text`, expecting it to be refused.
fn refused(text: &str) -> DocErrors {
    match nytta_core::evaluate_text(text, Lang::Sv) {
        Ok(_) => panic!("the document should have been refused but was evaluated:\n{text}"),
        Err(e) => e,
    }
}

/// Asserts that `text` is refused with an error at `path` with `code`, whose Swedish and
/// English messages both name the path and contain `sv_says` resp. `en_says`.
pub(crate) fn expect(case: &str, text: &str, path: &str, code: &str, sv_says: &str, en_says: &str) {
    let errors = refused(text);
    let found: Vec<(String, &str)> = errors.iter().map(|e| (e.path.clone(), e.code())).collect();
    let Some(e) = errors.iter().find(|e| e.path == path && e.code() == code) else {
        panic!("{case}: expected an error {code} at \"{path}\", got {found:?}");
    };
    let (sv, en) = (e.message(Lang::Sv), e.message(Lang::En));
    assert_ne!(
        sv, en,
        "{case}: the Swedish and English messages must both exist and differ"
    );
    for (lang, msg, says) in [("sv", &sv, sv_says), ("en", &en, en_says)] {
        assert!(
            msg.starts_with(path),
            "{case}: the {lang} message must name the path {path}: {msg}"
        );
        assert!(
            msg.contains(says),
            "{case}: the {lang} message should say \"{says}\": {msg}"
        );
    }
}

#[test]
fn the_base_document_is_valid() {
    assert!(
        nytta_core::evaluate_text(&base().to_string(), Lang::Sv).is_ok(),
        "the documents below break a valid one"
    );
}

#[test]
fn json_syntax_error_names_line_and_column() {
    let errors = refused("{ \"nytta\": 1,\n  \"initiative\": { \"title\": \"x\" ");
    let e = errors.iter().next().unwrap();
    assert_eq!(e.code(), "json_syntax");
    assert!(
        e.message(Lang::Sv).contains("inte giltig JSON") && e.message(Lang::Sv).contains("line 2"),
        "{}",
        e.message(Lang::Sv)
    );
    assert!(
        e.message(Lang::En).contains("not valid JSON") && e.message(Lang::En).contains("line 2"),
        "{}",
        e.message(Lang::En)
    );
}

#[test]
fn typo_in_a_field_name_is_refused_naming_that_field() {
    let text = broken(|d| {
        let l = line0(d).as_object_mut().unwrap();
        let name = l.remove("name").unwrap();
        l.insert("nmae".into(), name);
    });
    expect(
        "typo",
        &text,
        "valuation.lines[0].nmae",
        "unknown_field",
        "okänt fält \"nmae\"",
        "unknown field \"nmae\"",
    );
}

/// Regression: the path of an unknown field named the field twice
/// (`valuation.lines[0].nmae.nmae`), because the reader appended the field to a path that
/// already ended with it.
#[test]
fn unknown_field_path_named_the_field_twice() {
    let text = broken(|d| d["initiatve"] = json!({ "title": "x" }));
    expect(
        "top level",
        &text,
        "initiatve",
        "unknown_field",
        "\"initiatve\"",
        "\"initiatve\"",
    );
    let text = broken(|d| line0(d)["timing"] = json!({ "yearly": { "from": 1, "tto": 3 } }));
    expect(
        "inside timing",
        &text,
        "valuation.lines[0].timing.yearly.tto",
        "unknown_field",
        "\"tto\"",
        "\"tto\"",
    );
    let text = broken(|d| d["valuation"]["parameters"]["discount_rte"] = json!(0.03));
    expect(
        "parameters",
        &text,
        "valuation.parameters.discount_rte",
        "unknown_field",
        "stavfel",
        "typo",
    );
}

#[test]
fn missing_required_fields() {
    let text = broken(|d| {
        line0(d).as_object_mut().unwrap().remove("side");
    });
    expect(
        "side missing",
        &text,
        "valuation.lines[0].side",
        "missing_field",
        "\"side\" saknas",
        "\"side\" is missing",
    );
    let text = broken(|d| {
        d["valuation"]["parameters"]
            .as_object_mut()
            .unwrap()
            .remove("discount_rate");
    });
    expect(
        "rate missing",
        &text,
        "valuation.parameters.discount_rate",
        "missing_field",
        "saknas",
        "missing",
    );
    let text = broken(|d| {
        d.as_object_mut().unwrap().remove("nytta");
    });
    expect(
        "version missing",
        &text,
        "nytta",
        "missing_field",
        "saknas",
        "missing",
    );
}

#[test]
fn empty_or_blank_title_was_accepted() {
    for title in ["", "   ", "\t\n"] {
        let text = broken(|d| d["initiative"]["title"] = json!(title));
        expect(
            &format!("title {title:?}"),
            &text,
            "initiative.title",
            "invalid_value",
            "behöver en titel",
            "needs a title",
        );
    }
}

#[test]
fn newer_version_is_refused_as_newer() {
    let text = broken(|d| d["nytta"] = json!(2));
    expect(
        "nytta 2",
        &text,
        "nytta",
        "newer_version",
        "nyare version av Nytta",
        "newer Nytta",
    );
}

#[test]
fn wrong_type_and_unknown_enum_value() {
    let text = broken(|d| d["valuation"]["parameters"]["years"] = json!("sex"));
    expect(
        "years as text",
        &text,
        "valuation.parameters.years",
        "wrong_value",
        "fel sorts värde",
        "wrong kind of value",
    );
    let text = broken(|d| line0(d)["category"] = json!("financal"));
    // The message lists what is allowed.
    expect(
        "category typo",
        &text,
        "valuation.lines[0].category",
        "wrong_value",
        "financial",
        "financial",
    );
}

#[test]
fn wrong_value_messages_were_english_inside_the_swedish_text() {
    // serde writes its messages in English; the Swedish message translates their shapes.
    let cases = [
        (
            "years as text",
            json!("sex"),
            "fel typ: texten \"sex\", förväntade ett heltal",
            "invalid type: string \"sex\", expected u32",
        ),
        (
            "years negative",
            json!(-2),
            "förväntade ett heltal inom tillåtet intervall",
            "expected a whole number within range",
        ),
    ];
    for (case, years, sv, en) in cases {
        let text = broken(|d| d["valuation"]["parameters"]["years"] = years);
        expect(
            case,
            &text,
            "valuation.parameters.years",
            "wrong_value",
            sv,
            en,
        );
    }
    let text = broken(|d| line0(d)["timing"] = json!({ "twice": 0 }));
    expect(
        "timing typo",
        &text,
        "valuation.lines[0].timing",
        "wrong_value",
        "okänt värde `twice`; tillåtet är `once` eller `yearly`",
        "unknown variant `twice`, expected `once` or `yearly`",
    );
    let text = broken(|d| d["valuation"]["parameters"]["discount_rate"] = json!("3 %"));
    expect(
        "rate with a percent sign",
        &text,
        "valuation.parameters.discount_rate",
        "wrong_value",
        "ogiltigt värde: texten \"3 %\", förväntade ett tal",
        "invalid value: string \"3 %\", expected a number",
    );
}

#[test]
fn formula_errors_name_the_position() {
    // "robots * * 2": the second "*" is character 10.
    let text = broken(|d| line0(d)["amount"] = json!("robots * * 2"));
    expect(
        "syntax",
        &text,
        "valuation.lines[0].amount",
        "formula_syntax",
        "tecken 10",
        "character 10",
    );
    let text = broken(|d| line0(d)["amount"] = json!("28000 * robot"));
    expect(
        "unknown input",
        &text,
        "valuation.lines[0].amount",
        "unknown_input",
        "tecken 9",
        "character 9",
    );
    let text = broken(|d| line0(d)["amount"] = json!("role.ssk * 10"));
    expect(
        "unknown role in formula",
        &text,
        "valuation.lines[0].amount",
        "unknown_role",
        "ssk",
        "ssk",
    );
}

/// A negative hourly cost was reported at the role, not at the field that holds it, so the
/// desktop could not mark and focus the field.
#[test]
fn a_negative_hourly_cost_names_the_field_it_was_typed_in() {
    expect(
        "negative hourly cost",
        &broken(|d| d["valuation"]["roles"][0]["hourly_cost"] = json!(-5)),
        "valuation.roles[0].hourly_cost",
        "invalid_value",
        "timkostnaden får inte vara negativ",
        "the hourly cost must not be negative",
    );
    expect(
        "negative monthly salary",
        &broken(|d| {
            let role = &mut d["valuation"]["roles"][0];
            role.as_object_mut().map(|r| r.remove("hourly_cost"));
            role["monthly_salary"] = json!(-30000);
        }),
        "valuation.roles[0].monthly_salary",
        "invalid_value",
        "timkostnaden får inte vara negativ",
        "the hourly cost must not be negative",
    );
}

#[test]
fn unknown_role_in_the_time_form() {
    let text = broken(|d| {
        *line0(d) = json!({ "id": "t", "side": "benefit", "name": "Tid", "category": "reallocation",
                            "time": { "minutes": 5, "occurrences": 100, "role": "nurse" },
                            "timing": { "once": 1 } });
    });
    expect(
        "time.role",
        &text,
        "valuation.lines[0].time.role",
        "unknown_reference",
        "roll med id \"nurse\"",
        "role with id \"nurse\"",
    );
}

#[test]
fn division_by_zero_and_overflow_are_errors_not_panics() {
    let text = broken(|d| line0(d)["amount"] = json!("1000 / (robots - 10)"));
    expect(
        "division by zero",
        &text,
        "valuation.lines[0].amount",
        "division_by_zero",
        "division med noll",
        "division by zero",
    );
    let text =
        broken(|d| line0(d)["amount"] = json!("10000000000000 * 10000000000000 * 10000000000000"));
    expect(
        "overflow",
        &text,
        "valuation.lines[0].amount",
        "overflow",
        "för stort",
        "too large",
    );
}

#[test]
fn cycle_between_derived_inputs() {
    let text = broken(|d| {
        d["valuation"]["inputs"] = json!([
            { "id": "a", "name": "A", "value": "b + 1" },
            { "id": "b", "name": "B", "value": "a * 2" }
        ]);
        line0(d)["amount"] = json!("a");
    });
    expect(
        "a → b → a",
        &text,
        "valuation.inputs[0].value",
        "cycle",
        "a → b → a",
        "a → b → a",
    );
}

#[test]
fn duplicate_ids_and_both_amount_and_time() {
    let text = broken(|d| {
        let copy = line0(d).clone();
        d["valuation"]["lines"].as_array_mut().unwrap().push(copy);
    });
    expect(
        "duplicate line id",
        &text,
        "valuation.lines[1].id",
        "duplicate_id",
        "\"buy\"",
        "\"buy\"",
    );
    let text =
        broken(|d| line0(d)["time"] = json!({ "minutes": 5, "occurrences": 1, "role": "usk" }));
    expect(
        "amount and time",
        &text,
        "valuation.lines[0]",
        "invalid_value",
        "exakt ett av",
        "exactly one of",
    );
}

#[test]
fn timing_missing_or_outside_the_period() {
    let text = broken(|d| {
        line0(d).as_object_mut().unwrap().remove("timing");
    });
    expect(
        "no timing",
        &text,
        "valuation.lines[0].timing",
        "missing_field",
        "\"timing\" saknas",
        "\"timing\" is missing",
    );
    // The period is years 0–5.
    let text = broken(|d| line0(d)["timing"] = json!({ "once": 9 }));
    expect(
        "once 9",
        &text,
        "valuation.lines[0].timing",
        "invalid_value",
        "0–5",
        "0–5",
    );
    let text = broken(|d| line0(d)["timing"] = json!({ "yearly": { "from": 4, "to": 2 } }));
    expect(
        "from after to",
        &text,
        "valuation.lines[0].timing",
        "invalid_value",
        "\"from\"",
        "\"from\"",
    );
}

#[test]
fn confidence_above_one_or_on_a_cost() {
    let text = broken(|d| {
        line0(d)["side"] = json!("benefit");
        line0(d)["confidence"] = json!(80);
    });
    expect(
        "confidence 80",
        &text,
        "valuation.lines[0].confidence",
        "invalid_value",
        "mellan 0 och 1",
        "between 0 and 1",
    );
    let text = broken(|d| line0(d)["confidence"] = json!(0.9));
    expect(
        "confidence on a cost",
        &text,
        "valuation.lines[0].confidence",
        "invalid_value",
        "optimismpåslag",
        "optimism bias",
    );
}

#[test]
fn score_level_and_risk_scale() {
    let text = broken(|d| {
        d["valuation"]["scores"] = json!({ "feasibility": { "level": 2, "reason": "?" } })
    });
    expect(
        "level 2",
        &text,
        "valuation.scores.feasibility.level",
        "invalid_value",
        "1, 3 eller 5",
        "1, 3 or 5",
    );
    let text = broken(|d| {
        d["valuation"]["risks"] =
            json!([{ "kind": "risk", "text": "Avbrott", "likelihood": 7, "impact": 3 }]);
    });
    expect(
        "likelihood 7",
        &text,
        "valuation.risks[0].likelihood",
        "invalid_value",
        "1–5",
        "1–5",
    );
}

#[test]
fn derived_input_with_a_range() {
    let text = broken(|d| {
        d["valuation"]["inputs"].as_array_mut().unwrap().push(json!(
            { "id": "visits", "name": "Besök", "value": "robots * 365", "low": 2000, "high": 4000 }
        ));
    });
    expect(
        "derived with low/high",
        &text,
        "valuation.inputs[1]",
        "invalid_value",
        "härledd",
        "derived",
    );
}

#[test]
fn follow_up_problems() {
    let text = broken(|d| d["follow_ups"][0]["lines"] = json!({ "nope": { "amount": 5 } }));
    expect(
        "unknown line",
        &text,
        "follow_ups[0].lines.nope",
        "unknown_reference",
        "rad med id \"nope\"",
        "line with id \"nope\"",
    );
    let text = broken(|d| d["follow_ups"][0]["year"] = json!(6));
    expect(
        "year 6 of 0–5",
        &text,
        "follow_ups[0].year",
        "invalid_value",
        "0–5",
        "0–5",
    );
    let text = broken(|d| {
        d["valuation"]["effect_goals"][0]
            .as_object_mut()
            .unwrap()
            .remove("baseline");
    });
    expect(
        "goal without baseline",
        &text,
        "follow_ups[0].effect_goals.adherence",
        "invalid_value",
        "baseline",
        "baseline",
    );
}

#[test]
fn follow_up_confidence_on_a_cost_was_silently_ignored() {
    // The valuation refuses confidence on a cost; the follow-up accepted it and the engine
    // dropped it, so a realised cost "at 50 %" was counted in full.
    let text = broken(|d| {
        d["follow_ups"][0]["lines"] = json!({ "buy": { "amount": 1000, "confidence": 0.5 } })
    });
    expect(
        "confidence on a followed-up cost",
        &text,
        "follow_ups[0].lines.buy.confidence",
        "invalid_value",
        "konfidens gäller nyttor",
        "confidence applies to benefits",
    );
}

#[test]
fn dates_must_be_iso_calendar_dates() {
    let text = broken(|d| d["valuation"]["date"] = json!("2021-02-30"));
    expect(
        "30 February",
        &text,
        "valuation.date",
        "invalid_value",
        "ÅÅÅÅ-MM-DD",
        "YYYY-MM-DD",
    );
    let text = broken(|d| d["follow_ups"][0]["date"] = json!("1 juni 2025"));
    expect(
        "prose date",
        &text,
        "follow_ups[0].date",
        "invalid_value",
        "ÅÅÅÅ-MM-DD",
        "YYYY-MM-DD",
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    // Two independent mistakes: both reported, each with its own path.
    let text = broken(|d| {
        d["valuation"]["date"] = json!("2021-13-01");
        d["valuation"]["risks"] =
            json!([{ "kind": "risk", "text": "x", "likelihood": 3, "impact": 0 }]);
    });
    let paths: Vec<String> = refused(&text).iter().map(|e| e.path.clone()).collect();
    assert!(
        paths.contains(&"valuation.date".to_string())
            && paths.contains(&"valuation.risks[0].impact".to_string()),
        "both problems should be listed: {paths:?}"
    );
}
