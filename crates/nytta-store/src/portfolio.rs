//! What portfolio governance reads from the store (schema 5, `migrations/005_portfolio.sql`):
//! every live initiative's summary with its portfolio figures, the demo portfolio (added and
//! removed in one action each), what people said about pairs with similar needs, and the
//! portfolio settings.
//!
//! The figures are computed by nytta-core from each current version's document and kept
//! per version in `portfolio_figures`; a version whose row is missing (new, changed, or
//! written before schema 5) is computed when the portfolio is read, and the result kept.

use std::collections::HashMap;

use nytta_core::case::compute;
use nytta_core::document::{Document, NeedsPart, Side, ValuationStatus};
use nytta_core::model::MoneyDef;
use nytta_core::read::read_document;
use nytta_core::settings::ScoreSettings;
use nytta_core::{Lang, Model};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::initiatives::{self, InitiativeSummary};
use crate::settings;
use crate::store::Store;
use crate::valuation::check_doc;
use crate::versions;

/// One calendar year of an initiative's valuation: costs split into one-off and recurring
/// (economic view, with optimism bias) and benefits in both views.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearDemand {
    /// Calendar year.
    pub year: i32,
    /// One-off costs falling in the year.
    pub one_off: Decimal,
    /// Recurring costs of the year.
    pub recurring: Decimal,
    /// Benefits, economic view.
    pub benefits_economic: Decimal,
    /// Benefits, budget view.
    pub benefits_budget: Decimal,
    /// Staff hours the cost lines in time form ask for in the year: each line's hours per
    /// occurrence of its timing × the ramp factor of the year (no optimism bias, which is a
    /// markup on money). Figures kept before this field are computed again.
    pub staff_hours: Decimal,
}

/// What the portfolio overview needs from one valuation beyond the summary columns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortfolioFigures {
    /// Whether the valuation has at least one benefit or cost valued in money.
    pub valued: bool,
    /// Costs and benefits year by year.
    pub years: Vec<YearDemand>,
    /// One-off costs including internal project time, with optimism bias: the resource
    /// need behind the 1/3/5 level.
    pub one_off_costs: Decimal,
    /// Freed staff hours a year at full effect × confidence.
    pub freed_hours: Decimal,
    /// Freed hours ÷ hours per FTE.
    pub fte: Decimal,
    /// The valuation's date, if it has one.
    pub valuation_date: Option<String>,
    /// Whether the valuation is simplified: it lacks effect goals, risks or a range (low
    /// and high) on any input, which a full business case has.
    pub simplified: bool,
    /// Follow-ups recorded.
    pub follow_ups: u32,
    /// The newest follow-up's date.
    pub last_follow_up: Option<String>,
    /// The earliest target date of the effect goals: when a follow-up is due.
    pub follow_up_due: Option<String>,
    /// Responsible (a role).
    pub owner: String,
    /// Description.
    pub description: String,
    /// The needs analysis: problem, goals, target groups and alternatives.
    pub needs: String,
    /// The same, field by field (the filled-in ones). Figures kept before this field are
    /// computed again.
    pub needs_parts: Vec<NeedsPart>,
}

/// One live initiative as the portfolio views read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortfolioRow {
    /// The summary, as listed.
    pub summary: InitiativeSummary,
    /// Part of the demo portfolio.
    pub demo: bool,
    /// The figures of its current version.
    pub figures: PortfolioFigures,
}

/// What a person said about a pair of initiatives with similar needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// Not the same need: do not suggest the pair again.
    NotSimilar,
    /// One need, coordinated across the departments.
    Coordinated,
}

/// A recorded pair (lower id first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NeedLink {
    /// The lower id.
    pub a: i64,
    /// The higher id.
    pub b: i64,
    /// What was said.
    pub kind: LinkKind,
    /// When.
    pub at: String,
}

/// Settings of the portfolio views.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PortfolioSettings {
    /// A valuation older than this many months is listed under hygiene.
    pub stale_months: u32,
    /// Two needs at least this similar (cosine, 0–1) are suggested as similar; 0.25 by
    /// default, chosen on the labelled pairs of `nytta-app/tests/similar_eval.rs`.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub similarity_threshold: Decimal,
}

impl Default for PortfolioSettings {
    fn default() -> Self {
        PortfolioSettings {
            stale_months: 24,
            similarity_threshold: Decimal::new(25, 2),
        }
    }
}

const SETTINGS_KEY: &str = "portfolio";

/// The ramp factor of year `t` (0..N) of a money line: 0 outside its timing, the ramp's
/// entry from the first year of the timing, the last entry repeating.
fn ramp_factor(money: &MoneyDef, t: usize) -> Decimal {
    let (first, last) = (money.first as usize, money.last as usize);
    if t < first || t > last {
        return Decimal::ZERO;
    }
    money
        .ramp
        .get(t - first)
        .or(money.ramp.last())
        .copied()
        .unwrap_or(Decimal::ONE)
}

