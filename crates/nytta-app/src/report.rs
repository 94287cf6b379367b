//! Reports as bytes: the business case (*beslutsunderlag*) and the follow-up report as PDF,
//! and the charts as SVG for the desktop app. Callers pass the document's text and the
//! options (language, today's date — the clock stays at the edge) and write the bytes
//! wherever the user chose.

use nytta_report::ReportError;

pub use nytta_report::charts::Chart;
pub use nytta_report::{Block, ReportOptions};

use crate::error::Problem;
use crate::{evaluate_text, AppError, Lang};

/// A report error as a one-problem [`AppError::InvalidDocument`], keeping its code and path.
pub(crate) fn report_error(e: ReportError) -> AppError {
    AppError::InvalidDocument(vec![Problem {
        code: e.code().to_string(),
        path: e.path(),
        message_sv: e.message(Lang::Sv),
        message_en: e.message(Lang::En),
        pos: None,
    }])
}

/// The business case of a document as PDF bytes.
pub fn business_case_pdf(text: &str, opts: &ReportOptions) -> Result<Vec<u8>, AppError> {
    let (model, ev) = evaluate_text(text, opts.lang)?;
    nytta_report::business_case_pdf(&model, &ev, opts).map_err(report_error)
}

/// The business case of a document as content blocks: what its PDF prints, in the same
/// order and words, for the app to show as a document.
pub fn business_case_content(text: &str, opts: &ReportOptions) -> Result<Vec<Block>, AppError> {
    let (model, ev) = evaluate_text(text, opts.lang)?;
    nytta_report::business_case_content(&model, &ev, opts).map_err(report_error)
}

/// The report of follow-up `index` (the latest when `None`) as PDF bytes; a document without
/// follow-ups is an error with code `no_follow_up`.
pub fn follow_up_pdf(
    text: &str,
    index: Option<usize>,
    opts: &ReportOptions,
) -> Result<Vec<u8>, AppError> {
    let (model, ev) = evaluate_text(text, opts.lang)?;
    let index = index.unwrap_or(ev.follow_ups.len().saturating_sub(1));
    nytta_report::follow_up_pdf(&model, &ev, index, opts).map_err(report_error)
}

/// One chart of a document as SVG text.
pub fn chart_svg(text: &str, chart: Chart, lang: Lang) -> Result<String, AppError> {
    let (model, ev) = evaluate_text(text, lang)?;
    nytta_report::charts::svg(chart, &model, &ev, lang).map_err(report_error)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const ROBOTS: &str = include_str!("../../../samples/lakemedelsrobotar.nytta.json");
    const EXAMS: &str = include_str!("../../../samples/digitala-examinationer.nytta.json");

    #[test]
    fn pdfs_and_charts_from_text() {
        let opts = ReportOptions::new(Lang::Sv, "2024-05-02");
        assert!(business_case_pdf(ROBOTS, &opts)
            .unwrap()
            .starts_with(b"%PDF-"));
        assert!(follow_up_pdf(ROBOTS, None, &opts)
            .unwrap()
            .starts_with(b"%PDF-"));
        assert!(chart_svg(ROBOTS, Chart::CashFlow, Lang::Sv)
            .unwrap()
            .contains("<svg"));
    }

    #[test]
    fn the_content_is_the_business_case_in_blocks() {
        let opts = ReportOptions::new(Lang::En, "2024-05-02");
        let blocks = business_case_content(ROBOTS, &opts).unwrap();
        let sections: Vec<&str> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level: 1, text } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(sections, nytta_report::section_headings(Lang::En));
        assert!(
            matches!(&blocks[0], Block::Title { title, .. } if title == "Läkemedelsrobotar i boendestödet")
        );
        assert_eq!(
            business_case_content("{", &opts).unwrap_err().code(),
            "json_syntax"
        );
    }

    #[test]
    fn errors_carry_codes() {
        let opts = ReportOptions::new(Lang::En, "2024-05-02");
        let e = follow_up_pdf(EXAMS, None, &opts).unwrap_err();
        assert_eq!(e.code(), "no_follow_up");
        let e = business_case_pdf(ROBOTS, &ReportOptions::new(Lang::Sv, "igår")).unwrap_err();
        assert_eq!(e.code(), "bad_date");
        assert_eq!(
            business_case_pdf("{", &opts).unwrap_err().code(),
            "json_syntax"
        );
    }
}
