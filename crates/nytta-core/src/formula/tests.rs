//! The formula language end to end: parsing, errors with their positions, evaluation and
//! explanation.

#![allow(clippy::unwrap_used)]

use super::*;
use std::collections::HashMap;

struct Vals {
    inputs: HashMap<&'static str, Decimal>,
    roles: HashMap<&'static str, Decimal>,
}

impl Env for Vals {
    fn input(&self, id: &str) -> Option<Decimal> {
        self.inputs.get(id).copied()
    }
    fn role(&self, id: &str) -> Option<Decimal> {
        self.roles.get(id).copied()
    }
}

fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

fn env() -> Vals {
    Vals {
        inputs: [
            ("robots", d("10")),
            ("share_2", d("0.25")),
            ("neg", d("-5")),
        ]
        .into(),
        roles: [("usk", d("359")), ("ssk_2", d("412.5"))].into(),
    }
}

fn ev(src: &str) -> Decimal {
    parse(src).unwrap().eval(&env()).unwrap()
}

fn err(src: &str) -> FormulaError {
    match parse(src) {
        Ok(f) => f.eval(&env()).unwrap_err(),
        Err(e) => e,
    }
}

fn syntax_at(src: &str) -> usize {
    let e = err(src);
    assert_eq!(e.kind.code(), "formula_syntax", "{src}: {e}");
    e.pos
}

/// The values of [`env`] with units, as a document gives its inputs.
struct WithUnits(Vals);

impl Env for WithUnits {
    fn input(&self, id: &str) -> Option<Decimal> {
        self.0.input(id)
    }
    fn role(&self, id: &str) -> Option<Decimal> {
        self.0.role(id)
    }
    fn unit(&self, id: &str) -> Option<&str> {
        (id == "robots").then_some("robotar")
    }
}

/// A line's explanation named only numbers ("10 × 2 × 365 × 359"); each value now carries
/// its unit, so a reader sees what is multiplied ("10 robotar × … × 359 kr/h"). In English
/// an amount in kronor puts the currency first, as every other amount does ("SEK 359/h").
#[test]
fn explain_names_each_values_unit() {
    let f = parse("12 / 60 * (robots * 2 * 365) * role.usk").unwrap();
    assert_eq!(
        f.explain(&WithUnits(env()), Lang::Sv).unwrap(),
        "12 / 60 × (10 robotar × 2 × 365) × 359 kr/h"
    );
    assert_eq!(
        f.explain(&WithUnits(env()), Lang::En).unwrap(),
        "12 / 60 × (10 robotar × 2 × 365) × SEK 359/h"
    );
}

#[test]
fn the_worked_example() {
    let f = parse("robots * 2 * 365").unwrap();
    assert_eq!(f.eval(&env()).unwrap(), d("7300"));
    assert_eq!(f.explain(&env(), Lang::Sv).unwrap(), "10 × 2 × 365");
    let f = parse("12 / 60 * (robots * 2 * 365) * role.usk").unwrap();
    assert_eq!(f.eval(&env()).unwrap(), d("524140"));
    let sv = f.explain(&env(), Lang::Sv).unwrap();
    assert_eq!(sv, "12 / 60 × (10 × 2 × 365) × 359 kr/h");
    assert_eq!(
        f.names(),
        vec![
            (Name::Input("robots".into()), 12),
            (Name::Role("usk".into()), 32)
        ]
    );
}

#[test]
fn arithmetic_and_precedence() {
    assert_eq!(ev("0.1 + 0.2"), d("0.3"));
    assert_eq!(ev("-3 + 5"), d("2"));
    assert_eq!(ev("2 - -1"), d("3"));
    assert_eq!(ev("min(3, 4) * max(1, 2)"), d("6"));
    assert_eq!(ev("2 + 3 * 4"), d("14"));
    assert_eq!(ev("(2 + 3) * 4"), d("20"));
    assert_eq!(ev("8 / 4 / 2"), d("1"));
    assert_eq!(ev("8 - 4 - 2"), d("2"));
    assert_eq!(ev("-2 * -3"), d("6"));
    assert_eq!(ev("-(2 + 3)"), d("-5"));
    assert_eq!(ev("share_2*role.ssk_2"), d("103.125"));
    assert_eq!(ev(" ( ( robots ) ) "), d("10"));
    assert_eq!(ev("max(min(1, 2), -(3))"), d("1"));
    let third = ev("1 / 3 * 3");
    assert!((third - Decimal::ONE).abs() < d("0.000000001"));
}

