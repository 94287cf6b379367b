//! The report, chart and evidence commands: the business case and follow-up PDFs written to
//! the file chosen in the native save dialog, the business case's content blocks for the
//! app to show, every chart of a document as SVG, the calibration table and the lesson
//! search. Each is one call into `nytta-app`; today's date for the reports is read here, at
//! the edge.

use std::path::PathBuf;

use nytta_app::ctx::system_today;
use nytta_app::dto::ErrorDto;
use nytta_app::evidence_view::{self, Evidence};
use nytta_app::report::{self, Block, ReportOptions};
use nytta_app::report_files::{self, ChartSet};
use nytta_app::types::{Category, Lesson};
use nytta_app::Lang;
use tauri::State;

use crate::Shell;

type Res<T> = Result<T, ErrorDto>;

/// Writes the business case of the initiative's current version as PDF to `path`.
#[tauri::command(async)]
pub fn report_business_case(
    shell: State<'_, Shell>,
    id: i64,
    path: PathBuf,
    lang: Lang,
) -> Res<()> {
    Ok(report_files::business_case_file(
        shell.ctx()?,
        id,
        &path,
        &ReportOptions::new(lang, system_today()),
    )?)
}

/// Writes the report of follow-up `index` (0 = the first) as PDF to `path`.
#[tauri::command(async)]
pub fn report_follow_up(
    shell: State<'_, Shell>,
    id: i64,
    index: usize,
    path: PathBuf,
    lang: Lang,
) -> Res<()> {
    Ok(report_files::follow_up_file(
        shell.ctx()?,
        id,
        index,
        &path,
        &ReportOptions::new(lang, system_today()),
    )?)
}

/// Every chart of a document's JSON text as SVG.
#[tauri::command(async)]
pub fn charts_svg(document: String, lang: Lang) -> Res<ChartSet> {
    Ok(report_files::chart_set(&document, lang)?)
}

/// The business case of a document's JSON text as content blocks, the document the PDF
/// prints.
#[tauri::command(async)]
pub fn business_case_content(document: String, lang: Lang) -> Res<Vec<Block>> {
    Ok(report::business_case_content(
        &document,
        &ReportOptions::new(lang, system_today()),
    )?)
}

/// The calibration table across the store, with the confidence hint per benefit category.
#[tauri::command(async)]
pub fn calibration(shell: State<'_, Shell>) -> Res<Evidence> {
    Ok(evidence_view::evidence(shell.ctx()?)?)
}

/// Lessons learned across the store matching the filters (blank ones match everything).
#[tauri::command(async)]
pub fn lessons_search(
    shell: State<'_, Shell>,
    text: String,
    tag: Option<String>,
    department: Option<String>,
    category: Option<Category>,
) -> Res<Vec<Lesson>> {
    Ok(evidence_view::search_lessons(
        shell.ctx()?,
        &text,
        tag.as_deref(),
        department.as_deref(),
        category,
    )?)
}
