//! A document of headed sections, each with paragraphs, charts and a table, all text given by
//! the caller: the portfolio report for the municipal leadership is written this way, its
//! figures and wording made by `nytta-app` from the portfolio's use cases, its charts drawn
//! by [`crate::charts`] (the funnel, the demand per year, the bubble chart).

use crate::error::ReportError;
use crate::font::chart_tree;
use crate::layout::{Align, Cell, Column, BODY, HEADING_ROOM, SMALL, WIDTH};
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

/// A chart: SVG text from [`crate::charts`], drawn across the text width as a vector figure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocChart {
    /// The chart's SVG text.
    pub svg: String,
    /// What it shows, in one sentence, for screen readers (the figure's alternative text).
    pub alt: String,
    /// The caption printed under it.
    pub caption: String,
}

/// One headed section.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocSection {
    /// Heading.
    pub heading: String,
    /// Paragraphs before the table.
    pub paragraphs: Vec<String>,
    /// Charts after the paragraphs, each with its caption.
    pub charts: Vec<DocChart>,
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

/// The chart's drawing, its text in the embedded DejaVu Sans.
fn tree(c: &DocChart) -> Result<usvg::Tree, ReportError> {
    chart_tree(&c.svg).map_err(|detail| ReportError::Chart {
        chart: c.caption.clone(),
        detail,
    })
}

/// The height of `tree` drawn across the text width.
fn height(tree: &usvg::Tree) -> f32 {
    let size = tree.size();
    WIDTH * size.height() / size.width().max(1.0)
}

pub(crate) fn write(d: &TableDoc, opts: &ReportOptions) -> Result<Vec<u8>, ReportError> {
    let mut pdf = Pdf::new(&d.title, opts)?;
    pdf.layout.title(&d.title, &d.subtitle);
    for s in &d.sections {
        let trees = s.charts.iter().map(tree).collect::<Result<Vec<_>, _>>()?;
        if let Some(first) = trees.first() {
            // The heading and its paragraphs go to the page of the first chart.
            let paragraphs: f32 = s
                .paragraphs
                .iter()
                .map(|p| pdf.layout.para_height(p, BODY))
                .sum();
            pdf.layout
                .keep(HEADING_ROOM + 10.0 + paragraphs + height(first) + 8.0);
        }
        pdf.layout.h1(&s.heading);
        for p in &s.paragraphs {
            pdf.layout.para(p, BODY);
        }
        for (c, t) in s.charts.iter().zip(trees) {
            pdf.layout.image(t, WIDTH, &c.alt);
            pdf.layout.para(&c.caption, SMALL);
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
