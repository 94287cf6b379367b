//! The readable summary the CLI prints: key figures in both views, scores, the year table,
//! every line with its explanation, sensitivity and follow-ups, in sv-SE (or English).

use std::fmt::Write;

use nytta_app::format::{self, Lang};
use nytta_app::text::{self, t, Key};
use nytta_app::types::{Figures, Side, YearFlows, YearRow};
use nytta_app::{Decimal, Evaluation, Model};

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

fn rpad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{}{s}", " ".repeat(width.saturating_sub(n)))
}

fn years_or(lang: Lang, v: Option<Decimal>) -> String {
    v.map_or_else(
        || t(lang, Key::NotWithinPeriod).to_string(),
        |y| format::years(y, lang),
    )
}

fn pct_or(lang: Lang, v: Option<Decimal>) -> String {
    v.map_or_else(
        || t(lang, Key::NotDefined).to_string(),
        |r| format::percent(r, 1, lang),
    )
}

/// A switching value worded by the NPV's sign, as in the business case: with a negative NPV
/// the benefits must rise (the costs fall) by the ratio's absolute value, never "may fall by
/// −2,5 %".
fn switching(lang: Lang, v: Option<Decimal>, fine: Key, needed: Key) -> String {
    match v {
        Some(r) if r.is_sign_negative() && !r.is_zero() => {
            t(lang, needed).replace("{pct}", &format::percent(-r, 1, lang))
        }
        Some(r) => t(lang, fine).replace("{pct}", &format::percent(r, 1, lang)),
        None => t(lang, Key::NotDefined).to_string(),
    }
}

/// The IRR, every root when there are several ("flera internräntor: −1,8 %; 12,0 %"), or
/// why there is none.
fn irr_or(lang: Lang, f: &Figures) -> String {
    if f.irr_roots.len() > 1 {
        let roots: Vec<String> = f.irr_roots.iter().map(|r| format::irr(*r, lang)).collect();
        return format!("{}: {}", t(lang, Key::SeveralIrr), roots.join("; "));
    }
    f.irr.map_or_else(
        || text::rate_undefined(lang, f.irr_undefined),
        |r| format::irr(r, lang),
    )
}

/// The MIRR, or why there is none ("ej definierad – nettot är negativt varje år").
fn mirr_or(lang: Lang, f: &Figures) -> String {
    f.mirr.map_or_else(
        || text::rate_undefined(lang, f.mirr_undefined),
        |r| format::percent(r, 1, lang),
    )
}

fn ratio_or(lang: Lang, v: Option<Decimal>) -> String {
    v.map_or_else(
        || t(lang, Key::NotDefined).to_string(),
        |r| format::number(r, 2, lang),
    )
}

fn figure_rows(lang: Lang, e: &Figures, b: &Figures) -> Vec<(Key, String, String)> {
    let kr = |d: Decimal| format::kronor(d, lang);
    vec![
        (Key::Npv, kr(e.npv), kr(b.npv)),
        (Key::PvBenefits, kr(e.pv_benefits), kr(b.pv_benefits)),
        (Key::PvCosts, kr(e.pv_costs), kr(b.pv_costs)),
        (
            Key::Payback,
            years_or(lang, e.payback_years),
            years_or(lang, b.payback_years),
        ),
        (
            Key::DiscountedPayback,
            years_or(lang, e.discounted_payback_years),
            years_or(lang, b.discounted_payback_years),
        ),
        (Key::Roi, pct_or(lang, e.roi), pct_or(lang, b.roi)),
        (
            Key::Bcr,
            ratio_or(lang, e.benefit_cost_ratio),
            ratio_or(lang, b.benefit_cost_ratio),
        ),
        (Key::Irr, irr_or(lang, e), irr_or(lang, b)),
        (Key::Mirr, mirr_or(lang, e), mirr_or(lang, b)),
        (
            Key::TotalBenefits,
            kr(e.total_benefits),
            kr(b.total_benefits),
        ),
        (Key::TotalCosts, kr(e.total_costs), kr(b.total_costs)),
        (
            Key::SwitchingBenefits,
            switching(
                lang,
                e.switching_benefits,
                Key::BenefitsMayFall,
                Key::BenefitsMustRise,
            ),
            switching(
                lang,
                b.switching_benefits,
                Key::BenefitsMayFall,
                Key::BenefitsMustRise,
            ),
        ),
        (
            Key::SwitchingCosts,
            switching(
                lang,
                e.switching_costs,
                Key::CostsMayRise,
                Key::CostsMustFall,
            ),
            switching(
                lang,
                b.switching_costs,
                Key::CostsMayRise,
                Key::CostsMustFall,
            ),
        ),
    ]
}

