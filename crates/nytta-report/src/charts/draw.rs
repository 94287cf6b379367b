//! Drawing a chart [`Spec`] with plotters on any backend (SVG or bitmap), at a scale.

use nytta_core::format;
use nytta_core::Lang;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;

use super::portfolio::TEXT;
use super::{Body, Spec};
use crate::font::CHART_FAMILY;
use crate::text;

/// The title's size as plotters takes it (its SVG writes ÷ 1.24, 16.1 px: 9.8 pt at 800 px
/// across the PDF's text width of 483 pt); every other text is [`TEXT`], 8.3 pt in print.
const TITLE: f64 = 20.0;
/// The height of the legend's row above the plot.
const LEGEND_ROW: f64 = 32.0;
/// The width of the money axis's labels beside the plot.
const MONEY_AXIS: f64 = 96.0;

/// How money is written on an axis: thousands or millions of kronor.
#[derive(Clone, Copy)]
struct Unit {
    divisor: f64,
    decimals: u32,
    lang: Lang,
    millions: bool,
}

impl Unit {
    fn for_max(max_abs: f64, lang: Lang) -> Unit {
        let millions = max_abs >= 2_000_000.0;
        Unit {
            divisor: if millions { 1e6 } else { 1e3 },
            decimals: u32::from(millions),
            lang,
            millions,
        }
    }

    fn name(self) -> &'static str {
        match (self.millions, self.lang) {
            (true, Lang::Sv) => "mnkr",
            (false, Lang::Sv) => "tkr",
            (true, Lang::En) => "SEK million",
            (false, Lang::En) => "SEK thousand",
        }
    }

    fn tick(self, v: f64) -> String {
        let d = Decimal::try_from(v / self.divisor).unwrap_or_default();
        format::number(d, self.decimals, self.lang)
    }
}

// Okabe–Ito colours.
const BLUE: RGBColor = RGBColor(0, 114, 178);
const ORANGE: RGBColor = RGBColor(230, 159, 0);
const VERMILION: RGBColor = RGBColor(213, 94, 0);
const INK: RGBColor = RGBColor(34, 34, 34);
const GRID: RGBColor = RGBColor(215, 215, 215);

/// Series `i`'s look: (stroke colour, fill colour, dark solid fill or light outlined).
fn look(i: usize) -> (RGBColor, RGBAColor, bool) {
    match i % 2 {
        0 => (BLUE, BLUE.to_rgba(), true),
        _ => (VERMILION, ORANGE.mix(0.45), false),
    }
}

fn range_of(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if (hi - lo).abs() < 1.0 {
        hi = lo + 1000.0;
    }
    let pad = (hi - lo) * 0.08;
    (
        if lo < 0.0 { lo - pad } else { lo },
        if hi > 0.0 { hi + pad } else { hi },
    )
}

type DrawResult = Result<(), String>;

fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

/// What a legend entry looks like.
#[derive(Clone, Copy)]
enum Swatch {
    /// Series `i` drawn as bars.
    Bar(usize),
    /// Series `i` drawn as a line with markers.
    Line(usize),
    /// The dashed reference line.
    Reference,
}

