//! The portfolio as CSV for Swedish Excel: UTF-8 with a byte order mark, semicolons between
//! cells, CRLF line ends, decimal comma without digit grouping, every summary column in
//! portfolio order. A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
//! return is written as text (a leading apostrophe), so a spreadsheet never runs it as a
//! formula; numbers keep their minus sign and stay numbers.

use nytta_core::format::{money_json, ratio_json};
use nytta_store::InitiativeSummary;
use rust_decimal::Decimal;

use crate::ctx::Ctx;
use crate::overview::{basis_name, stage_name};
use crate::{AppError, Lang};

/// A text cell: guarded against formulas, quoted when it holds a separator, quote or line
/// break.
fn text_cell(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([';', '"', '\n', '\r']) || guarded != s {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// A decimal written by nytta-core's JSON rules, with a decimal comma.
fn number_cell(s: &str) -> String {
    s.replace('.', ",")
}

fn opt_number(s: Option<&str>, decimals: u32) -> String {
    s.and_then(|s| s.parse::<Decimal>().ok())
        .map(|d| {
            number_cell(&if decimals == 2 {
                money_json(d)
            } else {
                ratio_json(d)
            })
        })
        .unwrap_or_default()
}

fn yes_no(b: bool, lang: Lang) -> String {
    match (b, lang) {
        (true, Lang::Sv) => "ja",
        (false, Lang::Sv) => "nej",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
    .to_string()
}

/// The column headings.
fn header(lang: Lang) -> Vec<&'static str> {
    if lang == Lang::Sv {
        vec![
            "Id",
            "Titel",
            "Förvaltning/bolag",
            "Status",
            "Prioriteringsgrund",
            "Taggar",
            "Potentiell effekt",
            "Genomförbarhet",
            "Finansiering",
            "Resursbehov",
            "Prioritetspoäng",
            "Fördjupad nyttovärdering krävs",
            "NPV ekonomisk (kr)",
            "NPV budget (kr)",
            "Återbetalningstid ekonomisk (år)",
            "Återbetalningstid budget (år)",
            "Version",
            "Versionens status",
            "Ändrad",
            "Ändringar med fel sparade",
            "Exempel",
            "Demodata",
        ]
    } else {
        vec![
            "Id",
            "Title",
            "Department/company",
            "Stage",
            "Priority basis",
            "Tags",
            "Potential effect",
            "Feasibility",
            "Financing",
            "Resource need",
            "Priority score",
            "Full valuation required",
            "NPV economic (SEK)",
            "NPV budget (SEK)",
            "Payback economic (years)",
            "Payback budget (years)",
            "Version",
            "Version status",
            "Changed",
            "Changes with problems kept",
            "Example",
            "Demo data",
        ]
    }
}

/// The portfolio `list` (in its order) as CSV text, BOM included.
pub fn portfolio_csv(list: &[InitiativeSummary], lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&header(lang).join(";"));
    out.push_str("\r\n");
    let level = |l: Option<u8>| l.map(|l| l.to_string()).unwrap_or_default();
    for s in list {
        let m = &s.summary;
        let status = nytta_store::valuation::code_of(&s.status);
        let status = match (status.as_str(), lang) {
            ("decided", Lang::Sv) => "beslutad",
            ("decided", Lang::En) => "decided",
            (_, Lang::Sv) => "utkast",
            (_, Lang::En) => "draft",
        };
        let basis = m
            .priority_basis
            .as_ref()
            .map(nytta_store::valuation::code_of);
        let cells = [
            s.id.to_string(),
            text_cell(&m.title),
            text_cell(&m.department),
            text_cell(&stage_name(
                lang,
                &nytta_store::valuation::code_of(&m.stage),
            )),
            if basis.is_some() {
                text_cell(&basis_name(lang, basis.as_deref()))
            } else {
                String::new()
            },
            text_cell(&m.tags.join(", ")),
            m.effect.to_string(),
            level(m.feasibility),
            level(m.financing),
            m.resource_need.to_string(),
            opt_number(m.priority.as_deref(), 6),
            yes_no(m.full_valuation_required, lang),
            opt_number(Some(&m.npv_economic), 2),
            opt_number(Some(&m.npv_budget), 2),
            opt_number(m.payback_economic.as_deref(), 6),
            opt_number(m.payback_budget.as_deref(), 6),
            s.current_version_number.to_string(),
            status.to_string(),
            text_cell(&s.updated_at),
            yes_no(s.has_working_copy, lang),
            yes_no(s.example, lang),
            yes_no(s.demo, lang),
        ];
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    out
}

/// The store's portfolio as CSV text.
pub fn export(ctx: &Ctx, lang: Lang) -> Result<String, AppError> {
    Ok(portfolio_csv(&ctx.store().list()?, lang))
}

/// Writes the store's portfolio as CSV to `path` (a temporary name first, then renamed).
pub fn export_to(ctx: &Ctx, path: &std::path::Path, lang: Lang) -> Result<(), AppError> {
    let text = export(ctx, lang)?;
    crate::report_files::write_atomically(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn row(title: &str, npv: &str, payback: Option<&str>) -> InitiativeSummary {
        serde_json::from_value(serde_json::json!({
            "id": 7, "example": false, "current_version_id": 9, "current_version_number": 2,
            "status": "decided", "updated_at": "2025-05-01T08:00:00Z", "has_working_copy": false,
            "demo": true, "title": title, "department": "Omsorgsförvaltningen",
            "stage": "in_progress", "priority_basis": "critical", "tags": ["kamera", "natt"],
            "effect": 3, "feasibility": 5, "financing": null, "resource_need": 1,
            "priority": "4.500000", "full_valuation_required": true, "npv_economic": npv,
            "npv_budget": "0.00", "payback_economic": payback, "payback_budget": null
        }))
        .unwrap()
    }

    #[test]
    fn swedish_excel_reads_it_right_and_formulas_stay_text() {
        let csv = portfolio_csv(
            &[
                row("Nattillsyn; \"kamera\"", "-1234567.50", Some("2.500000")),
                row("=HYPERLINK(\"x\")", "0.00", None),
                row("@SUM(A1)", "0.00", None),
                row("-2+3", "0.00", None),
            ],
            Lang::Sv,
        );
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            lines.len(),
            6,
            "header, four rows, empty after the last CRLF"
        );
        assert!(lines[0].starts_with("Id;Titel;Förvaltning/bolag;Status;Prioriteringsgrund;"));
        assert_eq!(lines[0].split(';').count(), 22);
        assert_eq!(
            lines[1],
            "7;\"Nattillsyn; \"\"kamera\"\"\";Omsorgsförvaltningen;genomförs;samhällsviktig verksamhet;\
             kamera, natt;3;5;;1;4,500000;ja;-1234567,50;0,00;2,500000;;2;beslutad;\
             2025-05-01T08:00:00Z;nej;nej;ja"
        );
        assert!(
            lines[2].starts_with("7;\"'=HYPERLINK(\"\"x\"\")\";"),
            "{}",
            lines[2]
        );
        assert!(lines[3].starts_with("7;\"'@SUM(A1)\";"), "{}", lines[3]);
        assert!(lines[4].starts_with("7;\"'-2+3\";"), "{}", lines[4]);
        let en = portfolio_csv(&[row("A", "1.00", None)], Lang::En);
        assert!(en.contains("in progress;critical societal function"));
        assert!(en.contains(";yes;1,00;"));
    }
}
