//! The one typeface of every report: DejaVu Sans (regular and bold) from the `dejavu` crate,
//! embedded in each PDF and registered with plotters for the charts, so nothing depends on
//! the fonts of the machine. Text is measured with the font's own advance widths, which is
//! what the layout engine wraps by.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::error::ReportError;

/// The family name charts use. It doubles as a CSS font list in SVG output, so an app
/// without DejaVu installed falls back to its own sans-serif instead of a serif default.
pub(crate) const CHART_FAMILY: &str = "DejaVu Sans, sans-serif";

/// Regular and bold faces, parsed once per process.
pub(crate) struct Faces {
    /// DejaVu Sans.
    pub regular: ParsedFont,
    /// DejaVu Sans Bold.
    pub bold: ParsedFont,
}

static FACES: OnceLock<Option<Faces>> = OnceLock::new();
static CHART_FONT: OnceLock<bool> = OnceLock::new();

/// The parsed faces.
pub(crate) fn faces() -> Result<&'static Faces, ReportError> {
    FACES
        .get_or_init(|| {
            let regular = ParsedFont::from_bytes(dejavu::sans::regular(), 0, &mut Vec::new())?;
            let bold = ParsedFont::from_bytes(dejavu::sans::bold(), 0, &mut Vec::new())?;
            Some(Faces { regular, bold })
        })
        .as_ref()
        .ok_or(ReportError::Font)
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
pub(crate) fn text_width(face: &ParsedFont, text: &str, size: f32) -> f32 {
    let upem = f32::from(face.units_per_em.max(1));
    let fallback = face.units_per_em / 2;
    let units: u32 = text
        .chars()
        .map(|c| {
            face.codepoint_to_glyph
                .get(&u32::from(c))
                .and_then(|gid| face.glyph_widths.get(gid))
                .copied()
                .unwrap_or(fallback)
        })
        .map(u32::from)
        .sum();
    units as f32 / upem * size
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
        // Every Swedish letter has a glyph of its own.
        for c in "åäöÅÄÖé−–…×÷".chars() {
            assert!(
                f.regular.codepoint_to_glyph.contains_key(&u32::from(c)),
                "{c}"
            );
        }
    }
}
