//! A small layout engine for A4 reports: a cursor that flows headings, wrapped paragraphs,
//! bullet lists, tables and images down the page and starts a new page before anything
//! would cross the bottom margin.
//!
//! Text is wrapped by the font's measured advance widths; a word longer than a line is
//! broken between characters, so nothing is ever wider than its box. Tables wrap each cell
//! in its column, repeat the header row on every page they continue on, and split a row
//! that is taller than the space left line by line. Page furniture (header, footer, page
//! numbers) is added in [`Layout::finish`], once the number of pages is known.
//!
//! Every primitive also records what it is, so the PDF is tagged: the title, headings
//! (H1/H2, each with a bookmark), paragraphs (P), lists (L, LI, Lbl, LBody), tables (Table,
//! THead, TBody, TR, TH, TD) and figures with their alternative text. Page furniture, rules,
//! shading and a table header repeated on a later page are artifacts, outside the structure.

use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, BBox, ContentTag, Identifier, ListNumbering, SpanTag, TableHeaderScope,
    Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::Document;
use krilla_svg::{SurfaceExt, SvgSettings};

use crate::error::ReportError;
use crate::font::{faces, text_width, Face, Faces};

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

/// What a structure element is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Role {
    /// The document title.
    Title,
    /// A heading of level 1 or 2 with its text.
    Heading(u16, String),
    /// A paragraph.
    P,
    /// A bulleted list (L).
    List,
    /// A list item (LI).
    Item,
    /// A list item's bullet (Lbl).
    Label,
    /// A list item's text (LBody).
    Body,
    /// A table.
    Table,
    /// The header row group (THead).
    Head,
    /// The body row group (TBody).
    Rows,
    /// A row (TR).
    Row,
    /// A header cell (TH, for its column).
    HeaderCell,
    /// A data cell (TD).
    Cell,
    /// A chart with its alternative text.
    Figure(String),
}

/// Where a mark belongs: an element of the structure, or an artifact of the page.
#[derive(Clone, Copy, Debug)]
enum Owner {
    Elem(usize),
    Artifact(ArtifactType),
}

/// Decoration drawn by the layout itself (rules, shading).
const DECORATION: Owner = Owner::Artifact(ArtifactType::Layout);

