//! PULS agenda (*PULS-agenda*): for the fortnightly PULS meeting, the initiatives that ask for
//! something and changed since a date — a decision (stage `awaiting_decision`, *för beslut*)
//! or support (stage `development`, *utvecklingsfas*: the initiative is being worked out and
//! the meeting allocates digitalisation support) — in the portfolio's priority order (the
//! store's list order, never repeated here), with their key figures and what they ask for
//! (the description and the needs analysis).

use std::path::Path;

use nytta_core::date::parse_iso_date;
use nytta_core::document::{NeedsPart, Stage};
use nytta_core::format::money_json;
use nytta_report::{AgendaDoc, AgendaEntry, ReportOptions};
use nytta_store::PortfolioRow;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ctx::Ctx;
use crate::overview::{basis_of, stage_of};
use crate::{AppError, Lang};

/// What an initiative on the agenda asks the meeting for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Ask {
    /// A decision: stage `awaiting_decision`.
    Decision,
    /// Support: stage `development`.
    Support,
}

/// One initiative on the agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AgendaItem {
    /// 1 for the first.
    pub number: usize,
    /// Initiative id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Department.
    pub department: String,
    /// Responsible (a role).
    pub owner: String,
    /// Stage code.
    pub stage: String,
    /// Decision or support.
    pub ask: Ask,
    /// Priority basis code.
    pub basis: Option<String>,
    /// Priority score (6 decimals), if scored.
    pub priority: Option<String>,
    /// NPV, economic view.
    pub npv_economic: String,
    /// NPV, budget view.
    pub npv_budget: String,
    /// Payback in years, economic view; `None` when not within the period.
    pub payback_economic: Option<String>,
    /// Payback in years, budget view.
    pub payback_budget: Option<String>,
    /// One-off costs (resource need, kr).
    pub one_off_costs: String,
    /// Last changed (date, `YYYY-MM-DD`).
    pub changed: String,
    /// The description.
    pub description: String,
    /// The needs analysis field by field (problem, goals, target groups, alternatives; the
    /// filled-in ones).
    pub needs: Vec<NeedsPart>,
}

/// The agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Agenda {
    /// Changed on or after this date (`YYYY-MM-DD`).
    pub since: String,
    /// In priority order.
    pub items: Vec<AgendaItem>,
    /// How many ask for a decision.
    pub decisions: usize,
    /// How many ask for support.
    pub support: usize,
}

fn ask_of(stage: &str) -> Option<Ask> {
    match stage {
        "awaiting_decision" => Some(Ask::Decision),
        "development" => Some(Ask::Support),
        _ => None,
    }
}

/// The agenda of `rows` (already in portfolio order): those asking for a decision or support
/// whose last change is on or after `since` (`YYYY-MM-DD`).
pub fn build(rows: &[PortfolioRow], since: &str) -> Agenda {
    let items: Vec<AgendaItem> = rows
        .iter()
        .filter_map(|r| {
            let stage = stage_of(r);
            let ask = ask_of(&stage)?;
            let changed: String = r.summary.updated_at.chars().take(10).collect();
            if changed.as_str() < since {
                return None;
            }
            let s = &r.summary.summary;
            Some(AgendaItem {
                number: 0,
                id: r.summary.id,
                title: s.title.clone(),
                department: s.department.clone(),
                owner: r.figures.owner.clone(),
                stage,
                ask,
                basis: basis_of(r),
                priority: s.priority.clone(),
                npv_economic: s.npv_economic.clone(),
                npv_budget: s.npv_budget.clone(),
                payback_economic: s.payback_economic.clone(),
                payback_budget: s.payback_budget.clone(),
                one_off_costs: money_json(r.figures.one_off_costs),
                changed,
                description: r.figures.description.clone(),
                needs: r.figures.needs_parts.clone(),
            })
        })
        .enumerate()
        .map(|(i, mut item)| {
            item.number = i + 1;
            item
        })
        .collect();
    Agenda {
        since: since.to_string(),
        decisions: items.iter().filter(|i| i.ask == Ask::Decision).count(),
        support: items.iter().filter(|i| i.ask == Ask::Support).count(),
        items,
    }
}

/// Checks a date the user gave for `since`.
pub fn parse_since(text: &str) -> Result<String, AppError> {
    let t = text.trim();
    parse_iso_date(t).map(|d| d.to_string()).ok_or_else(|| {
        nytta_core::DocErrors(vec![nytta_core::DocError::invalid(
            "since",
            "datumet ska skrivas ÅÅÅÅ-MM-DD, t.ex. 2025-05-01",
            "the date must be written YYYY-MM-DD, e.g. 2025-05-01",
        )])
        .into()
    })
}

/// The store's agenda since `since` (`YYYY-MM-DD`).
pub fn agenda(ctx: &Ctx, since: &str) -> Result<Agenda, AppError> {
    let since = parse_since(since)?;
    let rows = ctx.store().portfolio()?;
    Ok(build(&rows, &since))
}

