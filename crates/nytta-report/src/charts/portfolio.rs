//! The portfolio report's charts: the development process's funnel (initiatives per stage,
//! grouped by the process's four steps) and the demand per year (one-off and recurring costs
//! stacked, against the benefits in both views). Values in, SVG text out; each chart also
//! has a one-sentence description for screen readers.
//!
//! Drawn for print: at 800 px across the text width (483 pt) every text is at least 8 pt on
//! paper ([`TEXT`]). Labels sit beside bars or in rows of their own, never under a bar or a
//! line.

use nytta_core::format;
use nytta_core::Lang;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::error::ReportError;
use crate::font::{register_chart_font, CHART_FAMILY};

/// One stage of the funnel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunnelStage {
    /// The stage's name.
    pub name: String,
    /// Initiatives at the stage.
    pub count: u64,
    /// Share of the whole portfolio (0–1).
    pub share: Decimal,
}

/// One step of the development process with its stages, in process order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunnelStep {
    /// The step's name.
    pub name: String,
    /// Initiatives in the step.
    pub count: u64,
    /// Share of the whole portfolio (0–1).
    pub share: Decimal,
    /// Its stages (none for a step no stage belongs to).
    pub stages: Vec<FunnelStage>,
}

/// One calendar year of what the decided and ongoing initiatives demand and return.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemandYear {
    /// Calendar year.
    pub year: i32,
    /// One-off costs (kr).
    pub one_off: Decimal,
    /// Recurring costs (kr).
    pub recurring: Decimal,
    /// Benefits, economic view (kr).
    pub benefits_economic: Decimal,
    /// Benefits, budget view (kr).
    pub benefits_budget: Decimal,
}

const INK: RGBColor = RGBColor(34, 34, 34);
const GRID: RGBColor = RGBColor(215, 215, 215);
const BLUE: RGBColor = RGBColor(0, 114, 178);
const ORANGE: RGBColor = RGBColor(230, 159, 0);
const VERMILION: RGBColor = RGBColor(213, 94, 0);
const GREEN: RGBColor = RGBColor(0, 158, 115);
/// A colour per step of the process, in order.
const STEP_COLOURS: [RGBColor; 4] = [BLUE, ORANGE, GREEN, VERMILION];

const WIDTH: u32 = 800;
/// Text size as plotters takes it; its SVG writes ÷ 1.24 (13.7 px), and 800 px across the
/// printed text width (483 pt) make that 8.3 pt.
pub(crate) const TEXT: f64 = 17.0;
const TITLE: f64 = 20.0;

fn fail(chart: &str) -> impl Fn(String) -> ReportError + '_ {
    move |detail| ReportError::Chart {
        chart: chart.into(),
        detail,
    }
}

fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn funnel_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "Utvecklingsprocessen: initiativ per steg och status",
        Lang::En => "Development process: initiatives per step and stage",
    }
}

fn demand_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "Beslutade och pågående initiativ: kostnader och nyttor per år",
        Lang::En => "Decided and ongoing initiatives: costs and benefits per year",
    }
}

/// The legend's names: one-off costs, recurring costs, benefits (economic), benefits (budget).
fn demand_series(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Sv => [
            "Engångskostnader",
            "Löpande kostnader",
            "Nyttor, samhällsekonomiskt",
            "Nyttor, budget",
        ],
        Lang::En => [
            "One-off costs",
            "Recurring costs",
            "Benefits, socio-economic",
            "Benefits, budget",
        ],
    }
}

fn count_and_share(count: u64, share: Decimal, lang: Lang) -> String {
    format!(
        "{} ({})",
        format::number(Decimal::from(count), 0, lang),
        format::percent(share, 1, lang)
    )
}