/// Something drawn on a page, in PDF coordinates (points from the bottom left).
enum Mark {
    Text {
        x: f32,
        baseline: f32,
        text: String,
        st: Style,
    },
    Rule {
        x0: f32,
        x1: f32,
        y: f32,
        thickness: f32,
        color: (f32, f32, f32),
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: (f32, f32, f32),
    },
    /// A vector drawing with its bottom-left corner at (`x`, `y`).
    Svg {
        tree: Box<usvg::Tree>,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

/// A mark with its owner and its number among all marks (its leaf in the structure).
struct Item {
    mark: Mark,
    owner: Owner,
    id: usize,
}

/// A child of a structure element: another element or a mark.
#[derive(Clone, Copy, Debug)]
enum Child {
    Elem(usize),
    Mark(usize),
}

/// A structure element with its children in reading order.
struct Elem {
    role: Role,
    children: Vec<Child>,
    bbox: Option<BBox>,
}

/// A heading for the outline: level, text, page index and the top of its first line.
struct Bookmark {
    level: u16,
    text: String,
    page: usize,
    y: f32,
}

/// Pages being laid out.
pub(crate) struct Layout {
    faces: &'static Faces,
    pages: Vec<Vec<Item>>,
    y: f32,
    fresh: bool,
    elems: Vec<Elem>,
    roots: Vec<usize>,
    marks: usize,
    bookmarks: Vec<Bookmark>,
}

fn paint(c: (f32, f32, f32)) -> rgb::Color {
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    rgb::Color::new(byte(c.0), byte(c.1), byte(c.2))
}

/// A point in PDF coordinates as krilla's (from the top left, y down).
fn at(x: f32, y: f32) -> Point {
    Point::from_xy(x, PAGE_H - y)
}

impl Layout {
    /// Starts a layout in the embedded faces.
    pub(crate) fn new() -> Result<Layout, ReportError> {
        Ok(Layout {
            faces: faces()?,
            pages: vec![Vec::new()],
            y: TOP,
            fresh: true,
            elems: Vec::new(),
            roots: Vec::new(),
            marks: 0,
            bookmarks: Vec::new(),
        })
    }

    /// A new structure element, the last child of `parent` (or of the document).
    fn open(&mut self, role: Role, parent: Option<usize>) -> usize {
        let id = self.elems.len();
        self.elems.push(Elem {
            role,
            children: Vec::new(),
            bbox: None,
        });
        match parent {
            Some(p) => self.elems[p].children.push(Child::Elem(id)),
            None => self.roots.push(id),
        }
        id
    }

    /// Draws `mark` on the current page as part of `owner`.
    fn put(&mut self, mark: Mark, owner: Owner) {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        self.put_at(self.pages.len() - 1, mark, owner);
    }

    /// Draws `mark` on page `page` (an index into the pages there are) as part of `owner`.
    fn put_at(&mut self, page: usize, mark: Mark, owner: Owner) {
        let id = self.marks;
        self.marks += 1;
        if let Owner::Elem(e) = owner {
            self.elems[e].children.push(Child::Mark(id));
        }
        if let Some(items) = self.pages.get_mut(page) {
            items.push(Item { mark, owner, id });
        }
    }

    /// Width of `text` in `st`.
    pub(crate) fn width(&self, text: &str, st: Style) -> f32 {
        text_width(self.face(st.weight), text, st.size)
    }

    fn face(&self, weight: Weight) -> &'static Face {
        match weight {
            Weight::Regular => &self.faces.regular,
            Weight::Bold => &self.faces.bold,
        }
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

    fn text_op(&mut self, owner: Owner, x: f32, baseline: f32, text: &str, st: Style) {
        self.put(
            Mark::Text {
                x,
                baseline,
                text: text.to_string(),
                st,
            },
            owner,
        );
    }

    fn rule(&mut self, x0: f32, x1: f32, y: f32, thickness: f32, color: (f32, f32, f32)) {
        self.put(
            Mark::Rule {
                x0,
                x1,
                y,
                thickness,
                color,
            },
            DECORATION,
        );
    }

    fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: (f32, f32, f32)) {
        self.put(Mark::Rect { x, y, w, h, color }, DECORATION);
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

    /// Lines of text at `x` as part of `owner`, breaking pages between lines.
    fn lines_at(&mut self, owner: Owner, x: f32, lines: &[String], st: Style) {
        let lh = line_height(st);
        for l in lines {
            if self.y - lh < BOTTOM {
                self.new_page();
            }
            let baseline = self.y - ascent(st);
            if !l.is_empty() {
                self.text_op(owner, x, baseline, l, st);
            }
            self.y -= lh;
            self.fresh = false;
        }
    }

    /// Lines of text as a new element of `role` (a paragraph, a heading).
    fn block(&mut self, role: Role, lines: &[String], st: Style) {
        let e = self.open(role, None);
        self.lines_at(Owner::Elem(e), LEFT, lines, st);
    }

    /// The document title block.
    pub(crate) fn title(&mut self, title: &str, subtitle: &str) {
        let lines = self.wrap(title, WIDTH, TITLE);
        self.block(Role::Title, &lines, TITLE);
        self.gap(2.0);
        let lines = self.wrap(subtitle, WIDTH, BODY);
        self.block(
            Role::P,
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

    /// A heading of `level` with its bookmark, where its first line starts.
    fn heading(&mut self, level: u16, text: &str, st: Style) {
        let lines = self.wrap(text, WIDTH, st);
        if self.y - line_height(st) < BOTTOM {
            self.new_page();
        }
        self.bookmarks.push(Bookmark {
            level,
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            page: self.pages.len() - 1,
            y: self.y,
        });
        self.block(Role::Heading(level, text.to_string()), &lines, st);
    }

    /// A section heading, kept with at least a few lines of what follows.
    pub(crate) fn h1(&mut self, text: &str) {
        self.gap(10.0);
        self.ensure(line_height(H1) + 70.0);
        self.heading(1, text, H1);
        self.gap(4.0);
    }

    /// A subheading.
    pub(crate) fn h2(&mut self, text: &str) {
        self.gap(6.0);
        self.ensure(line_height(H2) + 50.0);
        self.heading(2, text, H2);
        self.gap(2.0);
    }

    /// A wrapped paragraph.
    pub(crate) fn para(&mut self, text: &str, st: Style) {
        let lines = self.wrap(text, WIDTH, st);
        self.block(Role::P, &lines, st);
        self.gap(4.0);
    }

    /// A label in bold followed by wrapped text, e.g. "Problem" and the problem text.
    pub(crate) fn labelled(&mut self, label: &str, text: &str) {
        self.ensure(line_height(BODY_BOLD) * 2.0);
        let lines = self.wrap(label, WIDTH, BODY_BOLD);
        self.block(Role::P, &lines, BODY_BOLD);
        self.para(text, BODY);
    }

    /// A bulleted list with hanging indent.
    pub(crate) fn bullets(&mut self, items: &[String], st: Style) {
        let indent = 12.0;
        let list = self.open(Role::List, None);
        for item in items {
            let lines = self.wrap(item, WIDTH - indent, st);
            let lh = line_height(st);
            if self.y - lh < BOTTOM {
                self.new_page();
            }
            let li = self.open(Role::Item, Some(list));
            let label = self.open(Role::Label, Some(li));
            let body = self.open(Role::Body, Some(li));
            let baseline = self.y - ascent(st);
            self.text_op(Owner::Elem(label), LEFT + 2.0, baseline, "•", st);
            self.lines_at(Owner::Elem(body), LEFT + indent, &lines, st);
            self.gap(2.0);
        }
        self.gap(2.0);
    }

    /// A chart drawn from `tree` (its size in SVG pixels), scaled to `width` points and
    /// centred, as a figure described by `alt`.
    pub(crate) fn image(&mut self, tree: usvg::Tree, width: f32, alt: &str) {
        let px = tree.size();
        let width = width.min(WIDTH);
        let height = width * px.height() / px.width().max(1.0);
        self.ensure(height + 4.0);
        let x = LEFT + (WIDTH - width) / 2.0;
        let y = self.y - height;
        let figure = self.open(Role::Figure(alt.to_string()), None);
        self.elems[figure].bbox = Rect::from_xywh(x, PAGE_H - self.y, width, height)
            .map(|r| BBox::new(self.pages.len() - 1, r));
        self.put(
            Mark::Svg {
                tree: Box::new(tree),
                x,
                y,
                w: width,
                h: height,
            },
            Owner::Elem(figure),
        );
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
        owners: &[Owner],
    ) {
        let lh = line_height(CELL);
        let n = range.1 - range.0;
        let top = self.y;
        for (((col, (x, w)), lines), owner) in cols.iter().zip(xs).zip(cells).zip(owners) {
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
                self.text_op(*owner, tx, baseline, text, st);
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
        owners: &[Owner],
    ) {
        let rows = header.iter().map(Vec::len).max().unwrap_or(0);
        let h = rows as f32 * line_height(CELL) + 2.0 * PAD;
        let top = self.y;
        self.fill_rect(LEFT, top - h, WIDTH, h, SHADE);
        self.draw_row(cols, xs, header, (0, rows), owners);
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
        let table = self.open(Role::Table, None);
        // A header repeated on a later page is pagination, not content read again.
        let repeated = vec![Owner::Artifact(ArtifactType::PaginationOther); cols.len()];
        if show_head {
            let group = self.open(Role::Head, Some(table));
            let tr = self.open(Role::Row, Some(group));
            let owners: Vec<Owner> = (0..cols.len())
                .map(|_| Owner::Elem(self.open(Role::HeaderCell, Some(tr))))
                .collect();
            self.draw_header(cols, &xs, &head, &owners);
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
        let body = self.open(Role::Rows, Some(table));
        for (k, row) in rows.iter().enumerate() {
            if let (true, Some((this, last))) = (k > 0 && k + 2 == n, last_two) {
                let both = this + last;
                if self.y - this >= BOTTOM
                    && self.y - both < BOTTOM
                    && both <= TOP - BOTTOM - head_h
                {
                    self.new_page();
                    if show_head {
                        self.draw_header(cols, &xs, &head, &repeated);
                    }
                }
            }
            let tr = self.open(Role::Row, Some(body));
            let owners: Vec<Owner> = (0..cols.len())
                .map(|_| Owner::Elem(self.open(Role::Cell, Some(tr))))
                .collect();
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
                    self.draw_row(cols, &xs, &cells, (start, total), &owners);
                    start = total;
                } else {
                    // Split only a row that could not fit on a page of its own anyway, and
                    // never leave a lone line behind.
                    if fits >= 2 && remaining > page_lines {
                        self.draw_row(cols, &xs, &cells, (start, start + fits), &owners);
                        start += fits;
                    }
                    self.new_page();
                    if show_head {
                        self.draw_header(cols, &xs, &head, &repeated);
                    }
                    continue;
                }
                let y = self.y;
                self.rule(LEFT, RIGHT, y, 0.4, RULE);
            }
        }
        self.gap(8.0);
    }

    /// Draws the pages into `doc` with header (`left`, `right`) and footer (`footer` on the
    /// left, the page number from `page(n, m)` on the right) on each, and gives `doc` the
    /// structure tree (in language `lang`) and the outline of the headings.
    pub(crate) fn finish(
        mut self,
        left: &str,
        right: &str,
        footer: &str,
        page: impl Fn(usize, usize) -> String,
        lang: &str,
        doc: &mut Document,
    ) -> Result<(), ReportError> {
        if self.pages.last().is_some_and(Vec::is_empty) && self.pages.len() > 1 {
            self.pages.pop();
        }
        let m = self.pages.len();
        let right_w = self.width(right, FURNITURE);
        let left = self.fit(left, (WIDTH - right_w - 24.0).max(40.0), FURNITURE);
        let footer = self.fit(footer, WIDTH * 0.6, FURNITURE);
        let header = Owner::Artifact(ArtifactType::Header);
        let foot = Owner::Artifact(ArtifactType::Footer);
        let number = Owner::Artifact(ArtifactType::PageNumber);
        let furniture = |text: &str, x: f32, baseline: f32| Mark::Text {
            x,
            baseline,
            text: text.to_string(),
            st: FURNITURE,
        };
        let rule = |y: f32| Mark::Rule {
            x0: LEFT,
            x1: RIGHT,
            y,
            thickness: 0.5,
            color: RULE,
        };
        for i in 0..m {
            let head_y = PAGE_H - 38.0;
            self.put_at(i, furniture(&left, LEFT, head_y), header);
            self.put_at(i, furniture(right, RIGHT - right_w, head_y), header);
            self.put_at(i, rule(head_y - 6.0), header);
            let foot_y = 36.0;
            self.put_at(i, rule(foot_y + 12.0), foot);
            self.put_at(i, furniture(&footer, LEFT, foot_y), foot);
            let n = page(i + 1, m);
            let nx = RIGHT - self.width(&n, FURNITURE);
            self.put_at(i, furniture(&n, nx, foot_y), number);
        }
        self.render(doc, lang)
    }

    fn render(self, doc: &mut Document, lang: &str) -> Result<(), ReportError> {
        let font = |face: &Face| Font::new(face.data.into(), 0).ok_or(ReportError::Font);
        let fonts = (font(&self.faces.regular)?, font(&self.faces.bold)?);
        let size =
            PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| ReportError::Write("A4".into()))?;
        let mut leaves: Vec<Option<Identifier>> = (0..self.marks).map(|_| None).collect();
        for items in &self.pages {
            let mut page = doc.start_page_with(size.clone());
            let mut surface = page.surface();
            for item in items {
                let tag = match (item.owner, &item.mark) {
                    (Owner::Artifact(kind), _) => ContentTag::Artifact(Artifact::with_kind(kind)),
                    (Owner::Elem(_), Mark::Text { .. }) => ContentTag::Span(SpanTag::empty()),
                    (Owner::Elem(_), _) => ContentTag::Other,
                };
                let id = surface.start_tagged(tag);
                let drawn = self.draw(&mut surface, &item.mark, &fonts);
                surface.end_tagged();
                drawn?;
                if let (Owner::Elem(_), Some(leaf)) = (item.owner, leaves.get_mut(item.id)) {
                    *leaf = Some(id);
                }
            }
            surface.finish();
            page.finish();
        }
        let mut tree = TagTree::new().with_lang(Some(lang.to_string()));
        for &root in &self.roots {
            tree.push(self.group(root, &mut leaves));
        }
        doc.set_tag_tree(tree);
        doc.set_outline(self.outline());
        Ok(())
    }

    fn draw(
        &self,
        surface: &mut Surface<'_>,
        mark: &Mark,
        fonts: &(Font, Font),
    ) -> Result<(), ReportError> {
        let shape = || ReportError::Write("a shape outside the page".into());
        match mark {
            Mark::Text {
                x,
                baseline,
                text,
                st,
            } => {
                let (face, font) = match st.weight {
                    Weight::Regular => (&self.faces.regular, &fonts.0),
                    Weight::Bold => (&self.faces.bold, &fonts.1),
                };
                let glyphs: Vec<KrillaGlyph> = text
                    .char_indices()
                    .map(|(i, c)| {
                        let (gid, advance) = face.glyph(c);
                        KrillaGlyph::new(
                            GlyphId::new(u32::from(gid)),
                            advance,
                            0.0,
                            0.0,
                            0.0,
                            i..i + c.len_utf8(),
                            None,
                        )
                    })
                    .collect();
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: paint(st.color).into(),
                    ..Fill::default()
                }));
                surface.draw_glyphs(
                    at(*x, *baseline),
                    &glyphs,
                    font.clone(),
                    text,
                    st.size,
                    false,
                );
            }
            Mark::Rule {
                x0,
                x1,
                y,
                thickness,
                color,
            } => {
                let mut path = PathBuilder::new();
                path.move_to(*x0, PAGE_H - y);
                path.line_to(*x1, PAGE_H - y);
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: paint(*color).into(),
                    width: *thickness,
                    ..Stroke::default()
                }));
                surface.draw_path(&path.finish().ok_or_else(shape)?);
            }
            Mark::Rect { x, y, w, h, color } => {
                let mut path = PathBuilder::new();
                path.push_rect(Rect::from_xywh(*x, PAGE_H - (y + h), *w, *h).ok_or_else(shape)?);
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: paint(*color).into(),
                    ..Fill::default()
                }));
                surface.draw_path(&path.finish().ok_or_else(shape)?);
            }
            Mark::Svg { tree, x, y, w, h } => {
                surface.push_transform(&Transform::from_translate(*x, PAGE_H - (y + h)));
                let drawn = surface.draw_svg(
                    tree,
                    Size::from_wh(*w, *h).ok_or_else(shape)?,
                    SvgSettings::default(),
                );
                surface.pop();
                drawn.ok_or_else(|| ReportError::Write("a chart could not be placed".into()))?;
            }
        }
        Ok(())
    }

    /// Element `e` as a tag group, its marks' identifiers taken from `leaves`.
    fn group(&self, e: usize, leaves: &mut [Option<Identifier>]) -> TagGroup {
        let elem = &self.elems[e];
        let kind: TagKind = match &elem.role {
            Role::Title => Tag::Title.into(),
            Role::Heading(level, text) => Tag::Hn(
                NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN),
                Some(text.clone()),
            )
            .into(),
            Role::P => Tag::P.into(),
            Role::List => Tag::L(ListNumbering::Disc).into(),
            Role::Item => Tag::LI.into(),
            Role::Label => Tag::Lbl.into(),
            Role::Body => Tag::LBody.into(),
            Role::Table => Tag::Table.into(),
            Role::Head => Tag::THead.into(),
            Role::Rows => Tag::TBody.into(),
            Role::Row => Tag::TR.into(),
            Role::HeaderCell => Tag::TH(TableHeaderScope::Column).into(),
            Role::Cell => Tag::TD.into(),
            Role::Figure(alt) => Tag::Figure(Some(alt.clone())).with_bbox(elem.bbox).into(),
        };
        let mut group = TagGroup::new(kind);
        for child in &elem.children {
            match *child {
                Child::Elem(c) => group.push(self.group(c, leaves)),
                Child::Mark(m) => {
                    if let Some(id) = leaves.get_mut(m).and_then(Option::take) {
                        group.push(id);
                    }
                }
            }
        }
        group
    }

    /// The bookmarks: each H1 with its H2s under it.
    fn outline(&self) -> Outline {
        let mut outline = Outline::new();
        let mut section: Option<OutlineNode> = None;
        for b in &self.bookmarks {
            let node = OutlineNode::new(b.text.clone(), XyzDestination::new(b.page, at(LEFT, b.y)));
            if b.level <= 1 {
                if let Some(done) = section.replace(node) {
                    outline.push_child(done);
                }
            } else if let Some(parent) = section.as_mut() {
                parent.push_child(node);
            } else {
                outline.push_child(node);
            }
        }
        if let Some(done) = section {
            outline.push_child(done);
        }
        outline
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Layout {
        Layout::new().expect("the embedded fonts load")
    }

    fn shown(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .filter_map(|item| match &item.mark {
                Mark::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn headings_are_bookmarked_and_a_repeated_header_is_an_artifact() {
        let mut l = layout();
        l.h1("1. Sammanfattning");
        l.h2("Nyckeltal");
        let cols = [Column(0.5, Align::Left), Column(0.5, Align::Right)];
        let rows: Vec<Vec<Cell>> = (1..=90)
            .map(|k| vec![Cell::text(format!("rad {k}")), Cell::text("1 kr")])
            .collect();
        l.table(&cols, &["Rad", "Belopp"], &rows);
        let marks: Vec<(usize, String)> = l
            .bookmarks
            .iter()
            .map(|b| (usize::from(b.level), b.text.clone()))
            .collect();
        assert_eq!(
            marks,
            [(1, "1. Sammanfattning".into()), (2, "Nyckeltal".into())]
        );
        assert!(l.pages.len() >= 2);
        let header_on = |page: usize| {
            l.pages[page]
                .iter()
                .find(|i| matches!(&i.mark, Mark::Text { text, .. } if text == "Rad"))
                .map(|i| i.owner)
        };
        let Some(Owner::Elem(th)) = header_on(0) else {
            panic!("the first header is content")
        };
        assert_eq!(l.elems[th].role, Role::HeaderCell);
        assert!(matches!(
            header_on(1),
            Some(Owner::Artifact(ArtifactType::PaginationOther))
        ));
        let tables = l.roots.iter().filter(|&&r| l.elems[r].role == Role::Table);
        assert_eq!(tables.count(), 1);
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
