//! The portfolio's bubble chart: potential effect against feasibility (both on the 1/3/5
//! scale), a bubble per initiative with its area proportional to its economic NPV (a negative
//! NPV drawn as an outlined ring) and its colour naming its department. Initiatives at the
//! same levels are spread around the point of their levels, in the order given.

use nytta_core::format;
use nytta_core::Lang;
use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::error::ReportError;
use crate::font::{register_chart_font, CHART_FAMILY};

/// One initiative in the bubble chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bubble {
    /// Department: the colour.
    pub department: String,
    /// Potential effect level (1/3/5): the height.
    pub effect: u8,
    /// Feasibility level (1/3/5): the place across.
    pub feasibility: u8,
    /// Economic NPV: the area.
    pub npv: Decimal,
}

/// Okabe–Ito and further tones, one per department in order of first appearance.
const COLOURS: [RGBColor; 16] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(213, 94, 0),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(120, 94, 40),
    RGBColor(34, 34, 34),
    RGBColor(100, 100, 160),
    RGBColor(150, 150, 150),
    RGBColor(170, 40, 60),
    RGBColor(60, 130, 60),
    RGBColor(240, 210, 60),
    RGBColor(30, 60, 120),
    RGBColor(200, 140, 100),
    RGBColor(110, 40, 130),
];
const INK: RGBColor = RGBColor(34, 34, 34);
const GRID: RGBColor = RGBColor(215, 215, 215);

const SIZE: (u32, u32) = (800, 560);
const PLOT: (i32, i32, i32, i32) = (76, 90, 446, 480);
const MAX_RADIUS: f64 = 26.0;
use super::portfolio::TEXT;

fn fail(detail: impl std::fmt::Display) -> ReportError {
    ReportError::Chart {
        chart: "bubble".into(),
        detail: detail.to_string(),
    }
}

/// The departments in order of first appearance; their colour is their place here.
pub fn departments(bubbles: &[Bubble]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for b in bubbles {
        if !out.contains(&b.department) {
            out.push(b.department.clone());
        }
    }
    out
}