/// Computes a document's portfolio figures with the score settings that apply to it.
pub fn figures_of(doc: &Document, fallback: &ScoreSettings) -> Result<PortfolioFigures> {
    let mut for_model = doc.clone();
    if for_model.valuation.settings.is_none() {
        for_model.valuation.settings = Some(fallback.into());
    }
    let model = Model::from_document(for_model)?;
    let c = compute(&model, Lang::Sv).map_err(|e| StoreError::Invalid(e.into()))?;
    let mut years: Vec<YearDemand> = c
        .rows
        .iter()
        .map(|r| YearDemand {
            year: r.calendar_year,
            one_off: Decimal::ZERO,
            recurring: Decimal::ZERO,
            benefits_economic: r.economic.benefits,
            benefits_budget: r.budget.benefits,
            staff_hours: Decimal::ZERO,
        })
        .collect();
    for (line, def) in c.lines.iter().zip(&model.lines) {
        let Some(money) = &def.money else { continue };
        if line.side != Side::Cost {
            continue;
        }
        for (t, (y, v)) in years.iter_mut().zip(&line.values).enumerate() {
            if money.once {
                y.one_off += *v;
            } else {
                y.recurring += *v;
            }
            if let Some(hours) = line.hours_per_year {
                y.staff_hours += hours * ramp_factor(money, t);
            }
        }
    }
    let v = &doc.valuation;
    let fte = if model.params.hours_per_fte.is_zero() {
        Decimal::ZERO
    } else {
        c.freed_hours / model.params.hours_per_fte
    };
    let ranged = v.inputs.iter().any(|i| i.low.is_some() && i.high.is_some());
    let n = &doc.initiative.needs;
    let needs = [&n.problem, &n.goals, &n.target_groups, &n.alternatives]
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| t.trim())
        .collect::<Vec<_>>()
        .join("\n\n");
    Ok(PortfolioFigures {
        valued: model.lines.iter().any(|l| l.money.is_some()),
        years,
        one_off_costs: c.scores.resource_money,
        freed_hours: c.freed_hours,
        fte,
        valuation_date: v.date.clone(),
        simplified: v.effect_goals.is_empty() || v.risks.is_empty() || !ranged,
        follow_ups: u32::try_from(doc.follow_ups.len()).unwrap_or(u32::MAX),
        last_follow_up: doc.follow_ups.iter().map(|f| f.date.clone()).max(),
        follow_up_due: v
            .effect_goals
            .iter()
            .filter_map(|g| g.target_date.clone())
            .min(),
        owner: doc.initiative.owner.clone(),
        description: doc.initiative.description.clone(),
        needs,
        needs_parts: doc.initiative.needs.parts(),
    })
}

fn sql_err(e: impl std::fmt::Display) -> StoreError {
    StoreError::Sqlite(e.to_string())
}

/// The kept figures of the given versions.
fn kept_figures(conn: &Connection) -> Result<HashMap<i64, PortfolioFigures>> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.version_id, f.figures FROM portfolio_figures f
         JOIN initiatives i ON i.current_version_id = f.version_id
         WHERE i.deleted_at IS NULL",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = HashMap::new();
    for row in rows {
        let (id, text) = row?;
        if let Ok(f) = serde_json::from_str(&text) {
            out.insert(id, f);
        }
    }
    Ok(out)
}

