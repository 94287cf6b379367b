//! The PULS agenda as a PDF: the initiatives asking the fortnightly PULS meeting for a decision
//! or support, in the priority order given, each with its key figures and what it asks for.

use nytta_core::document::{NeedsPart, PriorityBasis, Stage};
use nytta_core::format;
use rust_decimal::Decimal;

use crate::common::{kr, years_or};
use crate::error::ReportError;
use crate::layout::{Align, Cell, Column, BODY, SMALL};
use crate::pdf::Pdf;
use crate::text::{self as tx, fill, Tr};
use crate::ReportOptions;

/// One initiative on the agenda, with figures as the engine computed them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaEntry {
    /// Place on the agenda, 1 for the first.
    pub number: usize,
    /// Initiative id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Department.
    pub department: String,
    /// Responsible (a role).
    pub owner: String,
    /// Stage.
    pub stage: Stage,
    /// Asks for a decision (`true`) or for support (`false`).
    pub decision: bool,
    /// Priority basis, if given.
    pub basis: Option<PriorityBasis>,
    /// Priority score, if scored.
    pub priority: Option<Decimal>,
    /// NPV, economic view.
    pub npv_economic: Decimal,
    /// NPV, budget view.
    pub npv_budget: Decimal,
    /// Payback in years, economic view; `None` when not within the period.
    pub payback_economic: Option<Decimal>,
    /// Payback in years, budget view.
    pub payback_budget: Option<Decimal>,
    /// One-off costs (kr).
    pub one_off_costs: Decimal,
    /// Last changed, `YYYY-MM-DD`.
    pub changed: String,
    /// Description.
    pub description: String,
    /// The needs analysis field by field (the filled-in ones, in the Behov tab's order).
    pub needs: Vec<NeedsPart>,
}

/// The agenda to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaDoc {
    /// Changed on or after this date, `YYYY-MM-DD`.
    pub since: String,
    /// In priority order.
    pub items: Vec<AgendaEntry>,
}

const TITLE: Tr = Tr("PULS-agenda", "PULS agenda");
const SUBTITLE: Tr = Tr(
    "Initiativ som begär beslut eller stöd, ändrade {since} eller senare",
    "Initiatives asking for a decision or support, changed {since} or later",
);
const INTRO: Tr = Tr(
    "I prioritetsordning: prioriteringsgrund (gällande rätt, samhällsviktig verksamhet, inre effektivitet), sedan prioritetspoäng, sedan samhällsekonomiskt nuvärde. Beslut begärs för initiativ med status för beslut, stöd för initiativ i utvecklingsfas. {decisions} för beslut, {support} för stöd.",
    "In priority order: priority basis (required by law, critical societal function, internal efficiency), then priority score, then socio-economic NPV. A decision is asked for initiatives awaiting decision, support for initiatives in development. {decisions} for a decision, {support} for support.",
);
const NONE: Tr = Tr(
    "Inga initiativ begär beslut eller stöd sedan datumet.",
    "No initiative asks for a decision or support since the date.",
);
const ASKS: Tr = Tr("Begär", "Asks for");
const DECISION: Tr = Tr("beslut", "a decision");
const SUPPORT: Tr = Tr("stöd", "support");
const DEPARTMENT: Tr = Tr("Förvaltning", "Department");
const OWNER: Tr = Tr("Ansvarig", "Responsible");
const STAGE: Tr = Tr("Status", "Stage");
const CHANGED: Tr = Tr("Ändrad", "Changed");
const SCORE: Tr = Tr("Prioritetspoäng", "Priority score");
const NPV_ECONOMIC: Tr = Tr("Nuvärde, samhällsekonomiskt", "NPV, socio-economic");
const NPV_BUDGET: Tr = Tr("Nuvärde, budget", "NPV, budget");
const PAYBACK_ECONOMIC: Tr = Tr(
    "Återbetalning, samhällsekonomiskt",
    "Payback, socio-economic",
);
const PAYBACK_BUDGET: Tr = Tr("Återbetalning, budget", "Payback, budget");
const ONE_OFF: Tr = Tr("Engångskostnader", "One-off costs");
const DESCRIPTION: Tr = Tr("Beskrivning", "Description");
const NEEDS: Tr = Tr("Behov", "Needs");
const NO_BASIS: Tr = Tr("ej angiven", "none given");

pub(crate) fn write(a: &AgendaDoc, opts: &ReportOptions) -> Result<Vec<u8>, ReportError> {
    let lang = opts.lang;
    let title = TITLE.get(lang);
    let mut pdf = Pdf::new(title, opts)?;
    let subtitle = fill(SUBTITLE.get(lang), &[("since", &a.since)]);
    pdf.layout.title(title, &subtitle);
    let decisions = a.items.iter().filter(|i| i.decision).count();
    let support = a.items.len() - decisions;
    pdf.layout.para(
        &fill(
            INTRO.get(lang),
            &[
                ("decisions", &decisions.to_string()),
                ("support", &support.to_string()),
            ],
        ),
        SMALL,
    );
    if a.items.is_empty() {
        pdf.layout.para(NONE.get(lang), BODY);
    }
    let cols = [Column(0.4, Align::Left), Column(0.6, Align::Left)];
    for i in &a.items {
        pdf.layout
            .h1(&format!("{}. {} (id {})", i.number, i.title, i.id));
        let facts = [
            (
                ASKS,
                if i.decision { DECISION } else { SUPPORT }
                    .get(lang)
                    .to_string(),
            ),
            (DEPARTMENT, i.department.clone()),
            (OWNER, i.owner.clone()),
            (STAGE, tx::stage(i.stage).get(lang).to_string()),
            (CHANGED, i.changed.clone()),
            (
                tx::PRIORITY_BASIS,
                i.basis
                    .map_or(NO_BASIS, tx::priority_basis)
                    .get(lang)
                    .to_string(),
            ),
            (
                SCORE,
                i.priority
                    .map_or("–".to_string(), |p| format::number(p, 1, lang)),
            ),
            (NPV_ECONOMIC, kr(i.npv_economic, lang)),
            (NPV_BUDGET, kr(i.npv_budget, lang)),
            (PAYBACK_ECONOMIC, years_or(i.payback_economic, lang)),
            (PAYBACK_BUDGET, years_or(i.payback_budget, lang)),
            (ONE_OFF, kr(i.one_off_costs, lang)),
        ];
        let rows: Vec<Vec<Cell>> = facts
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| vec![Cell::bold(k.get(lang)), Cell::text(v)])
            .collect();
        pdf.layout.table(&cols, &["", ""], &rows);
        if !i.description.trim().is_empty() {
            pdf.layout
                .labelled(DESCRIPTION.get(lang), i.description.trim());
        }
        // Each field of the needs under its name, as the Behov tab names it.
        for p in &i.needs {
            pdf.layout.labelled(
                &format!("{}: {}", NEEDS.get(lang), p.field.label(lang)),
                &p.text,
            );
        }
    }
    let author = opts.author.clone().unwrap_or_else(|| title.to_string());
    pdf.finish_by(&author, title, &subtitle, opts)
}
