//! Reports of stored initiatives, for the desktop app: the business case and the follow-up
//! report written as PDF to the file a person chose in the native save dialog, and every
//! chart of a document as SVG text for the screen.
//!
//! The date of printing comes in through [`ReportOptions`]; the caller reads the clock. A PDF
//! is written to a temporary file beside the target and renamed into place, so a failed
//! export never leaves half a file and never touches an existing file at the target.

use std::io::Write;
use std::path::Path;

use nytta_report::charts::Chart;
use nytta_report::ReportOptions;
use serde::Serialize;

use crate::ctx::Ctx;
use crate::portfolio;
use crate::report::report_error;
use crate::{evaluate_text, AppError, Lang};

/// Writes `bytes` to a temporary file beside `target`, then renames it into place. On any
/// error the temporary file is removed and `target` is left as it was.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> Result<(), AppError> {
    let io = |e: std::io::Error| AppError::Io {
        path: target.display().to_string(),
        detail: e.to_string(),
    };
    let name = target.file_name().map_or_else(
        || "rapport.pdf".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let tmp = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, target));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}

/// Writes the business case of initiative `id`'s current version as PDF to `path`.
pub fn business_case_file(
    ctx: &Ctx,
    id: i64,
    path: &Path,
    opts: &ReportOptions,
) -> Result<(), AppError> {
    let text = portfolio::get(ctx, id)?.document_json;
    let pdf = crate::report::business_case_pdf(&text, opts)?;
    write_atomically(path, &pdf)
}

/// Writes the report of follow-up `index` (0 = the first) of initiative `id`'s current
/// version as PDF to `path`; a document without that follow-up is an error with code
/// `no_follow_up` and writes nothing.
pub fn follow_up_file(
    ctx: &Ctx,
    id: i64,
    index: usize,
    path: &Path,
    opts: &ReportOptions,
) -> Result<(), AppError> {
    let text = portfolio::get(ctx, id)?.document_json;
    let pdf = crate::report::follow_up_pdf(&text, Some(index), opts)?;
    write_atomically(path, &pdf)
}

/// Every chart of a document as SVG text (800 px wide, fonts and colours as in the PDF).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChartSet {
    /// Cumulative net cash flow in both views, payback points marked.
    pub cash_flow: String,
    /// Benefits and costs per year (economic view).
    pub per_year: String,
    /// Benefits by category over the period.
    pub by_category: String,
    /// Benefits by stakeholder over the period.
    pub by_stakeholder: String,
    /// Economic NPV with each input at its low and high value; `null` when no input has
    /// a low or high value.
    pub tornado: Option<String>,
    /// Expected vs realised per line, one chart per follow-up in document order.
    pub follow_ups: Vec<String>,
}

/// Evaluates a document's text once and draws every chart of it in `lang`.
pub fn chart_set(text: &str, lang: Lang) -> Result<ChartSet, AppError> {
    let (model, ev) = evaluate_text(text, lang)?;
    let svg = |chart| nytta_report::charts::svg(chart, &model, &ev, lang).map_err(report_error);
    Ok(ChartSet {
        cash_flow: svg(Chart::CashFlow)?,
        per_year: svg(Chart::PerYear)?,
        by_category: svg(Chart::ByCategory)?,
        by_stakeholder: svg(Chart::ByStakeholder)?,
        tornado: if ev.sensitivity.tornado.is_empty() {
            None
        } else {
            Some(svg(Chart::Tornado)?)
        },
        follow_ups: (0..ev.follow_ups.len())
            .map(|i| svg(Chart::FollowUp(i)))
            .collect::<Result<_, _>>()?,
    })
}

#[cfg(test)]
#[path = "report_files_tests.rs"]
mod tests;
