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

/// The smallest size a figure in a table cell is set in to keep it on one line.
const MIN_FIGURE_SIZE: f32 = 6.5;

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

/// Words written before a figure, kept on its line ("SEK 1,234", "year 0", "år 4").
const PREFIXES: [&str; 3] = ["SEK", "year", "år"];

/// `text` with the spaces inside figures made non-breaking: between two digits
/// ("1 234 567"), between a figure and its unit ("1 234 kr", "5 475 besök/år", "30 pcs" —
/// the units of `UNITS` and of the core's unit vocabulary) and after the currency code or
/// the word for a year that precedes one ("SEK 1,234", "in year 0"). A figure's own `,` and
/// `.` are no break opportunities either: the wrapper breaks only at breakable spaces.
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
    let prefixed = |before: &[char]| {
        let word: String = before
            .iter()
            .rev()
            .take_while(|c| !c.is_whitespace())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let word = word.trim_start_matches(['(', '−', '-']);
        PREFIXES.contains(&word)
    };
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let tied = c == ' '
            && i > 0
            && i + 1 < chars.len()
            && ((chars[i - 1].is_ascii_digit()
                && (chars[i + 1].is_ascii_digit() || {
                    let w = word_at(i + 1);
                    UNITS.contains(&w.as_str()) || nytta_core::format::is_unit_word(&w)
                }))
                || (chars[i + 1].is_ascii_digit() && prefixed(&chars[..i])));
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
    pending: Vec<Pending>,
}

/// What waits to be placed with the first lines of what follows it: a heading (with the
/// short paragraph that introduces its content) or a figure (with its caption).
enum Pending {
    Gap(f32),
    Heading(u16, String, Style),
    Para(String, Style),
    Figure(Box<usvg::Tree>, f32, String),
}