#[test]
fn runtime_errors_point_at_their_cause() {
    let e = err("10 / (5 - 5)");
    assert_eq!((e.pos, e.kind), (4, FormulaErrorKind::DivisionByZero));
    let e = err("robot * 2");
    assert_eq!(
        (e.pos, e.kind),
        (1, FormulaErrorKind::UnknownInput("robot".into()))
    );
    let e = err("role.x");
    assert_eq!(
        (e.pos, e.kind),
        (1, FormulaErrorKind::UnknownRole("x".into()))
    );
    let e = err("79228162514264337593543950335 * 2");
    assert_eq!((e.pos, e.kind), (31, FormulaErrorKind::Overflow));
    assert_eq!(err("1 + nope").pos, 5);
}

#[test]
fn functions_are_checked_when_parsing() {
    let e = parse("foo(1,2)").unwrap_err();
    assert_eq!(
        (e.pos, e.kind),
        (1, FormulaErrorKind::UnknownFunction("foo".into()))
    );
    let e = parse("2 * min(1)").unwrap_err();
    let count = FormulaErrorKind::WrongArgCount {
        name: "min".into(),
        expected: 2,
        found: 1,
    };
    assert_eq!((e.pos, e.kind), (5, count));
    assert_eq!(parse("min(1)").unwrap_err().kind.code(), "wrong_arg_count");
    assert_eq!(parse("max()").unwrap_err().kind.code(), "wrong_arg_count");
    assert_eq!(
        parse("max(1, 2, 3)").unwrap_err().kind.code(),
        "wrong_arg_count"
    );
}

#[test]
fn syntax_errors_and_positions() {
    assert_eq!(syntax_at("robots *"), 9);
    assert_eq!(syntax_at("robots * 2 +* 3"), 13);
    assert_eq!(syntax_at("1 $ 2"), 3);
    assert_eq!(syntax_at("(1 + 2"), 7);
    assert_eq!(syntax_at(""), 1);
    assert_eq!(syntax_at("   "), 1);
    assert_eq!(syntax_at("2 3"), 3);
    assert_eq!(syntax_at("1 + * $"), 5); // the first problem wins
    assert_eq!(syntax_at("1."), 2);
    assert_eq!(syntax_at("role."), 6);
    assert_eq!(syntax_at("min(1 2)"), 7);
    assert_eq!(syntax_at("1)"), 2);
    assert_eq!(syntax_at("robots × 2"), 8);
    assert_eq!(ev("min(12,5)"), d("5")); // a comma inside a call separates arguments
}

/// `brukare * 9 000` and `1 234,5`, accepted by every number field, were syntax errors
/// in formulas.
#[test]
fn swedish_grouping_and_decimal_comma_as_in_the_number_fields() {
    assert_eq!(ev("robots * 9 000"), d("90000"));
    assert_eq!(ev("1 234,5"), d("1234.5"));
    assert_eq!(ev("1 234 567.25 - 1\u{a0}000\u{202f}000"), d("234567.25"));
    assert_eq!(ev("12,5 * 2"), d("25"));
    assert_eq!(ev("(1,5) * 2"), d("3"));
    // Semicolons free the comma for decimals inside a call, as in Swedish Excel.
    assert_eq!(ev("min(1,5; 2)"), d("1.5"));
    assert_eq!(ev("max(min(1,5; 2); 1 000,25)"), d("1000.25"));
    assert_eq!(ev("max(1 000, 2)"), d("1000"));
    let f = parse("robots * 9 000").unwrap();
    assert_eq!(f.source(), "robots * 9 000");
    assert_eq!(f.explain(&env(), Lang::Sv).unwrap(), "10 × 9 000");
}

