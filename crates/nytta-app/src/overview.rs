//! The portfolio overview (*Översikt*) for the municipal leadership: counts per stage as a
//! funnel grouped by the development process's four steps, per department, per priority
//! basis, what decided and ongoing initiatives demand year by year against what they
//! return, and the hygiene lists. A pure aggregation over the store's summary columns and
//! portfolio figures ([`compute`]); every number carries the ids of the initiatives behind
//! it, so a view can show exactly those. Money and shares are decimals, written as strings
//! (money with 2 decimals, shares and hours with 6). docs/portfolio.md lists every key.

use std::collections::BTreeMap;

use nytta_core::date::parse_iso_date;
use nytta_core::document::{PriorityBasis, Stage};
use nytta_core::format::{money_json, ratio_json};
use nytta_store::valuation::code_of;
use nytta_store::{PortfolioRow, PortfolioSettings};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ctx::Ctx;
use crate::{AppError, Lang};

/// The development process's four steps and the stages in each, in process order. Nytta's
/// stages do not tell implementing apart from carrying out, so the third step has no stage
/// of its own: initiatives being implemented are counted under `in_progress`.
pub const STEPS: [(&str, &[&str]); 4] = [
    (
        "explore_decide",
        &[
            "idea",
            "development",
            "valued",
            "awaiting_decision",
            "rejected",
        ],
    ),
    ("start_carry_out", &["decided", "planning", "in_progress"]),
    ("implement_maintain", &[]),
    ("follow_up_evaluate", &["follow_up", "closed"]),
];

/// Stages whose initiatives are decided or ongoing: they make the demand on resources.
pub const ACTIVE: [&str; 3] = ["decided", "planning", "in_progress"];

/// A count with its share of the whole portfolio and the initiatives counted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Count {
    /// How many.
    pub count: usize,
    /// count ÷ all live initiatives (6 decimals; "0.000000" for an empty portfolio).
    pub share: String,
    /// The initiatives counted, in portfolio order.
    pub ids: Vec<i64>,
}

/// One stage of the funnel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StageCount {
    /// Stage code.
    pub stage: String,
    /// Its initiatives.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub count: Count,
}

/// One step of the development process.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Step {
    /// Step code (`explore_decide`, `start_carry_out`, `implement_maintain`,
    /// `follow_up_evaluate`).
    pub step: String,
    /// All its stages' initiatives.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub count: Count,
    /// Its stages in process order, each shown also when 0.
    pub stages: Vec<StageCount>,
}

/// A sum of money with the initiatives summed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Sum {
    /// The sum (2 decimals for money, 6 for hours and FTE).
    pub value: String,
    /// The initiatives summed.
    pub ids: Vec<i64>,
}

/// One department or municipal company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DepartmentRow {
    /// Its name as written in the initiatives.
    pub department: String,
    /// Its initiatives.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub count: Count,
    /// NPV, economic view, of its initiatives that are not rejected.
    pub npv_economic: Sum,
    /// NPV, budget view, of the same.
    pub npv_budget: Sum,
    /// One-off costs (resource need) of its decided and ongoing initiatives.
    pub one_off_costs: Sum,
    /// Freed hours a year of its decided and ongoing initiatives.
    pub freed_hours: Sum,
    /// The same in full-time equivalents.
    pub fte: Sum,
}

/// One priority basis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BasisRow {
    /// `legal`, `critical`, `efficiency`, or `null` for none given.
    pub basis: Option<String>,
    /// Its initiatives.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub count: Count,
    /// NPV, economic view, of its initiatives that are not rejected.
    pub npv_economic: Sum,
}

/// One calendar year of what decided and ongoing initiatives demand and return.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DemandYear {
    /// Calendar year.
    pub year: i32,
    /// One-off costs in the year.
    pub one_off: String,
    /// Recurring costs in the year.
    pub recurring: String,
    /// Benefits, economic view.
    pub benefits_economic: String,
    /// Benefits, budget view.
    pub benefits_budget: String,
    /// The initiatives with any cost or benefit in the year.
    pub ids: Vec<i64>,
}