fn level(lang: Lang, l: Option<u8>) -> String {
    l.map_or_else(|| t(lang, Key::NotChosen).to_string(), |l| l.to_string())
}

/// The summary of an evaluated document.
pub fn summary(model: &Model, ev: &Evaluation, lang: Lang) -> String {
    let mut out = String::new();
    let doc = &model.doc;
    let i = &doc.initiative;
    let v = &doc.valuation;
    let _ = writeln!(out, "{}", i.title);
    let mut meta = vec![];
    if !i.department.is_empty() {
        meta.push(i.department.clone());
    }
    meta.push(text::stage(lang, i.stage).to_string());
    if let Some(p) = i.priority_basis {
        meta.push(text::priority_basis(lang, p).to_string());
    }
    let mut version = v.label.clone();
    if let Some(d) = &v.date {
        version = format!("{version} {d}").trim().to_string();
    }
    if !version.is_empty() {
        meta.push(version);
    }
    let _ = writeln!(out, "{}", meta.join(" · "));
    let p = &model.params;
    let _ = writeln!(
        out,
        "{}",
        t(lang, Key::Parameters)
            .replace("{years}", &p.years.to_string())
            .replace("{start}", &p.start_year.to_string())
            .replace("{rate}", &format::percent(p.rate, 1, lang))
    );
    let _ = writeln!(out);

    let rows = figure_rows(lang, &ev.economic, &ev.budget);
    let label_w = rows
        .iter()
        .map(|r| t(lang, r.0).chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let col_w = rows
        .iter()
        .flat_map(|r| [r.1.chars().count(), r.2.chars().count()])
        .chain([
            t(lang, Key::Economic).chars().count(),
            t(lang, Key::Budget).chars().count(),
        ])
        .max()
        .unwrap_or(0)
        + 2;
    let _ = writeln!(
        out,
        "{}{}{}",
        pad(t(lang, Key::KeyFigures), label_w),
        rpad(t(lang, Key::Economic), col_w),
        rpad(t(lang, Key::Budget), col_w)
    );
    for (k, e, b) in &rows {
        let _ = writeln!(
            out,
            "{}{}{}",
            pad(t(lang, *k), label_w),
            rpad(e, col_w),
            rpad(b, col_w)
        );
    }
    let _ = writeln!(
        out,
        "{}: {} h/{} = {} {}",
        t(lang, Key::FreedTime),
        format::number(ev.freed_hours_per_year, 0, lang),
        if lang == Lang::Sv { "år" } else { "year" },
        format::number(ev.fte, 1, lang),
        t(lang, Key::Fte)
    );
    if ev.economic.irr_roots.len() > 1 || ev.budget.irr_roots.len() > 1 {
        let _ = writeln!(out, "{}", t(lang, Key::SeveralIrrNote));
    }
    let _ = writeln!(out, "{}", t(lang, Key::NpvNote));
    let _ = writeln!(out);

    let s = &ev.scores;
    let _ = writeln!(out, "{}", t(lang, Key::Scores));
    let _ = writeln!(
        out,
        "  {} {} · {} {} · {} {} · {} {} · {} {}",
        t(lang, Key::Effect),
        s.effect,
        t(lang, Key::Feasibility),
        level(lang, s.feasibility),
        t(lang, Key::Financing),
        level(lang, s.financing),
        t(lang, Key::ResourceNeed),
        s.resource_need,
        t(lang, Key::Priority),
        s.priority.map_or_else(
            || t(lang, Key::NotChosen).to_string(),
            |p| format::number(p, 1, lang)
        )
    );
    let rule = if s.full_valuation_required {
        Key::FullRequired
    } else {
        Key::SimplifiedOk
    };
    let _ = writeln!(out, "  {}", t(lang, rule));
    let _ = writeln!(out);

    for (heading, pick) in [
        (
            Key::Economic,
            (|r: &YearRow| r.economic.clone()) as fn(&_) -> YearFlows,
        ),
        (Key::Budget, |r: &YearRow| r.budget.clone()),
    ] {
        let _ = writeln!(
            out,
            "{} – {}",
            t(lang, Key::YearTable),
            t(lang, heading).to_lowercase()
        );
        let header = [
            Key::Year,
            Key::Benefits,
            Key::Costs,
            Key::Net,
            Key::Cumulative,
            Key::DiscountedNet,
        ];
        let cells: Vec<[String; 6]> = ev
            .years
            .iter()
            .map(|r| {
                let f = pick(r);
                let kr = |d: Decimal| format::kronor(d, lang);
                [
                    format!("{} ({})", r.calendar_year, r.year),
                    kr(f.benefits),
                    kr(f.costs),
                    kr(f.net),
                    kr(f.cumulative),
                    kr(f.discounted_net),
                ]
            })
            .collect();
        let widths: Vec<usize> = (0..6)
            .map(|c| {
                cells
                    .iter()
                    .map(|row| row[c].chars().count())
                    .chain([t(lang, header[c]).chars().count()])
                    .max()
                    .unwrap_or(0)
                    + 2
            })
            .collect();
        let mut line = pad(t(lang, header[0]), widths[0]);
        for c in 1..6 {
            line.push_str(&rpad(t(lang, header[c]), widths[c]));
        }
        let _ = writeln!(out, "{}", line.trim_end());
        for row in &cells {
            let mut line = pad(&row[0], widths[0]);
            for c in 1..6 {
                line.push_str(&rpad(&row[c], widths[c]));
            }
            let _ = writeln!(out, "{line}");
        }
        let _ = writeln!(out);
    }

    let _ = writeln!(out, "{}", t(lang, Key::Lines));
    for (line, result) in doc.valuation.lines.iter().zip(&ev.lines) {
        let sign = match line.side {
            Side::Benefit => "+",
            Side::Cost => "−",
        };
        let _ = writeln!(
            out,
            "  {sign} {} ({})",
            line.name,
            text::category(lang, line.category)
        );
        if let Some(e) = &result.explain {
            let _ = writeln!(out, "      {e}");
        }
    }
    let _ = writeln!(out);

    let sens = &ev.sensitivity;
    if !sens.tornado.is_empty() {
        let _ = writeln!(out, "{}", t(lang, Key::Sensitivity));
        for bar in &sens.tornado {
            let _ = writeln!(
                out,
                "  {}: {} … {}",
                bar.input,
                format::kronor(bar.npv_at_low, lang),
                format::kronor(bar.npv_at_high, lang)
            );
        }
        for (k, c) in [
            (Key::Pessimistic, &sens.pessimistic),
            (Key::Optimistic, &sens.optimistic),
        ] {
            let _ = writeln!(
                out,
                "  {}: {} {}, {} {}",
                t(lang, k),
                t(lang, Key::Npv),
                format::kronor(c.npv, lang),
                t(lang, Key::Payback).to_lowercase(),
                years_or(lang, c.payback_years)
            );
        }
        let _ = writeln!(out);
    }

    if !ev.follow_ups.is_empty() {
        let _ = writeln!(out, "{}", t(lang, Key::FollowUps));
        for f in &ev.follow_ups {
            let _ = writeln!(
                out,
                "  {} ({} {}): {} {} ({} {}), {} {}",
                f.date,
                t(lang, Key::Year).to_lowercase(),
                f.year,
                t(lang, Key::Npv),
                format::kronor(f.realised.economic.npv, lang),
                t(lang, Key::Expected).to_lowercase(),
                format::kronor(ev.economic.npv, lang),
                t(lang, Key::Payback).to_lowercase(),
                years_or(lang, f.realised.economic.payback_years)
            );
            for g in &f.effect_goals {
                let _ = writeln!(
                    out,
                    "    {} {}: {}",
                    t(lang, Key::Attainment),
                    g.id,
                    pct_or(lang, g.attainment)
                );
            }
        }
    }
    out
}