#[test]
fn a_comma_that_splits_a_decimal_in_a_call_says_so_and_how_to_write_it() {
    let e = parse("max(robots * 1,5, 2)").unwrap_err();
    assert_eq!(e.pos, 15);
    let fixed = SyntaxProblem::DecimalComma {
        written: "1,5".into(),
        fixed: "1.5".into(),
    };
    assert_eq!(e.kind, FormulaErrorKind::Syntax(fixed));
    assert_eq!(
        e.message(Lang::Sv),
        "tecken 15: i min(…) och max(…) skiljer kommat argumenten åt, så 1,5 blev två tal: \
         skriv decimaltal med punkt där (1.5), eller skilj argumenten med semikolon \
         (min(1,5; 2))"
    );
    assert_eq!(
        e.message(Lang::En),
        "character 15: inside min(…) and max(…) a comma separates the arguments, so 1,5 \
         became two numbers: write decimals with a point there (1.5), or separate the \
         arguments with semicolons (min(1,5; 2))"
    );
    // Digits grouped other than in threes are two numbers in a row.
    for (src, pos) in [("12 34", 4), ("robots * 1000 000", 15)] {
        let e = parse(src).unwrap_err();
        assert_eq!(
            (e.pos, e.kind.clone()),
            (
                pos,
                FormulaErrorKind::Syntax(SyntaxProblem::NumberAfterNumber)
            ),
            "{src}"
        );
        assert!(e.message(Lang::Sv).contains("tre och tre (9 000"), "{e}");
        assert!(e.message(Lang::En).contains("in threes (9 000"), "{e}");
    }
}

#[test]
fn hostile_nesting_is_refused_not_a_stack_overflow() {
    let deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
    assert_eq!(
        err(&deep).kind,
        FormulaErrorKind::Syntax(SyntaxProblem::TooDeep)
    );
    let long = vec!["1"; 100_000].join(" + ");
    assert_eq!(
        err(&long).kind,
        FormulaErrorKind::Syntax(SyntaxProblem::TooDeep)
    );
    assert_eq!(err(&"-".repeat(100_000)).kind.code(), "formula_syntax");
    assert_eq!(ev(&vec!["1"; 200].join(" + ")), d("200"));
}

#[test]
fn messages_in_both_languages() {
    let e = err("1 + 2 * robot");
    assert_eq!(e.message(Lang::Sv), "tecken 9: okänd faktor \"robot\"");
    assert_eq!(e.message(Lang::En), "character 9: unknown input \"robot\"");
    assert_eq!(e.to_string(), e.message(Lang::En));
    assert_eq!(
        parse("robots *").unwrap_err().message(Lang::En),
        "character 9: expected a number, a name or \"(\" but the formula ends"
    );
    assert_eq!(
        parse("1 $").unwrap_err().message(Lang::Sv),
        "tecken 3: tecknet \"$\" kan inte användas i en formel"
    );
}

#[test]
fn explain_formats_values_and_operators() {
    let f = parse("robots * 730 - -share_2 + min(role.ssk_2, 1000.50) / (2)").unwrap();
    assert_eq!(
        f.explain(&env(), Lang::Sv).unwrap(),
        "10 × 730 − −0,25 + min(412,5 kr/h; 1 000,5) / (2)"
    );
    assert_eq!(
        f.explain(&env(), Lang::En).unwrap(),
        "10 × 730 − −0.25 + min(SEK 412.5/h, 1,000.5) / (2)"
    );
    let f = parse("2 - neg * (neg)").unwrap();
    assert_eq!(f.explain(&env(), Lang::En).unwrap(), "2 − (−5) × (−5)");
    let e = parse("robots * nope")
        .unwrap()
        .explain(&env(), Lang::Sv)
        .unwrap_err();
    assert_eq!((e.pos, e.kind.code()), (10, "unknown_input"));
    assert_eq!(explain_number(d("7300"), Lang::En), "7,300");
}

#[test]
fn plain_numbers_and_names() {
    assert_eq!(parse("-12.50").unwrap().as_number(), Some(d("-12.5")));
    assert_eq!(parse("42").unwrap().as_number(), Some(d("42")));
    assert_eq!(parse("robots").unwrap().as_number(), None);
    assert_eq!(parse("1 + 1").unwrap().as_number(), None);
    let f = parse("robots * robots + role.usk").unwrap();
    assert_eq!(f.source(), "robots * robots + role.usk");
    let names: Vec<usize> = f.names().into_iter().map(|(_, p)| p).collect();
    assert_eq!(names, vec![1, 10, 19]);
    assert_eq!(
        parse("role").unwrap().names(),
        vec![(Name::Input("role".into()), 1)]
    );
}