/// A legend row of its own, above the plot, so it never hides data: from `left` (in line
/// with the plot), or further left as far as needed to end inside the chart.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(Swatch, String)],
    left: i32,
    s: f64,
) -> DrawResult {
    let ipx = |v: f64| (v * s).round() as i32;
    let font = (CHART_FAMILY, TEXT * s)
        .into_font()
        .color(&INK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let y = area.dim_in_pixel().1 as i32 / 2;
    let w = ipx(26.0);
    let mut total = 0;
    for (_, name) in entries {
        let (tw, _) = area.estimate_text_size(name, &font).map_err(err)?;
        total += w + ipx(6.0) + tw as i32 + ipx(22.0);
    }
    let room = area.dim_in_pixel().0 as i32 - ipx(14.0) + ipx(22.0);
    let mut x = left.min(room - total).max(ipx(8.0));
    for (swatch, name) in entries {
        match *swatch {
            Swatch::Bar(i) => {
                let (stroke, fill, solid) = look(i);
                let fill_style = if solid {
                    stroke.filled()
                } else {
                    fill.filled()
                };
                let r = [
                    (x + ipx(4.0), y - ipx(6.0)),
                    (x + w - ipx(4.0), y + ipx(6.0)),
                ];
                area.draw(&Rectangle::new(r, fill_style)).map_err(err)?;
                area.draw(&Rectangle::new(
                    r,
                    stroke.stroke_width((1.5 * s).round() as u32),
                ))
                .map_err(err)?;
            }
            Swatch::Line(i) => {
                let (color, _, solid) = look(i);
                let style = color.stroke_width((2.5 * s).round() as u32);
                let size = ipx(4.5);
                if solid {
                    area.draw(&PathElement::new(vec![(x, y), (x + w, y)], style))
                        .map_err(err)?;
                    area.draw(&Circle::new((x + w / 2, y), size, color.filled()))
                        .map_err(err)?;
                } else {
                    area.draw(&PathElement::new(vec![(x, y), (x + ipx(9.0), y)], style))
                        .map_err(err)?;
                    area.draw(&PathElement::new(
                        vec![(x + ipx(16.0), y), (x + w, y)],
                        style,
                    ))
                    .map_err(err)?;
                    area.draw(&TriangleMarker::new(
                        (x + w / 2, y),
                        size + 1,
                        color.filled(),
                    ))
                    .map_err(err)?;
                }
            }
            Swatch::Reference => {
                let style = INK.stroke_width((2.0 * s).round() as u32);
                area.draw(&PathElement::new(vec![(x, y), (x + ipx(8.0), y)], style))
                    .map_err(err)?;
                area.draw(&PathElement::new(
                    vec![(x + ipx(13.0), y), (x + w, y)],
                    style,
                ))
                .map_err(err)?;
            }
        }
        area.draw(&Text::new(
            name.clone(),
            (x + w + ipx(6.0), y),
            font.clone(),
        ))
        .map_err(err)?;
        let (tw, _) = area.estimate_text_size(name, &font).map_err(err)?;
        x += w + ipx(6.0) + tw as i32 + ipx(22.0);
    }
    Ok(())
}

/// What every kind of chart draws with: the scale, the values' range on the money axis and
/// its unit, the label font, the language.
struct Frame {
    s: f64,
    range: (f64, f64),
    unit: Unit,
    label: TextStyle<'static>,
    lang: Lang,
}

impl Frame {
    /// `v` logical pixels at the frame's scale.
    fn px(&self, v: f64) -> u32 {
        (v * self.s).round() as u32
    }

    /// `v` logical pixels at the frame's scale, as a signed offset.
    fn ipx(&self, v: f64) -> i32 {
        (v * self.s).round() as i32
    }
}

/// Draws the chart: its title with the money unit, a legend row, and the body by kind.
pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &Spec,
    s: f64,
    lang: Lang,
) -> DrawResult {
    root.fill(&WHITE).map_err(err)?;
    let title = (CHART_FAMILY, TITLE * s, FontStyle::Bold)
        .into_font()
        .color(&INK);
    let (lo, hi) = range_of(values(&spec.body).into_iter());
    let unit = Unit::for_max(lo.abs().max(hi.abs()), lang);
    let frame = Frame {
        s,
        range: (lo, hi),
        unit,
        label: (CHART_FAMILY, TEXT * s).into_font().color(&INK),
        lang,
    };
    let titled = root
        .titled(&format!("{} ({})", spec.title, unit.name()), title)
        .map_err(err)?;
    let (legend_area, plot) = titled.split_vertically(frame.px(LEGEND_ROW));
    let plot = match &spec.note {
        Some(note) => {
            let h = plot.dim_in_pixel().1;
            let (plot, below) = plot.split_vertically(h.saturating_sub(frame.px(30.0)));
            let font = frame.label.clone().pos(Pos::new(HPos::Left, VPos::Center));
            below
                .draw(&Text::new(
                    note.clone(),
                    (frame.ipx(14.0), below.dim_in_pixel().1 as i32 / 2),
                    font,
                ))
                .map_err(err)?;
            plot
        }
        None => plot,
    };
    match &spec.body {
        Body::Lines {
            x_labels,
            series,
            marks,
        } => draw_lines(&legend_area, &plot, &frame, x_labels, series, marks),
        Body::YearBars { x_labels, series } => {
            draw_year_bars(&legend_area, &plot, &frame, x_labels, series)
        }
        Body::Spans {
            labels,
            series,
            reference,
        } => draw_spans(
            &legend_area,
            &plot,
            &frame,
            spec.size.0,
            labels,
            series,
            reference,
        ),
        Body::Histogram {
            name,
            bars,
            y_label,
            zero,
        } => draw_histogram(&legend_area, &plot, &frame, name, bars, y_label, zero),
        Body::Curves {
            series,
            y_label,
            zero,
        } => draw_curves(&legend_area, &plot, &frame, series, y_label, zero),
    }
}

