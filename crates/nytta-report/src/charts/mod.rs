//! Charts of an evaluation, drawn with plotters: SVG text for the app, PNG bytes (and raw
//! pixels for the PDF) from the same drawing code.
//!
//! Each chart is first reduced to a [`Spec`] (labels and `f64` pixel-space values; money
//! stays `Decimal` until this point), then drawn. Labels are Swedish or English, numbers
//! sv-SE via `nytta_core::format`, the font is the embedded DejaVu Sans. Colours are the
//! Okabe–Ito palette, and every series also differs in a way that survives grayscale
//! printing: a dark solid fill against a light outlined one, a solid line with circles
//! against a dashed line with triangles.

use nytta_core::document::{Category, Side, Stakeholder};
use nytta_core::format;
use nytta_core::simulation::{self, Simulation};
use nytta_core::{Evaluation, Lang, Model};
use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::error::ReportError;

mod bubble;
mod draw;
mod portfolio;
use crate::font::register_chart_font;
use crate::text::{self, Tr};
pub use bubble::{bubble_svg, departments, Bubble};
use draw::draw;
pub(crate) use draw::spans_zero;
pub use portfolio::{
    demand_alt, demand_svg, funnel_alt, funnel_svg, DemandYear, FunnelStage, FunnelStep,
};

/// The charts there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    /// Cumulative net cash flow in both views, payback points marked.
    CashFlow,
    /// Benefits and costs per year (economic view).
    PerYear,
    /// Benefits by category over the period.
    ByCategory,
    /// Benefits by stakeholder over the period.
    ByStakeholder,
    /// Economic NPV with each input at its low and high value.
    Tornado,
    /// Expected vs realised per line for follow-up `n` (index into `Evaluation::follow_ups`).
    FollowUp(usize),
    /// A chart of the Monte Carlo simulation the document asks for (its draws and seed).
    Simulation(Spread),
}

/// The charts of a simulation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spread {
    /// The economic NPV over the draws: the share of outcomes in each of equal-width bars.
    Histogram,
    /// The share of outcomes below each NPV, both views.
    SCurve,
}

impl Chart {
    /// The charts of a business case, in the order the PDF shows them.
    pub const BUSINESS_CASE: [Chart; 4] = [
        Chart::CashFlow,
        Chart::PerYear,
        Chart::ByCategory,
        Chart::ByStakeholder,
    ];
}

/// The chart as SVG text (800 px wide), for the app.
pub fn svg(
    chart: Chart,
    model: &Model,
    ev: &Evaluation,
    lang: Lang,
) -> Result<String, ReportError> {
    register_chart_font()?;
    let spec = spec(chart, model, ev, lang)?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, spec.size).into_drawing_area();
        draw(&root, &spec, 1.0, lang).map_err(|d| fail(&spec, d))?;
        root.present().map_err(|e| fail(&spec, e.to_string()))?;
    }
    Ok(out)
}

/// The chart as PNG bytes at `scale` × the SVG size (1.5 suits print), for files and the PDF.
pub fn png(
    chart: Chart,
    model: &Model,
    ev: &Evaluation,
    lang: Lang,
    scale: f64,
) -> Result<Vec<u8>, ReportError> {
    use image::ImageEncoder;
    let (pixels, w, h) = rgb(chart, model, ev, lang, scale)?;
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&pixels, w, h, image::ExtendedColorType::Rgb8)
        .map_err(|e| ReportError::Chart {
            chart: format!("{chart:?}"),
            detail: e.to_string(),
        })?;
    Ok(out)
}

/// The chart as 8-bit RGB pixels with its width and height.
pub(crate) fn rgb(
    chart: Chart,
    model: &Model,
    ev: &Evaluation,
    lang: Lang,
    scale: f64,
) -> Result<(Vec<u8>, u32, u32), ReportError> {
    register_chart_font()?;
    let spec = spec(chart, model, ev, lang)?;
    let scale = scale.clamp(0.5, 4.0);
    let (w, h) = (
        (f64::from(spec.size.0) * scale) as u32,
        (f64::from(spec.size.1) * scale) as u32,
    );
    let mut pixels = vec![255u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
        draw(&root, &spec, scale, lang).map_err(|d| fail(&spec, d))?;
        root.present().map_err(|e| fail(&spec, e.to_string()))?;
    }
    Ok((pixels, w, h))
}

