//! The business case's content, written once and rendered twice. The sections write into a
//! [`Sink`]: the PDF ([`Pdf`], which lays the content out with `layout` and draws the charts)
//! or a [`Recorder`], which keeps the same content as [`Block`]s for the app to show as an
//! HTML document. Every text in a block is final, with its figures formatted; page-break
//! hints (`keep`, `gap`) only matter on paper and are no-ops in the recorder.

use nytta_core::{Evaluation, Lang, Model};
use serde::Serialize;

use crate::charts::{self, Chart};
use crate::error::ReportError;
use crate::layout::{Align, Cell, Column, Style, Weight};
use crate::pdf::Pdf;

/// What the business case's sections write into.
pub(crate) trait Sink {
    /// The document title and the line under it.
    fn title(&mut self, title: &str, subtitle: &str);
    /// A section heading.
    fn h1(&mut self, text: &str);
    /// A subheading.
    fn h2(&mut self, text: &str);
    /// A paragraph in `st` (body, bold or small note).
    fn para(&mut self, text: &str, st: Style);
    /// A bold label followed by its text.
    fn labelled(&mut self, label: &str, text: &str);
    /// A bulleted list.
    fn bullets(&mut self, items: &[String], st: Style);
    /// A table with a header row; its last row is a sum when it alone is all bold.
    fn table(&mut self, cols: &[Column], header: &[&str], rows: &[Vec<Cell>]);
    /// Vertical space.
    fn gap(&mut self, h: f32);
    /// Keeps the next `h` points on one page.
    fn keep(&mut self, h: f32);
    /// The height `text` takes on paper (for [`Sink::keep`]).
    fn para_height(&self, text: &str, st: Style) -> f32;
    /// The height a table takes on paper (for [`Sink::keep`]).
    fn table_height(&self, cols: &[Column], header: &[&str], rows: &[Vec<Cell>]) -> f32;
    /// A chart as a figure, described by [`charts::alt`].
    fn chart(
        &mut self,
        chart: Chart,
        model: &Model,
        ev: &Evaluation,
        lang: Lang,
    ) -> Result<(), ReportError>;
}

impl Sink for Pdf {
    fn title(&mut self, title: &str, subtitle: &str) {
        self.layout.title(title, subtitle);
    }
    fn h1(&mut self, text: &str) {
        self.layout.h1(text);
    }
    fn h2(&mut self, text: &str) {
        self.layout.h2(text);
    }
    fn para(&mut self, text: &str, st: Style) {
        self.layout.para(text, st);
    }
    fn labelled(&mut self, label: &str, text: &str) {
        self.layout.labelled(label, text);
    }
    fn bullets(&mut self, items: &[String], st: Style) {
        self.layout.bullets(items, st);
    }
    fn table(&mut self, cols: &[Column], header: &[&str], rows: &[Vec<Cell>]) {
        self.layout.table(cols, header, rows);
    }
    fn gap(&mut self, h: f32) {
        self.layout.gap(h);
    }
    fn keep(&mut self, h: f32) {
        self.layout.keep(h);
    }
    fn para_height(&self, text: &str, st: Style) -> f32 {
        self.layout.para_height(text, st)
    }
    fn table_height(&self, cols: &[Column], header: &[&str], rows: &[Vec<Cell>]) -> f32 {
        self.layout.table_height(cols, header, rows)
    }
    fn chart(
        &mut self,
        chart: Chart,
        model: &Model,
        ev: &Evaluation,
        lang: Lang,
    ) -> Result<(), ReportError> {
        Pdf::chart(self, chart, model, ev, lang)
    }
}

/// One block of the business case, in reading order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// The document title and the line under it (kind, department, version).
    Title {
        /// The initiative's title.
        title: String,
        /// Kind, department and version, joined by " · ".
        subtitle: String,
    },
    /// A heading: 1 for a section (a case of the Five Case Model), 2 for a subsection.
    Heading {
        /// 1 or 2.
        level: u8,
        /// The heading's text.
        text: String,
    },
    /// A paragraph.
    Paragraph {
        /// The paragraph's text.
        text: String,
        /// Body, bold or note.
        style: TextStyle,
    },
    /// A bold label and its text, e.g. "Problem" and the problem described.
    Labelled {
        /// The label, in bold.
        label: String,
        /// The text under it.
        text: String,
    },
    /// A bulleted list.
    Bullets {
        /// The items, in order.
        items: Vec<String>,
    },
    /// A table.
    Table {
        /// The header cells; empty when the table has none (a list of labels and values).
        header: Vec<String>,
        /// Each column's alignment (figures right).
        align: Vec<ColumnAlign>,
        /// The body rows, in order.
        rows: Vec<Row>,
    },
    /// A chart as SVG text, with its description for screen readers and its caption.
    Figure {
        /// Which chart (e.g. `CashFlow`, `Tornado`).
        chart: String,
        /// The chart as SVG text (fonts and colours as in the PDF).
        svg: String,
        /// What the chart shows, in words, for screen readers.
        alt: String,
        /// The caption under the chart.
        caption: Option<String>,
    },
}