/// Every value the money axis has to show.
fn values(body: &Body) -> Vec<f64> {
    match body {
        Body::Lines { series, .. } => series
            .iter()
            .flat_map(|(_, p)| p.iter().map(|p| p.1))
            .collect(),
        Body::YearBars { series, .. } => {
            series.iter().flat_map(|(_, v)| v.iter().copied()).collect()
        }
        Body::Spans { series, .. } => series
            .iter()
            .flat_map(|(_, v)| v.iter().flat_map(|(a, b)| [*a, *b]))
            .collect(),
        Body::Histogram { bars, .. } => bars.iter().flat_map(|b| [b.0, b.1]).collect(),
        Body::Curves { series, .. } => series
            .iter()
            .flat_map(|(_, p)| p.iter().map(|p| p.0))
            .collect(),
    }
}

/// The money range of a simulation's chart: its lowest to highest value, padded, without
/// reaching out to zero as the other charts do (the draws may lie far from it).
fn spread_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1000.0);
    }
    let pad = ((hi - lo) * 0.04).max(500.0);
    (lo - pad, hi + pad)
}

/// Whether NPV 0 lies strictly between the lowest and the highest value: the simulation's
/// charts then mark it.
pub(crate) fn spans_zero(values: impl Iterator<Item = f64>) -> bool {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    lo < 0.0 && hi > 0.0
}

/// Axes for a simulation's chart: money across (ticks in the frame's unit), a share of the
/// outcomes in % up the side, labelled `y_label`.
fn share_axes<'a, DB: DrawingBackend>(
    plot: &'a DrawingArea<DB, Shift>,
    frame: &Frame,
    x: (f64, f64),
    y_max: f64,
    y_label: &str,
) -> Result<ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>, String> {
    let px = |v: f64| frame.px(v);
    let lang = frame.lang;
    // Enough decimals that neighbouring ticks differ when the draws lie close together.
    let step = (x.1 - x.0) / 7.0 / frame.unit.divisor;
    let needed = if step > 0.0 {
        (-step.log10()).ceil().max(0.0) as u32
    } else {
        0
    };
    let unit = Unit {
        decimals: frame.unit.decimals.max(needed).min(3),
        ..frame.unit
    };
    let money = |v: &f64| unit.tick(*v);
    let share = |v: &f64| format::number(Decimal::try_from(*v).unwrap_or_default(), 0, lang);
    let mut chart = ChartBuilder::on(plot)
        .margin(px(14.0))
        .margin_top(px(4.0))
        .x_label_area_size(px(36.0))
        .y_label_area_size(px(MONEY_AXIS))
        .build_cartesian_2d(x.0..x.1, 0.0..y_max)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_labels(7)
        .x_label_formatter(&money)
        .y_labels(6)
        .y_label_formatter(&share)
        .y_desc(y_label)
        .label_style(frame.label.clone())
        .axis_desc_style(frame.label.clone())
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(INK)
        .draw()
        .map_err(err)?;
    Ok(chart)
}

