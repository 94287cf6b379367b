//! Prioritisation (*Prioritering*): initiatives in the portfolio's order — priority basis
//! (law, critical societal function, internal efficiency, none), then priority score, then
//! economic NPV, as the store lists them (docs/scores.md); the order is the store's, never
//! repeated here or in the UI — with their 1/3/5 profile and key figures, and a capacity
//! line: with a budget per year, staff capacity in hours per year, or both, the initiatives
//! that fit, taken strictly in priority order. An initiative's staff hours are those its cost
//! lines in time form ask for (minutes × occurrences of a role, e.g. project time), year by
//! year as nytta-store's portfolio figures give them.

use std::collections::BTreeMap;

use nytta_core::format::{money_json, ratio_json};
use nytta_store::PortfolioRow;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ctx::Ctx;
use crate::overview::{basis_of, stage_of};
use crate::AppError;

/// Which initiatives to rank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PriorityFilter {
    /// Stage codes to include; empty: every stage.
    pub stages: Vec<String>,
    /// Department to include; `None`: all.
    pub department: Option<String>,
    /// Budget per calendar year (kr) for the capacity line; `None`: no line.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub budget_per_year: Option<Decimal>,
    /// Staff capacity in hours per calendar year for the capacity line; `None`: no limit.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub hours_per_year: Option<Decimal>,
}

impl Default for PriorityFilter {
    fn default() -> Self {
        PriorityFilter {
            stages: vec!["awaiting_decision".into()],
            department: None,
            budget_per_year: None,
            hours_per_year: None,
        }
    }
}

/// One ranked initiative.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Ranked {
    /// 1 for the first.
    pub rank: usize,
    /// Initiative id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Department.
    pub department: String,
    /// Stage code.
    pub stage: String,
    /// Priority basis code.
    pub basis: Option<String>,
    /// Potential effect (1/3/5).
    pub effect: u8,
    /// Feasibility, if scored.
    pub feasibility: Option<u8>,
    /// Financing, if scored.
    pub financing: Option<u8>,
    /// Resource need (1/3/5).
    pub resource_need: u8,
    /// Priority score (6 decimals), if scored.
    pub priority: Option<String>,
    /// NPV, economic view.
    pub npv_economic: String,
    /// NPV, budget view.
    pub npv_budget: String,
    /// One-off costs (resource need, kr).
    pub one_off_costs: String,
    /// Freed hours a year.
    pub freed_hours: String,
    /// Its costs (one-off and recurring) in its costliest year.
    pub peak_year_cost: String,
    /// The staff hours its cost lines in time form ask for in its busiest year (6 decimals).
    pub peak_year_hours: String,
    /// Within the budget and the staff capacity per year, taken in priority order; `None`
    /// without either.
    pub fits: Option<bool>,
}

/// The ranking and its capacity line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Priorities {
    /// The filter used.
    pub filter: PriorityFilter,
    /// In priority order.
    pub ranked: Vec<Ranked>,
    /// How many fit the budget and the staff capacity (the capacity line lies after that
    /// many); `None` without either.
    pub fit_count: Option<usize>,
    /// Per year: the costs of those that fit (`year`, `costs`).
    pub fit_costs: Vec<YearCost>,
    /// Per year with any: the staff hours of those that fit (`year`, `hours`).
    pub fit_hours: Vec<YearHours>,
    /// How many of the ranked initiatives have no cost line in time form, so ask for no
    /// staff hours as far as their valuation says.
    pub without_staff_hours: usize,
}

/// Staff hours of one calendar year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct YearHours {
    /// Calendar year.
    pub year: i32,
    /// Hours (6 decimals).
    pub hours: String,
}

/// Costs of one calendar year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct YearCost {
    /// Calendar year.
    pub year: i32,
    /// One-off and recurring costs (kr).
    pub costs: String,
}

fn year_costs(r: &PortfolioRow) -> BTreeMap<i32, Decimal> {
    r.figures
        .years
        .iter()
        .map(|y| (y.year, y.one_off + y.recurring))
        .collect()
}

