//! The store's portfolio and one initiative as text for the terminal: a table with
//! sv-SE numbers (or English ones), and an initiative's versions. Figures come from
//! nytta-app as decimal strings and are only formatted here.

use nytta_app::format::{kronor, number, years};
use nytta_app::text;
use nytta_app::types::{InitiativeSummary, StoredInitiative, ValuationStatus};
use nytta_app::{Decimal, Lang};

fn parse_dec(s: Option<&str>) -> Option<Decimal> {
    s.and_then(|s| s.parse().ok())
}

/// The portfolio as a readable table (sv-SE numbers by default): id, title, department,
/// stage, priority score, NPV and payback in the economic and budget views.
pub fn table(list: &[InitiativeSummary], lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let head: Vec<String> = if sv {
        [
            "Id",
            "Titel",
            "Förvaltning",
            "Status",
            "Prioritet",
            "NPV ekonomisk",
            "NPV budget",
            "Återbetalning ek.",
            "Återbetalning budget",
        ]
    } else {
        [
            "Id",
            "Title",
            "Department",
            "Stage",
            "Priority",
            "NPV economic",
            "NPV budget",
            "Payback econ.",
            "Payback budget",
        ]
    }
    .iter()
    .map(|s| s.to_string())
    .collect();
    let none = "–";
    let payback = |p: Option<&str>| match parse_dec(p) {
        Some(y) => years(y, lang),
        None if sv => "ej inom perioden".to_string(),
        None => "not within period".to_string(),
    };
    let mut rows = vec![head];
    for s in list {
        let m = &s.summary;
        let mut title = m.title.clone();
        if s.example {
            title.push_str(if sv { " (exempel)" } else { " (example)" });
        }
        rows.push(vec![
            s.id.to_string(),
            title,
            m.department.clone(),
            text::stage(lang, m.stage).to_string(),
            parse_dec(m.priority.as_deref()).map_or(none.to_string(), |p| number(p, 1, lang)),
            parse_dec(Some(&m.npv_economic)).map_or(none.to_string(), |d| kronor(d, lang)),
            parse_dec(Some(&m.npv_budget)).map_or(none.to_string(), |d| kronor(d, lang)),
            payback(m.payback_economic.as_deref()),
            payback(m.payback_budget.as_deref()),
        ]);
    }
    let cols = rows[0].len();
    let width: Vec<usize> = (0..cols)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    // Numbers are right-aligned, text left-aligned.
    let right = [true, false, false, false, true, true, true, true, true];
    let mut out = String::new();
    for (i, r) in rows.iter().enumerate() {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let pad = " ".repeat(width[c] - cell.chars().count());
                if right[c] {
                    format!("{pad}{cell}")
                } else {
                    format!("{cell}{pad}")
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
        if i == 0 {
            out.push_str(&"-".repeat(width.iter().sum::<usize>() + 2 * (cols - 1)));
            out.push('\n');
        }
    }
    out
}

/// One initiative and its versions, for people.
pub fn describe(s: &StoredInitiative, summary: Option<&InitiativeSummary>, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let mut out = String::new();
    if let Some(m) = summary {
        out.push_str(&table(std::slice::from_ref(m), lang));
        out.push('\n');
    }
    out.push_str(if sv { "Versioner:\n" } else { "Versions:\n" });
    for v in &s.versions {
        let status = match (v.status, sv) {
            (ValuationStatus::Decided, true) => "beslutad",
            (ValuationStatus::Decided, false) => "decided",
            (ValuationStatus::Draft, true) => "utkast",
            (ValuationStatus::Draft, false) => "draft",
        };
        let current = if v.id == s.current_version_id {
            if sv {
                " (aktuell)"
            } else {
                " (current)"
            }
        } else {
            ""
        };
        out.push_str(&format!(
            "  {} · {status} · {}{current}\n",
            v.number, v.saved_at
        ));
    }
    out
}