/// Initiatives that need looking after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Hygiene {
    /// Without a valuation (no line valued in money); rejected ones left out.
    pub not_valued: Vec<i64>,
    /// Valued, not closed or rejected, with a valuation dated more than `stale_months`
    /// before today (undated: the day it was last saved).
    pub stale: Vec<i64>,
    /// Not rejected, past the earliest target date of an effect goal without a follow-up.
    pub follow_up_overdue: Vec<i64>,
    /// Valued, not rejected, a full valuation required but only a simplified one made (no
    /// effect goal, no risk, or no input with a range).
    pub full_required_simplified: Vec<i64>,
}

/// The whole overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Overview {
    /// The day the hygiene lists are reckoned from.
    pub today: String,
    /// The months after which a valuation counts as old.
    pub stale_months: u32,
    /// Every live initiative, in portfolio order.
    pub total: Count,
    /// How many of them are demo data.
    pub demo: usize,
    /// The funnel.
    pub steps: Vec<Step>,
    /// Per department, most initiatives first (ties by name).
    pub departments: Vec<DepartmentRow>,
    /// Per priority basis, strongest first, then none.
    pub bases: Vec<BasisRow>,
    /// The decided and ongoing initiatives' demand, year by year.
    pub demand: Vec<DemandYear>,
    /// The decided and ongoing initiatives.
    pub active: Count,
    /// Hygiene lists.
    pub hygiene: Hygiene,
}

fn share(n: usize, total: usize) -> String {
    if total == 0 {
        return ratio_json(Decimal::ZERO);
    }
    ratio_json(Decimal::from(n) / Decimal::from(total))
}

fn count(ids: Vec<i64>, total: usize) -> Count {
    Count {
        count: ids.len(),
        share: share(ids.len(), total),
        ids,
    }
}

fn money_sum<'a>(
    rows: impl Iterator<Item = &'a PortfolioRow>,
    f: impl Fn(&PortfolioRow) -> Decimal,
) -> Sum {
    let mut value = Decimal::ZERO;
    let mut ids = Vec::new();
    for r in rows {
        value += f(r);
        ids.push(r.summary.id);
    }
    Sum {
        value: money_json(value),
        ids,
    }
}

fn ratio_sum<'a>(
    rows: impl Iterator<Item = &'a PortfolioRow>,
    f: impl Fn(&PortfolioRow) -> Decimal,
) -> Sum {
    let mut value = Decimal::ZERO;
    let mut ids = Vec::new();
    for r in rows {
        value += f(r);
        ids.push(r.summary.id);
    }
    Sum {
        value: ratio_json(value),
        ids,
    }
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or(Decimal::ZERO)
}

/// The row's stage code.
pub fn stage_of(r: &PortfolioRow) -> String {
    code_of(&r.summary.summary.stage)
}

/// The row's priority basis code.
pub fn basis_of(r: &PortfolioRow) -> Option<String> {
    r.summary.summary.priority_basis.as_ref().map(code_of)
}

fn stale_before(today: &str, months: u32) -> Option<String> {
    let d = parse_iso_date(today)?;
    let back = d
        .checked_sub(jiff::Span::new().months(i64::from(months)))
        .ok()?;
    Some(back.to_string())
}