/// The bubble chart as SVG text (800 × 560 px).
pub fn bubble_svg(bubbles: &[Bubble], lang: Lang) -> Result<String, ReportError> {
    register_chart_font()?;
    let sv = lang == Lang::Sv;
    let depts = departments(bubbles);
    let colour = |d: &str| {
        let i = depts.iter().position(|x| x == d).unwrap_or(0);
        COLOURS[i % COLOURS.len()]
    };
    let largest_npv = bubbles
        .iter()
        .map(|b| b.npv.abs())
        .max()
        .unwrap_or_default();
    let largest = largest_npv.to_f64().unwrap_or(0.0);
    let (left, top, right, bottom) = PLOT;
    let x_of = |level: u8| left + (right - left) * (i32::from(level.clamp(1, 5)) - 1) / 4;
    let y_of = |level: u8| bottom - (bottom - top) * (i32::from(level.clamp(1, 5)) - 1) / 4;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        let label = (CHART_FAMILY, TEXT).into_font().color(&INK);
        let title = (CHART_FAMILY, 19.0, FontStyle::Bold)
            .into_font()
            .color(&INK);
        root.draw(&Text::new(
            if sv {
                "Potentiell effekt mot genomförbarhet (storlek: nuvärde, samhällsekonomiskt)"
            } else {
                "Potential effect against feasibility (size: NPV, socio-economic)"
            },
            (10, 12),
            title,
        ))
        .map_err(fail)?;
        for level in [1u8, 3, 5] {
            let x = x_of(level);
            let y = y_of(level);
            root.draw(&PathElement::new(vec![(x, top), (x, bottom)], GRID))
                .map_err(fail)?;
            root.draw(&PathElement::new(vec![(left, y), (right, y)], GRID))
                .map_err(fail)?;
            root.draw(&Text::new(
                level.to_string(),
                (x - 4, bottom + 12),
                label.clone(),
            ))
            .map_err(fail)?;
            root.draw(&Text::new(
                level.to_string(),
                (left - 64, y - 7),
                label.clone(),
            ))
            .map_err(fail)?;
        }
        root.draw(&Text::new(
            if sv { "Genomförbarhet" } else { "Feasibility" },
            ((left + right) / 2 - 50, bottom + 34),
            label.clone(),
        ))
        .map_err(fail)?;
        root.draw(&Text::new(
            if sv {
                "Potentiell effekt"
            } else {
                "Potential effect"
            },
            (10, top - 56),
            label.clone(),
        ))
        .map_err(fail)?;
        let mut seen: std::collections::BTreeMap<(u8, u8), usize> = Default::default();
        for b in bubbles {
            let k = seen.entry((b.feasibility, b.effect)).or_default();
            let n = *k as f64;
            *k += 1;
            // The golden angle spreads the initiatives at one point without stacking them.
            let (dx, dy) = if n == 0.0 {
                (0.0, 0.0)
            } else {
                let r = 9.0 * n.sqrt();
                let a = n * 2.399_963;
                (r * a.cos(), r * a.sin())
            };
            let cx = x_of(b.feasibility) + dx.round() as i32;
            let cy = y_of(b.effect) + dy.round() as i32;
            let share = if largest > 0.0 {
                b.npv.abs().to_f64().unwrap_or(0.0) / largest
            } else {
                0.0
            };
            let radius = (MAX_RADIUS * share.sqrt()).max(3.0).round() as i32;
            let c = colour(&b.department);
            let style = if b.npv < Decimal::ZERO {
                c.stroke_width(2)
            } else {
                c.mix(0.55).filled()
            };
            root.draw(&Circle::new((cx, cy), radius, style))
                .map_err(fail)?;
        }
        let legend_x = right + 52;
        for (i, d) in depts.iter().enumerate() {
            let y = top + 26 * i as i32;
            let c = COLOURS[i % COLOURS.len()];
            root.draw(&Circle::new((legend_x, y + 8), 6, c.mix(0.55).filled()))
                .map_err(fail)?;
            let name: String = d.chars().take(34).collect();
            root.draw(&Text::new(name, (legend_x + 12, y), label.clone()))
                .map_err(fail)?;
        }
        let y = top + 26 * depts.len() as i32 + 16;
        let (largest_note, ring) = if sv {
            (
                format!("Störst: {}.", format::kronor(largest_npv, lang)),
                "Ring: negativt nuvärde.",
            )
        } else {
            (
                format!("Largest: {}.", format::kronor(largest_npv, lang)),
                "Ring: negative NPV.",
            )
        };
        root.draw(&Text::new(largest_note, (legend_x - 6, y), label.clone()))
            .map_err(fail)?;
        root.draw(&Text::new(ring, (legend_x - 6, y + 24), label))
            .map_err(fail)?;
        root.present().map_err(fail)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn b(d: &str, e: u8, f: u8, npv: i64) -> Bubble {
        Bubble {
            department: d.into(),
            effect: e,
            feasibility: f,
            npv: Decimal::from(npv),
        }
    }

    #[test]
    fn a_bubble_per_initiative_a_colour_per_department_and_the_legend() {
        let bubbles = [
            b("Omsorg", 5, 3, 400_000),
            b("Skola", 3, 3, 100_000),
            b("Omsorg", 1, 5, -100_000),
        ];
        assert_eq!(departments(&bubbles), ["Omsorg", "Skola"]);
        let svg = bubble_svg(&bubbles, Lang::Sv).unwrap();
        // Three bubbles and two legend dots.
        assert_eq!(svg.matches("<circle").count(), 5);
        assert!(svg.contains("Omsorg") && svg.contains("Skola"));
        assert!(
            svg.contains("Störst: 400 000 kr.\n") && svg.contains("Ring: negativt nuvärde."),
            "{svg}"
        );
        // At least 8 pt when the 800 px chart spans the PDF's 483 pt.
        crate::charts::portfolio::tests::at_least_8_pt(&svg);
        // Area ∝ |NPV|: 400 000 gets the full 26 px, 100 000 a quarter of the area, 13 px.
        assert!(svg.contains("r=\"26\""), "{svg}");
        assert!(svg.contains("r=\"13\""), "{svg}");
        let en = bubble_svg(&bubbles, Lang::En).unwrap();
        assert!(en.contains("Largest: SEK 400,000.\n") && en.contains("Ring: negative NPV."));
    }
}