fn year_hours(r: &PortfolioRow) -> BTreeMap<i32, Decimal> {
    r.figures
        .years
        .iter()
        .map(|y| (y.year, y.staff_hours))
        .collect()
}

/// Whether `demand` added to `used` stays within `limit` in every year.
fn within(used: &BTreeMap<i32, Decimal>, demand: &BTreeMap<i32, Decimal>, limit: Decimal) -> bool {
    demand
        .iter()
        .all(|(y, c)| used.get(y).copied().unwrap_or_default() + c <= limit)
}

fn add(used: &mut BTreeMap<i32, Decimal>, demand: &BTreeMap<i32, Decimal>) {
    for (y, c) in demand {
        *used.entry(*y).or_default() += c;
    }
}

/// Ranks `rows` (already in portfolio order) by `filter`.
pub fn rank(rows: &[PortfolioRow], filter: &PriorityFilter) -> Priorities {
    let chosen: Vec<&PortfolioRow> = rows
        .iter()
        .filter(|r| filter.stages.is_empty() || filter.stages.contains(&stage_of(r)))
        .filter(|r| {
            filter
                .department
                .as_ref()
                .is_none_or(|d| *d == r.summary.summary.department)
        })
        .collect();
    let limited = filter.budget_per_year.is_some() || filter.hours_per_year.is_some();
    let mut used: BTreeMap<i32, Decimal> = BTreeMap::new();
    let mut used_hours: BTreeMap<i32, Decimal> = BTreeMap::new();
    let mut open = true;
    let mut fit_count = 0;
    let ranked = chosen
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let costs = year_costs(r);
            let hours = year_hours(r);
            let fits = limited.then(|| {
                let ok = open
                    && filter
                        .budget_per_year
                        .is_none_or(|b| within(&used, &costs, b))
                    && filter
                        .hours_per_year
                        .is_none_or(|h| within(&used_hours, &hours, h));
                if ok {
                    add(&mut used, &costs);
                    add(&mut used_hours, &hours);
                    fit_count += 1;
                } else {
                    open = false;
                }
                ok
            });
            let s = &r.summary.summary;
            Ranked {
                rank: i + 1,
                id: r.summary.id,
                title: s.title.clone(),
                department: s.department.clone(),
                stage: stage_of(r),
                basis: basis_of(r),
                effect: s.effect,
                feasibility: s.feasibility,
                financing: s.financing,
                resource_need: s.resource_need,
                priority: s.priority.clone(),
                npv_economic: s.npv_economic.clone(),
                npv_budget: s.npv_budget.clone(),
                one_off_costs: money_json(r.figures.one_off_costs),
                freed_hours: ratio_json(r.figures.freed_hours),
                peak_year_cost: money_json(costs.values().copied().max().unwrap_or_default()),
                peak_year_hours: ratio_json(hours.values().copied().max().unwrap_or_default()),
                fits,
            }
        })
        .collect();
    Priorities {
        filter: filter.clone(),
        ranked,
        fit_count: limited.then_some(fit_count),
        fit_costs: used
            .into_iter()
            .map(|(year, c)| YearCost {
                year,
                costs: money_json(c),
            })
            .collect(),
        fit_hours: used_hours
            .into_iter()
            .filter(|(_, h)| !h.is_zero())
            .map(|(year, h)| YearHours {
                year,
                hours: ratio_json(h),
            })
            .collect(),
        without_staff_hours: chosen
            .iter()
            .filter(|r| r.figures.years.iter().all(|y| y.staff_hours.is_zero()))
            .count(),
    }
}