fn demo_ids(conn: &Connection) -> Result<std::collections::HashSet<i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT id FROM initiatives WHERE demo = 1 AND deleted_at IS NULL")?;
    let ids = stmt.query_map([], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

fn keep_figures(conn: &Connection, version_id: i64, f: &PortfolioFigures) -> Result<()> {
    let text = serde_json::to_string(f).map_err(sql_err)?;
    conn.execute(
        "INSERT INTO portfolio_figures (version_id, figures) VALUES (?1, ?2)
         ON CONFLICT (version_id) DO UPDATE SET figures = excluded.figures",
        params![version_id, text],
    )?;
    Ok(())
}

/// The figures of one stored version, computed with the settings it records.
fn compute_version(conn: &Connection, version_id: i64) -> Result<PortfolioFigures> {
    let (info, text) = versions::get(conn, version_id)?;
    let recorded: ScoreSettings = serde_json::from_str(&info.settings).map_err(sql_err)?;
    figures_of(&read_document(&text)?, &recorded)
}

impl Store {
    /// Every live initiative in portfolio order with its demo flag and figures. Figures not
    /// kept yet are computed and kept (derived data: the change counter is not bumped).
    pub fn portfolio(&mut self) -> Result<Vec<PortfolioRow>> {
        let list = initiatives::list(&self.conn, false)?;
        let mut kept = kept_figures(&self.conn)?;
        let missing: Vec<i64> = list
            .iter()
            .map(|s| s.current_version_id)
            .filter(|v| !kept.contains_key(v))
            .collect();
        if !missing.is_empty() {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            for v in missing {
                let f = compute_version(&tx, v)?;
                keep_figures(&tx, v, &f)?;
                kept.insert(v, f);
            }
            tx.commit()?;
        }
        let demo = demo_ids(&self.conn)?;
        Ok(list
            .into_iter()
            .filter_map(|s| {
                let figures = kept.remove(&s.current_version_id)?;
                Some(PortfolioRow {
                    demo: demo.contains(&s.id),
                    figures,
                    summary: s,
                })
            })
            .collect())
    }

    /// How many live initiatives are demo data.
    pub fn demo_count(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM initiatives WHERE demo = 1 AND deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?)
    }

    /// Adds documents as the demo portfolio, in one transaction: every one is checked
    /// first, marked as demo data and kept local (never synchronised). Returns their ids.
    pub fn add_demo(&mut self, docs: Vec<Document>, now: &str) -> Result<Vec<i64>> {
        self.write(now, |tx| {
            let fallback = settings::load(tx)?.scores;
            let mut ids = Vec::with_capacity(docs.len());
            for mut doc in docs {
                if doc.valuation.status == ValuationStatus::Decided
                    && doc.valuation.settings.is_none()
                {
                    doc.valuation.settings = Some((&fallback).into());
                }
                let figures = figures_of(&doc, &fallback)?;
                let c = check_doc(doc, &fallback)?;
                let id = initiatives::insert(tx, false, &c.summary, now)?;
                tx.execute("UPDATE initiatives SET demo = 1 WHERE id = ?1", [id])?;
                let vid = versions::insert(tx, id, None, &c, now)?;
                initiatives::write_summary(tx, id, vid, &c.summary, now)?;
                keep_figures(tx, vid, &figures)?;
                ids.push(id);
            }
            Ok(ids)
        })
    }

    /// Removes the demo portfolio for good (deleted ones too), in one transaction; returns
    /// how many initiatives it had. Nothing else is touched.
    pub fn remove_demo(&mut self, now: &str) -> Result<i64> {
        self.write(now, |tx| {
            let n: i64 =
                tx.query_row("SELECT COUNT(*) FROM initiatives WHERE demo = 1", [], |r| {
                    r.get(0)
                })?;
            tx.execute(
                "DELETE FROM sync_outbox WHERE initiative_id IN
                     (SELECT id FROM initiatives WHERE demo = 1)",
                [],
            )?;
            tx.execute(
                "DELETE FROM valuation_versions WHERE initiative_id IN
                     (SELECT id FROM initiatives WHERE demo = 1)",
                [],
            )?;
            tx.execute("DELETE FROM initiatives WHERE demo = 1", [])?;
            Ok(n)
        })
    }

    /// Every pair a person has marked.
    pub fn need_links(&self) -> Result<Vec<NeedLink>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT a, b, kind, at FROM need_links ORDER BY a, b")?;
        let rows = stmt.query_map([], |r| {
            let kind: String = r.get(2)?;
            Ok(NeedLink {
                a: r.get(0)?,
                b: r.get(1)?,
                kind: if kind == "coordinated" {
                    LinkKind::Coordinated
                } else {
                    LinkKind::NotSimilar
                },
                at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records what was said about a pair (`None` forgets it). Both must be live
    /// initiatives and differ.
    pub fn set_need_link(
        &mut self,
        x: i64,
        y: i64,
        kind: Option<LinkKind>,
        now: &str,
    ) -> Result<()> {
        let (a, b) = if x < y { (x, y) } else { (y, x) };
        if a == b {
            return Err(StoreError::NotFound {
                what: "pair",
                id: format!("{a}–{b}"),
            });
        }
        self.write(now, |tx| {
            initiatives::live_row(tx, a)?;
            initiatives::live_row(tx, b)?;
            match kind {
                None => {
                    tx.execute(
                        "DELETE FROM need_links WHERE a = ?1 AND b = ?2",
                        params![a, b],
                    )?;
                }
                Some(k) => {
                    let code = match k {
                        LinkKind::NotSimilar => "not_similar",
                        LinkKind::Coordinated => "coordinated",
                    };
                    tx.execute(
                        "INSERT INTO need_links (a, b, kind, at) VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT (a, b) DO UPDATE SET kind = excluded.kind, at = excluded.at",
                        params![a, b, code, now],
                    )?;
                }
            }
            Ok(())
        })
    }

    /// The portfolio settings (defaults until saved).
    pub fn portfolio_settings(&self) -> Result<PortfolioSettings> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [SETTINGS_KEY],
                |r| r.get(0),
            )
            .optional()?;
        match text {
            None => Ok(PortfolioSettings::default()),
            Some(t) => serde_json::from_str(&t)
                .map_err(|e| StoreError::Sqlite(format!("settings.{SETTINGS_KEY}: {e}"))),
        }
    }

    /// Saves the portfolio settings.
    pub fn save_portfolio_settings(&mut self, s: &PortfolioSettings, now: &str) -> Result<()> {
        let text = serde_json::to_string(s).map_err(sql_err)?;
        self.write(now, |tx| {
            tx.execute(
                "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value,
                     updated_at = excluded.updated_at",
                params![SETTINGS_KEY, text, now],
            )?;
            Ok(())
        })
    }
}