/// The overview of `rows` (in portfolio order) as of `today` (`YYYY-MM-DD`).
pub fn compute(rows: &[PortfolioRow], settings: &PortfolioSettings, today: &str) -> Overview {
    let total = rows.len();
    let stages: Vec<String> = rows.iter().map(stage_of).collect();
    let ids_where = |pred: &dyn Fn(usize) -> bool| -> Vec<i64> {
        (0..total)
            .filter(|&i| pred(i))
            .map(|i| rows[i].summary.id)
            .collect()
    };
    let steps = STEPS
        .iter()
        .map(|(step, in_step)| Step {
            step: (*step).to_string(),
            count: count(ids_where(&|i| in_step.contains(&stages[i].as_str())), total),
            stages: in_step
                .iter()
                .map(|s| StageCount {
                    stage: (*s).to_string(),
                    count: count(ids_where(&|i| stages[i] == *s), total),
                })
                .collect(),
        })
        .collect();

    let live = |i: usize| stages[i] != "rejected";
    let active = |i: usize| ACTIVE.contains(&stages[i].as_str());

    let mut by_dept: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        by_dept
            .entry(r.summary.summary.department.as_str())
            .or_default()
            .push(i);
    }
    let mut departments: Vec<DepartmentRow> = by_dept
        .into_iter()
        .map(|(name, idx)| {
            let pick = |pred: &dyn Fn(usize) -> bool| {
                idx.iter()
                    .copied()
                    .filter(|&i| pred(i))
                    .map(|i| &rows[i])
                    .collect::<Vec<_>>()
            };
            let not_rejected = pick(&live);
            let act = pick(&active);
            DepartmentRow {
                department: name.to_string(),
                count: count(idx.iter().map(|&i| rows[i].summary.id).collect(), total),
                npv_economic: money_sum(not_rejected.iter().copied(), |r| {
                    dec(&r.summary.summary.npv_economic)
                }),
                npv_budget: money_sum(not_rejected.iter().copied(), |r| {
                    dec(&r.summary.summary.npv_budget)
                }),
                one_off_costs: money_sum(act.iter().copied(), |r| r.figures.one_off_costs),
                freed_hours: ratio_sum(act.iter().copied(), |r| r.figures.freed_hours),
                fte: ratio_sum(act.iter().copied(), |r| r.figures.fte),
            }
        })
        .collect();
    departments.sort_by(|a, b| {
        b.count
            .count
            .cmp(&a.count.count)
            .then_with(|| a.department.cmp(&b.department))
    });

    let bases = [Some("legal"), Some("critical"), Some("efficiency"), None]
        .into_iter()
        .map(|b| {
            let idx: Vec<usize> = (0..total)
                .filter(|&i| basis_of(&rows[i]).as_deref() == b)
                .collect();
            BasisRow {
                basis: b.map(str::to_string),
                count: count(idx.iter().map(|&i| rows[i].summary.id).collect(), total),
                npv_economic: money_sum(idx.iter().filter(|&&i| live(i)).map(|&i| &rows[i]), |r| {
                    dec(&r.summary.summary.npv_economic)
                }),
            }
        })
        .collect();

    let mut years: BTreeMap<i32, (Decimal, Decimal, Decimal, Decimal, Vec<i64>)> = BTreeMap::new();
    for i in (0..total).filter(|&i| active(i)) {
        for y in &rows[i].figures.years {
            let e = years.entry(y.year).or_default();
            e.0 += y.one_off;
            e.1 += y.recurring;
            e.2 += y.benefits_economic;
            e.3 += y.benefits_budget;
            let any = [
                y.one_off,
                y.recurring,
                y.benefits_economic,
                y.benefits_budget,
            ]
            .iter()
            .any(|v| !v.is_zero());
            if any {
                e.4.push(rows[i].summary.id);
            }
        }
    }
    let demand = years
        .into_iter()
        .map(|(year, (o, r, be, bb, ids))| DemandYear {
            year,
            one_off: money_json(o),
            recurring: money_json(r),
            benefits_economic: money_json(be),
            benefits_budget: money_json(bb),
            ids,
        })
        .collect();

    let stale_limit = stale_before(today, settings.stale_months);
    let hygiene = Hygiene {
        not_valued: ids_where(&|i| live(i) && !rows[i].figures.valued),
        stale: ids_where(&|i| {
            let f = &rows[i].figures;
            let when = f
                .valuation_date
                .clone()
                .unwrap_or_else(|| rows[i].summary.updated_at.chars().take(10).collect());
            f.valued
                && live(i)
                && stages[i] != "closed"
                && stale_limit
                    .as_deref()
                    .is_some_and(|limit| when.as_str() < limit)
        }),
        follow_up_overdue: ids_where(&|i| {
            let f = &rows[i].figures;
            live(i) && f.follow_ups == 0 && f.follow_up_due.as_deref().is_some_and(|d| d < today)
        }),
        full_required_simplified: ids_where(&|i| {
            let f = &rows[i].figures;
            live(i) && f.valued && f.simplified && rows[i].summary.summary.full_valuation_required
        }),
    };

    Overview {
        today: today.to_string(),
        stale_months: settings.stale_months,
        total: count(rows.iter().map(|r| r.summary.id).collect(), total),
        demo: rows.iter().filter(|r| r.demo).count(),
        steps,
        departments,
        bases,
        demand,
        active: count(ids_where(&active), total),
        hygiene,
    }
}

