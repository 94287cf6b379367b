//! A document of headed sections, each with paragraphs and a table, all text given by the
//! caller: the portfolio report for the municipal leadership is written this way, its figures
//! and wording made by `nytta-app` from the portfolio's use cases.

use crate::error::ReportError;
use crate::layout::{Align, Cell, Column, BODY, SMALL};
use crate::pdf::Pdf;
use crate::ReportOptions;

/// A table: column widths (shares of the text width, adding up to 1), which columns are
/// numbers (right-aligned), the header and the rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocTable {
    /// Share of the text width per column.
    pub widths: Vec<f32>,
    /// Per column: right-aligned (a number).
    pub numeric: Vec<bool>,
    /// Column headings.
    pub header: Vec<String>,
    /// The rows, one text per column.
    pub rows: Vec<Vec<String>>,
}

/// One headed section.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocSection {
    /// Heading.
    pub heading: String,
    /// Paragraphs before the table.
    pub paragraphs: Vec<String>,
    /// The table, if any.
    pub table: Option<DocTable>,
    /// A note in small print after the table.
    pub note: Option<String>,
}

/// A document of sections.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableDoc {
    /// Title, also in the header of every page.
    pub title: String,
    /// Subtitle, also in the header of every page.
    pub subtitle: String,
    /// The sections in order.
    pub sections: Vec<DocSection>,
}

pub(crate) fn write(d: &TableDoc, opts: &ReportOptions) -> Result<Vec<u8>, ReportError> {
    let mut pdf = Pdf::new(&d.title, opts)?;
    pdf.layout.title(&d.title, &d.subtitle);
    for s in &d.sections {
        pdf.layout.h1(&s.heading);
        for p in &s.paragraphs {
            pdf.layout.para(p, BODY);
        }
        if let Some(t) = &s.table {
            let cols: Vec<Column> = t
                .widths
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let right = t.numeric.get(i).copied().unwrap_or(false);
                    Column(*w, if right { Align::Right } else { Align::Left })
                })
                .collect();
            let header: Vec<&str> = t.header.iter().map(String::as_str).collect();
            let rows: Vec<Vec<Cell>> = t
                .rows
                .iter()
                .map(|r| r.iter().map(|c| Cell::text(c.clone())).collect())
                .collect();
            pdf.layout.table(&cols, &header, &rows);
        }
        if let Some(n) = &s.note {
            pdf.layout.para(n, SMALL);
        }
    }
    let author = opts.author.clone().unwrap_or_else(|| d.title.clone());
    pdf.finish_by(&author, &d.title, &d.subtitle, opts)
}