/// The chart described in words for a screen reader: its kind, title, years or bars and
/// series (the alternative text of the chart in the PDF).
pub fn alt(
    chart: Chart,
    model: &Model,
    ev: &Evaluation,
    lang: Lang,
) -> Result<String, ReportError> {
    let spec = spec(chart, model, ev, lang)?;
    let and = |items: Vec<&str>| match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{}{}{last}", rest.join(", "), text::AND.get(lang))
        }
        _ => items.concat(),
    };
    let names = |series: Vec<&str>| and(series);
    let span = |labels: &[String]| {
        (
            labels.first().cloned().unwrap_or_default(),
            labels.last().cloned().unwrap_or_default(),
        )
    };
    let mut out = match &spec.body {
        Body::Lines {
            x_labels,
            series,
            marks,
        } => {
            let (from, to) = span(x_labels);
            let mut out = text::fill(
                text::ALT_LINES.get(lang),
                &[
                    ("title", &spec.title),
                    ("from", &from),
                    ("to", &to),
                    (
                        "series",
                        &names(series.iter().map(|s| s.0.as_str()).collect()),
                    ),
                ],
            );
            if !marks.is_empty() {
                let marked: Vec<String> = marks
                    .iter()
                    .filter_map(|(i, _, label)| series.get(*i).map(|s| format!("{} {label}", s.0)))
                    .collect();
                out.push(' ');
                out.push_str(&text::fill(
                    text::ALT_MARKS.get(lang),
                    &[("marks", &marked.join("; "))],
                ));
            }
            out
        }
        Body::YearBars { x_labels, series } => {
            let (from, to) = span(x_labels);
            text::fill(
                text::ALT_BARS.get(lang),
                &[
                    ("title", &spec.title),
                    ("from", &from),
                    ("to", &to),
                    (
                        "series",
                        &names(series.iter().map(|s| s.0.as_str()).collect()),
                    ),
                ],
            )
        }
        Body::Spans {
            labels,
            series,
            reference,
        } => {
            let mut out = text::fill(
                text::ALT_SPANS.get(lang),
                &[
                    ("title", &spec.title),
                    (
                        "series",
                        &names(series.iter().map(|s| s.0.as_str()).collect()),
                    ),
                    ("labels", &and(labels.iter().map(String::as_str).collect())),
                ],
            );
            if let Some((_, label)) = reference {
                out.push(' ');
                out.push_str(&text::fill(
                    text::ALT_REFERENCE.get(lang),
                    &[("label", label)],
                ));
            }
            out
        }
        Body::Histogram { bars, .. } => {
            let kr = |v: f64| format::kronor(Decimal::try_from(v).unwrap_or_default(), lang);
            text::fill(
                text::ALT_HISTOGRAM.get(lang),
                &[
                    ("title", &spec.title),
                    ("bars", &bars.len().to_string()),
                    ("from", &kr(bars.first().map_or(0.0, |b| b.0))),
                    ("to", &kr(bars.last().map_or(0.0, |b| b.1))),
                ],
            )
        }
        Body::Curves { series, .. } => text::fill(
            text::ALT_S_CURVE.get(lang),
            &[
                ("title", &spec.title),
                (
                    "series",
                    &names(series.iter().map(|s| s.0.as_str()).collect()),
                ),
            ],
        ),
    };
    if let Some(note) = &spec.note {
        out.push(' ');
        out.push_str(note);
    }
    Ok(out)
}

/// A chart of a simulation already run (the app's), as SVG text (800 px wide).
pub fn simulation_svg(kind: Spread, sim: &Simulation, lang: Lang) -> Result<String, ReportError> {
    register_chart_font()?;
    let spec = spread_spec(kind, sim, lang);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, spec.size).into_drawing_area();
        draw(&root, &spec, 1.0, lang).map_err(|d| fail(&spec, d))?;
        root.present().map_err(|e| fail(&spec, e.to_string()))?;
    }
    Ok(out)
}

fn fail(spec: &Spec, detail: String) -> ReportError {
    ReportError::Chart {
        chart: spec.title.clone(),
        detail,
    }
}

/// What a chart shows, reduced to labels and pixel-space numbers.
struct Spec {
    title: String,
    size: (u32, u32),
    /// A line under the plot (the tornado's count of inputs it leaves out).
    note: Option<String>,
    body: Body,
}

enum Body {
    /// Lines over the years; `marks` are (series, x, label) points on the zero line.
    Lines {
        x_labels: Vec<String>,
        series: Vec<(String, Vec<(f64, f64)>)>,
        marks: Vec<(usize, f64, String)>,
    },
    /// Vertical bars per year, one per series.
    YearBars {
        x_labels: Vec<String>,
        series: Vec<(String, Vec<f64>)>,
    },
    /// Horizontal bars per label, each a (from, to) span; an optional reference line.
    Spans {
        labels: Vec<String>,
        series: Vec<(String, Vec<(f64, f64)>)>,
        reference: Option<(f64, String)>,
    },
    /// Bars over money, each (from, to, share of the outcomes in %), in series `name`'s look;
    /// a reference line at NPV 0 when it lies within the bars.
    Histogram {
        name: String,
        bars: Vec<(f64, f64, f64)>,
        y_label: String,
        zero: String,
    },
    /// Curves of (money, share in %) per series; a reference line at NPV 0 when it lies
    /// within the curves.
    Curves {
        series: Vec<(String, Vec<(f64, f64)>)>,
        y_label: String,
        zero: String,
    },
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |first| first.to_uppercase().chain(c).collect())
}

fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn spec(chart: Chart, model: &Model, ev: &Evaluation, lang: Lang) -> Result<Spec, ReportError> {
    let t = |tr: Tr| tr.get(lang).to_string();
    let years: Vec<String> = ev
        .years
        .iter()
        .map(|r| r.calendar_year.to_string())
        .collect();
    let benefit_lines = || {
        ev.lines
            .iter()
            .filter(|l| l.side == Side::Benefit && l.annual.is_some())
            .map(|l| (l, l.values.iter().copied().sum::<Decimal>()))
    };
    Ok(match chart {
        Chart::CashFlow => {
            let series = vec![
                (
                    t(text::ECONOMIC),
                    ev.years
                        .iter()
                        .map(|r| (f64::from(r.year), f(r.economic.cumulative)))
                        .collect(),
                ),
                (
                    t(text::BUDGET),
                    ev.years
                        .iter()
                        .map(|r| (f64::from(r.year), f(r.budget.cumulative)))
                        .collect(),
                ),
            ];
            let mut marks = Vec::new();
            for (i, p) in [ev.economic.payback_years, ev.budget.payback_years]
                .into_iter()
                .enumerate()
            {
                if let Some(p) = p {
                    let label = text::fill(
                        text::PAYBACK_MARK.get(lang),
                        &[("years", &format::years(p, lang))],
                    );
                    marks.push((i, f(p), label));
                }
            }
            Spec {
                title: t(text::CHART_CASH_FLOW),
                size: (800, 420),
                note: None,
                body: Body::Lines {
                    x_labels: years,
                    series,
                    marks,
                },
            }
        }
        Chart::PerYear => Spec {
            title: t(text::CHART_PER_YEAR),
            size: (800, 400),
            note: None,
            body: Body::YearBars {
                x_labels: years,
                series: vec![
                    (
                        t(text::BENEFITS),
                        ev.years.iter().map(|r| f(r.economic.benefits)).collect(),
                    ),
                    (
                        t(text::COSTS),
                        ev.years.iter().map(|r| f(r.economic.costs)).collect(),
                    ),
                ],
            },
        },
        Chart::ByCategory => {
            let mut rows = Vec::new();
            for c in Category::ALL.into_iter().filter(|c| c.is_money()) {
                let sum: Decimal = benefit_lines()
                    .filter(|(l, _)| l.category == c)
                    .map(|(_, v)| v)
                    .sum();
                rows.push((capitalised(text::category(c).get(lang)), (0.0, f(sum))));
            }
            spans(t(text::CHART_BY_CATEGORY), t(text::BENEFITS), rows)
        }
        Chart::ByStakeholder => {
            let mut rows = Vec::new();
            let keys: Vec<Option<Stakeholder>> = Stakeholder::ALL
                .into_iter()
                .map(Some)
                .chain([None])
                .collect();
            for s in keys {
                let sum: Decimal = benefit_lines()
                    .filter(|(l, _)| l.stakeholder == s)
                    .map(|(_, v)| v)
                    .sum();
                let name = s.map_or(text::NO_STAKEHOLDER, text::stakeholder).get(lang);
                if !sum.is_zero()
                    || s.is_some_and(|s| benefit_lines().any(|(l, _)| l.stakeholder == Some(s)))
                {
                    rows.push((capitalised(name), (0.0, f(sum))));
                }
            }
            spans(t(text::CHART_BY_STAKEHOLDER), t(text::BENEFITS), rows)
        }
        Chart::Tornado => {
            let base = f(ev.economic.npv);
            let all = &ev.sensitivity.tornado;
            let bars: Vec<_> = all.iter().take(MAX_TORNADO_BARS).collect();
            // The bars are in order of their swing: the first left out swings the most of
            // those left out.
            let note = all.get(MAX_TORNADO_BARS).map(|first| {
                let swing = format::kronor((first.npv_at_high - first.npv_at_low).abs(), lang);
                let left_out = all.len() - MAX_TORNADO_BARS;
                let tr = if left_out == 1 {
                    text::TORNADO_ONE_LEFT_OUT
                } else {
                    text::TORNADO_LEFT_OUT
                };
                text::fill(
                    tr.get(lang),
                    &[("n", &left_out.to_string()), ("swing", &swing)],
                )
            });
            let labels = bars
                .iter()
                .map(|b| {
                    let name = model
                        .doc
                        .valuation
                        .inputs
                        .iter()
                        .find(|i| i.id == b.input)
                        .map_or(b.input.as_str(), |i| i.name.as_str());
                    short(name, 50)
                })
                .collect();
            Spec {
                title: t(text::CHART_TORNADO),
                size: (
                    800,
                    130 + 30 * bars.len().max(2) as u32 + if note.is_some() { 30 } else { 0 },
                ),
                note,
                body: Body::Spans {
                    labels,
                    series: vec![
                        (
                            t(text::AT_LOW),
                            bars.iter().map(|b| (base, f(b.npv_at_low))).collect(),
                        ),
                        (
                            t(text::AT_HIGH),
                            bars.iter().map(|b| (base, f(b.npv_at_high))).collect(),
                        ),
                    ],
                    reference: Some((base, t(text::LIKELY_NPV))),
                },
            }
        }
        Chart::Simulation(kind) => {
            let (draws, seed) = simulation::plan(model);
            let sim = simulation::simulate(model, draws, seed).map_err(|e| ReportError::Chart {
                chart: format!("{chart:?}"),
                detail: e.message(lang),
            })?;
            spread_spec(kind, &sim, lang)
        }
        Chart::FollowUp(i) => {
            let fu = ev.follow_ups.get(i).ok_or(ReportError::NoFollowUp {
                index: i,
                count: ev.follow_ups.len(),
            })?;
            // The largest lines, in document order: a chart of hundreds of bars is unreadable
            // and its image huge; the PDF's table beside it lists every line.
            let mut shown: Vec<usize> = (0..fu.lines.len()).collect();
            shown.sort_by_key(|&k| {
                std::cmp::Reverse(fu.lines[k].expected.abs().max(fu.lines[k].realised.abs()))
            });
            shown.truncate(MAX_FOLLOW_UP_BARS);
            shown.sort_unstable();
            let mut labels = Vec::new();
            let mut expected = Vec::new();
            let mut realised = Vec::new();
            for c in shown.iter().map(|&k| &fu.lines[k]) {
                let line = model.doc.valuation.lines.iter().find(|l| l.id == c.id);
                let mut name = short(line.map_or(c.id.as_str(), |l| l.name.as_str()), 34);
                if line.is_some_and(|l| l.side == Side::Cost) {
                    name = format!("{name} {}", text::COST_SUFFIX.get(lang));
                }
                labels.push(name);
                expected.push((0.0, f(c.expected)));
                realised.push((0.0, f(c.realised)));
            }
            Spec {
                title: t(text::CHART_FOLLOW_UP),
                size: (800, 130 + 34 * labels.len().max(2) as u32),
                note: None,
                body: Body::Spans {
                    labels,
                    series: vec![(t(text::EXPECTED), expected), (t(text::REALISED), realised)],
                    reference: None,
                },
            }
        }
    })
}