/// The agenda as the PDF writer takes it: codes and amounts read back into their types.
pub fn to_doc(a: &Agenda) -> AgendaDoc {
    fn code<T: serde::de::DeserializeOwned>(c: &str) -> Option<T> {
        serde_json::from_value(serde_json::Value::String(c.to_string())).ok()
    }
    let dec = |s: &str| s.parse::<Decimal>().unwrap_or_default();
    let opt = |s: &Option<String>| s.as_deref().and_then(|v| v.parse::<Decimal>().ok());
    AgendaDoc {
        since: a.since.clone(),
        items: a
            .items
            .iter()
            .map(|i| AgendaEntry {
                number: i.number,
                id: i.id,
                title: i.title.clone(),
                department: i.department.clone(),
                owner: i.owner.clone(),
                stage: code(&i.stage).unwrap_or(Stage::AwaitingDecision),
                decision: i.ask == Ask::Decision,
                basis: i.basis.as_deref().and_then(code),
                priority: opt(&i.priority),
                npv_economic: dec(&i.npv_economic),
                npv_budget: dec(&i.npv_budget),
                payback_economic: opt(&i.payback_economic),
                payback_budget: opt(&i.payback_budget),
                one_off_costs: dec(&i.one_off_costs),
                changed: i.changed.clone(),
                description: i.description.clone(),
                needs: i.needs.clone(),
            })
            .collect(),
    }
}

/// The store's agenda since `since` as PDF bytes.
pub fn pdf(ctx: &Ctx, since: &str, opts: &ReportOptions) -> Result<Vec<u8>, AppError> {
    let a = agenda(ctx, since)?;
    nytta_report::agenda_pdf(&to_doc(&a), opts).map_err(crate::report::report_error)
}

/// The store's agenda since `since` as a PDF file at `path` (written whole or not at all).
pub fn pdf_to(ctx: &Ctx, since: &str, path: &Path, opts: &ReportOptions) -> Result<(), AppError> {
    let bytes = pdf(ctx, since, opts)?;
    crate::report_files::write_atomically(path, &bytes)
}

/// The name of what an item asks for.
pub fn ask_name(lang: Lang, ask: Ask) -> &'static str {
    match (lang, ask) {
        (Lang::Sv, Ask::Decision) => "beslut",
        (Lang::Sv, Ask::Support) => "stöd",
        (_, Ask::Decision) => "decision",
        (_, Ask::Support) => "support",
    }
}