/// The overview of the store as of `today`.
pub fn overview(ctx: &Ctx, today: &str) -> Result<Overview, AppError> {
    let mut store = ctx.store();
    let settings = store.portfolio_settings()?;
    let rows = store.portfolio()?;
    Ok(compute(&rows, &settings, today))
}

/// The portfolio settings.
pub fn settings(ctx: &Ctx) -> Result<PortfolioSettings, AppError> {
    Ok(ctx.store().portfolio_settings()?)
}

/// Saves the portfolio settings; the months must be at least 1 and the threshold between
/// 0 and 1.
pub fn save_settings(ctx: &Ctx, s: &PortfolioSettings) -> Result<(), AppError> {
    let mut problems = Vec::new();
    if s.stale_months == 0 {
        problems.push(nytta_core::DocError::invalid(
            "portfolio.stale_months",
            "Antalet månader ska vara minst 1",
            "The number of months must be at least 1",
        ));
    }
    if s.similarity_threshold <= Decimal::ZERO || s.similarity_threshold > Decimal::ONE {
        problems.push(nytta_core::DocError::invalid(
            "portfolio.similarity_threshold",
            "Tröskeln för liknande behov ska vara över 0 och högst 1",
            "The threshold for similar needs must be above 0 and at most 1",
        ));
    }
    if !problems.is_empty() {
        return Err(nytta_core::DocErrors(problems).into());
    }
    Ok(ctx.store().save_portfolio_settings(s, &ctx.now())?)
}

/// The name of a step of the development process.
pub fn step_name(lang: Lang, step: &str) -> &'static str {
    let (sv, en) = match step {
        "explore_decide" => ("Utforska och besluta", "Explore and decide"),
        "start_carry_out" => ("Starta och genomföra", "Start and carry out"),
        "implement_maintain" => ("Implementera och vidmakthålla", "Implement and maintain"),
        _ => ("Följa upp och utvärdera", "Follow up and evaluate"),
    };
    if lang == Lang::Sv {
        sv
    } else {
        en
    }
}

/// The name of a stage code.
pub fn stage_name(lang: Lang, code: &str) -> String {
    serde_json::from_value::<Stage>(serde_json::Value::String(code.into()))
        .map(|s| crate::text::stage(lang, s).to_string())
        .unwrap_or_else(|_| code.to_string())
}

/// The name of a priority basis code (`None`: none given).
pub fn basis_name(lang: Lang, code: Option<&str>) -> String {
    code.and_then(|c| {
        serde_json::from_value::<PriorityBasis>(serde_json::Value::String(c.into())).ok()
    })
    .map_or_else(
        || {
            if lang == Lang::Sv {
                "ingen angiven"
            } else {
                "none given"
            }
            .to_string()
        },
        |b| crate::text::priority_basis(lang, b).to_string(),
    )
}