/// A paragraph this many lines long or shorter after a heading introduces what follows and
/// goes to a new page with it.
const INTRO_LINES: usize = 4;
/// The lines of a paragraph or list a heading or figure needs below it on its page.
const FIRST_LINES: usize = 3;

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
            pending: Vec::new(),
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
        if !self.pending.is_empty() {
            self.pending.push(Pending::Gap(h));
            return;
        }
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

    /// How many of `n` lines in `st` go on this page: all that fit, but at least two on
    /// either side of a page break (0: all go to the next page).
    fn lines_here(&self, n: usize, st: Style) -> usize {
        let fits = ((self.y - BOTTOM) / line_height(st)).floor().max(0.0) as usize;
        let here = match fits {
            f if f >= n => n,
            f if n - f < 2 => f.saturating_sub(1),
            f => f,
        };
        if here < 2 && here < n {
            0
        } else {
            here
        }
    }

    /// Lines of text at `x` as part of `owner`, breaking pages between lines; a page break
    /// inside them leaves at least two lines on either side.
    fn lines_at(&mut self, owner: Owner, x: f32, lines: &[String], st: Style) {
        let lh = line_height(st);
        let n = lines.len();
        let here = self.lines_here(n, st);
        for (i, l) in lines.iter().enumerate() {
            if (i == here && here < n && !self.fresh) || self.y - lh < BOTTOM {
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
        self.flush(0.0);
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

    /// Whether a heading waits for what follows it.
    fn heading_pending(&self) -> bool {
        self.pending
            .iter()
            .any(|p| matches!(p, Pending::Heading(..)))
    }

    /// The last thing waiting, gaps aside.
    fn last_pending(&self) -> Option<&Pending> {
        self.pending
            .iter()
            .rev()
            .find(|p| !matches!(p, Pending::Gap(_)))
    }

    /// The height of what waits, when placed unbroken.
    fn pending_height(&self) -> f32 {
        self.pending
            .iter()
            .map(|p| match p {
                Pending::Gap(h) => *h,
                Pending::Heading(_, text, st) => {
                    self.wrap(text, WIDTH, *st).len() as f32 * line_height(*st)
                }
                Pending::Para(text, st) => self.para_height(text, *st),
                Pending::Figure(tree, width, _) => Self::figure_height(tree, *width) + 4.0,
            })
            .sum()
    }

    /// Places what waits on this page when it fits there with `first` points of what
    /// follows, else on a new page. When the two do not fit on one page at all, what waits
    /// keeps at least three lines of body text below it.
    fn flush(&mut self, first: f32) {
        if self.pending.is_empty() {
            return;
        }
        let waiting = self.pending_height();
        let room = if waiting + first <= TOP - BOTTOM {
            waiting + first
        } else {
            waiting + FIRST_LINES as f32 * line_height(BODY)
        };
        self.keep_room(room);
        for p in std::mem::take(&mut self.pending) {
            match p {
                Pending::Gap(h) => self.gap(h),
                Pending::Heading(level, text, st) => self.heading(level, &text, st),
                Pending::Para(text, st) => self.draw_para(&text, st),
                Pending::Figure(tree, width, alt) => self.draw_image(*tree, width, &alt),
            }
        }
    }

    /// Whether the last thing waiting is a heading (that the next one goes with).
    fn after_heading(&self) -> bool {
        matches!(self.last_pending(), Some(Pending::Heading(..)))
    }

    /// A heading waits for the first lines of what follows, together with a heading right
    /// before it; anything else waiting (a figure, a heading with its introduction) is
    /// placed first.
    fn push_heading(&mut self, level: u16, text: &str, st: Style, before: f32, after: f32) {
        if !self.after_heading() {
            self.flush(0.0);
        }
        self.gap(before);
        self.pending
            .push(Pending::Heading(level, text.to_string(), st));
        self.pending.push(Pending::Gap(after));
    }

    /// A section heading, kept with the first lines of what follows.
    pub(crate) fn h1(&mut self, text: &str) {
        self.push_heading(1, text, H1, 10.0, 4.0);
    }

    /// A subheading, kept with the first lines of what follows.
    pub(crate) fn h2(&mut self, text: &str) {
        self.push_heading(2, text, H2, 6.0, 2.0);
    }

    /// The height of the first `n` lines of `lines` in `st`.
    fn lines_height(lines: usize, n: usize, st: Style) -> f32 {
        lines.min(n) as f32 * line_height(st)
    }

    /// A wrapped paragraph. Right after a heading a short one waits with it for what
    /// follows; after a figure it is the caption, placed on the figure's page.
    pub(crate) fn para(&mut self, text: &str, st: Style) {
        let lines = self.wrap(text, WIDTH, st).len();
        if self.after_heading() && lines <= INTRO_LINES {
            self.pending.push(Pending::Para(text.to_string(), st));
            return;
        }
        self.flush(Self::lines_height(lines, FIRST_LINES, st));
        self.draw_para(text, st);
    }

    fn draw_para(&mut self, text: &str, st: Style) {
        let lines = self.wrap(text, WIDTH, st);
        self.block(Role::P, &lines, st);
        self.gap(4.0);
    }

    /// A label in bold followed by wrapped text, e.g. "Problem" and the problem text.
    pub(crate) fn labelled(&mut self, label: &str, text: &str) {
        let label_lines = self.wrap(label, WIDTH, BODY_BOLD);
        let text_lines = self.wrap(text, WIDTH, BODY).len();
        self.flush(
            Self::lines_height(label_lines.len(), FIRST_LINES, BODY_BOLD)
                + Self::lines_height(text_lines, 2, BODY),
        );
        self.ensure(line_height(BODY_BOLD) * 2.0);
        self.block(Role::P, &label_lines, BODY_BOLD);
        self.draw_para(text, BODY);
    }

    /// A bulleted list with hanging indent.
    pub(crate) fn bullets(&mut self, items: &[String], st: Style) {
        let indent = 12.0;
        let first = items
            .first()
            .map_or(0, |item| self.wrap(item, WIDTH - indent, st).len());
        self.flush(Self::lines_height(first, FIRST_LINES, st));
        let list = self.open(Role::List, None);
        for item in items {
            let lines = self.wrap(item, WIDTH - indent, st);
            // The bullet goes where its item's first line goes.
            if self.lines_here(lines.len(), st) == 0 {
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

    /// The height of `tree` drawn `width` points wide (at most the text column).
    fn figure_height(tree: &usvg::Tree, width: f32) -> f32 {
        let px = tree.size();
        width.min(WIDTH) * px.height() / px.width().max(1.0)
    }

    /// A chart drawn from `tree` (its size in SVG pixels), scaled to `width` points and
    /// centred, as a figure described by `alt`. It waits for its caption (the paragraph
    /// after it), so that the two share a page.
    pub(crate) fn image(&mut self, tree: usvg::Tree, width: f32, alt: &str) {
        if !self.after_heading() {
            self.flush(0.0);
        }
        self.pending
            .push(Pending::Figure(Box::new(tree), width, alt.to_string()));
    }

    fn draw_image(&mut self, tree: usvg::Tree, width: f32, alt: &str) {
        let height = Self::figure_height(&tree, width);
        let width = width.min(WIDTH);
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

    /// A cell's paragraphs as lines no wider than `width`, each with its style. A figure
    /// wider than its column is set in a smaller size rather than broken between its digits.
    fn wrap_cell(&self, cell: &Cell, width: f32) -> Vec<(String, Style)> {
        let mut out = Vec::new();
        for (text, weight) in &cell.0 {
            let base = if *weight == Weight::Bold {
                CELL_BOLD
            } else {
                CELL
            };
            let st = self.figures_fit(text, width, base);
            out.extend(self.wrap(text, width, st).into_iter().map(|l| (l, st)));
        }
        out
    }

    /// `st`, made smaller (down to [`MIN_FIGURE_SIZE`]) until every figure of `text` with
    /// its sign and unit fits in `width`.
    fn figures_fit(&self, text: &str, width: f32, st: Style) -> Style {
        let widest = tie(text)
            .split(breakable)
            .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
            .map(|w| self.width(w, st))
            .fold(0.0, f32::max);
        if widest <= width {
            return st;
        }
        Style {
            size: (st.size * width / widest).max(MIN_FIGURE_SIZE),
            ..st
        }
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
        cells: &[Vec<(String, Style)>],
        range: (usize, usize),
        owners: &[Owner],
    ) {
        let lh = line_height(CELL);
        let n = range.1 - range.0;
        let top = self.y;
        for (((col, (x, w)), lines), owner) in cols.iter().zip(xs).zip(cells).zip(owners) {
            for (k, (text, st)) in lines.iter().skip(range.0).take(n).enumerate() {
                if text.is_empty() {
                    continue;
                }
                let st = *st;
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
        header: &[Vec<(String, Style)>],
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
    /// A heading waiting for what follows is kept with these `h` points.
    pub(crate) fn keep(&mut self, h: f32) {
        if self.heading_pending() {
            self.flush(h);
        } else {
            self.flush(0.0);
            self.keep_room(h);
        }
    }

    fn keep_room(&mut self, h: f32) {
        if h <= TOP - BOTTOM {
            self.ensure(h);
        }
    }

    /// The height of wrapped `text` in `st` across the text column.
    pub(crate) fn para_height(&self, text: &str, st: Style) -> f32 {
        self.wrap(text, WIDTH, st).len() as f32 * line_height(st) + 4.0
    }

    /// A table with a header row repeated on every page it runs onto. A page break leaves
    /// at least two rows on either side: the header goes with the first two rows, and the
    /// last row (a sum) never goes to a new page alone, the row before it goes along. A
    /// table of three rows or fewer is not split.
    pub(crate) fn table(&mut self, cols: &[Column], header: &[&str], rows: &[Vec<Cell>]) {
        let xs = Self::col_x(cols);
        let inner = |i: usize| (xs[i].1 - 2.0 * PAD).max(1.0);
        let head: Vec<Vec<(String, Style)>> = header
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
        let heights: Vec<f32> = rows.iter().map(row_h).collect();
        let n = rows.len();
        // The header goes with the first two rows, and a table of three rows or fewer is
        // not split; when that is taller than a page, with the first lines of its first row.
        let together = if n <= 3 { n } else { 2 };
        let start = head_h + heights[..together].iter().sum::<f32>();
        let page_lines = ((TOP - BOTTOM - head_h - 2.0 * PAD) / lh).floor() as usize;
        let start = if start <= TOP - BOTTOM {
            start
        } else {
            let first = heights.first().map_or(1.0, |h| (h - 2.0 * PAD) / lh) as usize;
            head_h + first.min(page_lines).clamp(1, 3) as f32 * lh + 2.0 * PAD
        };
        self.flush(start);
        self.ensure(start);
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
        let last_two = (n >= 2).then(|| (heights[n - 2], heights[n - 1]));
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
            let cells: Vec<Vec<(String, Style)>> = row
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
                    // A row is split when it could not fit on a page of its own anyway, or
                    // when it is taller than a third of a page and at least three of its
                    // lines stay and three go (moved whole, each such row would leave most
                    // of a page empty); never leaving a lone line behind.
                    let tall = total * 3 > page_lines && fits >= 3 && remaining >= fits + 3;
                    if (fits >= 2 && remaining > page_lines) || tall {
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
        self.flush(0.0);
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
        // Units of the vocabulary and compounds with '/', in both languages; a plain word
        // after a figure stays breakable.
        assert_eq!(
            tie("5 475 besök/år och 30 pcs, 22 visits/day, 4 min, 10 robotar"),
            "5\u{a0}475\u{a0}besök/år och 30\u{a0}pcs, 22\u{a0}visits/day, 4\u{a0}min, 10 robotar"
        );
        let l = layout();
        // A column too narrow for "= 818 968,75" on one line moves the whole figure down.
        let lines = l.wrap(
            "× 359 = 818 968,75",
            l.width("× 359 = 818", CELL) + 1.0,
            CELL,
        );
        assert_eq!(lines, ["× 359 =", "818 968,75"]);
    }

    /// The page (from 0) each text of `texts` is drawn on first.
    fn pages_of(l: &Layout, texts: &[&str]) -> Vec<Option<usize>> {
        texts
            .iter()
            .map(|t| {
                l.pages
                    .iter()
                    .position(|items| shown(items).iter().any(|s| s == t))
            })
            .collect()
    }

    fn near_the_foot(l: &mut Layout, room: f32) {
        l.y = BOTTOM + room;
        l.fresh = false;
    }

    #[test]
    fn a_total_wider_than_its_column_is_set_smaller_never_broken() {
        // The English budget table's bold total "−SEK 1,674,000" broke as "−SEK 1,674,00"
        // and "0" in a column one character too narrow.
        let mut l = layout();
        let total = "−SEK 1,674,000";
        let share = (l.width(total, CELL_BOLD) - 4.0 + 2.0 * PAD) / WIDTH;
        let cols = [
            Column(1.0 - share, Align::Left),
            Column(share, Align::Right),
        ];
        let rows = vec![
            vec![Cell::text("2027 (6)"), Cell::text("−SEK 144,000")],
            vec![Cell::bold("Total"), Cell::bold(total)],
        ];
        l.table(&cols, &["Year", "Net"], &rows);
        let texts = shown(&l.pages[0]);
        assert!(texts.contains(&total.to_string()), "{texts:?}");
        let size = l.pages[0].iter().find_map(|i| match &i.mark {
            Mark::Text { text, st, .. } if text == total => Some(st.size),
            _ => None,
        });
        assert!(size.is_some_and(|s| (MIN_FIGURE_SIZE..CELL_BOLD.size).contains(&s)));
        // "year 0" and "år 4" stay together; a figure's thousands commas are no breaks.
        assert_eq!(tie("one-off in year 0"), "one-off in year\u{a0}0");
        assert_eq!(tie("engångs, år 4"), "engångs, år\u{a0}4");
        let narrow = l.width("one-off in year", CELL) + 1.0;
        assert_eq!(
            l.wrap("one-off in year 0", narrow, CELL),
            ["one-off in", "year 0"]
        );
        let narrow = l.width("costs SEK 1,674,0", CELL);
        assert_eq!(
            l.wrap("costs SEK 1,674,000", narrow, CELL),
            ["costs", "SEK 1,674,000"]
        );
    }

    #[test]
    fn a_heading_at_the_page_foot_goes_to_the_next_page_with_what_follows() {
        // "Kostnader" and "Känslighetsanalys" with its introduction stood at a page's foot,
        // their table on the next page. Rows of three lines each.
        let cols = [Column(0.5, Align::Left), Column(0.5, Align::Right)];
        let header = ["Faktor", "Nuvärde"];
        let rows: Vec<Vec<Cell>> = (1..=8)
            .map(|k| vec![Cell::text(format!("rad {k}\nett\ntvå")), Cell::text("1 kr")])
            .collect();
        // Room for the heading, the table's header and one row, not two.
        let mut l = layout();
        let room = HEADING_ROOM + l.table_height(&cols, &header, &rows[..1]) + 20.0;
        near_the_foot(&mut l, room);
        l.h2("Kostnader");
        l.table(&cols, &header, &rows);
        assert_eq!(
            pages_of(&l, &["Kostnader", "Faktor", "rad 1", "rad 2"]),
            [Some(1); 4]
        );
        assert_eq!(l.bookmarks[0].page, 1);
        // A section heading with its short introduction goes along too.
        let mut l = layout();
        near_the_foot(&mut l, 110.0);
        l.h1("3. Känslighetsanalys");
        l.para("Varje faktor prövas vid sitt låga och höga värde.", BODY);
        l.table(&cols, &header, &rows);
        assert_eq!(
            pages_of(
                &l,
                &[
                    "3. Känslighetsanalys",
                    "Varje faktor prövas vid sitt låga och höga värde.",
                    "Faktor",
                    "rad 2"
                ]
            ),
            [Some(1); 4]
        );
        // With room for them, they stay where they are.
        let mut l = layout();
        near_the_foot(&mut l, 300.0);
        l.h2("Kostnader");
        l.table(&cols, &header, &rows);
        assert_eq!(pages_of(&l, &["Kostnader", "rad 2"]), [Some(0); 2]);
    }

    #[test]
    fn a_figure_and_its_caption_share_a_page() {
        // The caption "Ackumulerat netto …" stood at the top of the page after its chart.
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="blue"/></svg>"#;
        let tree = || usvg::Tree::from_str(svg, &usvg::Options::default()).expect("a drawing");
        let mut l = layout();
        let chart = WIDTH / 2.0;
        near_the_foot(&mut l, chart + 6.0);
        l.image(tree(), WIDTH, "Ackumulerat netto");
        l.para("Ackumulerat netto per år i båda vyerna.", SMALL);
        let figure_page = l
            .pages
            .iter()
            .position(|items| items.iter().any(|i| matches!(i.mark, Mark::Svg { .. })));
        assert_eq!(figure_page, Some(1));
        assert_eq!(
            pages_of(&l, &["Ackumulerat netto per år i båda vyerna."]),
            [Some(1)]
        );
        // A heading before the figure goes with both.
        let mut l = layout();
        near_the_foot(&mut l, HEADING_ROOM + chart + 6.0);
        l.h2("Diagram");
        l.image(tree(), WIDTH, "Ackumulerat netto");
        l.para("Ackumulerat netto per år i båda vyerna.", SMALL);
        assert_eq!(
            pages_of(&l, &["Diagram", "Ackumulerat netto per år i båda vyerna."]),
            [Some(1), Some(1)]
        );
    }

    #[test]
    fn a_page_break_leaves_at_least_two_rows_on_either_side() {
        let cols = [Column(0.5, Align::Left), Column(0.5, Align::Right)];
        let header = ["Rad", "Belopp"];
        let rows = |n: usize| -> Vec<Vec<Cell>> {
            (1..=n)
                .map(|k| vec![Cell::text(format!("rad {k}")), Cell::text("1 kr")])
                .collect()
        };
        // Room for the header and one row: "År för år" left only its 2021 row behind.
        let mut l = layout();
        let rows8 = rows(8);
        let room = l.table_height(&cols, &header, &rows8[..1]) + 1.0;
        near_the_foot(&mut l, room);
        l.table(&cols, &header, &rows8);
        assert_eq!(pages_of(&l, &["rad 1", "rad 2"]), [Some(1), Some(1)]);
        // A table of two rows ("Planerade uppföljningar" split 1/1) is not split.
        let mut l = layout();
        let rows2 = rows(2);
        let room = l.table_height(&cols, &header, &rows2[..1]) + 1.0;
        near_the_foot(&mut l, room);
        l.table(&cols, &header, &rows2);
        assert_eq!(pages_of(&l, &["rad 1", "rad 2"]), [Some(1), Some(1)]);
        // Room for the header and seven rows of eight: the seventh goes along with the last.
        let mut l = layout();
        let room = l.table_height(&cols, &header, &rows8[..7]) + 1.0;
        near_the_foot(&mut l, room);
        l.table(&cols, &header, &rows8);
        assert_eq!(
            pages_of(&l, &["rad 6", "rad 7", "rad 8"]),
            [Some(0), Some(1), Some(1)]
        );
    }

    #[test]
    fn a_row_taller_than_a_third_of_a_page_is_split_rather_than_moved() {
        // The stress document's factor table put each 40-line source on a page of its own,
        // leaving a third of every page empty (104 pages).
        let mut l = layout();
        let cols = [Column(0.5, Align::Left), Column(0.5, Align::Left)];
        let tall = ["källa"; 40].join("\n");
        let rows: Vec<Vec<Cell>> = (1..=4)
            .map(|k| vec![Cell::text(format!("faktor {k}")), Cell::text(tall.clone())])
            .collect();
        l.table(&cols, &["Faktor", "Källa"], &rows);
        assert_eq!(l.pages.len(), 3);
        // A row of a few lines still moves whole.
        let mut l = layout();
        let short = ["källa"; 5].join("\n");
        let rows: Vec<Vec<Cell>> = (1..=4)
            .map(|k| vec![Cell::text(format!("faktor {k}")), Cell::text(short.clone())])
            .collect();
        let room =
            l.table_height(&cols, &["Faktor", "Källa"], &rows[..2]) + line_height(CELL) * 3.0;
        near_the_foot(&mut l, room);
        l.table(&cols, &["Faktor", "Källa"], &rows);
        let on_first = shown(&l.pages[0]).iter().filter(|t| *t == "källa").count();
        assert_eq!(on_first, 10);
    }

    #[test]
    fn a_paragraph_leaves_no_lone_line_at_either_side_of_a_page_break() {
        // The switching values' note ended with one line at the top of the next page.
        let lines: Vec<String> = (1..=10).map(|k| format!("rad {k}")).collect();
        let text = lines.join("\n");
        let lh = line_height(BODY);
        for (room, on_first) in [(9.5, 8), (2.5, 2), (1.5, 0)] {
            let mut l = layout();
            near_the_foot(&mut l, lh * room);
            l.para(&text, BODY);
            let first = shown(&l.pages[0]).len();
            assert_eq!(first, on_first, "room for {room} lines");
            assert_eq!(l.pages.len(), 2);
        }
        // A list item of three lines with room for two goes whole, its bullet with it (the
        // follow-up's lessons left a bullet alone at a page's foot).
        let mut l = layout();
        near_the_foot(&mut l, lh * 2.5);
        l.bullets(&["ett\ntvå\ntre".to_string()], BODY);
        assert!(shown(&l.pages[0]).is_empty(), "{:?}", shown(&l.pages[0]));
        assert_eq!(shown(&l.pages[1]), ["•", "ett", "två", "tre"]);
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