/// The NPV histogram: a bar per (from, to, share in %), and a dashed line at NPV 0 when it
/// lies within the bars.
fn draw_histogram<DB: DrawingBackend>(
    legend_area: &DrawingArea<DB, Shift>,
    plot: &DrawingArea<DB, Shift>,
    frame: &Frame,
    name: &str,
    bars: &[(f64, f64, f64)],
    y_label: &str,
    zero: &str,
) -> DrawResult {
    let x = spread_range(bars.iter().flat_map(|b| [b.0, b.1]));
    let top = bars.iter().map(|b| b.2).fold(0.0f64, f64::max);
    let y_max = (top * 1.1).max(1.0);
    let zero_within = spans_zero(bars.iter().flat_map(|b| [b.0, b.1]));
    let mut entries = vec![(Swatch::Bar(0), name.to_string())];
    if zero_within {
        entries.push((Swatch::Reference, zero.to_string()));
    }
    draw_legend(legend_area, &entries, frame.ipx(MONEY_AXIS + 14.0), frame.s)?;
    let mut chart = share_axes(plot, frame, x, y_max, y_label)?;
    bar_series(
        &mut chart,
        0,
        bars.iter().map(|&(a, b, h)| ((a, 0.0), (b, h))),
        frame.s,
    )?;
    if zero_within {
        chart
            .draw_series(DashedLineSeries::new(
                [(0.0, 0.0), (0.0, y_max)],
                frame.px(6.0),
                frame.px(4.0),
                INK.stroke_width(frame.px(2.0)),
            ))
            .map_err(err)?;
    }
    Ok(())
}

/// Curves of the share of outcomes (%) below each NPV, one per series in its look, with a
/// marker at every tenth point (every ten percent on the S-curve), and a dashed line at NPV
/// 0 when it lies within the curves.
fn draw_curves<DB: DrawingBackend>(
    legend_area: &DrawingArea<DB, Shift>,
    plot: &DrawingArea<DB, Shift>,
    frame: &Frame,
    series: &[(String, Vec<(f64, f64)>)],
    y_label: &str,
    zero: &str,
) -> DrawResult {
    let x = spread_range(series.iter().flat_map(|(_, p)| p.iter().map(|p| p.0)));
    let zero_within = spans_zero(series.iter().flat_map(|(_, p)| p.iter().map(|p| p.0)));
    let mut entries: Vec<_> = series
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (Swatch::Line(i), name.clone()))
        .collect();
    if zero_within {
        entries.push((Swatch::Reference, zero.to_string()));
    }
    draw_legend(legend_area, &entries, frame.ipx(MONEY_AXIS + 14.0), frame.s)?;
    let mut chart = share_axes(plot, frame, x, 100.0, y_label)?;
    if zero_within {
        chart
            .draw_series(DashedLineSeries::new(
                [(0.0, 0.0), (0.0, 100.0)],
                frame.px(6.0),
                frame.px(4.0),
                INK.stroke_width(frame.px(2.0)),
            ))
            .map_err(err)?;
    }
    for (i, (_, points)) in series.iter().enumerate() {
        let (color, _, solid) = look(i);
        let style = color.stroke_width(frame.px(2.5));
        let size = frame.ipx(4.5);
        let marked = points.iter().step_by(10).copied();
        if solid {
            chart
                .draw_series(LineSeries::new(points.to_vec(), style))
                .map_err(err)?;
            chart
                .draw_series(marked.map(|p| Circle::new(p, size, color.filled())))
                .map_err(err)?;
        } else {
            chart
                .draw_series(DashedLineSeries::new(
                    points.to_vec(),
                    frame.px(9.0),
                    frame.px(5.0),
                    style,
                ))
                .map_err(err)?;
            chart
                .draw_series(marked.map(|p| TriangleMarker::new(p, size + 1, color.filled())))
                .map_err(err)?;
        }
    }
    Ok(())
}