/// A simulation's chart: the histogram's bars as shares of the draws, the S-curve's points
/// as percentages.
fn spread_spec(kind: Spread, sim: &Simulation, lang: Lang) -> Spec {
    let t = |tr: Tr| tr.get(lang).to_string();
    let total = f64::from(sim.draws.max(1));
    match kind {
        Spread::Histogram => Spec {
            title: t(text::CHART_HISTOGRAM),
            size: (800, 400),
            note: None,
            body: Body::Histogram {
                name: t(text::ECONOMIC),
                bars: sim
                    .economic
                    .histogram
                    .iter()
                    .map(|b| (f(b.from), f(b.to), 100.0 * f64::from(b.count) / total))
                    .collect(),
                y_label: t(text::SHARE_OF_OUTCOMES),
                zero: t(text::NPV_ZERO),
            },
        },
        Spread::SCurve => {
            let curve = |v: &simulation::SimulatedView| {
                v.s_curve
                    .iter()
                    .map(|p| (f(p.npv), 100.0 * f(p.probability)))
                    .collect()
            };
            Spec {
                title: t(text::CHART_S_CURVE),
                size: (800, 400),
                note: None,
                body: Body::Curves {
                    series: vec![
                        (t(text::ECONOMIC), curve(&sim.economic)),
                        (t(text::BUDGET), curve(&sim.budget)),
                    ],
                    y_label: t(text::SHARE_OF_OUTCOMES),
                    zero: t(text::NPV_ZERO),
                },
            }
        }
    }
}

/// At most this many inputs in the tornado; a line under it counts those left out.
pub const MAX_TORNADO_BARS: usize = 12;

/// At most this many lines in the expected-vs-realised chart.
pub const MAX_FOLLOW_UP_BARS: usize = 20;

fn spans(title: String, series_name: String, rows: Vec<(String, (f64, f64))>) -> Spec {
    let (labels, values): (Vec<String>, Vec<(f64, f64)>) = rows.into_iter().unzip();
    Spec {
        title,
        size: (800, 130 + 40 * labels.len().max(2) as u32),
        note: None,
        body: Body::Spans {
            labels,
            series: vec![(series_name, values)],
            reference: None,
        },
    }
}
