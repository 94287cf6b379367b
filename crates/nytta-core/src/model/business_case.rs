//! The checks of the decision material: `valuation.case` (dates, option ids and figures,
//! funding years and amounts, the contract length) and the lines' links into it (a benefit
//! owner on benefit lines only, an effect goal that exists).

use std::collections::HashSet;

use rust_decimal::Decimal;

use super::{check_ids, Problems};
use crate::date::is_iso_date;
use crate::document::{Side, Valuation};
use crate::error::{DocError, ErrorKind};
use crate::format::{kronor, Lang};
use crate::num::MAX_LINE_AMOUNT;

fn date(p: &mut Problems, path: String, d: Option<&String>) {
    if d.is_some_and(|d| !is_iso_date(d)) {
        p.invalid(
            path,
            "ska vara ett datum ÅÅÅÅ-MM-DD",
            "must be a date YYYY-MM-DD",
        );
    }
}

/// An amount in kronor: not negative and at most [`MAX_LINE_AMOUNT`], so that an option's
/// present value over the period always fits a decimal.
fn amount(p: &mut Problems, path: String, v: Decimal) {
    if v < Decimal::ZERO || v > MAX_LINE_AMOUNT {
        p.push(DocError::invalid(
            path,
            format!(
                "beloppet ska vara mellan 0 kr och {}, inte {v}",
                kronor(MAX_LINE_AMOUNT, Lang::Sv)
            ),
            format!(
                "the amount must be between SEK 0 and {}, not {v}",
                kronor(MAX_LINE_AMOUNT, Lang::En)
            ),
        ));
    }
}

/// `valuation.case` checked against the analysis period 0..`years`.
pub(super) fn check_case(p: &mut Problems, v: &Valuation, years: u32) {
    let Some(c) = &v.case else {
        return;
    };
    let base = "valuation.case";
    date(
        p,
        format!("{base}.decision.start"),
        c.decision.start.as_ref(),
    );
    check_ids(
        p,
        &format!("{base}.options"),
        c.options.iter().map(|o| o.id.as_str()),
    );
    for (i, o) in c.options.iter().enumerate() {
        for (field, value) in [
            ("one_off_cost", o.one_off_cost),
            ("yearly_cost", o.yearly_cost),
            ("yearly_benefit", o.yearly_benefit),
        ] {
            if let Some(value) = value {
                amount(p, format!("{base}.options[{i}].{field}"), value.get());
            }
        }
    }
    for (i, f) in c.financial.funding.iter().enumerate() {
        if let Some(y) = f.year {
            if y > years {
                p.push(DocError::invalid(
                    format!("{base}.financial.funding[{i}].year"),
                    format!("året ska ligga inom kalkylperioden 0–{years}"),
                    format!("the year must lie within the analysis period 0–{years}"),
                ));
            }
        }
        if let Some(a) = f.amount {
            amount(p, format!("{base}.financial.funding[{i}].amount"), a.get());
        }
    }
    for (i, m) in c.management.milestones.iter().enumerate() {
        date(
            p,
            format!("{base}.management.milestones[{i}].date"),
            m.date.as_ref(),
        );
    }
    for (i, f) in c.management.follow_up_plan.iter().enumerate() {
        date(
            p,
            format!("{base}.management.follow_up_plan[{i}].date"),
            f.date.as_ref(),
        );
    }
    if let Some(y) = c.commercial.contract_years {
        if y.get() <= Decimal::ZERO {
            p.invalid(
                format!("{base}.commercial.contract_years"),
                "avtalstiden ska vara fler än 0 år",
                "the contract length must be more than 0 years",
            );
        }
    }
}

/// Each line's benefit owner (benefit lines only) and effect goal (an existing goal's id).
pub(super) fn check_line_links(p: &mut Problems, v: &Valuation) {
    let goals: HashSet<&str> = v.effect_goals.iter().map(|g| g.id.as_str()).collect();
    for (i, l) in v.lines.iter().enumerate() {
        let path = format!("valuation.lines[{i}]");
        if l.side == Side::Cost && !l.benefit_owner.is_empty() {
            p.invalid(
                format!("{path}.benefit_owner"),
                "nyttoägare gäller nyttor; en kostnadsrad har ingen nyttoägare",
                "a benefit owner applies to benefits; a cost line has none",
            );
        }
        if !l.effect_goal.is_empty() && !goals.contains(l.effect_goal.as_str()) {
            p.push(DocError::new(
                format!("{path}.effect_goal"),
                ErrorKind::UnknownRef {
                    what: "effect_goal",
                    id: l.effect_goal.clone(),
                },
            ));
        }
    }
}