/// Lines over the years with the zero line and the marks on it.
fn draw_lines<DB: DrawingBackend>(
    legend_area: &DrawingArea<DB, Shift>,
    plot: &DrawingArea<DB, Shift>,
    frame: &Frame,
    x_labels: &[String],
    series: &[(String, Vec<(f64, f64)>)],
    marks: &[(usize, f64, String)],
) -> DrawResult {
    let n = x_labels.len().saturating_sub(1) as f64;
    let entries: Vec<_> = series
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (Swatch::Line(i), name.clone()))
        .collect();
    draw_legend(legend_area, &entries, frame.ipx(MONEY_AXIS + 14.0), frame.s)?;
    let mut chart = year_axes(plot, x_labels, 0.3, frame)?;
    chart
        .draw_series(LineSeries::new(
            [(-0.3, 0.0), (n + 0.3, 0.0)],
            INK.stroke_width(frame.px(1.0)),
        ))
        .map_err(err)?;
    for (i, (_, points)) in series.iter().enumerate() {
        line_series(&mut chart, i, points, frame)?;
    }
    for (k, mark) in marks.iter().enumerate() {
        zero_line_mark(&mut chart, k, mark, n, frame)?;
    }
    Ok(())
}

/// Series `i` as a line in its look: solid with circles, or dashed with triangles.
fn line_series<DB: DrawingBackend>(
    chart: &mut Cartesian<'_, DB>,
    i: usize,
    points: &[(f64, f64)],
    frame: &Frame,
) -> DrawResult {
    let (color, _, solid) = look(i);
    let style = color.stroke_width(frame.px(2.5));
    let size = frame.ipx(4.5);
    if solid {
        chart
            .draw_series(LineSeries::new(points.to_vec(), style))
            .map_err(err)?;
        chart
            .draw_series(points.iter().map(|p| Circle::new(*p, size, color.filled())))
            .map_err(err)?;
    } else {
        chart
            .draw_series(DashedLineSeries::new(
                points.to_vec(),
                frame.px(9.0),
                frame.px(5.0),
                style,
            ))
            .map_err(err)?;
        chart
            .draw_series(
                points
                    .iter()
                    .map(|p| TriangleMarker::new(*p, size + 1, color.filled())),
            )
            .map_err(err)?;
    }
    Ok(())
}

/// The `k`th mark on the zero line (series `i`, at `x`, labelled `text`) over `n` years.
fn zero_line_mark<DB: DrawingBackend>(
    chart: &mut Cartesian<'_, DB>,
    k: usize,
    (i, x, text): &(usize, f64, String),
    n: f64,
    frame: &Frame,
) -> DrawResult {
    let (color, _, _) = look(*i);
    // The first mark's label above the zero line, the second's below it; labels late in the
    // period point left so they stay inside the plot.
    let (dy, v) = if k == 0 {
        (-frame.ipx(8.0), VPos::Bottom)
    } else {
        (frame.ipx(8.0), VPos::Top)
    };
    let (dx, h) = if *x > n * 0.6 {
        (-frame.ipx(8.0), HPos::Right)
    } else {
        (frame.ipx(8.0), HPos::Left)
    };
    let font = (CHART_FAMILY, TEXT * frame.s, FontStyle::Bold)
        .into_font()
        .color(&color)
        .pos(Pos::new(h, v));
    // The label on a white ground, drawn after the lines: no curve runs through its text.
    let (tw, th) = chart
        .plotting_area()
        .estimate_text_size(text, &font)
        .map_err(err)?;
    let (tw, th, pad) = (tw as i32, th as i32, frame.ipx(3.0));
    let (x0, x1) = match h {
        HPos::Right => (dx - tw - pad, dx + pad),
        _ => (dx - pad, dx + tw + pad),
    };
    let (y0, y1) = match v {
        VPos::Bottom => (dy - th - pad, dy + pad),
        _ => (dy - pad, dy + th + pad),
    };
    let half = frame.ipx(5.0);
    chart
        .draw_series(std::iter::once(
            EmptyElement::at((*x, 0.0))
                + Rectangle::new([(x0, y0), (x1, y1)], WHITE.mix(0.85).filled())
                + Rectangle::new([(-half, -half), (half, half)], INK.filled())
                + Text::new(text.clone(), (dx, dy), font),
        ))
        .map_err(err)?;
    Ok(())
}

