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

/// Eight tones far apart (Okabe–Ito without its sky blue, which at half strength read as
/// the blue, plus brown and grey), one per department in order of first appearance; the
/// next eight departments take the same tones as squares, the next as diamonds.
const COLOURS: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(213, 94, 0),
    RGBColor(204, 121, 167),
    RGBColor(120, 94, 40),
    RGBColor(34, 34, 34),
    RGBColor(240, 210, 60),
];

/// The marker of the department at `i` in order of first appearance: circle, square or
/// diamond, with its colour.
fn marker_of(i: usize) -> (Marker, RGBColor) {
    let shape = match (i / COLOURS.len()) % 3 {
        0 => Marker::Circle,
        1 => Marker::Square,
        _ => Marker::Diamond,
    };
    (shape, COLOURS[i % COLOURS.len()])
}

/// A department's marker shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    Circle,
    Square,
    Diamond,
}

/// Draws `marker` at `(x, y)` with the area of a circle of `radius`.
fn draw_marker(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    marker: Marker,
    (x, y): (i32, i32),
    radius: i32,
    style: ShapeStyle,
) -> Result<(), ReportError> {
    // A square of the circle's area has half-side r·√π/2; a diamond the same, turned.
    let h = (f64::from(radius) * 0.886).round() as i32;
    let d = (f64::from(radius) * 1.253).round() as i32;
    match marker {
        Marker::Circle => root.draw(&Circle::new((x, y), radius, style)),
        Marker::Square => root.draw(&Rectangle::new([(x - h, y - h), (x + h, y + h)], style)),
        Marker::Diamond => {
            let points = vec![(x, y - d), (x + d, y), (x, y + d), (x - d, y)];
            if style.filled {
                root.draw(&Polygon::new(points, style))
            } else {
                let mut closed = points.clone();
                closed.push(points[0]);
                root.draw(&PathElement::new(closed, style))
            }
        }
    }
    .map_err(fail)
}

/// A legend name in lines of at most `width` characters, broken between words (a single
/// longer word keeps its own line whole).
fn wrap_name(name: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Characters per legend line.
const LEGEND_WIDTH: usize = 30;
/// Height of a legend row and of each further line of a wrapped name.
const LEGEND_ROW: i32 = 26;
const LEGEND_LINE: i32 = 18;
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

/// The bubble chart as SVG text: 800 px wide, 560 px high or taller when the legend needs it.
pub fn bubble_svg(bubbles: &[Bubble], lang: Lang) -> Result<String, ReportError> {
    register_chart_font()?;
    let sv = lang == Lang::Sv;
    let depts = departments(bubbles);
    let marker = |d: &str| marker_of(depts.iter().position(|x| x == d).unwrap_or(0));
    let names: Vec<Vec<String>> = depts.iter().map(|d| wrap_name(d, LEGEND_WIDTH)).collect();
    let legend_height: i32 = names
        .iter()
        .map(|l| LEGEND_ROW + LEGEND_LINE * (l.len().max(1) as i32 - 1))
        .sum();
    // The two notes under the legend end 16 + 24 + 30 px below it.
    let height = (PLOT.1 + legend_height + 70).max(SIZE.1 as i32) as u32;
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
        let root = SVGBackend::with_string(&mut out, (SIZE.0, height)).into_drawing_area();
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
            let (shape, c) = marker(&b.department);
            let style = if b.npv < Decimal::ZERO {
                c.stroke_width(2)
            } else {
                c.mix(0.55).filled()
            };
            draw_marker(&root, shape, (cx, cy), radius, style)?;
        }
        let legend_x = right + 52;
        let mut y = top;
        for (i, lines) in names.iter().enumerate() {
            let (shape, c) = marker_of(i);
            draw_marker(&root, shape, (legend_x, y + 8), 6, c.mix(0.55).filled())?;
            for (k, line) in lines.iter().enumerate() {
                root.draw(&Text::new(
                    line.clone(),
                    (legend_x + 12, y + LEGEND_LINE * k as i32),
                    label.clone(),
                ))
                .map_err(fail)?;
            }
            y += LEGEND_ROW + LEGEND_LINE * (lines.len().max(1) as i32 - 1);
        }
        let y = y + 16;
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
    /// The review's portfolio: the legend cut "Gymnasie- och vuxenutbildningsförv…" and two
    /// departments got nearly the same light blue.
    #[test]
    fn long_department_names_wrap_whole_and_every_department_has_its_own_marker() {
        let names = [
            "Barn- och utbildningsförvaltningen",
            "Arbete och välfärd",
            "Kommunledningsförvaltningen",
            "Samhällsbyggnadsförvaltningen",
            "Socialförvaltningen",
            "Omsorgsförvaltningen",
            "Gymnasie- och vuxenutbildningsförvaltningen",
            "Kultur- och fritidsförvaltningen",
            "Serviceförvaltningen",
            "Miljöförvaltningen",
        ];
        let bubbles: Vec<Bubble> = names.iter().map(|d| b(d, 3, 3, 100_000)).collect();
        let svg = bubble_svg(&bubbles, Lang::Sv).unwrap();
        // Broken between words, nothing cut.
        assert_eq!(
            wrap_name("Gymnasie- och vuxenutbildningsförvaltningen", LEGEND_WIDTH),
            ["Gymnasie- och", "vuxenutbildningsförvaltningen"]
        );
        for line in [
            "Gymnasie- och",
            "vuxenutbildningsförvaltningen",
            "Barn- och",
            "utbildningsförvaltningen",
            "Samhällsbyggnadsförvaltningen",
        ] {
            assert!(
                svg.contains(&format!("\n{line}\n")),
                "the legend lacks the line {line:?}"
            );
        }
        // Eight circles and two squares in the legend and as bubbles: the ninth and tenth
        // departments repeat the first two tones as squares.
        assert_eq!(svg.matches("<circle").count(), 16, "{svg}");
        assert_eq!(
            svg.matches("<rect").count(),
            2 + 2 + 1,
            "two squares twice and the background: {svg}"
        );
        assert_eq!(marker_of(8), (Marker::Square, COLOURS[0]));
        assert_eq!(marker_of(17), (Marker::Diamond, COLOURS[1]));
        // The light blue that read as the blue at half strength (and the navy near it) are
        // gone; the eight tones are distinct.
        for gone in [RGBColor(86, 180, 233), RGBColor(30, 60, 120)] {
            assert!(!COLOURS.contains(&gone), "{gone:?}");
        }
        for (i, a) in COLOURS.iter().enumerate() {
            assert!(!COLOURS[i + 1..].contains(a), "{a:?} twice");
        }
        crate::charts::portfolio::tests::at_least_8_pt(&svg);
    }
}
