//! # nytta-report
//!
//! Charts and PDF documents of an evaluated valuation: values in, bytes out. It owns the
//! business case (*beslutsunderlag*), the follow-up report and the charts the app shows.
//! It does no file I/O and reads no clock: the caller passes the document, its
//! [`Evaluation`] and [`ReportOptions`] (language, date of printing) and gets bytes back.
//! It computes no figures either; every number comes from `nytta-core` and is written with
//! `nytta_core::format`, so the PDF reads exactly like the app.
//!
//! How the parts connect:
//! - [`charts`] reduces an evaluation to a chart and draws it with plotters, as SVG text
//!   or PNG bytes; the PDF places the SVG as vector graphics, described by [`charts::alt`].
//! - `layout` is a small layout engine over krilla: wrapped paragraphs measured with
//!   the embedded DejaVu Sans, tables that split across pages with repeated headers, page
//!   breaks before overflow, header and footer on every page. It tags what it draws (headings,
//!   paragraphs, lists, tables with header cells, figures with alternative text; furniture
//!   as artifacts) and bookmarks every heading; `pdf` writes it as PDF/A-2a with the fonts
//!   subset and XMP metadata (title, author, subject, keywords with the diarienummer,
//!   language, printing date, the decision date of a decided version).
//! - `business_case` (with `decision_box` for page 1, `five_case` for the decision material
//!   and `appendix` for the sensitivity, goals, risks and assumptions) and `follow_up` write
//!   the two documents section by section, `agenda` the PULS agenda of the portfolio, with
//!   wording from the `text` catalogue (Swedish and English).
//! - `content` is the business case's one content model: its sections write into a `Sink`,
//!   which is either the PDF or a recorder of [`Block`]s (headings, paragraphs, tables with
//!   header cells and sum rows, figures with their SVG and alternative text) that the app
//!   shows as the same document ([`business_case_content`]). What the user previews is what
//!   the manager reads.

mod agenda;
mod appendix;
mod business_case;
pub mod charts;
mod common;
mod content;
mod decision_box;
mod error;
mod five_case;
mod follow_up;
mod font;
mod layout;
mod pdf;
mod simulated;
mod tables;
mod text;

pub use agenda::{AgendaDoc, AgendaEntry};
pub use content::{Block, ColumnAlign, Row, Run, TextStyle};
pub use error::ReportError;
pub use nytta_core::{Evaluation, Lang, Model};
pub use tables::{DocChart, DocSection, DocTable, TableDoc};

/// What the caller decides about a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportOptions {
    /// Language of every text and number.
    pub lang: Lang,
    /// Date of printing, `YYYY-MM-DD`, shown in the footer and the PDF metadata.
    pub printed: String,
    /// The PDF's author; the initiative's owner and department when `None`.
    pub author: Option<String>,
    /// The decision asked for, in the decision box when the document's decision material
    /// proposes none; a standard wording, marked as such, when `None` too.
    pub decision: Option<String>,
}

impl ReportOptions {
    /// Options in `lang`, printed on `printed` (`YYYY-MM-DD`).
    pub fn new(lang: Lang, printed: impl Into<String>) -> ReportOptions {
        ReportOptions {
            lang,
            printed: printed.into(),
            author: None,
            decision: None,
        }
    }
}

/// The headings of the business case's sections in `lang`, in order (for tests and
/// tables of contents).
pub fn section_headings(lang: Lang) -> Vec<&'static str> {
    text::SECTIONS.iter().map(|s| s.get(lang)).collect()
}

/// The business case (*beslutsunderlag*) as PDF bytes.
pub fn business_case_pdf(
    model: &Model,
    ev: &Evaluation,
    opts: &ReportOptions,
) -> Result<Vec<u8>, ReportError> {
    business_case::write(model, ev, opts)
}

/// The business case's content as blocks in reading order: the same headings, paragraphs,
/// tables and charts, with the same texts, as [`business_case_pdf`] prints (for the app to
/// show the document the PDF is).
pub fn business_case_content(
    model: &Model,
    ev: &Evaluation,
    opts: &ReportOptions,
) -> Result<Vec<Block>, ReportError> {
    let mut recorder = content::Recorder::default();
    business_case::content(&mut recorder, model, ev, opts)?;
    Ok(recorder.blocks)
}

/// The PULS agenda as PDF bytes.
pub fn agenda_pdf(agenda: &AgendaDoc, opts: &ReportOptions) -> Result<Vec<u8>, ReportError> {
    agenda::write(agenda, opts)
}

/// A document of headed sections with tables (the portfolio report) as PDF bytes.
pub fn tables_pdf(doc: &TableDoc, opts: &ReportOptions) -> Result<Vec<u8>, ReportError> {
    tables::write(doc, opts)
}

/// The report of follow-up `index` (into the document's follow-ups) as PDF bytes.
pub fn follow_up_pdf(
    model: &Model,
    ev: &Evaluation,
    index: usize,
    opts: &ReportOptions,
) -> Result<Vec<u8>, ReportError> {
    follow_up::write(model, ev, index, opts)
}