/// The funnel as SVG text (800 px wide): a row per step (its name, count and share) and a
/// bar per stage, its length the count, the count and share written after the bar.
pub fn funnel_svg(steps: &[FunnelStep], lang: Lang) -> Result<String, ReportError> {
    register_chart_font()?;
    let fail = fail("funnel");
    let rows: usize = steps.iter().map(|s| 1 + s.stages.len()).sum();
    let row_h = 30;
    let top = 52;
    let height = (top + row_h * rows as i32 + 16) as u32;
    let largest = steps
        .iter()
        .flat_map(|s| s.stages.iter().map(|st| st.count))
        .max()
        .unwrap_or(0)
        .max(1);
    let (bar_left, bar_right) = (300, 640);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(err).map_err(&fail)?;
        let title = (CHART_FAMILY, TITLE, FontStyle::Bold)
            .into_font()
            .color(&INK);
        let label = (CHART_FAMILY, TEXT)
            .into_font()
            .color(&INK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        let bold = (CHART_FAMILY, TEXT, FontStyle::Bold)
            .into_font()
            .color(&INK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(funnel_title(lang), (10, 14), title))
            .map_err(err)
            .map_err(&fail)?;
        let mut y = top;
        for (i, step) in steps.iter().enumerate() {
            let colour = STEP_COLOURS[i % STEP_COLOURS.len()];
            let mid = y + row_h / 2;
            root.draw(&Rectangle::new(
                [(10, mid - 7), (22, mid + 7)],
                colour.filled(),
            ))
            .map_err(err)
            .map_err(&fail)?;
            root.draw(&Text::new(step.name.clone(), (30, mid), bold.clone()))
                .map_err(err)
                .map_err(&fail)?;
            root.draw(&Text::new(
                count_and_share(step.count, step.share, lang),
                (bar_right + 16, mid),
                bold.clone(),
            ))
            .map_err(err)
            .map_err(&fail)?;
            y += row_h;
            for st in &step.stages {
                let mid = y + row_h / 2;
                root.draw(&Text::new(st.name.clone(), (48, mid), label.clone()))
                    .map_err(err)
                    .map_err(&fail)?;
                root.draw(&PathElement::new(
                    vec![(bar_left, y + 3), (bar_left, y + row_h - 3)],
                    GRID,
                ))
                .map_err(err)
                .map_err(&fail)?;
                let length = ((bar_right - bar_left) as f64 * st.count as f64 / largest as f64)
                    .round() as i32;
                if length > 0 {
                    root.draw(&Rectangle::new(
                        [(bar_left, y + 5), (bar_left + length, y + row_h - 5)],
                        colour.filled(),
                    ))
                    .map_err(err)
                    .map_err(&fail)?;
                }
                root.draw(&Text::new(
                    count_and_share(st.count, st.share, lang),
                    (bar_right + 16, mid),
                    label.clone(),
                ))
                .map_err(err)
                .map_err(&fail)?;
                y += row_h;
            }
        }
        root.present().map_err(err).map_err(&fail)?;
    }
    Ok(out)
}

/// The funnel in one sentence: the steps with their counts, and the largest stage.
pub fn funnel_alt(steps: &[FunnelStep], lang: Lang) -> String {
    let parts: Vec<String> = steps
        .iter()
        .map(|s| format!("{} {}", s.name.to_lowercase(), s.count))
        .collect();
    let largest = steps
        .iter()
        .flat_map(|s| s.stages.iter())
        .max_by_key(|st| st.count);
    let total: u64 = steps.iter().map(|s| s.count).sum();
    match lang {
        Lang::Sv => format!(
            "Stapeldiagram över portföljens {total} initiativ per status, grupperade i utvecklingsprocessens steg ({}){}.",
            parts.join(", "),
            largest.map_or(String::new(), |st| format!(
                "; flest har status {} ({})",
                st.name.to_lowercase(),
                st.count
            ))
        ),
        Lang::En => format!(
            "Bar chart of the portfolio's {total} initiatives per stage, grouped by the development process's steps ({}){}.",
            parts.join(", "),
            largest.map_or(String::new(), |st| format!(
                "; most are at the stage {} ({})",
                st.name.to_lowercase(),
                st.count
            ))
        ),
    }
}

/// Money on the axis: thousands or millions of kronor, written the language's way.
fn axis_unit(max_abs: f64, lang: Lang) -> (f64, u32, &'static str) {
    let millions = max_abs >= 2_000_000.0;
    let name = match (millions, lang) {
        (true, Lang::Sv) => "mnkr",
        (false, Lang::Sv) => "tkr",
        (true, Lang::En) => "SEK million",
        (false, Lang::En) => "SEK thousand",
    };
    (if millions { 1e6 } else { 1e3 }, u32::from(millions), name)
}