/// The store's initiatives ranked by `filter`.
pub fn priorities(ctx: &Ctx, filter: &PriorityFilter) -> Result<Priorities, AppError> {
    if filter.budget_per_year.is_some_and(|b| b < Decimal::ZERO) {
        return Err(nytta_core::DocErrors(vec![nytta_core::DocError::invalid(
            "budget_per_year",
            "budgeten per år får inte vara negativ",
            "the budget per year must not be negative",
        )])
        .into());
    }
    if filter.hours_per_year.is_some_and(|h| h < Decimal::ZERO) {
        return Err(nytta_core::DocErrors(vec![nytta_core::DocError::invalid(
            "hours_per_year",
            "personalkapaciteten per år får inte vara negativ",
            "the staff capacity per year must not be negative",
        )])
        .into());
    }
    let rows = ctx.store().portfolio()?;
    Ok(rank(&rows, filter))
}

/// The bubble chart's points: the ranked initiatives with a feasibility score, in order.
pub fn bubbles_of(p: &Priorities) -> Vec<nytta_report::charts::Bubble> {
    p.ranked
        .iter()
        .filter_map(|r| {
            Some(nytta_report::charts::Bubble {
                department: r.department.clone(),
                effect: r.effect,
                feasibility: r.feasibility?,
                npv: r.npv_economic.parse().unwrap_or_default(),
            })
        })
        .collect()
}

/// The bubble chart of the ranked initiatives with a feasibility score (effect against
/// feasibility, area by economic NPV, colour by department) as SVG text.
pub fn bubble_svg(p: &Priorities, lang: crate::Lang) -> Result<String, AppError> {
    nytta_report::charts::bubble_svg(&bubbles_of(p), lang).map_err(crate::report::report_error)
}

/// The store's initiatives chosen by `filter` as the bubble chart.
pub fn bubbles(ctx: &Ctx, filter: &PriorityFilter, lang: crate::Lang) -> Result<String, AppError> {
    bubble_svg(&priorities(ctx, filter)?, lang)
}

/// A budget as the user types it (`2 000 000` or `2000000,50`).
pub fn parse_budget(text: &str) -> Result<Decimal, AppError> {
    nytta_core::format::parse_user_number(text)
        .filter(|b| *b >= Decimal::ZERO)
        .ok_or_else(|| {
            nytta_core::DocErrors(vec![nytta_core::DocError::invalid(
                "budget_per_year",
                "budgeten per år ska vara ett belopp i kronor, 0 eller mer",
                "the budget per year must be an amount in kronor, 0 or more",
            )])
            .into()
        })
}

/// Staff capacity as the user types it (`3 400` hours, or `1700,5`).
pub fn parse_hours(text: &str) -> Result<Decimal, AppError> {
    nytta_core::format::parse_user_number(text)
        .filter(|h| *h >= Decimal::ZERO)
        .ok_or_else(|| {
            nytta_core::DocErrors(vec![nytta_core::DocError::invalid(
                "hours_per_year",
                "personalkapaciteten per år ska vara ett antal timmar, 0 eller fler",
                "the staff capacity per year must be a number of hours, 0 or more",
            )])
            .into()
        })
}

