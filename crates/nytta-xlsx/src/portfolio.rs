//! The portfolio as one Excel table with filters: one row per initiative, every summary
//! column the store keeps.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Table, TableColumn, TableStyle, Workbook};

use crate::export::{text, Styles};
use crate::Error;

/// The sheet holding the portfolio table.
pub const PORTFOLIO_SHEET: &str = "Portfölj";

/// One initiative's summary, as the caller reads it from the store.
#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioRow {
    /// Store id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Owning department.
    pub department: String,
    /// Stage, in words.
    pub stage: String,
    /// Priority basis, in words (empty when not given).
    pub priority_basis: String,
    /// Tags, comma-separated.
    pub tags: String,
    /// Whether it is one of the removable examples.
    pub example: bool,
    /// Current version number.
    pub version: i64,
    /// Valuation status in words (utkast, beslutad).
    pub status: String,
    /// Last change, ISO date and time.
    pub updated_at: String,
    /// Potential effect (1, 3, 5).
    pub effect: u8,
    /// Feasibility, if scored.
    pub feasibility: Option<u8>,
    /// Financing, if scored.
    pub financing: Option<u8>,
    /// Resource need (1, 3, 5).
    pub resource_need: u8,
    /// Priority score.
    pub priority: Option<Decimal>,
    /// Whether a full valuation is required.
    pub full_valuation_required: bool,
    /// NPV, economic view.
    pub npv_economic: Decimal,
    /// NPV, budget view.
    pub npv_budget: Decimal,
    /// Payback, economic view; `None` when not within the period.
    pub payback_economic: Option<Decimal>,
    /// Payback, budget view.
    pub payback_budget: Option<Decimal>,
}

/// The table's column headings, in order.
pub const PORTFOLIO_COLUMNS: [&str; 20] = [
    "Id",
    "Titel",
    "Förvaltning",
    "Status",
    "Prioriteringsgrund",
    "Taggar",
    "Exempel",
    "Version",
    "Versionens status",
    "Senast ändrad",
    "Effekt",
    "Genomförbarhet",
    "Finansiering",
    "Resursbehov",
    "Prioritetspoäng",
    "Fullständig värdering krävs",
    "NPV ekonomisk (kr)",
    "NPV budget (kr)",
    "Återbetalningstid ekonomisk (år)",
    "Återbetalningstid budget (år)",
];

fn f(d: Decimal) -> f64 {
    d.normalize().to_string().parse().unwrap_or_default()
}

/// Writes the portfolio as an .xlsx workbook: one table named Portfolj with a filter on
/// every column; a figure that does not exist (no score, no payback within the period) is
/// an empty cell.
pub fn export_portfolio(rows: &[PortfolioRow]) -> Result<Vec<u8>, Error> {
    let st = Styles::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name(PORTFOLIO_SHEET)?;
    let yes_no = |b: bool| if b { "ja" } else { "nej" };
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_number(row, 0, r.id as f64)?;
        text(ws, &st, row, 1, &r.title)?;
        text(ws, &st, row, 2, &r.department)?;
        text(ws, &st, row, 3, &r.stage)?;
        text(ws, &st, row, 4, &r.priority_basis)?;
        text(ws, &st, row, 5, &r.tags)?;
        ws.write_string(row, 6, yes_no(r.example))?;
        ws.write_number(row, 7, r.version as f64)?;
        text(ws, &st, row, 8, &r.status)?;
        text(ws, &st, row, 9, &r.updated_at)?;
        ws.write_number(row, 10, f64::from(r.effect))?;
        if let Some(v) = r.feasibility {
            ws.write_number(row, 11, f64::from(v))?;
        }
        if let Some(v) = r.financing {
            ws.write_number(row, 12, f64::from(v))?;
        }
        ws.write_number(row, 13, f64::from(r.resource_need))?;
        if let Some(p) = r.priority {
            ws.write_number_with_format(row, 14, f(p), &Format::new().set_num_format("0.0"))?;
        }
        ws.write_string(row, 15, yes_no(r.full_valuation_required))?;
        ws.write_number_with_format(row, 16, f(r.npv_economic), &st.kr0)?;
        ws.write_number_with_format(row, 17, f(r.npv_budget), &st.kr0)?;
        if let Some(p) = r.payback_economic {
            ws.write_number_with_format(row, 18, f(p), &st.years)?;
        }
        if let Some(p) = r.payback_budget {
            ws.write_number_with_format(row, 19, f(p), &st.years)?;
        }
    }
    let columns: Vec<TableColumn> = PORTFOLIO_COLUMNS
        .iter()
        .map(|h| TableColumn::new().set_header(*h))
        .collect();
    let table = Table::new()
        .set_name("Portfolj")
        .set_style(TableStyle::Medium2)
        .set_columns(&columns);
    let last = (rows.len() as u32).max(1);
    ws.add_table(0, 0, last, PORTFOLIO_COLUMNS.len() as u16 - 1, &table)?;
    let widths = [
        6, 40, 24, 16, 20, 24, 9, 8, 12, 20, 8, 10, 10, 10, 10, 12, 18, 18, 14, 14,
    ];
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(1, 2)?;
    Ok(wb.save_to_buffer()?)
}