/// The demand per year as SVG text (800 × 460 px): one-off and recurring costs as stacked
/// bars per calendar year, the benefits in both views as lines over them, the legend in a
/// row of its own above the plot.
pub fn demand_svg(years: &[DemandYear], lang: Lang) -> Result<String, ReportError> {
    register_chart_font()?;
    let fail = fail("demand");
    let size = (WIDTH, 460);
    let names = demand_series(lang);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        root.fill(&WHITE).map_err(err).map_err(&fail)?;
        let title = (CHART_FAMILY, TITLE, FontStyle::Bold)
            .into_font()
            .color(&INK);
        root.draw(&Text::new(demand_title(lang), (10, 14), title))
            .map_err(err)
            .map_err(&fail)?;
        // The legend: two rows of two entries, above the plot.
        let legend = (CHART_FAMILY, TEXT)
            .into_font()
            .color(&INK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        for (i, name) in names.iter().enumerate() {
            let x = 20 + 380 * (i as i32 % 2);
            let y = 54 + 26 * (i as i32 / 2);
            match i {
                0 => root
                    .draw(&Rectangle::new(
                        [(x, y - 7), (x + 24, y + 7)],
                        BLUE.filled(),
                    ))
                    .map_err(err),
                1 => root
                    .draw(&Rectangle::new(
                        [(x, y - 7), (x + 24, y + 7)],
                        ORANGE.mix(0.45).filled(),
                    ))
                    .and_then(|()| {
                        root.draw(&Rectangle::new(
                            [(x, y - 7), (x + 24, y + 7)],
                            VERMILION.stroke_width(2),
                        ))
                    })
                    .map_err(err),
                2 => root
                    .draw(&PathElement::new(
                        vec![(x, y), (x + 24, y)],
                        INK.stroke_width(3),
                    ))
                    .and_then(|()| root.draw(&Circle::new((x + 12, y), 5, INK.filled())))
                    .map_err(err),
                _ => root
                    .draw(&PathElement::new(
                        vec![(x, y), (x + 8, y)],
                        GREEN.stroke_width(3),
                    ))
                    .and_then(|()| {
                        root.draw(&PathElement::new(
                            vec![(x + 16, y), (x + 24, y)],
                            GREEN.stroke_width(3),
                        ))
                    })
                    .and_then(|()| root.draw(&TriangleMarker::new((x + 12, y), 6, GREEN.filled())))
                    .map_err(err),
            }
            .map_err(&fail)?;
            root.draw(&Text::new(*name, (x + 32, y), legend.clone()))
                .map_err(err)
                .map_err(&fail)?;
        }
        let plot = root.margin(104, 10, 10, 20);
        let first = years.first().map_or(0, |y| y.year);
        let last = years.last().map_or(0, |y| y.year);
        let top_value = years
            .iter()
            .map(|y| {
                f(y.one_off + y.recurring)
                    .max(f(y.benefits_economic))
                    .max(f(y.benefits_budget))
            })
            .fold(0.0f64, f64::max);
        let low_value = years
            .iter()
            .map(|y| f(y.benefits_economic).min(f(y.benefits_budget)))
            .fold(0.0f64, f64::min);
        let (divisor, decimals, unit) = axis_unit(top_value.max(-low_value), lang);
        let span = (top_value - low_value).max(1000.0);
        let y_range = (low_value - if low_value < 0.0 { span * 0.08 } else { 0.0 })
            ..(top_value + span * 0.08);
        let x_range = (f64::from(first) - 0.6)..(f64::from(last) + 0.6);
        let every = if years.len() > 14 { 2 } else { 1 };
        let mut chart = ChartBuilder::on(&plot)
            .x_label_area_size(34)
            .y_label_area_size(84)
            .build_cartesian_2d(x_range, y_range)
            .map_err(err)
            .map_err(&fail)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .bold_line_style(GRID)
            .axis_style(INK)
            .x_labels(years.len().max(2))
            .x_label_formatter(&|v| {
                let year = v.round() as i32;
                if (v - f64::from(year)).abs() < 0.01 && (year - first) % every == 0 {
                    year.to_string()
                } else {
                    String::new()
                }
            })
            .y_labels(6)
            .y_label_formatter(&|v| {
                format::number(
                    Decimal::try_from(v / divisor).unwrap_or_default(),
                    decimals,
                    lang,
                )
            })
            .y_desc(unit)
            .label_style((CHART_FAMILY, TEXT).into_font().color(&INK))
            .axis_desc_style((CHART_FAMILY, TEXT).into_font().color(&INK))
            .draw()
            .map_err(err)
            .map_err(&fail)?;
        for y in years {
            let x = f64::from(y.year);
            let one_off = f(y.one_off);
            let total = one_off + f(y.recurring);
            chart
                .draw_series([
                    Rectangle::new([(x - 0.34, 0.0), (x + 0.34, one_off)], BLUE.filled()),
                    Rectangle::new(
                        [(x - 0.34, one_off), (x + 0.34, total)],
                        ORANGE.mix(0.45).filled(),
                    ),
                    Rectangle::new(
                        [(x - 0.34, one_off), (x + 0.34, total)],
                        VERMILION.stroke_width(2),
                    ),
                ])
                .map_err(err)
                .map_err(&fail)?;
        }
        let economic: Vec<(f64, f64)> = years
            .iter()
            .map(|y| (f64::from(y.year), f(y.benefits_economic)))
            .collect();
        let budget: Vec<(f64, f64)> = years
            .iter()
            .map(|y| (f64::from(y.year), f(y.benefits_budget)))
            .collect();
        chart
            .draw_series(LineSeries::new(economic.clone(), INK.stroke_width(3)))
            .map_err(err)
            .map_err(&fail)?;
        chart
            .draw_series(economic.iter().map(|&p| Circle::new(p, 5, INK.filled())))
            .map_err(err)
            .map_err(&fail)?;
        chart
            .draw_series(DashedLineSeries::new(
                budget.clone(),
                8,
                6,
                GREEN.stroke_width(3),
            ))
            .map_err(err)
            .map_err(&fail)?;
        chart
            .draw_series(
                budget
                    .iter()
                    .map(|&p| TriangleMarker::new(p, 6, GREEN.filled())),
            )
            .map_err(err)
            .map_err(&fail)?;
        root.present().map_err(err).map_err(&fail)?;
    }
    Ok(out)
}

