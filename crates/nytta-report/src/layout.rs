//! A small layout engine for A4 reports: a cursor that flows headings, wrapped paragraphs,
//! bullet lists, tables and images down the page and starts a new page before anything
//! would cross the bottom margin.
//!
//! Text is wrapped by the font's measured advance widths; a word longer than a line is
//! broken between characters, so nothing is ever wider than its box. Tables wrap each cell
//! in its column, repeat the header row on every page they continue on, and split a row
//! that is taller than the space left line by line. Page furniture (header, footer, page
//! numbers) is added in [`Layout::finish`], once the number of pages is known.

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, Point,
    Pt, Rect, Rgb, TextItem, XObjectId, XObjectTransform,
};

use crate::error::ReportError;
use crate::font::{faces, text_width, Faces};

/// A4 width in points.
pub(crate) const PAGE_W: f32 = 595.2756;
/// A4 height in points.
pub(crate) const PAGE_H: f32 = 841.8898;
/// Left edge of the text column.
pub(crate) const LEFT: f32 = 56.0;
/// Right edge of the text column.
pub(crate) const RIGHT: f32 = PAGE_W - 56.0;
/// Width of the text column.
pub(crate) const WIDTH: f32 = RIGHT - LEFT;
/// Top of the text column (below the header).
const TOP: f32 = PAGE_H - 66.0;
/// Bottom of the text column (above the footer).
const BOTTOM: f32 = 62.0;
/// Cell padding in tables.
const PAD: f32 = 3.5;

/// The room a subheading takes with its gaps, for keeping it with what follows.
pub(crate) const HEADING_ROOM: f32 = 11.0 * 1.38 + 10.0;

/// Regular or bold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Weight {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// Size, weight and colour of a run of text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    pub size: f32,
    pub weight: Weight,
    pub color: (f32, f32, f32),
}

const INK: (f32, f32, f32) = (0.13, 0.13, 0.13);
const MUTED: (f32, f32, f32) = (0.33, 0.33, 0.33);
/// The one accent colour (Okabe–Ito blue, darkened for text contrast).
const ACCENT: (f32, f32, f32) = (0.0, 0.32, 0.52);
const RULE: (f32, f32, f32) = (0.72, 0.72, 0.72);
const SHADE: (f32, f32, f32) = (0.92, 0.93, 0.95);

pub(crate) const BODY: Style = Style {
    size: 9.5,
    weight: Weight::Regular,
    color: INK,
};
pub(crate) const BODY_BOLD: Style = Style {
    size: 9.5,
    weight: Weight::Bold,
    color: INK,
};
pub(crate) const SMALL: Style = Style {
    size: 8.0,
    weight: Weight::Regular,
    color: MUTED,
};
const TITLE: Style = Style {
    size: 20.0,
    weight: Weight::Bold,
    color: ACCENT,
};
const H1: Style = Style {
    size: 14.0,
    weight: Weight::Bold,
    color: ACCENT,
};
const H2: Style = Style {
    size: 11.0,
    weight: Weight::Bold,
    color: INK,
};
const CELL: Style = Style {
    size: 8.5,
    weight: Weight::Regular,
    color: INK,
};
const CELL_BOLD: Style = Style {
    size: 8.5,
    weight: Weight::Bold,
    color: INK,
};
const FURNITURE: Style = Style {
    size: 7.5,
    weight: Weight::Regular,
    color: MUTED,
};

fn line_height(st: Style) -> f32 {
    st.size * 1.38
}

/// Distance from the top of a line box to the baseline.
fn ascent(st: Style) -> f32 {
    st.size * 1.02
}

/// Horizontal alignment in a table column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

/// A table column: its share of the text width and its alignment.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Column(pub f32, pub Align);

/// A table cell: paragraphs, each regular or bold.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cell(pub Vec<(String, Weight)>);

impl Cell {
    /// One regular paragraph.
    pub(crate) fn text(s: impl Into<String>) -> Cell {
        Cell(vec![(s.into(), Weight::Regular)])
    }

    /// One bold paragraph.
    pub(crate) fn bold(s: impl Into<String>) -> Cell {
        Cell(vec![(s.into(), Weight::Bold)])
    }

