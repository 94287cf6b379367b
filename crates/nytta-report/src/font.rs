//! The one typeface of every report: DejaVu Sans (regular and bold) from the `dejavu` crate,
//! embedded in each PDF and registered with plotters for the charts, so nothing depends on
//! the fonts of the machine. Text is measured with the font's own advance widths, which is
//! what the layout engine wraps by and the PDF places each glyph by.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use skrifa::instance::{LocationRef, Size};
use skrifa::MetadataProvider;

use crate::error::ReportError;

/// The family name charts use. It doubles as a CSS font list in SVG output, so an app
/// without DejaVu installed falls back to its own sans-serif instead of a serif default.
pub(crate) const CHART_FAMILY: &str = "DejaVu Sans, sans-serif";

/// One face: its bytes, and each character's glyph and advance width in em.
pub(crate) struct Face {
    /// The TrueType file.
    pub data: &'static [u8],
    glyphs: HashMap<char, (u16, f32)>,
}

impl Face {
    fn parse(data: &'static [u8]) -> Option<Face> {
        let font = skrifa::FontRef::new(data).ok()?;
        let upem = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em
                .max(1),
        );
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let glyphs = font
            .charmap()
            .mappings()
            .filter_map(|(code, gid)| {
                let c = char::from_u32(code)?;
                let advance = metrics.advance_width(gid).unwrap_or(0.0) / upem;
                Some((c, (u16::try_from(gid.to_u32()).ok()?, advance)))
            })
            .collect();
        Some(Face { data, glyphs })
    }

    /// The glyph of `c` and its advance in em. A character the face lacks (an emoji, a
    /// Chinese character in a free text) is drawn as the replacement character �, never as
    /// the missing glyph, which PDF/A forbids; the text behind it stays `c`.
    pub(crate) fn glyph(&self, c: char) -> (u16, f32) {
        self.glyphs
            .get(&c)
            .or_else(|| self.glyphs.get(&char::REPLACEMENT_CHARACTER))
            .or_else(|| self.glyphs.get(&'?'))
            .copied()
            .unwrap_or((0, 0.5))
    }
}

/// Regular and bold faces, parsed once per process.
pub(crate) struct Faces {
    /// DejaVu Sans.
    pub regular: Face,
    /// DejaVu Sans Bold.
    pub bold: Face,
}

static FACES: OnceLock<Option<Faces>> = OnceLock::new();
static CHART_FONT: OnceLock<bool> = OnceLock::new();

/// The parsed faces.
pub(crate) fn faces() -> Result<&'static Faces, ReportError> {
    FACES
        .get_or_init(|| {
            let regular = Face::parse(dejavu::sans::regular())?;
            let bold = Face::parse(dejavu::sans::bold())?;
            Some(Faces { regular, bold })
        })
        .as_ref()
        .ok_or(ReportError::Font)
}

static CHART_FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();

/// A chart's SVG text read into a drawing for the PDF, its text set in the embedded DejaVu
/// Sans like the page around it. A character the face lacks (an emoji in an input's name)
/// is drawn as the replacement character: PDF/A allows no missing glyph.
pub(crate) fn chart_tree(svg: &str) -> Result<usvg::Tree, String> {
    let face = &faces().map_err(|e| e.to_string())?.regular;
    let svg: String = svg
        .chars()
        .map(|c| {
            if c.is_control() || face.glyphs.contains_key(&c) {
                c
            } else {
                char::REPLACEMENT_CHARACTER
            }
        })
        .collect();
    let options = usvg::Options {
        fontdb: chart_fonts(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(&svg, &options).map_err(|e| e.to_string())
}

/// DejaVu Sans (regular and bold) as the only fonts for reading chart SVGs.
fn chart_fonts() -> Arc<usvg::fontdb::Database> {
    CHART_FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            for face in [dejavu::sans::regular(), dejavu::sans::bold()] {
                db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(face)));
            }
            db.set_sans_serif_family("DejaVu Sans");
            Arc::new(db)
        })
        .clone()
}

/// Registers DejaVu Sans with plotters under [`CHART_FAMILY`] (once per process).
pub(crate) fn register_chart_font() -> Result<(), ReportError> {
    let ok = CHART_FONT.get_or_init(|| {
        use plotters::style::{register_font, FontStyle};
        register_font(CHART_FAMILY, FontStyle::Normal, dejavu::sans::regular()).is_ok()
            && register_font(CHART_FAMILY, FontStyle::Bold, dejavu::sans::bold()).is_ok()
    });
    if *ok {
        Ok(())
    } else {
        Err(ReportError::Font)
    }
}

/// Width of `text` in points at `size`, from the face's advance widths (no kerning, which
/// matches how the text is written to the PDF).
pub(crate) fn text_width(face: &Face, text: &str, size: f32) -> f32 {
    text.chars().map(|c| face.glyph(c).1).sum::<f32>() * size
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let f = faces().unwrap();
        let a = text_width(&f.regular, "Nyttovärdering", 10.0);
        assert!(a > 50.0 && a < 90.0, "{a}");
        assert!((text_width(&f.regular, "Nyttovärdering", 20.0) - 2.0 * a).abs() < 0.01);
        assert!(text_width(&f.bold, "Nyttovärdering", 10.0) > a);
        // A character the face lacks is drawn as the replacement character, as wide.
        assert_eq!(f.regular.glyph('🚀'), f.regular.glyph('\u{fffd}'));
        assert_ne!(f.regular.glyph('🚀').0, 0);
        // Every Swedish letter has a glyph of its own.
        for c in "åäöÅÄÖé−–…×÷".chars() {
            assert_ne!(f.regular.glyph(c).0, 0, "{c}");
        }
    }
}