/// The demand per year in one sentence: the years, the costliest year and the benefits.
pub fn demand_alt(years: &[DemandYear], lang: Lang) -> String {
    let (first, last) = (
        years.first().map_or(0, |y| y.year),
        years.last().map_or(0, |y| y.year),
    );
    let peak = years.iter().max_by_key(|y| y.one_off + y.recurring);
    let costs: Decimal = years.iter().map(|y| y.one_off + y.recurring).sum();
    let benefits: Decimal = years.iter().map(|y| y.benefits_economic).sum();
    let kr = |d: Decimal| format::kronor(d, lang);
    match (lang, peak) {
        (Lang::Sv, Some(p)) => format!(
            "Staplat stapeldiagram över beslutade och pågående initiativs engångs- och löpande kostnader per år {first}–{last} (sammanlagt {}, mest {} år {}) mot deras nyttor samhällsekonomiskt (sammanlagt {}) och i budgeten som linjer.",
            kr(costs),
            kr(p.one_off + p.recurring),
            p.year,
            kr(benefits)
        ),
        (Lang::En, Some(p)) => format!(
            "Stacked bar chart of the decided and ongoing initiatives' one-off and recurring costs per year {first}–{last} (in all {}, most {} in {}) against their benefits, socio-economic (in all {}) and in the budget, as lines.",
            kr(costs),
            kr(p.one_off + p.recurring),
            p.year,
            kr(benefits)
        ),
        (Lang::Sv, None) => "Inga beslutade eller pågående initiativ med kostnader eller nyttor.".into(),
        (Lang::En, None) => "No decided or ongoing initiatives with costs or benefits.".into(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// Every text of `svg` is at least 8 pt when its 800 px span the PDF's 483 pt.
    pub(crate) fn at_least_8_pt(svg: &str) {
        let sizes: Vec<f64> = svg
            .split("font-size=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().parse().unwrap())
            .collect();
        assert!(!sizes.is_empty());
        for px in sizes {
            let pt = px * 483.0 / 800.0;
            assert!(pt >= 8.0, "{px} px is {pt:.1} pt in print");
        }
    }

    fn steps() -> Vec<FunnelStep> {
        let st = |name: &str, count: u64, share: &str| FunnelStage {
            name: name.into(),
            count,
            share: share.parse().unwrap(),
        };
        vec![
            FunnelStep {
                name: "Utforska och besluta".into(),
                count: 3,
                share: "0.75".parse().unwrap(),
                stages: vec![st("Idé", 2, "0.5"), st("För beslut", 1, "0.25")],
            },
            FunnelStep {
                name: "Implementera och vidmakthålla".into(),
                count: 0,
                share: Decimal::ZERO,
                stages: vec![],
            },
            FunnelStep {
                name: "Följa upp och utvärdera".into(),
                count: 1,
                share: "0.25".parse().unwrap(),
                stages: vec![st("Avslutad", 1, "0.25")],
            },
        ]
    }

    #[test]
    fn the_funnel_has_a_bar_per_stage_with_its_count_and_share_beside_it() {
        let svg = funnel_svg(&steps(), Lang::Sv).unwrap();
        assert!(svg.contains("Utvecklingsprocessen: initiativ per steg och status"));
        // Three stage bars and three step swatches.
        assert_eq!(svg.matches("<rect").count(), 1 + 3 + 3, "{svg}");
        assert!(
            svg.contains("2 (50,0 %)") && svg.contains("0 (0,0 %)"),
            "{svg}"
        );
        at_least_8_pt(&svg);
        // The largest stage fills the bar area (300–640 px), the others in proportion.
        assert!(
            svg.contains("width=\"340\"") && svg.contains("width=\"170\""),
            "{svg}"
        );
        assert_eq!(
            funnel_alt(&steps(), Lang::Sv),
            "Stapeldiagram över portföljens 4 initiativ per status, grupperade i utvecklingsprocessens steg (utforska och besluta 3, implementera och vidmakthålla 0, följa upp och utvärdera 1); flest har status idé (2)."
        );
        let en = funnel_svg(&steps(), Lang::En).unwrap();
        assert!(en.contains("Development process: initiatives per step and stage"));
        assert!(en.contains("2 (50.0%)"), "{en}");
    }

    #[test]
    fn the_demand_chart_stacks_the_costs_and_names_every_series() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let years = [
            DemandYear {
                year: 2025,
                one_off: d("3000000"),
                recurring: d("500000"),
                benefits_economic: d("1000000"),
                benefits_budget: d("200000"),
            },
            DemandYear {
                year: 2026,
                one_off: d("0"),
                recurring: d("500000"),
                benefits_economic: d("4000000"),
                benefits_budget: d("900000"),
            },
        ];
        let svg = demand_svg(&years, Lang::Sv).unwrap();
        for name in demand_series(Lang::Sv) {
            assert!(svg.contains(name), "{name}");
        }
        assert!(svg.contains("mnkr") && svg.contains("2025") && svg.contains("2026"));
        at_least_8_pt(&svg);
        assert_eq!(
            demand_alt(&years, Lang::Sv),
            "Staplat stapeldiagram över beslutade och pågående initiativs engångs- och löpande kostnader per år 2025–2026 (sammanlagt 4 000 000 kr, mest 3 500 000 kr år 2025) mot deras nyttor samhällsekonomiskt (sammanlagt 5 000 000 kr) och i budgeten som linjer."
        );
        let en = demand_svg(&years, Lang::En).unwrap();
        assert!(en.contains("One-off costs") && en.contains("SEK million"));
        assert_eq!(
            demand_alt(&[], Lang::En),
            "No decided or ongoing initiatives with costs or benefits."
        );
    }
}