/// The ranking as readable text, for the CLI.
pub fn text(p: &Priorities, lang: crate::Lang) -> String {
    use nytta_core::format::{hours, kronor, number};
    let sv = lang == crate::Lang::Sv;
    let l = |a: &'static str, b: &'static str| if sv { a } else { b };
    let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
    let mut out = String::new();
    out.push_str(if sv {
        "Prioriteringsordning: prioriteringsgrund, prioritetspoäng, NPV ekonomisk\n"
    } else {
        "Priority order: priority basis, priority score, NPV economic\n"
    });
    out.push_str(&format!(
        "{:>4} {:>6}  {:<56} {:<28} {:<26} {:>3} {:>3} {:>3} {:>3} {:>6} {:>15} {:>14}\n",
        "#",
        "Id",
        if sv { "Titel" } else { "Title" },
        if sv { "Förvaltning" } else { "Department" },
        if sv { "Grund" } else { "Basis" },
        "E",
        "G",
        "F",
        "R",
        if sv { "Poäng" } else { "Score" },
        if sv { "NPV ekonomisk" } else { "NPV economic" },
        if sv { "Engångskostn." } else { "One-off" }
    ));
    let lvl = |l: Option<u8>| l.map_or("–".to_string(), |l| l.to_string());
    for r in &p.ranked {
        if r.fits == Some(false) && p.fit_count == Some(r.rank - 1) {
            let what = match (p.filter.budget_per_year, p.filter.hours_per_year) {
                (Some(_), Some(_)) => l(
                    "budgeten och personalkapaciteten per år räcker",
                    "the budget and the staff capacity per year reach",
                ),
                (None, Some(_)) => l(
                    "personalkapaciteten per år räcker",
                    "the staff capacity per year reaches",
                ),
                _ => l("budgeten per år räcker", "the budget per year reaches"),
            };
            out.push_str(&if sv {
                format!("  ---- kapacitetsgräns: {what} hit ----\n")
            } else {
                format!("  ---- capacity line: {what} this far ----\n")
            });
        }
        let title: String = r.title.chars().take(56).collect();
        let dept: String = r.department.chars().take(28).collect();
        let basis: String = crate::overview::basis_name(lang, r.basis.as_deref())
            .chars()
            .take(26)
            .collect();
        out.push_str(&format!(
            "{:>4} {:>6}  {:<56} {:<28} {:<26} {:>3} {:>3} {:>3} {:>3} {:>6} {:>15} {:>14}\n",
            r.rank,
            r.id,
            title,
            dept,
            basis,
            r.effect,
            lvl(r.feasibility),
            lvl(r.financing),
            r.resource_need,
            r.priority
                .as_deref()
                .map_or("–".to_string(), |p| number(d(p), 1, lang)),
            kronor(d(&r.npv_economic), lang),
            kronor(d(&r.one_off_costs), lang),
        ));
    }
    if let Some(n) = p.fit_count {
        let limits: Vec<String> = [
            p.filter.budget_per_year.map(|b| kronor(b, lang)),
            p.filter.hours_per_year.map(|h| hours(h, lang)),
        ]
        .into_iter()
        .flatten()
        .collect();
        let limits = limits.join(l(" och ", " and "));
        out.push_str(&if sv {
            format!(
                "{n} av {} ryms i {limits} per år, i prioriteringsordning\n",
                p.ranked.len()
            )
        } else {
            format!(
                "{n} of {} fit {limits} a year, in priority order\n",
                p.ranked.len()
            )
        });
    }
    if p.filter.hours_per_year.is_some() && p.without_staff_hours > 0 {
        out.push_str(&if sv {
            format!(
                "Utan kostnadsrad i tidsform, räknade med 0 timmar: {} av {}\n",
                p.without_staff_hours,
                p.ranked.len()
            )
        } else {
            format!(
                "Without a cost line in time form, counted as 0 hours: {} of {}\n",
                p.without_staff_hours,
                p.ranked.len()
            )
        });
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use nytta_store::portfolio::YearDemand;
    use nytta_store::{InitiativeSummary, PortfolioFigures};
    use serde_json::json;

    use super::*;

    fn row(id: i64, stage: &str, costs: &[(i32, i64, i64)]) -> PortfolioRow {
        let summary: InitiativeSummary = serde_json::from_value(json!({
            "id": id, "example": false, "current_version_id": id, "current_version_number": 1,
            "status": "draft", "updated_at": "2025-05-01T08:00:00Z", "has_working_copy": false,
            "demo": false, "title": format!("Initiativ {id}"), "department": "Omsorg",
            "stage": stage, "priority_basis": "legal", "tags": [], "effect": 3,
            "feasibility": 5, "financing": 3, "resource_need": 1, "priority": "4.000000",
            "full_valuation_required": true, "npv_economic": "100.00", "npv_budget": "0.00",
            "payback_economic": null, "payback_budget": null
        }))
        .unwrap();
        PortfolioRow {
            summary,
            demo: false,
            figures: PortfolioFigures {
                valued: true,
                years: costs
                    .iter()
                    .map(|&(year, o, r)| YearDemand {
                        year,
                        one_off: Decimal::from(o),
                        recurring: Decimal::from(r),
                        benefits_economic: Decimal::ZERO,
                        benefits_budget: Decimal::ZERO,
                        staff_hours: Decimal::ZERO,
                    })
                    .collect(),
                one_off_costs: Decimal::from(costs.iter().map(|c| c.1).sum::<i64>()),
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

    #[test]
    fn the_capacity_line_takes_initiatives_strictly_in_priority_order() {
        // In portfolio order: 1 (2025: 600), 2 decided (left out by the filter),
        // 3 (2025: 300, 2026: 100), 4 (2025: 200), 5 (2026: 50).
        let rows = vec![
            row(1, "awaiting_decision", &[(2025, 600, 0)]),
            row(2, "decided", &[(2025, 900, 0)]),
            row(3, "awaiting_decision", &[(2025, 300, 0), (2026, 0, 100)]),
            row(4, "awaiting_decision", &[(2025, 200, 0)]),
            row(5, "awaiting_decision", &[(2026, 50, 0)]),
        ];
        let filter = PriorityFilter {
            budget_per_year: Some(Decimal::from(1000)),
            ..PriorityFilter::default()
        };
        let p = rank(&rows, &filter);
        let order: Vec<_> = p.ranked.iter().map(|r| (r.rank, r.id, r.fits)).collect();
        // Budget 1 000 a year: 1 (600) fits; 3 adds 300 → 900 in 2025 and 100 in 2026, fits;
        // 4 would make 2025 1 100 > 1 000: the line is drawn, and 5 comes after it although
        // it alone would fit.
        assert_eq!(
            order,
            [
                (1, 1, Some(true)),
                (2, 3, Some(true)),
                (3, 4, Some(false)),
                (4, 5, Some(false))
            ]
        );
        assert_eq!(p.fit_count, Some(2));
        let costs: Vec<_> = p
            .fit_costs
            .iter()
            .map(|c| (c.year, c.costs.as_str()))
            .collect();
        assert_eq!(costs, [(2025, "900.00"), (2026, "100.00")]);
        assert_eq!(p.ranked[1].peak_year_cost, "300.00");
        // Without a budget there is no line; every stage with an empty filter.
        let all = rank(
            &rows,
            &PriorityFilter {
                stages: vec![],
                ..PriorityFilter::default()
            },
        );
        assert_eq!(all.ranked.len(), 5);
        assert_eq!(all.fit_count, None);
        assert!(all.ranked.iter().all(|r| r.fits.is_none()));
    }

    /// Staff hours per calendar year of `row`, replacing what it had.
    fn with_hours(mut r: PortfolioRow, hours: &[(i32, i64)]) -> PortfolioRow {
        for y in &mut r.figures.years {
            y.staff_hours = Decimal::ZERO;
        }
        for &(year, h) in hours {
            match r.figures.years.iter_mut().find(|y| y.year == year) {
                Some(y) => y.staff_hours = Decimal::from(h),
                None => r.figures.years.push(YearDemand {
                    year,
                    one_off: Decimal::ZERO,
                    recurring: Decimal::ZERO,
                    benefits_economic: Decimal::ZERO,
                    benefits_budget: Decimal::ZERO,
                    staff_hours: Decimal::from(h),
                }),
            }
        }
        r
    }

    #[test]
    fn the_capacity_line_by_staff_hours_takes_initiatives_strictly_in_priority_order() {
        // In portfolio order, staff hours per year: 1 (2025: 1 000), 2 (2025: 500, 2026: 800),
        // 3 none at all, 4 (2026: 300), 5 (2025: 100).
        let rows = vec![
            with_hours(
                row(1, "awaiting_decision", &[(2025, 600, 0)]),
                &[(2025, 1000)],
            ),
            with_hours(
                row(2, "awaiting_decision", &[(2025, 300, 0)]),
                &[(2025, 500), (2026, 800)],
            ),
            row(3, "awaiting_decision", &[(2025, 50, 0)]),
            with_hours(
                row(4, "awaiting_decision", &[(2026, 0, 10)]),
                &[(2026, 300)],
            ),
            with_hours(
                row(5, "awaiting_decision", &[(2025, 10, 0)]),
                &[(2025, 100)],
            ),
        ];
        let filter = PriorityFilter {
            hours_per_year: Some(Decimal::from(1700)),
            ..PriorityFilter::default()
        };
        let p = rank(&rows, &filter);
        // 1 700 h a year: 1 takes 1 000 h of 2025; 2 brings 2025 to 1 500 and 2026 to 800,
        // fits; 3 asks for no hours, fits; 4 brings 2026 to 1 100, fits; 5 would make 2025
        // 1 600, fits. Then with 1 400 h: 2 would make 2025 1 500 > 1 400 and draws the line;
        // 3, 4 and 5 lie below it although each alone would fit.
        let fits: Vec<_> = p.ranked.iter().map(|r| (r.id, r.fits)).collect();
        assert!(fits.iter().all(|(_, f)| *f == Some(true)), "{fits:?}");
        assert_eq!(p.fit_count, Some(5));
        let hours: Vec<_> = p
            .fit_hours
            .iter()
            .map(|h| (h.year, h.hours.as_str()))
            .collect();
        assert_eq!(hours, [(2025, "1600.000000"), (2026, "1100.000000")]);
        assert_eq!(p.ranked[1].peak_year_hours, "800.000000");
        assert_eq!(p.without_staff_hours, 1);
        let tight = rank(
            &rows,
            &PriorityFilter {
                hours_per_year: Some(Decimal::from(1400)),
                ..PriorityFilter::default()
            },
        );
        let fits: Vec<_> = tight.ranked.iter().map(|r| (r.id, r.fits)).collect();
        assert_eq!(
            fits,
            [
                (1, Some(true)),
                (2, Some(false)),
                (3, Some(false)),
                (4, Some(false)),
                (5, Some(false))
            ]
        );
        assert_eq!(tight.fit_count, Some(1));
        assert_eq!(tight.fit_costs[0].costs, "600.00");
        // With a budget as well, both must hold: 1 000 kr a year lets 1 (600) in and stops
        // 2 (2025: 900 kr) although its 1 500 h fit 1 700 h.
        let both = rank(
            &rows,
            &PriorityFilter {
                budget_per_year: Some(Decimal::from(800)),
                hours_per_year: Some(Decimal::from(1700)),
                ..PriorityFilter::default()
            },
        );
        assert_eq!(both.fit_count, Some(1));
        assert_eq!(both.ranked[1].fits, Some(false));
        let text = text(&tight, crate::Lang::Sv);
        assert!(
            text.contains("---- kapacitetsgräns: personalkapaciteten per år räcker hit ----"),
            "{text}"
        );
        assert!(
            text.contains("1 av 5 ryms i 1 400 h per år, i prioriteringsordning"),
            "{text}"
        );
        assert!(
            text.contains("Utan kostnadsrad i tidsform, räknade med 0 timmar: 1 av 5"),
            "{text}"
        );
    }

    #[test]
    fn the_bubble_chart_has_a_bubble_per_scored_initiative_and_a_legend_per_department() {
        let mut rows = vec![
            row(1, "awaiting_decision", &[(2025, 600, 0)]),
            row(2, "awaiting_decision", &[(2025, 900, 0)]),
        ];
        rows[1].summary.summary.department = "Skola".into();
        let p = rank(&rows, &PriorityFilter::default());
        let svg = bubble_svg(&p, crate::Lang::Sv).unwrap();
        // Two bubbles and the two departments' legend dots.
        assert_eq!(svg.matches("<circle").count(), 4);
        assert!(svg.contains("Omsorg") && svg.contains("Skola"));
        assert!(svg.contains("Störst: 100 kr."), "{svg}");
        // Without a feasibility score an initiative has no place in the chart.
        rows[1].summary.summary.feasibility = None;
        let p = rank(&rows, &PriorityFilter::default());
        let svg = bubble_svg(&p, crate::Lang::Sv).unwrap();
        assert_eq!(svg.matches("<circle").count(), 2);
    }
}
