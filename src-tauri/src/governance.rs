//! The portfolio governance commands for the municipal leadership: the overview, the
//! prioritisation with its capacity line, the PULS agenda, similar needs across departments,
//! the search text of the portfolio list, and the demo portfolio; the agenda and the
//! portfolio report as PDF.
//! Each is one call into `nytta-app`; today's date for the overview and the PDF's printing
//! date are read here, at the edge.

use std::path::PathBuf;

use nytta_app::ctx::system_today;
use nytta_app::dto::ErrorDto;
use nytta_app::report::ReportOptions;
use nytta_app::types::{
    Agenda, DemoOutcome, LinkKind, Overview, Priorities, PriorityFilter, SearchText, SimilarNeeds,
};
use nytta_app::{
    agenda, demo, overview, portfolio, portfolio_report, priorities, similar, Decimal, Lang,
};
use tauri::State;

use crate::Shell;

type Res<T> = Result<T, ErrorDto>;

/// The portfolio overview as of today.
#[tauri::command(async)]
pub fn portfolio_overview(shell: State<'_, Shell>) -> Res<Overview> {
    Ok(overview::overview(shell.ctx()?, &system_today())?)
}

/// The initiatives `filter` chooses, in priority order, with the capacity line.
#[tauri::command(async)]
pub fn portfolio_priorities(shell: State<'_, Shell>, filter: PriorityFilter) -> Res<Priorities> {
    Ok(priorities::priorities(shell.ctx()?, &filter)?)
}

/// The bubble chart (effect against feasibility, area by NPV, colour by department) of the
/// initiatives `filter` chooses, as SVG text.
#[tauri::command(async)]
pub fn portfolio_bubbles(
    shell: State<'_, Shell>,
    filter: PriorityFilter,
    lang: Lang,
) -> Res<String> {
    Ok(priorities::bubbles(shell.ctx()?, &filter, lang)?)
}

/// The PULS agenda: initiatives asking for a decision or support, changed since `since`.
#[tauri::command(async)]
pub fn portfolio_agenda(shell: State<'_, Shell>, since: String) -> Res<Agenda> {
    Ok(agenda::agenda(shell.ctx()?, &since)?)
}

/// Writes the PULS agenda since `since` as PDF to `path`.
#[tauri::command(async)]
pub fn portfolio_agenda_pdf(
    shell: State<'_, Shell>,
    since: String,
    path: PathBuf,
    lang: Lang,
) -> Res<()> {
    let opts = ReportOptions::new(lang, system_today());
    Ok(agenda::pdf_to(shell.ctx()?, &since, &path, &opts)?)
}

/// Writes the portfolio report for the municipal leadership as PDF to `path`.
#[tauri::command(async)]
pub fn portfolio_report_pdf(shell: State<'_, Shell>, path: PathBuf, lang: Lang) -> Res<()> {
    let opts = ReportOptions::new(lang, system_today());
    Ok(portfolio_report::pdf_to(shell.ctx()?, &path, &opts)?)
}

/// Groups of initiatives in different departments with similar needs, at `threshold` or
/// the stored setting.
#[tauri::command(async)]
pub fn portfolio_similar(shell: State<'_, Shell>, threshold: Option<Decimal>) -> Res<SimilarNeeds> {
    Ok(similar::similar_needs(shell.ctx()?, threshold)?)
}

/// Marks a pair "not similar" or links it as a coordinated need (`null` forgets it).
#[tauri::command(async)]
pub fn portfolio_similar_mark(
    shell: State<'_, Shell>,
    a: i64,
    b: i64,
    kind: Option<LinkKind>,
) -> Res<()> {
    Ok(similar::mark(shell.ctx()?, a, b, kind)?)
}

/// The text the portfolio list's search looks through, per initiative.
#[tauri::command(async)]
pub fn portfolio_search_texts(shell: State<'_, Shell>) -> Res<Vec<SearchText>> {
    Ok(portfolio::search_texts(shell.ctx()?)?)
}

/// The departments to suggest: the configured list, then the others the portfolio names.
#[tauri::command(async)]
pub fn departments_list(shell: State<'_, Shell>) -> Res<Vec<String>> {
    Ok(portfolio::departments(shell.ctx()?)?)
}

/// How many live initiatives are demo data.
#[tauri::command(async)]
pub fn demo_count(shell: State<'_, Shell>) -> Res<i64> {
    Ok(demo::count(shell.ctx()?)?)
}

/// Adds the demo portfolio.
#[tauri::command(async)]
pub fn demo_add(shell: State<'_, Shell>) -> Res<DemoOutcome> {
    Ok(demo::add(shell.ctx()?)?)
}

/// Removes the demo portfolio in one action.
#[tauri::command(async)]
pub fn demo_remove(shell: State<'_, Shell>) -> Res<DemoOutcome> {
    Ok(demo::remove(shell.ctx()?)?)
}