/// The overview as readable text (sv-SE numbers by default), for the CLI.
pub fn text(o: &Overview, lang: Lang) -> String {
    use nytta_core::format::{kronor, number, percent};
    let sv = lang == Lang::Sv;
    let pct = |s: &str| percent(dec(s), 1, lang);
    let kr = |s: &str| kronor(dec(s), lang);
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(if sv {
        format!("Portföljöversikt {} – {} initiativ", o.today, o.total.count)
    } else {
        format!(
            "Portfolio overview {} – {} initiatives",
            o.today, o.total.count
        )
    });
    if o.demo > 0 {
        line(if sv {
            format!(
                "Varav {} demodata (ta bort med nytta db demo --remove)",
                o.demo
            )
        } else {
            format!(
                "Of which {} demo data (remove with nytta db demo --remove)",
                o.demo
            )
        });
    }
    line(String::new());
    line(if sv {
        "Utvecklingsprocessen".into()
    } else {
        "Development process".into()
    });
    for s in &o.steps {
        line(format!(
            "  {:<34}{:>6}  {:>7}",
            step_name(lang, &s.step),
            s.count.count,
            pct(&s.count.share)
        ));
        if s.stages.is_empty() {
            line(if sv {
                "    (inget eget steg i Nytta: räknas under genomförs)".into()
            } else {
                "    (no stage of its own in Nytta: counted under in progress)".into()
            });
        }
        for st in &s.stages {
            line(format!(
                "    {:<32}{:>6}  {:>7}",
                stage_name(lang, &st.stage),
                st.count.count,
                pct(&st.count.share)
            ));
        }
    }
    line(String::new());
    line(if sv {
        format!(
            "{:<44}{:>6}  {:>7}  {:>16}  {:>16}  {:>14}  {:>10}  {:>6}",
            "Förvaltning/bolag",
            "Antal",
            "Andel",
            "NPV ekonomisk",
            "NPV budget",
            "Engångskostn.",
            "Frigj. tim",
            "Åa"
        )
    } else {
        format!(
            "{:<44}{:>6}  {:>7}  {:>16}  {:>16}  {:>14}  {:>10}  {:>6}",
            "Department/company",
            "Count",
            "Share",
            "NPV economic",
            "NPV budget",
            "One-off costs",
            "Freed h",
            "FTE"
        )
    });
    for d in &o.departments {
        line(format!(
            "{:<44}{:>6}  {:>7}  {:>16}  {:>16}  {:>14}  {:>10}  {:>6}",
            d.department,
            d.count.count,
            pct(&d.count.share),
            kr(&d.npv_economic.value),
            kr(&d.npv_budget.value),
            kr(&d.one_off_costs.value),
            number(dec(&d.freed_hours.value), 0, lang),
            number(dec(&d.fte.value), 1, lang),
        ));
    }
    line(if sv {
        "  (NPV: alla utom avslagna; engångskostnader och frigjord tid: beslutade och pågående)"
            .into()
    } else {
        "  (NPV: all but rejected; one-off costs and freed time: decided and ongoing)".into()
    });
    line(String::new());
    line(if sv {
        "Prioriteringsgrund".into()
    } else {
        "Priority basis".into()
    });
    for b in &o.bases {
        line(format!(
            "  {:<32}{:>6}  {:>7}  {:>16}",
            basis_name(lang, b.basis.as_deref()),
            b.count.count,
            pct(&b.count.share),
            kr(&b.npv_economic.value)
        ));
    }
    line(String::new());
    line(if sv {
        format!(
            "Beslutade och pågående ({} initiativ) per år: kostnader mot nyttor",
            o.active.count
        )
    } else {
        format!(
            "Decided and ongoing ({} initiatives) per year: costs against benefits",
            o.active.count
        )
    });
    line(if sv {
        format!(
            "  {:<6}{:>16}{:>16}{:>18}{:>16}",
            "År", "Engångs", "Löpande", "Nytta ekonomisk", "Nytta budget"
        )
    } else {
        format!(
            "  {:<6}{:>16}{:>16}{:>18}{:>16}",
            "Year", "One-off", "Recurring", "Benefit economic", "Benefit budget"
        )
    });
    for y in &o.demand {
        line(format!(
            "  {:<6}{:>16}{:>16}{:>18}{:>16}",
            y.year,
            kr(&y.one_off),
            kr(&y.recurring),
            kr(&y.benefits_economic),
            kr(&y.benefits_budget)
        ));
    }
    line(String::new());
    let ids = |v: &[i64]| {
        if v.is_empty() {
            "–".to_string()
        } else {
            v.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
        }
    };
    let h = &o.hygiene;
    let lists: [(&str, &str, &[i64]); 4] = [
        ("Utan nyttovärdering", "Without a valuation", &h.not_valued),
        ("Nyttovärdering äldre än", "Valuation older than", &h.stale),
        (
            "Uppföljning försenad",
            "Follow-up overdue",
            &h.follow_up_overdue,
        ),
        (
            "Fördjupad krävs, bara förenklad gjord",
            "Full valuation required, only simplified",
            &h.full_required_simplified,
        ),
    ];
    line(if sv {
        "Att åtgärda (id)".into()
    } else {
        "To look after (ids)".into()
    });
    for (i, (s, e, v)) in lists.iter().enumerate() {
        let mut name = if sv { s.to_string() } else { e.to_string() };
        if i == 1 {
            name = if sv {
                format!("{name} {} månader", o.stale_months)
            } else {
                format!("{name} {} months", o.stale_months)
            };
        }
        line(format!("  {name} ({}): {}", v.len(), ids(v)));
    }
    out
}