    /// Adds a paragraph (empty text is skipped).
    pub(crate) fn and(mut self, s: impl Into<String>, w: Weight) -> Cell {
        let s = s.into();
        if !s.trim().is_empty() {
            self.0.push((s, w));
        }
        self
    }
}

/// The spaces the wrapper never breaks at.
const NON_BREAKING: [char; 3] = ['\u{a0}', '\u{202f}', '\u{2007}'];

/// Whether the wrapper may break a line at `c`.
fn breakable(c: char) -> bool {
    c.is_whitespace() && !NON_BREAKING.contains(&c)
}

/// Units written after a figure, kept on its line ("1 234 kr", "12 %", "1,1 år").
const UNITS: [&str; 12] = [
    "kr", "kr/h", "kr/år", "%", "h", "år", "SEK", "SEK/h", "SEK/year", "year", "years", "st",
];

/// `text` with the spaces inside figures made non-breaking: between two digits
/// ("1 234 567"), between a figure and its unit ("1 234 kr") and after the currency code
/// that precedes one ("SEK 1,234").
pub(crate) fn tie(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let word_at = |from: usize| -> String {
        chars[from..]
            .iter()
            .take_while(|c| !c.is_whitespace())
            .collect::<String>()
            .trim_end_matches([',', '.', ';', ':', ')'])
            .to_string()
    };
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let tied = c == ' '
            && i > 0
            && i + 1 < chars.len()
            && ((chars[i - 1].is_ascii_digit()
                && (chars[i + 1].is_ascii_digit() || UNITS.contains(&word_at(i + 1).as_str())))
                || (chars[i + 1].is_ascii_digit() && chars[..i].ends_with(&['S', 'E', 'K'])));
        out.push(if tied { '\u{a0}' } else { c });
    }
    out
}

/// Pages being laid out.
pub(crate) struct Layout {
    faces: &'static Faces,
    regular: FontId,
    bold: FontId,
    pages: Vec<Vec<Op>>,
    y: f32,
    fresh: bool,
}

fn rgb(c: (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb::new(c.0, c.1, c.2, None))
}

fn pt(x: f32, y: f32) -> Point {
    Point { x: Pt(x), y: Pt(y) }
}

impl Layout {
    /// Starts a layout whose fonts are added to `doc`.
    pub(crate) fn new(doc: &mut PdfDocument) -> Result<Layout, ReportError> {
        let faces = faces()?;
        let regular = doc.add_font(&faces.regular);
        let bold = doc.add_font(&faces.bold);
        Ok(Layout {
            faces,
            regular,
            bold,
            pages: vec![Vec::new()],
            y: TOP,
            fresh: true,
        })
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Width of `text` in `st`.
    pub(crate) fn width(&self, text: &str, st: Style) -> f32 {
        let face = match st.weight {
            Weight::Regular => &self.faces.regular,
            Weight::Bold => &self.faces.bold,
        };
        text_width(face, text, st.size)
    }

    /// Starts a new page.
    pub(crate) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
        self.fresh = true;
    }

    /// Starts a new page unless `h` points still fit on this one.
    pub(crate) fn ensure(&mut self, h: f32) {
        if self.y - h < BOTTOM && !self.fresh {
            self.new_page();
        }
    }

    /// Vertical space; never carries over to a new page.
    pub(crate) fn gap(&mut self, h: f32) {
        if !self.fresh {
            self.y = (self.y - h).max(BOTTOM);
        }
    }