/// How a paragraph reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum TextStyle {
    /// Body text.
    Body,
    /// Bold body text.
    Strong,
    /// A note in smaller type.
    Note,
}

/// A column's alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ColumnAlign {
    /// Text.
    Left,
    /// Figures.
    Right,
}

/// A table row: its cells, each a list of runs (a run per paragraph of the cell).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Row {
    /// The cells, one per column.
    pub cells: Vec<Vec<Run>>,
    /// Whether the row sums the rows above it (the last row, all bold below a row that is
    /// not).
    pub sum: bool,
}

/// A paragraph of a table cell, regular or bold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Run {
    /// The text; a line break where the PDF breaks the line.
    pub text: String,
    /// Whether the run is bold.
    pub bold: bool,
}

/// Keeps what the sections write as [`Block`]s.
#[derive(Default)]
pub(crate) struct Recorder {
    pub blocks: Vec<Block>,
}

fn runs(cell: &Cell) -> Vec<Run> {
    cell.0
        .iter()
        .map(|(text, w)| Run {
            text: text.clone(),
            bold: *w == Weight::Bold,
        })
        .collect()
}

/// Whether `row` is all bold where it has text (and has text).
fn all_bold(row: &[Cell]) -> bool {
    let mut any = false;
    for (text, w) in row.iter().flat_map(|c| &c.0) {
        if !text.trim().is_empty() {
            any = true;
            if *w != Weight::Bold {
                return false;
            }
        }
    }
    any
}

impl Sink for Recorder {
    fn title(&mut self, title: &str, subtitle: &str) {
        self.blocks.push(Block::Title {
            title: title.to_string(),
            subtitle: subtitle.to_string(),
        });
    }
    fn h1(&mut self, text: &str) {
        self.blocks.push(Block::Heading {
            level: 1,
            text: text.to_string(),
        });
    }
    fn h2(&mut self, text: &str) {
        self.blocks.push(Block::Heading {
            level: 2,
            text: text.to_string(),
        });
    }
    fn para(&mut self, text: &str, st: Style) {
        let style = if st.weight == Weight::Bold {
            TextStyle::Strong
        } else if st.size < crate::layout::BODY.size {
            TextStyle::Note
        } else {
            TextStyle::Body
        };
        // A note right after a chart is its caption.
        if let (TextStyle::Note, Some(Block::Figure { caption, .. })) =
            (style, self.blocks.last_mut())
        {
            if caption.is_none() {
                *caption = Some(text.to_string());
                return;
            }
        }
        self.blocks.push(Block::Paragraph {
            text: text.to_string(),
            style,
        });
    }
    fn labelled(&mut self, label: &str, text: &str) {
        self.blocks.push(Block::Labelled {
            label: label.to_string(),
            text: text.to_string(),
        });
    }
    fn bullets(&mut self, items: &[String], _st: Style) {
        self.blocks.push(Block::Bullets {
            items: items.to_vec(),
        });
    }
    fn table(&mut self, cols: &[Column], header: &[&str], rows: &[Vec<Cell>]) {
        let header = if header.iter().all(|h| h.trim().is_empty()) {
            Vec::new()
        } else {
            header.iter().map(|h| (*h).to_string()).collect()
        };
        let last = rows.len().saturating_sub(1);
        let rows = rows
            .iter()
            .enumerate()
            .map(|(i, r)| Row {
                cells: r.iter().map(runs).collect(),
                sum: i == last && i > 0 && all_bold(r) && !all_bold(&rows[i - 1]),
            })
            .collect();
        let align = cols
            .iter()
            .map(|c| match c.1 {
                Align::Left => ColumnAlign::Left,
                Align::Right => ColumnAlign::Right,
            })
            .collect();
        self.blocks.push(Block::Table {
            header,
            align,
            rows,
        });
    }
    fn gap(&mut self, _h: f32) {}
    fn keep(&mut self, _h: f32) {}
    fn para_height(&self, _text: &str, _st: Style) -> f32 {
        0.0
    }
    fn table_height(&self, _cols: &[Column], _header: &[&str], _rows: &[Vec<Cell>]) -> f32 {
        0.0
    }
    fn chart(
        &mut self,
        chart: Chart,
        model: &Model,
        ev: &Evaluation,
        lang: Lang,
    ) -> Result<(), ReportError> {
        let svg = charts::svg(chart, model, ev, lang)?;
        let alt = charts::alt(chart, model, ev, lang)?;
        self.blocks.push(Block::Figure {
            chart: format!("{chart:?}"),
            svg,
            alt,
            caption: None,
        });
        Ok(())
    }
}
