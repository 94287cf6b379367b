//! What the business case, its appendix and the follow-up report share: figures written the
//! way the reports show them, the version label and the version's own status and decision,
//! a capitalised first letter.

use nytta_core::case::{Figures, RateUndefined};
use nytta_core::document::ValuationStatus;
use nytta_core::format;
use nytta_core::{labels, Lang, Model};
use rust_decimal::Decimal;

use crate::layout::{Align, Cell, Column};
use crate::text::{self, fill, Tr};

/// The version label and date, e.g. "Beslutsunderlag 2021-03-01".
pub(crate) fn version(model: &Model) -> String {
    let v = &model.doc.valuation;
    format!("{} {}", v.label, v.date.as_deref().unwrap_or_default())
        .trim()
        .to_string()
}

/// The text with its first letter upper-case ("risk" → "Risk").
pub(crate) fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// "Calculation: …" for a line's explanation (the engine explains only amounts that are
/// calculated, never a plain amount as itself).
pub(crate) fn calculation(explain: &str, lang: Lang) -> String {
    text::fill(text::CALCULATION.get(lang), &[("explain", explain)])
}

/// Whole kronor.
pub(crate) fn kr(d: Decimal, lang: Lang) -> String {
    format::kronor(d, lang)
}

/// Payback in years, or "not within the analysis period" — never a number when there is none.
pub(crate) fn years_or(v: Option<Decimal>, lang: Lang) -> String {
    v.map_or_else(
        || text::NOT_WITHIN.get(lang).to_string(),
        |y| format::years(y, lang),
    )
}

/// A view's payback in years, or why there is none: "cannot be computed: no costs" when the
/// view has no costs (the engine gives it no payback), otherwise "not within the analysis
/// period" — the key figure's words in the app.
pub(crate) fn payback_or(v: Option<Decimal>, total_costs: Decimal, lang: Lang) -> String {
    match v {
        None if total_costs.is_zero() => text::NO_COSTS.get(lang).to_string(),
        v => years_or(v, lang),
    }
}

/// A percentage with one decimal, or "none".
pub(crate) fn pct_or(v: Option<Decimal>, lang: Lang) -> String {
    v.map_or_else(
        || text::NONE.get(lang).to_string(),
        |r| format::percent(r, 1, lang),
    )
}

/// "Not defined – the net is negative every year": a rate of return that does not exist,
/// with the engine's reason.
fn undefined(why: Option<RateUndefined>, lang: Lang) -> String {
    let why = labels::rate_undefined(lang, why.unwrap_or(RateUndefined::NoRate));
    fill(text::UNDEFINED.get(lang), &[("why", why)])
}

/// An internal rate of return (`> 1 000 %` above the largest written), every root when
/// there are several, or why there is none.
pub(crate) fn irr_or(f: &Figures, lang: Lang) -> String {
    if f.irr_roots.len() > 1 {
        let roots: Vec<String> = f.irr_roots.iter().map(|r| format::irr(*r, lang)).collect();
        return format!("{}: {}", text::SEVERAL_IRR.get(lang), roots.join("; "));
    }
    f.irr.map_or_else(
        || undefined(f.irr_undefined, lang),
        |r| format::irr(r, lang),
    )
}

/// The modified internal rate of return with one decimal, or why there is none.
pub(crate) fn mirr_or(f: &Figures, lang: Lang) -> String {
    f.mirr.map_or_else(
        || undefined(f.mirr_undefined, lang),
        |r| format::percent(r, 1, lang),
    )
}

/// A ratio with two decimals, or "none".
pub(crate) fn ratio_or(v: Option<Decimal>, lang: Lang) -> String {
    v.map_or_else(
        || text::NONE.get(lang).to_string(),
        |r| format::number(r, 2, lang),
    )
}

/// The key figures of two columns (e.g. economic and budget, or decided and realised).
pub(crate) fn figure_rows(a: &Figures, b: &Figures, lang: Lang) -> Vec<Vec<Cell>> {
    let rows: Vec<(Tr, String, String)> = vec![
        (text::NPV, kr(a.npv, lang), kr(b.npv, lang)),
        (
            text::PAYBACK,
            payback_or(a.payback_years, a.total_costs, lang),
            payback_or(b.payback_years, b.total_costs, lang),
        ),
        (
            text::DISC_PAYBACK,
            payback_or(a.discounted_payback_years, a.total_costs, lang),
            payback_or(b.discounted_payback_years, b.total_costs, lang),
        ),
        (
            text::PV_BENEFITS,
            kr(a.pv_benefits, lang),
            kr(b.pv_benefits, lang),
        ),
        (text::PV_COSTS, kr(a.pv_costs, lang), kr(b.pv_costs, lang)),
        (text::ROI, pct_or(a.roi, lang), pct_or(b.roi, lang)),
        (
            text::BCR,
            ratio_or(a.benefit_cost_ratio, lang),
            ratio_or(b.benefit_cost_ratio, lang),
        ),
        (text::IRR, irr_or(a, lang), irr_or(b, lang)),
        (text::MIRR, mirr_or(a, lang), mirr_or(b, lang)),
        (
            text::TOTAL_BENEFITS,
            kr(a.total_benefits, lang),
            kr(b.total_benefits, lang),
        ),
        (
            text::TOTAL_COSTS,
            kr(a.total_costs, lang),
            kr(b.total_costs, lang),
        ),
    ];
    rows.into_iter()
        .map(|(label, x, y)| vec![Cell::text(label.get(lang)), Cell::text(x), Cell::text(y)])
        .collect()
}

/// Columns of a label and two figures.
pub(crate) const FIGURE_COLUMNS: [Column; 3] = [
    Column(0.4, Align::Left),
    Column(0.3, Align::Right),
    Column(0.3, Align::Right),
];

/// The version's own label, status, date and deciding body ("Beslutsunderlag, beslutad
/// 2021-03-01 av Nämnden"): what this document was when it was written, not the stage the
/// initiative has reached since. One row says both the version and its decision.
pub(crate) fn version_status(model: &Model, lang: Lang) -> String {
    let v = &model.doc.valuation;
    let status = match v.status {
        ValuationStatus::Decided => text::STATUS_DECIDED,
        ValuationStatus::Draft => text::STATUS_DRAFT,
    };
    let status = fill(
        status.get(lang),
        &[("date", v.date.as_deref().unwrap_or_default())],
    );
    let by = (v.status == ValuationStatus::Decided && !v.decided_by.trim().is_empty())
        .then(|| fill(text::DECIDED_BY.get(lang), &[("body", v.decided_by.trim())]));
    let status = [Some(status.trim().to_string()), by]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    [v.label.trim(), status.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}