    fn text_op(&mut self, x: f32, baseline: f32, text: &str, st: Style) {
        let font = match st.weight {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        };
        self.ops().extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(st.size),
            },
            Op::SetFillColor { col: rgb(st.color) },
            Op::SetTextCursor {
                pos: pt(x, baseline),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    fn rule(&mut self, x0: f32, x1: f32, y: f32, thickness: f32, color: (f32, f32, f32)) {
        self.ops().extend([
            Op::SetOutlineColor { col: rgb(color) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint {
                            p: pt(x0, y),
                            bezier: false,
                        },
                        LinePoint {
                            p: pt(x1, y),
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            },
        ]);
    }

    fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: (f32, f32, f32)) {
        self.ops().extend([
            Op::SetFillColor { col: rgb(color) },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x),
                    y: Pt(y),
                    width: Pt(w),
                    height: Pt(h),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            },
        ]);
    }

    /// `text` broken into lines no wider than `width`; `\n` starts a new paragraph line.
    /// A figure stays whole: the spaces inside it and before its unit are non-breaking
    /// (see [`tie`]), and the wrapper breaks only at breakable spaces. The lines come back
    /// with plain spaces, so the PDF's text reads like the app's.
    pub(crate) fn wrap(&self, text: &str, width: f32, st: Style) -> Vec<String> {
        let space = self.width(" ", st);
        let mut out = Vec::new();
        for para in text.split('\n') {
            let para = tie(para);
            let mut line = String::new();
            let mut line_w = 0.0;
            for word in para.split(breakable).filter(|w| !w.is_empty()) {
                let w = self.width(word, st);
                if !line.is_empty() && line_w + space + w <= width {
                    line.push(' ');
                    line.push_str(word);
                    line_w += space + w;
                    continue;
                }
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                if w <= width {
                    line = word.to_string();
                    line_w = w;
                    continue;
                }
                // A word wider than the line (a long URL or formula) breaks after its last
                // slash that fits, else between characters.
                line_w = 0.0;
                let mut slash: Option<usize> = None;
                for c in word.chars() {
                    let cw = self.width(c.encode_utf8(&mut [0; 4]), st);
                    if line_w + cw > width && !line.is_empty() {
                        let rest = match slash.take() {
                            Some(at) if at < line.len() => line.split_off(at),
                            _ => String::new(),
                        };
                        out.push(std::mem::replace(&mut line, rest));
                        line_w = self.width(&line, st);
                    }
                    line.push(c);
                    line_w += cw;
                    if c == '/' {
                        slash = Some(line.len());
                    }
                }
            }
            out.push(line);
        }
        out.into_iter()
            .map(|l| l.replace(NON_BREAKING, " "))
            .collect()
    }

    /// `text` cut to `width` with an ellipsis when it is too wide.
    pub(crate) fn fit(&self, text: &str, width: f32, st: Style) -> String {
        if self.width(text, st) <= width {
            return text.to_string();
        }
        let mut out = String::new();
        for c in text.chars() {
            out.push(c);
            if self.width(&out, st) + self.width("…", st) > width {
                out.pop();
                break;
            }
        }
        format!("{}…", out.trim_end())
    }

    /// Lines of text at `x`, breaking pages between lines.
    fn lines_at(&mut self, x: f32, lines: &[String], st: Style) {
        let lh = line_height(st);
        for l in lines {
            if self.y - lh < BOTTOM {
                self.new_page();
            }
            let baseline = self.y - ascent(st);
            if !l.is_empty() {
                self.text_op(x, baseline, l, st);
            }
            self.y -= lh;
            self.fresh = false;
        }
    }

    /// The document title block.
    pub(crate) fn title(&mut self, title: &str, subtitle: &str) {
        let lines = self.wrap(title, WIDTH, TITLE);
        self.lines_at(LEFT, &lines, TITLE);
        self.gap(2.0);
        let lines = self.wrap(subtitle, WIDTH, BODY);
        self.lines_at(
            LEFT,
            &lines,
            Style {
                color: MUTED,
                ..BODY
            },
        );
        self.gap(6.0);
        let y = self.y;
        self.rule(LEFT, RIGHT, y, 1.2, ACCENT);
        self.gap(12.0);
    }

    /// A section heading, kept with at least a few lines of what follows.
    pub(crate) fn h1(&mut self, text: &str) {
        self.gap(10.0);
        self.ensure(line_height(H1) + 70.0);
        let lines = self.wrap(text, WIDTH, H1);
        self.lines_at(LEFT, &lines, H1);
        self.gap(4.0);
    }

    /// A subheading.
    pub(crate) fn h2(&mut self, text: &str) {
        self.gap(6.0);
        self.ensure(line_height(H2) + 50.0);
        let lines = self.wrap(text, WIDTH, H2);
        self.lines_at(LEFT, &lines, H2);
        self.gap(2.0);
    }

    /// A wrapped paragraph.
    pub(crate) fn para(&mut self, text: &str, st: Style) {
        let lines = self.wrap(text, WIDTH, st);
        self.lines_at(LEFT, &lines, st);
        self.gap(4.0);
    }

    /// A label in bold followed by wrapped text, e.g. "Problem" and the problem text.
    pub(crate) fn labelled(&mut self, label: &str, text: &str) {
        self.ensure(line_height(BODY_BOLD) * 2.0);
        let lines = self.wrap(label, WIDTH, BODY_BOLD);
        self.lines_at(LEFT, &lines, BODY_BOLD);
        self.para(text, BODY);
    }

    /// A bulleted list with hanging indent.
    pub(crate) fn bullets(&mut self, items: &[String], st: Style) {
        let indent = 12.0;
        for item in items {
            let lines = self.wrap(item, WIDTH - indent, st);
            let lh = line_height(st);
            if self.y - lh < BOTTOM {
                self.new_page();
            }
            let baseline = self.y - ascent(st);
            self.text_op(LEFT + 2.0, baseline, "•", st);
            self.lines_at(LEFT + indent, &lines, st);
            self.gap(2.0);
        }
        self.gap(2.0);
    }

    /// An image (a chart) `px` pixels in size, scaled to `width` points and centred.
    pub(crate) fn image(&mut self, id: XObjectId, px: (u32, u32), width: f32) {
        let width = width.min(WIDTH);
        let height = width * px.1 as f32 / px.0.max(1) as f32;
        self.ensure(height + 4.0);
        let x = LEFT + (WIDTH - width) / 2.0;
        let y = self.y - height;
        self.ops().push(Op::UseXobject {
            id,
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(y)),
                dpi: Some(px.0 as f32 * 72.0 / width),
                ..Default::default()
            },
        });
        self.y = y;
        self.fresh = false;
        self.gap(4.0);
    }

    fn wrap_cell(&self, cell: &Cell, width: f32) -> Vec<(String, Weight)> {
        let mut out = Vec::new();
        for (text, weight) in &cell.0 {
            let st = if *weight == Weight::Bold {
                CELL_BOLD
            } else {
                CELL
            };
            out.extend(self.wrap(text, width, st).into_iter().map(|l| (l, *weight)));
        }
        out
    }

    fn col_x(cols: &[Column]) -> Vec<(f32, f32)> {
        let total: f32 = cols.iter().map(|c| c.0).sum::<f32>().max(f32::EPSILON);
        let mut x = LEFT;
        cols.iter()
            .map(|c| {
                let w = WIDTH * c.0 / total;
                let r = (x, w);
                x += w;
                r
            })
            .collect()
    }

    fn draw_row(
        &mut self,
        cols: &[Column],
        xs: &[(f32, f32)],
        cells: &[Vec<(String, Weight)>],
        range: (usize, usize),
    ) {
        let lh = line_height(CELL);
        let n = range.1 - range.0;
        let top = self.y;
        for ((col, (x, w)), lines) in cols.iter().zip(xs).zip(cells) {
            for (k, (text, weight)) in lines.iter().skip(range.0).take(n).enumerate() {
                if text.is_empty() {
                    continue;
                }
                let st = if *weight == Weight::Bold {
                    CELL_BOLD
                } else {
                    CELL
                };
                let baseline = top - PAD - k as f32 * lh - ascent(st);
                let tx = match col.1 {
                    Align::Left => x + PAD,
                    Align::Right => x + w - PAD - self.width(text, st),
                };
                self.text_op(tx, baseline, text, st);
            }
        }
        self.y = top - n as f32 * lh - 2.0 * PAD;
        self.fresh = false;
    }

    fn draw_header(
        &mut self,
        cols: &[Column],
        xs: &[(f32, f32)],
        header: &[Vec<(String, Weight)>],
    ) {
        let rows = header.iter().map(Vec::len).max().unwrap_or(0);
        let h = rows as f32 * line_height(CELL) + 2.0 * PAD;
        let top = self.y;
        self.fill_rect(LEFT, top - h, WIDTH, h, SHADE);
        self.draw_row(cols, xs, header, (0, rows));
        let y = self.y;
        self.rule(LEFT, RIGHT, y, 0.8, MUTED);
    }

    /// The height of `rows` as [`Layout::table`] draws them under `header`, when unbroken.
    pub(crate) fn table_height(&self, cols: &[Column], header: &[&str], rows: &[Vec<Cell>]) -> f32 {
        let xs = Self::col_x(cols);
        let inner = |i: usize| (xs[i].1 - 2.0 * PAD).max(1.0);
        let lines = |row: &[Cell]| {
            row.iter()
                .enumerate()
                .take(cols.len())
                .map(|(i, c)| self.wrap_cell(c, inner(i)).len())
                .max()
                .unwrap_or(0)
                .max(1)
        };
        let head = if header.iter().any(|h| !h.is_empty()) {
            let cells: Vec<Cell> = header.iter().map(|h| Cell::bold(*h)).collect();
            lines(&cells) as f32 * line_height(CELL) + 2.0 * PAD
        } else {
            0.0
        };
        head + rows
            .iter()
            .map(|r| lines(r) as f32 * line_height(CELL) + 2.0 * PAD)
            .sum::<f32>()
    }

    /// Starts a new page unless `h` points fit on this one, when they fit on a page at all:
    /// what follows is kept together.
    pub(crate) fn keep(&mut self, h: f32) {
        if h <= TOP - BOTTOM {
            self.ensure(h);
        }
    }

    /// The height of wrapped `text` in `st` across the text column.
    pub(crate) fn para_height(&self, text: &str, st: Style) -> f32 {
        self.wrap(text, WIDTH, st).len() as f32 * line_height(st) + 4.0
    }

    /// A table with a header row repeated on every page it runs onto. Its last row (a sum)
    /// never goes to a new page alone: the row before it goes along.
    pub(crate) fn table(&mut self, cols: &[Column], header: &[&str], rows: &[Vec<Cell>]) {
        let xs = Self::col_x(cols);
        let inner = |i: usize| (xs[i].1 - 2.0 * PAD).max(1.0);
        let head: Vec<Vec<(String, Weight)>> = header
            .iter()
            .enumerate()
            .map(|(i, h)| self.wrap_cell(&Cell::bold(*h), inner(i)))
            .collect();
        let show_head = header.iter().any(|h| !h.is_empty());
        let head_h = if show_head {
            head.iter().map(Vec::len).max().unwrap_or(0) as f32 * line_height(CELL) + 2.0 * PAD
        } else {
            0.0
        };
        let lh = line_height(CELL);
        // Keep the header with the first row (or its first lines, if it is taller than a page).
        let first = rows.first().map_or(1, |row| {
            row.iter()
                .enumerate()
                .take(cols.len())
                .map(|(i, c)| self.wrap_cell(c, inner(i)).len())
                .max()
                .unwrap_or(1)
        });
        let page_lines = ((TOP - BOTTOM - head_h - 2.0 * PAD) / lh).floor() as usize;
        let keep = if first <= page_lines { first } else { 3 };
        self.ensure(head_h + keep as f32 * lh + 2.0 * PAD);
        if show_head {
            self.draw_header(cols, &xs, &head);
        } else {
            let y = self.y;
            self.rule(LEFT, RIGHT, y, 0.4, RULE);
        }
        let row_h = |row: &Vec<Cell>| {
            row.iter()
                .enumerate()
                .take(cols.len())
                .map(|(i, c)| self.wrap_cell(c, inner(i)).len())
                .max()
                .unwrap_or(0)
                .max(1) as f32
                * lh
                + 2.0 * PAD
        };
        let n = rows.len();
        let last_two = (n >= 2).then(|| (row_h(&rows[n - 2]), row_h(&rows[n - 1])));
        for (k, row) in rows.iter().enumerate() {
            if let (true, Some((this, last))) = (k > 0 && k + 2 == n, last_two) {
                let both = this + last;
                if self.y - this >= BOTTOM
                    && self.y - both < BOTTOM
                    && both <= TOP - BOTTOM - head_h
                {
                    self.new_page();
                    if show_head {
                        self.draw_header(cols, &xs, &head);
                    }
                }
            }
            let cells: Vec<Vec<(String, Weight)>> = row
                .iter()
                .enumerate()
                .take(cols.len())
                .map(|(i, c)| self.wrap_cell(c, inner(i)))
                .collect();
            let total = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let mut start = 0;
            while start < total {
                let fits = ((self.y - BOTTOM - 2.0 * PAD) / lh).floor().max(0.0) as usize;
                let remaining = total - start;
                if remaining <= fits {
                    self.draw_row(cols, &xs, &cells, (start, total));
                    start = total;
                } else {
                    // Split only a row that could not fit on a page of its own anyway, and
                    // never leave a lone line behind.
                    if fits >= 2 && remaining > page_lines {
                        self.draw_row(cols, &xs, &cells, (start, start + fits));
                        start += fits;
                    }
                    self.new_page();
                    if show_head {
                        self.draw_header(cols, &xs, &head);
                    }
                    continue;
                }
                let y = self.y;
                self.rule(LEFT, RIGHT, y, 0.4, RULE);
            }
        }
        self.gap(8.0);
    }

    /// The finished pages with header (`left`, `right`) and footer (`footer` on the left,
    /// the page number from `page(n, m)` on the right) on each.
    pub(crate) fn finish(
        mut self,
        left: &str,
        right: &str,
        footer: &str,
        page: impl Fn(usize, usize) -> String,
    ) -> Vec<PdfPage> {
        if self.pages.last().is_some_and(Vec::is_empty) && self.pages.len() > 1 {
            self.pages.pop();
        }
        let pages = std::mem::take(&mut self.pages);
        let m = pages.len();
        let right_w = self.width(right, FURNITURE);
        let left = self.fit(left, (WIDTH - right_w - 24.0).max(40.0), FURNITURE);
        pages
            .into_iter()
            .enumerate()
            .map(|(i, ops)| {
                self.pages = vec![ops];
                let head_y = PAGE_H - 38.0;
                self.text_op(LEFT, head_y, &left, FURNITURE);
                let rx = RIGHT - right_w;
                self.text_op(rx, head_y, right, FURNITURE);
                self.rule(LEFT, RIGHT, head_y - 6.0, 0.5, RULE);
                let foot_y = 36.0;
                self.rule(LEFT, RIGHT, foot_y + 12.0, 0.5, RULE);
                let footer = self.fit(footer, WIDTH * 0.6, FURNITURE);
                self.text_op(LEFT, foot_y, &footer, FURNITURE);
                let number = page(i + 1, m);
                let nx = RIGHT - self.width(&number, FURNITURE);
                self.text_op(nx, foot_y, &number, FURNITURE);
                let ops = self.pages.pop().unwrap_or_default();
                PdfPage::new(Mm(210.0), Mm(297.0), ops)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Layout {
        let mut doc = PdfDocument::new("test");
        Layout::new(&mut doc).expect("the embedded fonts load")
    }

    fn shown(ops: &[Op]) -> Vec<String> {
        ops.iter()
            .filter_map(|op| match op {
                Op::ShowText { items } => items.iter().find_map(|i| match i {
                    TextItem::Text(t) => Some(t.clone()),
                    _ => None,
                }),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn figures_and_their_units_are_tied() {
        assert_eq!(
            tie("värd 1 234 567 kr i år"),
            "värd 1\u{a0}234\u{a0}567\u{a0}kr i år"
        );
        assert_eq!(tie("worth SEK 1,234 a year"), "worth SEK\u{a0}1,234 a year");
        assert_eq!(tie("10 % av 3 år"), "10\u{a0}% av 3\u{a0}år");
        let l = layout();
        // A column too narrow for "= 818 968,75" on one line moves the whole figure down.
        let lines = l.wrap(
            "× 359 = 818 968,75",
            l.width("× 359 = 818", CELL) + 1.0,
            CELL,
        );
        assert_eq!(lines, ["× 359 =", "818 968,75"]);
    }

    #[test]
    fn a_sum_row_never_goes_to_a_new_page_alone() {
        let mut l = layout();
        let cols = [Column(0.5, Align::Left), Column(0.5, Align::Right)];
        let rows: Vec<Vec<Cell>> = (1..=5)
            .map(|k| vec![Cell::text(format!("rad {k}")), Cell::text("1 kr")])
            .collect();
        let header = ["Rad", "Belopp"];
        // Room for the header and four rows, not the fifth (the sum).
        let room = l.table_height(&cols, &header, &rows[..4]) + 1.0;
        l.y = BOTTOM + room;
        l.fresh = false;
        l.table(&cols, &header, &rows);
        assert_eq!(l.pages.len(), 2);
        let second = shown(&l.pages[1]);
        assert!(second.contains(&"rad 4".to_string()), "{second:?}");
        assert!(second.contains(&"rad 5".to_string()), "{second:?}");
        assert!(
            second.contains(&"Rad".to_string()),
            "header repeated: {second:?}"
        );
    }
}
