//! The municipality's own evidence across the store: the calibration table (realised ÷
//! expected by category and by stakeholder over every followed-up initiative) and the
//! lessons learned, searchable by text, tag, department and category.

use std::fmt::Write;

use nytta_core::calibration::{self, Calibration, CalibrationRow, Lesson, LessonQuery};
use nytta_core::document::{Category, Side};
use nytta_core::format;
use nytta_core::{Evaluation, Lang, Model};

use crate::ctx::Ctx;
use crate::portfolio;
use crate::text;
use crate::AppError;

/// Every stored initiative's id and current document, checked and evaluated. A document
/// that no longer evaluates (which the store prevents) is skipped rather than hiding all
/// evidence.
fn evaluated(ctx: &Ctx) -> Result<Vec<(i64, Model, Evaluation)>, AppError> {
    let mut out = Vec::new();
    for summary in portfolio::list(ctx)? {
        let stored = portfolio::get(ctx, summary.id)?;
        if let Ok((model, ev)) = crate::evaluate_text(&stored.document_json, Lang::Sv) {
            out.push((summary.id, model, ev));
        }
    }
    Ok(out)
}

/// The calibration table over every followed-up initiative in the store.
pub fn calibration(ctx: &Ctx) -> Result<Calibration, AppError> {
    let items = evaluated(ctx)?;
    let refs: Vec<(&Model, &Evaluation)> = items.iter().map(|(_, m, e)| (m, e)).collect();
    Ok(calibration::calibrate(&refs))
}

/// Lessons learned across the store that match `query`, newest first, each with the id of
/// its initiative.
pub fn lessons(ctx: &Ctx, query: &LessonQuery) -> Result<Vec<Lesson>, AppError> {
    let mut found: Vec<Lesson> = evaluated(ctx)?
        .iter()
        .flat_map(|(id, m, _)| {
            calibration::lessons(m).into_iter().map(|l| Lesson {
                initiative_id: Some(*id),
                ..l
            })
        })
        .filter(|l| calibration::matches(l, query))
        .collect();
    found.sort_by(|a, b| b.date.cmp(&a.date));
    Ok(found)
}

/// The hint shown beside a benefit's confidence, e.g. "Omfördelningsnyttor realiserades i
/// snitt till 72 %, n = 9"; `None` when no such line has been followed up.
pub fn confidence_hint(table: &Calibration, category: Category, lang: Lang) -> Option<String> {
    let row = table.benefit_rate(category)?;
    let rate = format::percent(row.rate?, 0, lang);
    let n = row.lines;
    Some(match lang {
        Lang::Sv => {
            let benefits = match category {
                Category::Financial => "Finansiella nyttor",
                Category::Reallocation => "Omfördelningsnyttor",
                Category::Quality => "Kvalitetsnyttor",
                Category::Environment => "Miljönyttor",
            };
            format!("{benefits} realiserades i snitt till {rate}, n = {n}")
        }
        Lang::En => {
            let benefits = match category {
                Category::Financial => "Financial benefits",
                Category::Reallocation => "Reallocation benefits",
                Category::Quality => "Quality benefits",
                Category::Environment => "Environmental benefits",
            };
            format!("{benefits} were realised at {rate} on average, n = {n}")
        }
    })
}

/// The calibration table as text.
pub fn calibration_text(table: &Calibration, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let mut out = String::new();
    let header = if sv {
        [
            "Grupp",
            "Rader",
            "Initiativ",
            "Förväntat",
            "Utfall",
            "Utfall/förväntat",
        ]
    } else {
        [
            "Group",
            "Lines",
            "Initiatives",
            "Expected",
            "Realised",
            "Realised/expected",
        ]
    };
    let side = |s: Side| match (s, sv) {
        (Side::Benefit, true) => "nytta",
        (Side::Cost, true) => "kostnad",
        (Side::Benefit, false) => "benefit",
        (Side::Cost, false) => "cost",
    };
    let name = |r: &CalibrationRow| {
        let group = match (r.category, r.stakeholder) {
            (Some(c), _) => text::category(lang, c),
            (_, Some(h)) => text::stakeholder(lang, h),
            _ => "",
        };
        format!("{} – {group}", side(r.side))
    };
    let sections = [
        (
            if sv { "Per kategori" } else { "By category" },
            &table.by_category,
        ),
        (
            if sv {
                "Per intressent"
            } else {
                "By stakeholder"
            },
            &table.by_stakeholder,
        ),
    ];
    if table.by_category.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            if sv {
                "Inga uppföljningar med förväntade belopp ännu."
            } else {
                "No follow-ups with expected amounts yet."
            }
        );
        return out;
    }
    for (title, rows) in sections {
        let _ = writeln!(out, "{title}");
        let cells: Vec<[String; 6]> = rows
            .iter()
            .map(|r| {
                [
                    name(r),
                    r.lines.to_string(),
                    r.initiatives.to_string(),
                    format::kronor(r.expected, lang),
                    format::kronor(r.realised, lang),
                    r.rate
                        .map_or_else(|| "–".into(), |x| format::percent(x, 0, lang)),
                ]
            })
            .collect();
        let widths: Vec<usize> = (0..6)
            .map(|c| {
                cells
                    .iter()
                    .map(|row| row[c].chars().count())
                    .chain([header[c].chars().count()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |row: &[String]| {
            let mut s = format!("  {:<w$}", row[0], w = widths[0]);
            for c in 1..6 {
                let pad = widths[c].saturating_sub(row[c].chars().count());
                let _ = write!(s, "  {}{}", " ".repeat(pad), row[c]);
            }
            s
        };
        let head: Vec<String> = header.iter().map(|h| h.to_string()).collect();
        let _ = writeln!(out, "{}", line(&head));
        for row in &cells {
            let _ = writeln!(out, "{}", line(row));
        }
    }
    out
}