/// Vertical bars per year, the series side by side.
fn draw_year_bars<DB: DrawingBackend>(
    legend_area: &DrawingArea<DB, Shift>,
    plot: &DrawingArea<DB, Shift>,
    frame: &Frame,
    x_labels: &[String],
    series: &[(String, Vec<f64>)],
) -> DrawResult {
    let entries: Vec<_> = series
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (Swatch::Bar(i), name.clone()))
        .collect();
    draw_legend(legend_area, &entries, frame.ipx(MONEY_AXIS + 14.0), frame.s)?;
    let mut chart = year_axes(plot, x_labels, 0.5, frame)?;
    let w = 0.8 / series.len().max(1) as f64;
    for (i, (_, values)) in series.iter().enumerate() {
        let bars = values.iter().enumerate().map(|(t, v)| {
            let x0 = t as f64 - 0.4 + i as f64 * w;
            ((x0 + 0.03, 0.0), (x0 + w - 0.03, *v))
        });
        bar_series(&mut chart, i, bars, frame.s)?;
    }
    Ok(())
}

/// Horizontal bars per label, each a span from one value to another, row 0 at the top, with
/// an optional dashed reference line; "no data" when there are no rows.
fn draw_spans<DB: DrawingBackend>(
    legend_area: &DrawingArea<DB, Shift>,
    plot: &DrawingArea<DB, Shift>,
    frame: &Frame,
    width: u32,
    labels: &[String],
    series: &[(String, Vec<(f64, f64)>)],
    reference: &Option<(f64, String)>,
) -> DrawResult {
    let px = |v: f64| frame.px(v);
    let (lo, hi) = frame.range;
    let label = &frame.label;
    let unit = frame.unit;
    let money = |v: &f64| unit.tick(*v);
    let rows = labels.len();
    // A label wider than half the chart is shortened with an ellipsis to fit (the PDF's
    // table beside the chart names it in full).
    let most = width * px(1.0) / 2 - px(16.0);
    let mut fitted = Vec::with_capacity(rows);
    for l in labels {
        let mut shown = l.clone();
        let mut keep = l.chars().count();
        while plot.estimate_text_size(&shown, label).map_err(err)?.0 > most && keep > 1 {
            keep -= 1;
            let cut: String = l.chars().take(keep).collect();
            shown = format!("{}…", cut.trim_end());
        }
        fitted.push(shown);
    }
    let labels = &fitted;
    let mut widest = 0u32;
    for l in labels {
        widest = widest.max(plot.estimate_text_size(l, label).map_err(err)?.0);
    }
    let label_area = (widest + px(16.0)).clamp(px(40.0), width * px(1.0) / 2);
    let mut entries: Vec<_> = series
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (Swatch::Bar(i), name.clone()))
        .collect();
    if let Some((_, name)) = reference {
        entries.push((Swatch::Reference, name.clone()));
    }
    draw_legend(
        legend_area,
        &entries,
        label_area as i32 + frame.ipx(14.0),
        frame.s,
    )?;
    let mut chart = ChartBuilder::on(plot)
        .margin(px(14.0))
        .margin_top(px(4.0))
        .x_label_area_size(px(36.0))
        .y_label_area_size(label_area)
        .build_cartesian_2d(lo..hi, -0.6..rows.max(1) as f64 - 0.4)
        .map_err(err)?;
    let yf = |y: &f64| {
        let r = y.round();
        if (y - r).abs() > 1e-6 || r < 0.0 {
            return String::new();
        }
        // Row 0 is drawn at the top.
        rows.checked_sub(1 + r as usize)
            .and_then(|i| labels.get(i))
            .cloned()
            .unwrap_or_default()
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_labels(7)
        .x_label_formatter(&money)
        .y_labels(rows.max(1) * 2 + 1)
        .y_label_formatter(&yf)
        .label_style(label.clone())
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(INK)
        .draw()
        .map_err(err)?;
    if rows == 0 {
        let font = (CHART_FAMILY, TEXT * frame.s).into_font().color(&INK);
        chart
            .draw_series(std::iter::once(Text::new(
                text::NO_DATA.get(frame.lang).to_string(),
                (lo, 0.0),
                font,
            )))
            .map_err(err)?;
    }
    let h = 0.76 / series.len().max(1) as f64;
    for (i, (_, values)) in series.iter().enumerate() {
        let bars = values.iter().enumerate().map(|(row, (a, b))| {
            let y_top = (rows - 1 - row) as f64 + 0.38 - i as f64 * h;
            ((*a, y_top - 0.02), (*b, y_top - h + 0.02))
        });
        bar_series(&mut chart, i, bars, frame.s)?;
    }
    if let Some((x, _)) = reference {
        chart
            .draw_series(DashedLineSeries::new(
                [(*x, -0.6), (*x, rows as f64 - 0.4)],
                px(6.0),
                px(4.0),
                INK.stroke_width(px(2.0)),
            ))
            .map_err(err)?;
    }
    Ok(())
}