/// The hand-computed five-initiative portfolio the overview's figures are pinned on; other
/// modules' tests (the portfolio report's charts) read it too.
#[cfg(test)]
pub(crate) mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use nytta_store::{InitiativeSummary, PortfolioFigures};
    use serde_json::json;

    use super::*;

    /// One row: the summary columns as the store writes them, and the figures.
    fn row(
        id: i64,
        dept: &str,
        stage: &str,
        basis: Option<&str>,
        npv: (&str, &str),
    ) -> PortfolioRow {
        let summary: InitiativeSummary = serde_json::from_value(json!({
            "id": id, "example": false, "current_version_id": id, "current_version_number": 1,
            "status": "draft", "updated_at": "2025-05-01T08:00:00Z", "has_working_copy": false,
            "demo": false, "title": format!("Initiativ {id}"), "department": dept,
            "stage": stage, "priority_basis": basis, "tags": [], "effect": 1,
            "feasibility": null, "financing": null, "resource_need": 1, "priority": null,
            "full_valuation_required": false, "npv_economic": npv.0, "npv_budget": npv.1,
            "payback_economic": null, "payback_budget": null
        }))
        .unwrap();
        PortfolioRow {
            summary,
            demo: false,
            figures: PortfolioFigures {
                valued: true,
                years: vec![],
                one_off_costs: Decimal::ZERO,
                freed_hours: Decimal::ZERO,
                fte: Decimal::ZERO,
                valuation_date: None,
                simplified: false,
                follow_ups: 0,
                last_follow_up: None,
                follow_up_due: None,
                owner: String::new(),
                description: String::new(),
                needs: String::new(),
                needs_parts: vec![],
            },
        }
    }

    pub(crate) fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn year(y: i32, v: [&str; 4]) -> nytta_store::portfolio::YearDemand {
        nytta_store::portfolio::YearDemand {
            year: y,
            one_off: d(v[0]),
            recurring: d(v[1]),
            benefits_economic: d(v[2]),
            benefits_budget: d(v[3]),
            staff_hours: Decimal::ZERO,
        }
    }

    /// Five initiatives, in portfolio order 5, 1, 2, 3, 4:
    /// 1 Omsorg, valued, law, NPV 1 000 / −200, valued 2023-01-01, full valuation required
    ///   but simplified.
    /// 2 Omsorg, in progress, critical, NPV 500,50 / 100, one-off 300, 170 h = 0,1 FTE;
    ///   2024: one-off 300; 2025: recurring 50, benefits 400 / 100; valued 2024-05-01;
    ///   effect goal due 2025-01-01, no follow-up.
    /// 3 AoV, decided, no basis, NPV −100 / −100, one-off 1 000; 2025: one-off 1 000;
    ///   2026: recurring 20, benefits 300 / 300; undated, saved 2025-05-01; due 2026-01-01.
    /// 4 AoV, idea, efficiency, not valued, NPV 0 / 0.
    /// 5 AoV, rejected, law, NPV 9 999 / 9 999, valued 2020-01-01, due 2021-01-01.
    fn portfolio() -> Vec<PortfolioRow> {
        let mut r1 = row(1, "Omsorg", "valued", Some("legal"), ("1000.00", "-200.00"));
        r1.figures.valuation_date = Some("2023-01-01".into());
        r1.summary.summary.full_valuation_required = true;
        r1.figures.simplified = true;
        let mut r2 = row(
            2,
            "Omsorg",
            "in_progress",
            Some("critical"),
            ("500.50", "100.00"),
        );
        r2.figures.one_off_costs = d("300");
        r2.figures.freed_hours = d("170");
        r2.figures.fte = d("0.1");
        r2.figures.years = vec![
            year(2024, ["300", "0", "0", "0"]),
            year(2025, ["0", "50", "400", "100"]),
        ];
        r2.figures.valuation_date = Some("2024-05-01".into());
        r2.figures.follow_up_due = Some("2025-01-01".into());
        let mut r3 = row(3, "AoV", "decided", None, ("-100.00", "-100.00"));
        r3.figures.one_off_costs = d("1000");
        r3.figures.years = vec![
            year(2025, ["1000", "0", "0", "0"]),
            year(2026, ["0", "20", "300", "300"]),
        ];
        r3.figures.follow_up_due = Some("2026-01-01".into());
        let mut r4 = row(4, "AoV", "idea", Some("efficiency"), ("0.00", "0.00"));
        r4.figures.valued = false;
        let mut r5 = row(5, "AoV", "rejected", Some("legal"), ("9999.00", "9999.00"));
        r5.figures.valuation_date = Some("2020-01-01".into());
        r5.figures.follow_up_due = Some("2021-01-01".into());
        r5.figures.simplified = true;
        r5.summary.summary.full_valuation_required = true;
        vec![r5, r1, r2, r3, r4]
    }

    pub(crate) fn ov() -> Overview {
        let settings = PortfolioSettings {
            stale_months: 24,
            similarity_threshold: d("0.3"),
        };
        compute(&portfolio(), &settings, "2025-06-01")
    }

    #[test]
    fn the_funnel_counts_each_stage_in_its_step_with_its_share() {
        let o = ov();
        assert_eq!(o.total.count, 5);
        assert_eq!(o.total.ids, [5, 1, 2, 3, 4]);
        let steps: Vec<_> = o
            .steps
            .iter()
            .map(|s| {
                (
                    s.step.as_str(),
                    s.count.count,
                    s.count.share.as_str(),
                    s.count.ids.clone(),
                )
            })
            .collect();
        // Explore and decide: idea 4, valued 1, rejected 5 → 3 of 5 = 0,6.
        // Start and carry out: decided 3, in progress 2 → 2 of 5 = 0,4.
        assert_eq!(
            steps,
            [
                ("explore_decide", 3, "0.600000", vec![5, 1, 4]),
                ("start_carry_out", 2, "0.400000", vec![2, 3]),
                ("implement_maintain", 0, "0.000000", vec![]),
                ("follow_up_evaluate", 0, "0.000000", vec![]),
            ]
        );
        // Every stage is listed, also with 0.
        let first: Vec<_> = o.steps[0]
            .stages
            .iter()
            .map(|s| (s.stage.as_str(), s.count.count))
            .collect();
        assert_eq!(
            first,
            [
                ("idea", 1),
                ("development", 0),
                ("valued", 1),
                ("awaiting_decision", 0),
                ("rejected", 1)
            ]
        );
        assert_eq!(o.steps[0].stages[0].count.share, "0.200000");
        assert_eq!(o.active.ids, [2, 3]);
    }

    #[test]
    fn departments_sum_npv_of_all_but_rejected_and_resources_of_decided_and_ongoing() {
        let o = ov();
        let aov = &o.departments[0];
        assert_eq!(aov.department, "AoV");
        assert_eq!((aov.count.count, aov.count.share.as_str()), (3, "0.600000"));
        assert_eq!(aov.count.ids, [5, 3, 4]);
        // NPV of 3 and 4 (5 is rejected): −100 + 0.
        assert_eq!(aov.npv_economic.value, "-100.00");
        assert_eq!(aov.npv_economic.ids, [3, 4]);
        assert_eq!(aov.npv_budget.value, "-100.00");
        // Decided and ongoing: only 3, one-off 1 000, no freed time.
        assert_eq!(aov.one_off_costs.value, "1000.00");
        assert_eq!(aov.one_off_costs.ids, [3]);
        assert_eq!(aov.freed_hours.value, "0.000000");
        let om = &o.departments[1];
        assert_eq!(om.department, "Omsorg");
        assert_eq!((om.count.count, om.count.share.as_str()), (2, "0.400000"));
        // 1 000 + 500,50 = 1 500,50; budget −200 + 100 = −100.
        assert_eq!(om.npv_economic.value, "1500.50");
        assert_eq!(om.npv_budget.value, "-100.00");
        // Only 2 is ongoing: 300 kr, 170 h, 0,1 FTE.
        assert_eq!(om.one_off_costs.value, "300.00");
        assert_eq!(om.one_off_costs.ids, [2]);
        assert_eq!(om.freed_hours.value, "170.000000");
        assert_eq!(om.fte.value, "0.100000");
    }

    #[test]
    fn bases_count_strongest_first_then_none() {
        let o = ov();
        let b: Vec<_> = o
            .bases
            .iter()
            .map(|b| {
                (
                    b.basis.as_deref(),
                    b.count.ids.clone(),
                    b.count.share.as_str(),
                    b.npv_economic.value.as_str(),
                )
            })
            .collect();
        // Law: 5 and 1 (NPV of 1 only, 5 is rejected); critical 2; efficiency 4; none 3.
        assert_eq!(
            b,
            [
                (Some("legal"), vec![5, 1], "0.400000", "1000.00"),
                (Some("critical"), vec![2], "0.200000", "500.50"),
                (Some("efficiency"), vec![4], "0.200000", "0.00"),
                (None, vec![3], "0.200000", "-100.00"),
            ]
        );
    }

    #[test]
    fn demand_adds_decided_and_ongoing_year_by_year() {
        let o = ov();
        let y: Vec<_> = o
            .demand
            .iter()
            .map(|y| {
                (
                    y.year,
                    y.one_off.as_str(),
                    y.recurring.as_str(),
                    y.benefits_economic.as_str(),
                    y.benefits_budget.as_str(),
                    y.ids.clone(),
                )
            })
            .collect();
        // 2024: 2's one-off 300. 2025: 3's one-off 1 000; 2's recurring 50 and benefits
        // 400 / 100. 2026: 3's recurring 20 and benefits 300 / 300.
        assert_eq!(
            y,
            [
                (2024, "300.00", "0.00", "0.00", "0.00", vec![2]),
                (2025, "1000.00", "50.00", "400.00", "100.00", vec![2, 3]),
                (2026, "0.00", "20.00", "300.00", "300.00", vec![3]),
            ]
        );
    }

    #[test]
    fn hygiene_lists_leave_rejected_initiatives_out() {
        let o = ov();
        // Not valued: 4. Older than 24 months before 2025-06-01 (2023-06-01): 1 (2023-01-01);
        // 2 (2024-05-01) and 3 (saved 2025-05-01) are recent; 5 is rejected.
        // Past due without follow-up: 2 (2025-01-01); 3 is due 2026. Full required but
        // simplified: 1.
        assert_eq!(
            o.hygiene,
            Hygiene {
                not_valued: vec![4],
                stale: vec![1],
                follow_up_overdue: vec![2],
                full_required_simplified: vec![1],
            }
        );
        // With 12 months (limit 2024-06-01) 2 is old too.
        let s = PortfolioSettings {
            stale_months: 12,
            similarity_threshold: d("0.3"),
        };
        assert_eq!(
            compute(&portfolio(), &s, "2025-06-01").hygiene.stale,
            [1, 2]
        );
    }
}