/// The agenda as readable text, for the CLI.
pub fn text(a: &Agenda, lang: Lang) -> String {
    use nytta_core::format::{kronor, number, years as in_years};
    let sv = lang == Lang::Sv;
    let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
    let years = |p: &Option<String>| {
        p.as_deref().map_or_else(
            || {
                if sv {
                    "inte inom kalkylperioden".to_string()
                } else {
                    "not within the analysis period".to_string()
                }
            },
            |y| in_years(d(y), lang),
        )
    };
    let mut out = String::new();
    out.push_str(&if sv {
        format!(
            "PULS-agenda: ändrade {} eller senare, i prioriteringsordning — {} för beslut, {} för stöd\n",
            a.since, a.decisions, a.support
        )
    } else {
        format!(
            "PULS agenda: changed {} or later, in priority order — {} for a decision, {} for support\n",
            a.since, a.decisions, a.support
        )
    });
    for i in &a.items {
        out.push('\n');
        out.push_str(&format!(
            "{}. {} (id {}) — {}, {}\n",
            i.number, i.title, i.id, i.department, i.owner
        ));
        out.push_str(&format!(
            "   {}: {} · {}: {} · {}: {} · {}\n",
            if sv { "Begär" } else { "Asks for" },
            ask_name(lang, i.ask),
            if sv {
                "Prioriteringsgrund"
            } else {
                "Priority basis"
            },
            crate::overview::basis_name(lang, i.basis.as_deref()),
            if sv {
                "Prioritetspoäng"
            } else {
                "Priority score"
            },
            i.priority
                .as_deref()
                .map_or("–".to_string(), |p| number(d(p), 1, lang)),
            if sv {
                format!("ändrad {}", i.changed)
            } else {
                format!("changed {}", i.changed)
            },
        ));
        out.push_str(&format!(
            "   {}: {} · {}: {} · {}: {}\n",
            if sv { "NPV ekonomisk" } else { "NPV economic" },
            kronor(d(&i.npv_economic), lang),
            "NPV budget",
            kronor(d(&i.npv_budget), lang),
            if sv {
                "Engångskostnader"
            } else {
                "One-off costs"
            },
            kronor(d(&i.one_off_costs), lang),
        ));
        out.push_str(&format!(
            "   {}: {} · {}: {}\n",
            if sv {
                "Återbetalning ekonomisk"
            } else {
                "Payback economic"
            },
            years(&i.payback_economic),
            "budget",
            years(&i.payback_budget),
        ));
        if !i.description.trim().is_empty() {
            out.push_str(&format!("   {}\n", i.description.trim()));
        }
        if !i.needs.is_empty() {
            out.push_str(&format!("   {}:\n", if sv { "Behov" } else { "Needs" }));
            for p in &i.needs {
                out.push_str(&format!("     {}: {}\n", p.field.label(lang), p.text));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use nytta_core::document::NeedsField;
    use nytta_store::{InitiativeSummary, PortfolioFigures};
    use serde_json::json;

    use super::*;

    fn row(id: i64, stage: &str, updated: &str) -> PortfolioRow {
        let summary: InitiativeSummary = serde_json::from_value(json!({
            "id": id, "example": false, "current_version_id": id, "current_version_number": 1,
            "status": "draft", "updated_at": updated, "has_working_copy": false,
            "demo": false, "title": format!("Initiativ {id}"), "department": "Omsorg",
            "stage": stage, "priority_basis": "legal", "tags": [], "effect": 3,
            "feasibility": 5, "financing": 3, "resource_need": 1, "priority": "4.000000",
            "full_valuation_required": true, "npv_economic": "1250.50", "npv_budget": "-300.00",
            "payback_economic": "2.5", "payback_budget": null
        }))
        .unwrap();
        PortfolioRow {
            summary,
            demo: false,
            figures: PortfolioFigures {
                valued: true,
                years: vec![],
                one_off_costs: Decimal::new(80_000, 0),
                freed_hours: Decimal::ZERO,
                fte: Decimal::ZERO,
                valuation_date: None,
                simplified: false,
                follow_ups: 0,
                last_follow_up: None,
                follow_up_due: None,
                owner: "Enhetschef".into(),
                description: format!("Beskrivning {id}"),
                needs: format!("Nuläge {id}\n\nMål {id}"),
                needs_parts: vec![
                    NeedsPart {
                        field: NeedsField::Problem,
                        text: format!("Nuläge {id}"),
                    },
                    NeedsPart {
                        field: NeedsField::Goals,
                        text: format!("Mål {id}"),
                    },
                ],
            },
        }
    }

    #[test]
    fn the_agenda_takes_decisions_and_support_changed_since_the_date_in_store_order() {
        // Store order 4, 1, 2, 3, 5, 6: 4 awaiting decision changed on the day itself,
        // 1 decided (asks for nothing), 2 in development changed after, 3 awaiting decision
        // changed the day before (too old), 5 valued (asks for nothing), 6 awaiting decision.
        let rows = vec![
            row(4, "awaiting_decision", "2025-05-01T00:00:00Z"),
            row(1, "decided", "2025-06-01T08:00:00Z"),
            row(2, "development", "2025-05-20T08:00:00Z"),
            row(3, "awaiting_decision", "2025-04-30T23:59:59Z"),
            row(5, "valued", "2025-06-01T08:00:00Z"),
            row(6, "awaiting_decision", "2025-07-01T08:00:00Z"),
        ];
        let a = build(&rows, "2025-05-01");
        let got: Vec<_> = a
            .items
            .iter()
            .map(|i| (i.number, i.id, i.ask, i.changed.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, 4, Ask::Decision, "2025-05-01"),
                (2, 2, Ask::Support, "2025-05-20"),
                (3, 6, Ask::Decision, "2025-07-01"),
            ]
        );
        assert_eq!((a.decisions, a.support), (2, 1));
        let first = &a.items[0];
        assert_eq!(first.npv_economic, "1250.50");
        assert_eq!(first.npv_budget, "-300.00");
        assert_eq!(first.one_off_costs, "80000.00");
        assert_eq!(first.payback_economic.as_deref(), Some("2.5"));
        assert_eq!(first.needs[0].text, "Nuläge 4");
        let t = text(&a, Lang::Sv);
        assert!(t.contains("2 för beslut, 1 för stöd"), "{t}");
        assert!(t.contains("NPV ekonomisk: 1 251 kr"), "{t}");
        assert!(t.contains("NPV budget: −300 kr"), "{t}");
        assert!(t.contains("Engångskostnader: 80 000 kr"), "{t}");
        assert!(
            t.contains("Återbetalning ekonomisk: 2,5 år · budget: inte inom kalkylperioden"),
            "{t}"
        );
        assert!(
            t.contains("   Behov:\n     Problem: Nuläge 2\n     Mål: Mål 2\n"),
            "each field of the needs under its name: {t}"
        );
        let en = text(&a, Lang::En);
        assert!(
            en.contains("   Needs:\n     Problem: Nuläge 2\n     Goals: Mål 2\n"),
            "{en}"
        );
    }

    #[test]
    fn a_bad_date_is_refused_naming_the_field() {
        let e = parse_since("1 maj").unwrap_err();
        let lines = e.lines(Lang::Sv).join("\n");
        assert!(lines.contains("since"), "{lines}");
        assert!(lines.contains("ÅÅÅÅ-MM-DD"), "{lines}");
        assert_eq!(parse_since(" 2025-05-01 ").unwrap(), "2025-05-01");
    }
}