type Cartesian<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// Draws bars as rectangles in series `i`'s look: filled, then outlined.
fn bar_series<'a, DB: DrawingBackend + 'a>(
    chart: &mut Cartesian<'a, DB>,
    i: usize,
    bars: impl Iterator<Item = ((f64, f64), (f64, f64))> + Clone,
    s: f64,
) -> DrawResult {
    let (stroke, fill, solid) = look(i);
    let border = stroke.stroke_width((1.5 * s).round() as u32);
    let fill_style = if solid {
        stroke.filled()
    } else {
        fill.filled()
    };
    chart
        .draw_series(
            bars.clone()
                .map(|(a, b)| Rectangle::new([a, b], fill_style)),
        )
        .map_err(err)?;
    chart
        .draw_series(bars.map(|(a, b)| Rectangle::new([a, b], border)))
        .map_err(err)?;
    Ok(())
}

/// Axes over the years `0..x_labels.len()` (padded by `pad` either side) and the frame's
/// money range, with year labels below, money ticks beside and a light grid.
fn year_axes<'a, DB: DrawingBackend>(
    plot: &'a DrawingArea<DB, Shift>,
    x_labels: &[String],
    pad: f64,
    frame: &Frame,
) -> Result<ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>, String> {
    let (lo, hi) = frame.range;
    let unit = frame.unit;
    let label = &frame.label;
    let px = |v: f64| frame.px(v);
    let n = x_labels.len().saturating_sub(1) as f64;
    let mut chart = ChartBuilder::on(plot)
        .margin(px(14.0))
        .margin_top(px(4.0))
        .x_label_area_size(px(36.0))
        .y_label_area_size(px(MONEY_AXIS))
        .build_cartesian_2d(-pad..n + pad, lo..hi)
        .map_err(err)?;
    let xf = |x: &f64| year_label(x_labels, *x);
    let money = |v: &f64| unit.tick(*v);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(x_labels.len() * 2)
        .x_label_formatter(&xf)
        .y_labels(7)
        .y_label_formatter(&money)
        .label_style(label.clone())
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(INK)
        .draw()
        .map_err(err)?;
    Ok(chart)
}

/// The calendar year at an integer x, nothing between years.
fn year_label(labels: &[String], x: f64) -> String {
    let r = x.round();
    if (x - r).abs() > 1e-6 || r < 0.0 {
        return String::new();
    }
    labels.get(r as usize).cloned().unwrap_or_default()
}
